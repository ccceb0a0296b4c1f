import type { Mail } from './mailer.ts';
import { escapeHtml, mailLayout } from './templates.ts';

/** A security code for the second step of a sign-in, or a sign-in code instead of a password. */
export function securityCodeMail(
  vendor: string,
  to: string,
  code: string,
  purpose: 'second-factor' | 'sign-in',
): Mail {
  const body =
    purpose === 'sign-in'
      ? `Your code to sign in to your ${vendor} account is ${code}. It works once, for ten minutes.`
      : `Your security code for ${vendor} is ${code}. It works once, for five minutes.`;
  return {
    to,
    subject: purpose === 'sign-in' ? `Your ${vendor} sign-in code` : `Your ${vendor} security code`,
    text: `${body}\n\nIf you did not try to sign in, change your password: someone may know it.`,
    html: mailLayout(
      vendor,
      purpose === 'sign-in' ? 'Your sign-in code' : 'Your security code',
      `<p>${escapeHtml(body)}</p><p style="font-size:1.6em;letter-spacing:.2em"><strong>${escapeHtml(code)}</strong></p>
<p>If you did not try to sign in, change your password: someone may know it.</p>`,
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
): Mail {
  const from = [origin.userAgent, origin.ipAddress && `address ${origin.ipAddress}`]
    .filter(Boolean)
    .join(', ');
  const body = `Hello ${name}, someone just signed in to your ${vendor} account from a browser you had not used before${from ? ` (${from})` : ''}.`;
  const advice =
    'If this was you, there is nothing to do. If not, change your password and sign out everywhere in the security section of your account.';
  return {
    to,
    subject: `New sign-in to your ${vendor} account`,
    text: `${body}\n\n${advice}`,
    html: mailLayout(
      vendor,
      'New sign-in',
      `<p>${escapeHtml(body)}</p><p>${escapeHtml(advice)}</p>`,
    ),
  };
}
