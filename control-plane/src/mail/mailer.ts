import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from '../logger.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** What the mail is for (`verify_email`, `welcome`, …): tests and logs read it. */
  kind: string;
}

/** The mail port (STYLE §8): SMTP in production, an outbox folder as the embedded default. */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

/**
 * Writes each mail as `<outbox>/<time>-<kind>-<id>.json` (`{ from, to, subject, text, kind }`):
 * what a developer opens to click a verification link without an SMTP server.
 */
export function outboxMailer(input: { dir: string; from: string }): Mailer {
  return {
    async send(mail) {
      await mkdir(input.dir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${mail.kind}-${randomUUID()}.json`;
      const body = JSON.stringify({ from: input.from, ...mail }, null, 2);
      await writeFile(path.join(input.dir, name), `${body}\n`, { flag: 'wx' });
    },
  };
}

export function smtpMailer(input: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(input.url);
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

/**
 * Mail never decides whether a request succeeded: the state change is committed already, and a
 * lost mail is re-sent by asking again. Failures are logged.
 */
export function bestEffort(mailer: Mailer, logger: Logger): Mailer {
  return {
    async send(mail) {
      try {
        await mailer.send(mail);
      } catch (error) {
        logger.error({ err: error, kind: mail.kind }, 'sending mail failed');
      }
    },
  };
}
