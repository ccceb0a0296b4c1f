import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** The one link the reader must follow, logged when mail is written to disk. */
  link?: string;
  /** The one code the reader must type, logged the same way (a demo's sign-in codes). */
  code?: string;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl: string | undefined;
  from: string;
  /** Where messages go when there is no SMTP server: one .eml file each. */
  outbox: string;
  log?: (line: string) => void;
}

/**
 * Sends through SMTP_URL when it is set; otherwise writes each message to the outbox folder as
 * an .eml file and logs its link, so sign-up and password reset work on a machine with no mail.
 */
export function createMailer(options: MailerOptions): Mailer {
  if (options.smtpUrl) {
    const transport: Transporter = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: options.from, ...withoutLink(mail) });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, ...withoutLink(mail) });
      await mkdir(options.outbox, { recursive: true });
      const file = join(
        options.outbox,
        `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomUUID()}.eml`,
      );
      await writeFile(file, info.message as Buffer);
      options.log?.(
        `mail to ${mail.to} written to ${file}${mail.link ? `\n  link: ${mail.link}` : ''}${mail.code ? `\n  code: ${mail.code}` : ''}`,
      );
    },
    close: () => transport.close(),
  };
}

function withoutLink({ link: _link, code: _code, ...mail }: Mail) {
  return mail;
}
