/**
 * Sends email by SMTP with nodemailer, configured by one URL (SMTP_URL, e.g.
 * `smtp://user:pass@mail.example.com:587` or `smtps://…:465`).
 */
import nodemailer, { type SendMailOptions } from 'nodemailer';

export interface Mailer {
  send(message: SendMailOptions): Promise<void>;
  close(): void;
}

export function smtpMailer(smtpUrl: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(message) {
      await transport.sendMail(message);
    },
    close() {
      transport.close();
    },
  };
}
