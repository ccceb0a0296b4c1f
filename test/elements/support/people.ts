/** The people the element tests sign in as; the WTR plugin creates them before any test runs. */
export const anna = {
  name: 'Anna Bērziņa',
  email: 'anna@test.example',
  password: 'correct horse battery',
} as const;
