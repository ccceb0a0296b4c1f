/** Why a settings change was refused, in words an administrator can act on. */
export const SettingsError = {
  ORIGIN_KNOWN: 'This origin is trusted already.',
  ORIGIN_FROM_ENVIRONMENT:
    'This origin comes from the TRUSTED_ORIGINS setting of the server; change it there.',
  ORIGIN_NOT_FOUND: 'This origin is not in the list.',
  TOO_MANY_ORIGINS: 'The list holds at most 50 origins. Remove one you no longer use first.',
  STAFF_NOT_FOUND: 'There is no such staff member.',
  STAFF_EXISTS: 'A staff member with this email exists already.',
  EMAIL_IS_CUSTOMER:
    'This email belongs to a customer. Staff need an address of their own, such as a work address.',
  SELF_ROLE: 'You cannot change your own role. Ask another administrator.',
  SELF_REMOVE: 'You cannot remove yourself. Ask another administrator.',
  LAST_ADMIN: 'This is the last administrator. Make someone else an administrator first.',
  INVITE_NOT_SENT:
    'The mail with the link to choose a password could not be sent, so nobody was added. Check the mail settings (Send a test mail), then try again.',
} as const;
