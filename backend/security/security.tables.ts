/** The security tables, as `Database` includes them. */
export interface SecurityTables {
  securityEvent: SecurityEventTable;
  accountSecurity: { accountId: string; requireSecondFactor: number; updatedAt: string };
  handoffToken: { jti: string; expiresAt: string };
  handoffLink: { subject: string; userId: string; createdAt: string };
  /** better-auth's two-factor plugin's table; Portico reads it to count backup codes. */
  twoFactor: { id: string; userId: string; secret: string; backupCodes: string; verified: number };
}

/** What a person sees in "Recent security activity". */
export type SecurityEventKind =
  | 'sign-in'
  | 'sign-in-code'
  | 'sign-in-handoff'
  | 'new-device'
  | 'second-factor-on'
  | 'second-factor-off'
  | 'backup-codes-new'
  | 'backup-code-used'
  | 'password-changed'
  | 'password-reset'
  | 'signed-out-everywhere'
  | 'role-changed';

export interface SecurityEventTable {
  id: string;
  userId: string;
  kind: SecurityEventKind;
  at: string;
  ipAddress: string | null;
  userAgent: string | null;
}
