/** The sign-in link email: sent through the same SMTP setup as the reminders when one is configured. */
import type { SendMailOptions } from 'nodemailer';
import { SIGN_IN_LINK_MINUTES } from '../api/auth/auth-routes.js';

export function signInEmail(from: string, to: string, url: string): SendMailOptions {
  return {
    from,
    to,
    subject: 'Your recert sign-in link',
    text: [
      'Open this link to sign in to recert:',
      '',
      url,
      '',
      `The link works once, within ${SIGN_IN_LINK_MINUTES} minutes. If you did not ask to sign in, ignore this email: nothing happens without the link.`,
    ].join('\n'),
  };
}
