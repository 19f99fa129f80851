import { randomUUID } from 'node:crypto';
import { chmod, mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** What the mail is for (`verify_email`, `welcome`, …): tests and logs read it. */
  kind: string;
}

/**
 * The mail port (STYLE §8): SMTP in production, an outbox folder as the embedded default. Services
 * send through the mail queue (mail-queue.ts), which stores each mail and uses one of these.
 */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Writes each mail as `<outbox>/<time>-<kind>-<id>.json` (`{ from, to, subject, text, kind }`):
 * what a developer opens to click a verification link without an SMTP server. The mails carry
 * one-time tokens (verification, invitations), so the folder is 0700 and each file 0600: another
 * local user must not be able to accept an invitation.
 */
export function outboxMailer(input: { dir: string; from: string }): Mailer {
  return {
    async send(mail) {
      await mkdir(input.dir, { recursive: true, mode: 0o700 });
      // A folder made by an earlier version is 0755: tighten it too.
      await chmod(input.dir, 0o700);
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.kind}-${randomUUID()}.json`;
      const body = JSON.stringify({ from: input.from, ...mail }, null, 2);
      // Written aside, then renamed: a reader polling the folder never sees half a mail.
      const temporary = path.join(input.dir, `.tmp-${randomUUID()}`);
      await writeFile(temporary, `${body}\n`, { flag: 'wx', mode: 0o600 });
      await rename(temporary, path.join(input.dir, name));
    },
  };
}

/**
 * SMTP through nodemailer. Timeouts are bounded (nodemailer's defaults wait minutes) so a stuck
 * server fails the attempt well within the mail queue's lease, and the queue retries it.
 */
export function smtpMailer(input: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport({
    url: input.url,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from: input.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        headers: { 'X-Luster-Mail': mail.kind },
      });
    },
  };
}
