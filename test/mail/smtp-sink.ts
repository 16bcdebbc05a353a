/**
 * A real SMTP server for tests (the `smtp-server` package) on a free loopback port. Each message is
 * read back with `mailparser` before the server answers 250, so once nodemailer's send resolves the
 * message is in `messages`.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  /** smtp://127.0.0.1:PORT */
  readonly url: string;
  readonly messages: ParsedMail[];
  /** The X-Recert-Reminder header (the idempotency key) of each message, in arrival order. */
  keys(): string[];
  /** Makes the next `n` messages fail with a 451 (temporary) error. */
  failNext(n: number): void;
  /** While on, each message is read but never answered: the sender hangs in the middle of its send. Turning it on resets `stalled`. */
  stall(on: boolean): void;
  /** How many messages were left unanswered while stalling. */
  stalled(): number;
  close(): Promise<void>;
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  let failures = 0;
  let stalling = false;
  let stalled = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        if (stalling) {
          stalled += 1;
          return;
        }
        if (failures > 0) {
          failures -= 1;
          const error = Object.assign(new Error('try again later'), { responseCode: 451 });
          return callback(error);
        }
        messages.push(mail);
        callback();
      }, (error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    keys: () => messages.map((m) => String(m.headers.get('x-recert-reminder'))),
    failNext(n) {
      failures = n;
    },
    stall(on) {
      stalling = on;
      if (on) stalled = 0;
    },
    stalled: () => stalled,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
