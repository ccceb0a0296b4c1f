/** Why a notification request was refused, in words a customer can act on. */
export const NotificationError = {
  NOT_FOUND: 'There is no such notification. Reload the list and try again.',
} as const;
