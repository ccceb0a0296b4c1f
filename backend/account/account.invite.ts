import type { Services } from '../services.ts';
import { invitationMail } from '../mail/templates.ts';
import type { AccountRole } from './account.roles.ts';
import { inviteMember } from './account.members.ts';
import { recipientLocale } from '../i18n/request.ts';

export interface InvitationRequest {
  account: { id: string; name: string };
  /** Who the mail says invites them: the account's owner, or a member of the vendor's staff. */
  inviter: { id: string; name: string };
  email: string;
  role: AccountRole;
  /** The page the mail links to, given the invitation's id. */
  link: (invitationId: string) => string;
}

/**
 * Invites someone to an account by email (or renews the invitation they already have) and mails
 * them the link. The mail goes out after the invitation is stored; a mail that fails is logged,
 * and the invitation still waits in the invitee's portal. Returns the invitation's id.
 */
export async function inviteByMail(
  services: Pick<Services, 'db' | 'mailer' | 'log' | 'background' | 'portalSettings'>,
  request: InvitationRequest,
): Promise<string> {
  const { account, inviter, email, role } = request;
  const invitationId = await inviteMember(services.db, account.id, inviter.id, email, role);
  const { vendorName, defaultLocale } = services.portalSettings();
  // Someone who already has an account and chose a language gets it; others the vendor's.
  const locale = await recipientLocale(services.db, { email }, { fallback: defaultLocale });
  const mail = invitationMail({
    vendor: vendorName,
    to: email,
    inviter: inviter.name,
    account: account.name,
    link: request.link(invitationId),
    locale,
  });
  // After the answer, and waited for by a graceful stop. The log names the invitation, never
  // the address: the log is read by more people, and kept longer, than the database.
  services.background.run('invitation mail', () =>
    services.mailer.send(mail).catch((error: unknown) => {
      services.log(`invitation ${invitationId}: the mail was not sent: ${String(error)}`);
    }),
  );
  return invitationId;
}
