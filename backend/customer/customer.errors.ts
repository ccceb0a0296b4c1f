/** What staff read when a customer-view request is refused; the keys travel as `data.reason`. */
export const CustomerError = {
  ACCOUNT_NOT_FOUND: 'We could not find that customer account.',
  PERSON_NOT_FOUND: 'That person is not a member of this account.',
  STAFF_NOT_LOCKABLE:
    'That is a member of the vendor’s staff. Staff sign-ins are managed in the settings, not here.',
  STAFF_EMAIL: 'That address belongs to a member of the vendor’s staff, not to a customer.',
} as const;
