import type { Mail } from './mailer.ts';
import { directionOf, startSide, type Locale } from '../i18n/locale.ts';
import { escapeHtml, mailWords } from './mail.words.ts';

export { escapeHtml };

/** What the mails about a person's own sign-in account say; `{name}` is the recipient's. */
export const AccountMail = {
  GREETING: 'Hello {name},',
  VERIFY_SUBJECT: 'Confirm your email for {vendor}',
  VERIFY_HEADING: 'Confirm your email',
  VERIFY_BODY: 'Please confirm that this is your email address for your {vendor} account.',
  VERIFY_ACTION: 'Confirm email',
  VERIFY_IGNORE: 'If you did not sign up, you can ignore this message.',
  RESET_SUBJECT: 'Reset your {vendor} password',
  RESET_HEADING: 'Reset your password',
  RESET_BODY:
    'Someone asked to reset the password of your {vendor} account. The link works for one hour.',
  RESET_ACTION: 'Choose a new password',
  RESET_IGNORE: 'If it was not you, ignore this message: your password stays as it is.',
  INVITE_SUBJECT: '{inviter} invites you to {account} at {vendor}',
  INVITE_HEADING: 'Join {account}',
  INVITE_BODY:
    '{inviter} invites you to join {account} in the {vendor} customer portal, where you can follow the account’s orders, invoices and tickets. Sign in or create an account with this email address to accept. The invitation is valid for seven days.',
  INVITE_ACTION: 'See the invitation',
  INVITE_IGNORE: 'If you do not know {inviter}, you can ignore this message.',
} as const;

/**
 * The frame of every mail: a heading, the body's HTML (already escaped), the vendor's name,
 * in the reader's language and writing direction. A heading with values in it comes as HTML
 * from `w.html`, so they are isolated as in the body (a Latin order number in a Persian
 * heading keeps its own order); plain text is escaped here.
 */
export function mailLayout(
  vendor: string,
  heading: string | { html: string },
  bodyHtml: string,
  locale: Locale = 'en',
): string {
  const dir = directionOf(locale);
  const headingHtml = typeof heading === 'string' ? escapeHtml(heading) : heading.html;
  return `<!doctype html><html lang="${locale}" dir="${dir}"><body dir="${dir}" style="font-family:system-ui,sans-serif;line-height:1.5;text-align:${startSide(locale)}">
<h1 style="font-size:1.25rem">${headingHtml}</h1>${bodyHtml}
<p style="color:#555;font-size:.9em">${escapeHtml(vendor)}</p></body></html>`;
}

/** The one button of a mail, as a link styled to look like one. */
export function mailButton(link: string, label: string): string {
  return `<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:.6em 1.2em;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>`;
}

/** Someone's own words quoted in a mail, the bar on the side the reading starts from. */
export function mailQuote(innerHtml: string, locale: Locale = 'en'): string {
  return `<blockquote style="margin:1em 0;padding:.5em 1em;border-${startSide(locale)}:4px solid #ccc">${innerHtml}</blockquote>`;
}

interface LinkMail {
  vendor: string;
  to: string;
  name: string;
  link: string;
  locale: Locale;
}

export function verificationMail({ vendor, to, name, link, locale }: LinkMail): Mail {
  const w = mailWords(locale, 'AccountMail');
  return {
    to,
    subject: w.text('VERIFY_SUBJECT', { vendor }),
    text: [
      w.text('GREETING', { name }),
      w.text('VERIFY_BODY', { vendor }),
      link,
      w.text('VERIFY_IGNORE'),
    ].join('\n\n'),
    html: mailLayout(
      vendor,
      w.text('VERIFY_HEADING'),
      `<p>${w.html('GREETING', { name })}</p><p>${w.html('VERIFY_BODY', { vendor })}</p>
${mailButton(link, w.text('VERIFY_ACTION'))}<p>${w.html('VERIFY_IGNORE')}</p>`,
      locale,
    ),
    link,
  };
}

export function passwordResetMail({ vendor, to, name, link, locale }: LinkMail): Mail {
  const w = mailWords(locale, 'AccountMail');
  return {
    to,
    subject: w.text('RESET_SUBJECT', { vendor }),
    text: [
      w.text('GREETING', { name }),
      w.text('RESET_BODY', { vendor }),
      link,
      w.text('RESET_IGNORE'),
    ].join('\n\n'),
    html: mailLayout(
      vendor,
      w.text('RESET_HEADING'),
      `<p>${w.html('GREETING', { name })}</p><p>${w.html('RESET_BODY', { vendor })}</p>
${mailButton(link, w.text('RESET_ACTION'))}<p>${w.html('RESET_IGNORE')}</p>`,
      locale,
    ),
    link,
  };
}

export interface InvitationFacts {
  vendor: string;
  to: string;
  inviter: string;
  account: string;
  link: string;
  locale: Locale;
}

export function invitationMail({
  vendor,
  to,
  inviter,
  account,
  link,
  locale,
}: InvitationFacts): Mail {
  const w = mailWords(locale, 'AccountMail');
  const facts = { inviter, account, vendor };
  return {
    to,
    subject: w.text('INVITE_SUBJECT', facts),
    text: [w.text('INVITE_BODY', facts), link, w.text('INVITE_IGNORE', { inviter })].join('\n\n'),
    html: mailLayout(
      vendor,
      { html: w.html('INVITE_HEADING', { account }) },
      `<p>${w.html('INVITE_BODY', facts)}</p>
${mailButton(link, w.text('INVITE_ACTION'))}<p>${w.html('INVITE_IGNORE', { inviter })}</p>`,
      locale,
    ),
    link,
  };
}
