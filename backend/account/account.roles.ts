/**
 * A person's role in a customer account. `owner` manages the account and its members, `buyer`
 * places and changes orders, `viewer` sees everything but changes nothing. (better-auth's own
 * default roles `admin` and `member` count as owner and buyer.)
 */
export const ACCOUNT_ROLES = ['owner', 'buyer', 'viewer'] as const;

export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export function accountRole(stored: string): AccountRole {
  if (stored === 'owner' || stored === 'admin') return 'owner';
  if (stored === 'viewer') return 'viewer';
  return 'buyer';
}

export const mayOrder = (stored: string) => accountRole(stored) !== 'viewer';

export const mayManage = (stored: string) => accountRole(stored) === 'owner';
