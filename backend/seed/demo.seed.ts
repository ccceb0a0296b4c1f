import type { Services } from '../services.ts';
import { createPerson } from '../session/people.ts';
import { writePortalSettings } from '../portal/portal.queries.ts';

export const DEMO_SIGN_INS = {
  customer: {
    email: 'anna@cafe-aurora.example',
    password: 'demo-customer-1',
    name: 'Anna Bērziņa',
  },
  agent: { email: 'agent@nordlicht.example', password: 'demo-agent-1', name: 'Jonas Weber' },
} as const;

/** Creates the demo vendor once: branding, a customer and an agent. Safe to run again. */
export async function seedDemo(services: Services): Promise<boolean> {
  const { db, auth } = services;
  const seeded = await db
    .selectFrom('setting')
    .select('key')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  if (seeded) return false;
  await writePortalSettings(db, {
    vendorName: 'Nordlicht Supply',
    logoUrl: null,
    colors: { brand: '#0f4c5c', brandContrast: '#ffffff' },
    locales: ['en', 'de', 'lv', 'hr', 'el', 'fa'],
    defaultLocale: 'en',
    currency: 'EUR',
  });
  await services.reloadPortalSettings();
  await createPerson(auth, { ...DEMO_SIGN_INS.customer, role: 'customer' }, { ifMissing: true });
  await createPerson(auth, { ...DEMO_SIGN_INS.agent, role: 'agent' }, { ifMissing: true });
  await db.insertInto('setting').values({ key: 'demo', value: 'true' }).execute();
  return true;
}
