/** Refusals about the sign-in itself rather than what it asks for. */
export const SessionError = {
  SECOND_FACTOR_REQUIRED:
    'Set up security codes (a second step when you sign in) to continue: they are required for you.',
} as const;
