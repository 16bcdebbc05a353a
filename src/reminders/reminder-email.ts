/**
 * One reminder as an email: what is missing, the one next step, a link to the dashboard and a link
 * that turns reminders off without logging in. The unsubscribe link is also in the `List-Unsubscribe`
 * header, with `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058), so mail apps can offer
 * their own unsubscribe button.
 */
import type { SendMailOptions } from 'nodemailer';
import type { OutboxItem } from '../store/reminder-store.js';

export interface EmailLinks {
  /** The server's public address, ending in "/" (PUBLIC_URL). */
  readonly publicUrl: string;
  readonly unsubscribeToken: string;
}

/** PUBLIC_URL with a trailing slash, or the loopback address of this server's port. */
export function publicUrlOf(publicUrl: string | undefined, port: number): string {
  const base = publicUrl === undefined || publicUrl === '' ? `http://127.0.0.1:${port}/` : publicUrl;
  return base.endsWith('/') ? base : `${base}/`;
}

export function unsubscribeUrl(publicUrl: string, token: string): string {
  return new URL(`unsubscribe/${token}`, publicUrl).href;
}

export function reminderEmail(item: OutboxItem, to: string, from: string, links: EmailLinks): SendMailOptions {
  const unsubscribe = unsubscribeUrl(links.publicUrl, links.unsubscribeToken);
  const text = [
    item.body,
    '',
    ...(item.missing === '' ? [] : [`What is missing: ${item.missing}`]),
    `Next step: ${item.nextStep}`,
    '',
    `Your dashboard: ${links.publicUrl}`,
    '',
    '-- ',
    `You get this email because reminders are on in recert for ${to}.`,
    `Turn them off (no login needed): ${unsubscribe}`,
  ].join('\n');
  return {
    from,
    to,
    subject: item.subject,
    text,
    list: { unsubscribe: { url: unsubscribe, comment: 'Turn off recert reminders' } },
    headers: {
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      // The idempotency key, so a duplicate (see docs/decisions/0011) can be recognised by a filter.
      'X-Recert-Reminder': item.key,
    },
  };
}
