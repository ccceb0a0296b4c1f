import type { Mail } from './mailer.ts';

export const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The frame of every mail: a heading, the body's HTML (already escaped), the vendor's name. */
export function mailLayout(vendor: string, heading: string, bodyHtml: string): string {
  return `<!doctype html><html><body style="font-family:system-ui,sans-serif;line-height:1.5">
<h1 style="font-size:1.25rem">${escapeHtml(heading)}</h1>${bodyHtml}
<p style="color:#555;font-size:.9em">${escapeHtml(vendor)}</p></body></html>`;
}

function layout(vendor: string, heading: string, body: string, action: string, link: string) {
  return mailLayout(
    vendor,
    heading,
    `<p>${escapeHtml(body)}</p>
<p><a href="${escapeHtml(link)}" style="display:inline-block;padding:.6em 1.2em;background:#1d4ed8;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(action)}</a></p>`,
  );
}

export function verificationMail(vendor: string, to: string, name: string, link: string): Mail {
  const body = `Hello ${name}, please confirm that this is your email address for your ${vendor} account.`;
  return {
    to,
    subject: `Confirm your email for ${vendor}`,
    text: `${body}\n\n${link}\n\nIf you did not sign up, you can ignore this message.`,
    html: layout(vendor, 'Confirm your email', body, 'Confirm email', link),
    link,
  };
}

export function passwordResetMail(vendor: string, to: string, name: string, link: string): Mail {
  const body = `Hello ${name}, someone asked to reset the password of your ${vendor} account. The link works for one hour.`;
  return {
    to,
    subject: `Reset your ${vendor} password`,
    text: `${body}\n\n${link}\n\nIf it was not you, ignore this message: your password stays as it is.`,
    html: layout(vendor, 'Reset your password', body, 'Choose a new password', link),
    link,
  };
}

export interface InvitationFacts {
  vendor: string;
  to: string;
  inviter: string;
  account: string;
  link: string;
}

export function invitationMail({ vendor, to, inviter, account, link }: InvitationFacts): Mail {
  const body = `${inviter} invites you to join ${account} in the ${vendor} customer portal, where you can follow the account's orders, invoices and tickets. Sign in or create an account with this email address to accept. The invitation is valid for seven days.`;
  return {
    to,
    subject: `${inviter} invites you to ${account} at ${vendor}`,
    text: `${body}\n\n${link}\n\nIf you do not know ${inviter}, you can ignore this message.`,
    html: layout(vendor, `Join ${account}`, body, 'See the invitation', link),
    link,
  };
}
