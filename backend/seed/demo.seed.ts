import type { Services } from '../services.ts';
import { createPerson } from '../session/people.ts';
import { writePortalSettings } from '../portal/portal.queries.ts';
import { DEFAULT_PORTAL_SETTINGS } from '../portal/portal.schema.ts';
import { seedDemoCatalog } from './demo.catalog.ts';
import { seedDemoLedger } from './demo.ledger.ts';
import { seedDemoOrders } from './demo.orders.ts';
import { seedDemoTickets } from './demo.tickets.ts';
import { seedDemoHelp } from './demo.help.ts';
import { seedDemoCustomers } from './demo.customers.ts';
import { seedDemoHelpInsights } from './demo.help-insights.ts';
import { seedDemoHistory } from './demo.history.ts';
import { seedDemoCanned } from './demo.canned.ts';
import { seedDemoNotices } from './demo.notices.ts';

export const DEMO_SIGN_INS = {
  customer: {
    email: 'anna@cafe-aurora.example',
    password: 'demo-customer-1',
    name: 'Anna Bērziņa',
  },
  agent: { email: 'agent@nordlicht.example', password: 'demo-agent-1', name: 'Jonas Weber' },
  admin: { email: 'admin@nordlicht.example', password: 'demo-admin-1', name: 'Ilze Kalniņa' },
} as const;

/** What the demo vendor prints on its invoices. */
const DEMO_SELLER =
  'Nordlicht Supply SIA\nZiemeļblāzmas iela 17, Rīga, LV-1034, Latvia\nVAT LV40003012345';

/** Bumped when the demo gains data, so a data folder seeded by an older version catches up. */
const DEMO_VERSION = 8;

/**
 * Creates the demo vendor once: branding, an agent, the catalog, and customers in several
 * countries with orders in every state. Safe to run again.
 */
export async function seedDemo(services: Services): Promise<boolean> {
  const { db, auth } = services;
  const seeded = await db
    .selectFrom('setting')
    .select('value')
    .where('key', '=', 'demo')
    .executeTakeFirst();
  // Version 1 stored `true`: branding and the two sign-ins only.
  const version = seeded ? (seeded.value === 'true' ? 1 : Number(seeded.value)) : 0;
  if (version >= DEMO_VERSION) return false;
  if (version < 1) {
    await writePortalSettings(db, {
      ...DEFAULT_PORTAL_SETTINGS,
      vendorName: 'Nordlicht Supply',
      logoUrl: null,
      colors: { brand: '#0f4c5c', brandContrast: '#ffffff' },
      locales: ['en', 'de', 'lv', 'hr', 'el', 'fa'],
      defaultLocale: 'en',
      currency: 'EUR',
      sellerDetails: DEMO_SELLER,
    });
    await services.reloadPortalSettings();
    await createPerson(auth, { ...DEMO_SIGN_INS.agent, role: 'agent' }, { ifMissing: true });
  }
  if (version < 2) {
    const products = await seedDemoCatalog(services);
    await seedDemoOrders(services, products);
  }
  if (version < 3) {
    await writePortalSettings(db, { ...services.portalSettings(), sellerDetails: DEMO_SELLER });
    await services.reloadPortalSettings();
    await seedDemoLedger(services);
  }
  if (version < 4) {
    await seedDemoTickets(services, DEMO_SIGN_INS.agent.email);
  }
  if (version < 5) {
    await seedDemoHelp(services);
  }
  if (version < 6) {
    // The staff console's demo: an administrator, colleagues and a locked person in the
    // accounts, searches that found nothing, and a month of history for the reports.
    await createPerson(auth, { ...DEMO_SIGN_INS.admin, role: 'admin' }, { ifMissing: true });
    await seedDemoCustomers(services);
    await seedDemoHelpInsights(services);
    await seedDemoHistory(services, DEMO_SIGN_INS.agent.email);
    await seedDemoCanned(services, DEMO_SIGN_INS.agent.email);
  }
  if (version < 7) {
    // Staff must use security codes: the demo's staff get theirs by mail, which on a machine
    // without SMTP_URL lands in the data folder with the code printed in the log.
    await db
      .updateTable('user')
      .set({ twoFactorEnabled: 1 })
      .where('email', 'in', [DEMO_SIGN_INS.agent.email, DEMO_SIGN_INS.admin.email])
      .execute();
  }
  if (version < 8) {
    // Notifications from the history above, the vendor's delivery promise and an announcement.
    await seedDemoNotices(services, DEMO_SIGN_INS.admin.email);
  }
  const value = String(DEMO_VERSION);
  await db
    .insertInto('setting')
    .values({ key: 'demo', value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
  return true;
}
