import { z } from 'zod';
import { cursorInput, pageLimit } from '../db/cursor.ts';
import { ACCOUNT_ROLES } from '../account/account.roles.ts';

export const id = z.string().min(1).max(64);

export const searchInput = z.strictObject({
  /** Words found in an account's name or a member's name or email; empty lists every account. */
  query: z.string().trim().max(100).default(''),
  cursor: cursorInput,
  limit: pageLimit(20),
});
export type SearchInput = z.output<typeof searchInput>;

export const accountInput = z.strictObject({ accountId: id });

export const inviteInput = z.strictObject({
  accountId: id,
  email: z.email('Enter an email address.').max(254).toLowerCase(),
  role: z.enum(ACCOUNT_ROLES),
});

export const invitationInput = z.strictObject({ accountId: id, invitationId: id });

export const lockInput = z.strictObject({
  accountId: id,
  userId: id,
  reason: z
    .string()
    .trim()
    .min(1, 'Say why, for your colleagues.')
    .max(500, 'Reasons are limited to 500 characters.'),
});

export const unlockInput = z.strictObject({ accountId: id, userId: id });
