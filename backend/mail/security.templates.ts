import type { Mail } from './mailer.ts';
import type { Locale } from '../i18n/locale.ts';
import { escapeHtml, mailWords } from './mail.words.ts';
import { mailLayout } from './templates.ts';

/** What the mails about signing in say: codes and sign-ins from new browsers. */
export const SecurityMail = {
  SIGN_IN_SUBJECT: 'Your {vendor} sign-in code',
  SIGN_IN_HEADING: 'Your sign-in code',
  SIGN_IN_BODY:
    'Your code to sign in to your {vendor} account is {code}. It works once, for ten minutes.',
  SECOND_FACTOR_SUBJECT: 'Your {vendor} security code',
  SECOND_FACTOR_HEADING: 'Your security code',
  SECOND_FACTOR_BODY: 'Your security code for {vendor} is {code}. It works once, for five minutes.',
  NOT_YOU: 'If you did not try to sign in, change your password: someone may know it.',
  NEW_DEVICE_SUBJECT: 'New sign-in to your {vendor} account',
  NEW_DEVICE_HEADING: 'New sign-in',
  NEW_DEVICE_BODY:
    'Hello {name}, someone just signed in to your {vendor} account from a browser you had not used before.',
  NEW_DEVICE_BODY_FROM:
    'Hello {name}, someone just signed in to your {vendor} account from a browser you had not used before ({device}).',
  /** Where a sign-in came from: the network address, after the browser's own name. */
  NEW_DEVICE_ADDRESS: 'address {ip}',
  NEW_DEVICE_ADVICE:
    'If this was you, there is nothing to do. If not, change your password and sign out everywhere in the security section of your account.',
} as const;

/** A security code for the second step of a sign-in, or a sign-in code instead of a password. */
export function securityCodeMail(
  vendor: string,
  to: string,
  code: string,
  purpose: 'second-factor' | 'sign-in',
  locale: Locale = 'en',
): Mail {
  const w = mailWords(locale, 'SecurityMail');
  const signIn = purpose === 'sign-in';
  const body = (format: 'text' | 'html') =>
    w[format](signIn ? 'SIGN_IN_BODY' : 'SECOND_FACTOR_BODY', { vendor, code });
  return {
    to,
    subject: w.text(signIn ? 'SIGN_IN_SUBJECT' : 'SECOND_FACTOR_SUBJECT', { vendor }),
    text: `${body('text')}\n\n${w.text('NOT_YOU')}`,
    html: mailLayout(
      vendor,
      w.text(signIn ? 'SIGN_IN_HEADING' : 'SECOND_FACTOR_HEADING'),
      `<p>${body('html')}</p><p dir="ltr" style="font-size:1.6em;letter-spacing:.2em"><strong>${escapeHtml(code)}</strong></p>
<p>${w.html('NOT_YOU')}</p>`,
      locale,
    ),
    code,
  };
}

/** Sent when someone signs in from a browser this person has not used before. */
export function newDeviceMail(
  vendor: string,
  to: string,
  name: string,
  origin: { ipAddress: string | null; userAgent: string | null },
  locale: Locale = 'en',
): Mail {
  const w = mailWords(locale, 'SecurityMail');
  const device = [
    origin.userAgent,
    origin.ipAddress && w.text('NEW_DEVICE_ADDRESS', { ip: origin.ipAddress }),
  ]
    .filter(Boolean)
    .join(', ');
  const body = (format: 'text' | 'html') =>
    device
      ? w[format]('NEW_DEVICE_BODY_FROM', { name, vendor, device })
      : w[format]('NEW_DEVICE_BODY', { name, vendor });
  return {
    to,
    subject: w.text('NEW_DEVICE_SUBJECT', { vendor }),
    text: `${body('text')}\n\n${w.text('NEW_DEVICE_ADVICE')}`,
    html: mailLayout(
      vendor,
      w.text('NEW_DEVICE_HEADING'),
      `<p>${body('html')}</p><p>${w.html('NEW_DEVICE_ADVICE')}</p>`,
      locale,
    ),
  };
}
