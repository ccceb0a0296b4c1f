export const AddressError = {
  NOT_FOUND: 'That address is not in your address book.',
  TOO_MANY: 'Your address book is full. Remove an address you no longer use first.',
} as const;
