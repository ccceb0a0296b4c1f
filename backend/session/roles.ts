/** better-auth admin-plugin roles of the vendor's staff; everyone else is a customer. */
export const STAFF_ROLES: ReadonlySet<string> = new Set(['agent', 'admin']);

export type StaffRole = 'agent' | 'admin';

export function isStaffRole(role: string | null | undefined): role is StaffRole {
  return STAFF_ROLES.has(role ?? '');
}
