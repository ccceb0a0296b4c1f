import type { PorticoAuth } from '../auth.ts';

export interface NewPerson {
  email: string;
  name: string;
  password: string;
  role: 'customer' | 'agent' | 'admin';
}

/**
 * Creates a person with a verified email and a password, as the vendor's own tooling does (the
 * staff command and the demo seed); customers sign themselves up through better-auth instead.
 * Returns the user id, or the existing one when the email is taken and `ifMissing` is set.
 */
export async function createPerson(
  auth: PorticoAuth,
  person: NewPerson,
  { ifMissing = false } = {},
): Promise<string> {
  const ctx = await auth.$context;
  const email = person.email.trim().toLowerCase();
  const existing = await ctx.internalAdapter.findUserByEmail(email);
  if (existing) {
    if (ifMissing) return existing.user.id;
    throw new Error(`A user with the email ${email} already exists.`);
  }
  const { minPasswordLength, maxPasswordLength } = ctx.password.config;
  if (person.password.length < minPasswordLength || person.password.length > maxPasswordLength) {
    throw new Error(
      `The password must have ${minPasswordLength} to ${maxPasswordLength} characters.`,
    );
  }
  const user = await ctx.internalAdapter.createUser(
    { email, name: person.name, emailVerified: true, role: person.role },
    { method: 'admin' },
  );
  await ctx.internalAdapter.linkAccount({
    userId: user.id,
    providerId: 'credential',
    accountId: user.id,
    password: await ctx.password.hash(person.password),
  });
  return user.id;
}
