/** What a person reads when an account request is refused; the keys travel as `data.reason`. */
export const AccountError = {
  ALREADY_MEMBER: 'That person is already a member of this account.',
  INVITATION_NOT_FOUND:
    'We could not find that invitation. It may have been meant for another email address.',
  INVITATION_EXPIRED:
    'This invitation is no longer valid. Ask the account owner to invite you again.',
  MEMBER_NOT_FOUND: 'That person is not a member of this account.',
  LAST_OWNER: 'An account needs at least one owner. Make someone else an owner first.',
  NOT_A_MEMBER: 'You are not a member of that account.',
  SESSION_NOT_FOUND: 'We could not find that sign-in. It may have ended already.',
  CURRENT_SESSION: 'This is the sign-in you are using now. Sign out instead.',
  OWNER_NEEDS_SECOND_FACTOR:
    'Turn on security codes for yourself first; then you can require them for everyone.',
  UNTRUSTED_LINK: 'The link must lead to one of the vendor’s own pages.',
  REMOVE_SELF: 'You cannot remove yourself from the account. Leave it instead.',
} as const;
