import nodemailer from 'nodemailer';
import type { Config } from '../config.ts';
import type { Mail } from '../mail/mailer.ts';
import { escapeHtml, mailLayout } from '../mail/templates.ts';
import type { Services } from '../services.ts';

/** The mail a new staff member gets: who added them, and a link to choose a password. */
export function staffWelcomeMail(
  vendor: string,
  to: string,
  name: string,
  inviter: string,
  link: string,
  validDays: number,
): Mail {
  const body = `Hello ${name}, ${inviter} added you to the ${vendor} staff console. Choose your password with this link (it works for ${validDays} days), then sign in with ${to}.`;
  return {
    to,
    subject: `Choose your password for the ${vendor} staff console`,
    text: `${body}\n\n${link}\n\nIf you did not expect this, you can ignore this message.`,
    html: mailLayout(
      vendor,
      'Welcome to the staff console',
      `<p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:.6em 1.2em;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">Choose a password</a></p>`,
    ),
    link,
  };
}

export type TestMailResult =
  | { result: 'sent'; to: string; error: null }
  | { result: 'outbox'; to: string; error: null }
  | { result: 'failed'; to: string; error: string };

/** What an SMTP failure means, before the server's own words. */
function failureOf(error: unknown, config: Config): string {
  const { code, message } = error as { code?: string; message?: string };
  const lead =
    code === 'EAUTH'
      ? 'The mail server refused the user name or password'
      : code === 'ECONNECTION' || code === 'ESOCKET' || code === 'EDNS'
        ? 'The mail server could not be reached'
        : code === 'ETIMEDOUT'
          ? 'The mail server did not answer in time'
          : code === 'EENVELOPE'
            ? 'The mail server refused the sender or the recipient'
            : code === 'ETLS'
              ? 'A secure connection to the mail server failed'
              : 'The mail server refused the message';
  let words = String(message ?? error);
  // The server's answer never repeats the URL, but a connection error could: keep secrets out.
  const password = config.smtpUrl ? new URL(config.smtpUrl).password : '';
  if (password)
    words = words.split(decodeURIComponent(password)).join('…').split(password).join('…');
  return `${lead}: ${words}`;
}

/**
 * Sends a short mail to `to` through the configured SMTP server, with timeouts short enough for a
 * person waiting on a button. Without SMTP_URL the message goes to the outbox folder instead.
 */
export async function sendTestMail(services: Services, to: string): Promise<TestMailResult> {
  const { config } = services;
  const vendor = services.portalSettings().vendorName;
  const text = `This is a test from the ${vendor} staff console. Mail from the portal reaches ${to}.`;
  const mail: Mail = {
    to,
    subject: `Test mail from ${vendor}`,
    text,
    html: mailLayout(vendor, 'Test mail', `<p>${escapeHtml(text)}</p>`),
  };
  if (!config.smtpUrl) {
    await services.mailer.send(mail);
    return { result: 'outbox', to, error: null };
  }
  const transport = nodemailer.createTransport({
    url: config.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  try {
    await transport.sendMail({ from: config.mailFrom, ...mail });
    return { result: 'sent', to, error: null };
  } catch (error) {
    return { result: 'failed', to, error: failureOf(error, config) };
  } finally {
    transport.close();
  }
}
