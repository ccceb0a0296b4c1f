import { ContextRoot } from '@lit/context';
import { loaderFolder, porticoApiFor } from './api/client.ts';
import { providePortal } from './api/provide.ts';

/**
 * The staff page's entry (`/staff.js`), apart from the loader so customer pages never load the
 * agent's views. It sets up the page-wide context first, then defines the sign-in and the console
 * with its views.
 */

const pageApi = porticoApiFor(loaderFolder(import.meta.url));

function start(): void {
  // The page's markup is parsed before this runs: the elements must find ContextRoot and the
  // provider in place when they upgrade, so they are imported only after both exist.
  new ContextRoot().attach(document.body);
  providePortal(document.body, pageApi);
  for (const [tag, load] of loaders) {
    if (customElements.get(tag)) continue;
    load().catch((error: unknown) => console.error(`Portico could not load <${tag}>`, error));
  }
}

const loaders: [string, () => Promise<unknown>][] = [
  ['portico-login', () => import('./portico-login/portico-login.ts')],
  ['portico-staff-console', () => import('./portico-staff-console/portico-staff-console.ts')],
  ['portico-staff-chat', () => import('./portico-staff-chat/portico-staff-chat.ts')],
  ['portico-staff-orders', () => import('./portico-staff-orders/portico-staff-orders.ts')],
  ['portico-staff-customers', () => import('./portico-staff-customers/portico-staff-customers.ts')],
  ['portico-staff-billing', () => import('./portico-staff-billing/portico-staff-billing.ts')],
  ['portico-staff-help', () => import('./portico-staff-help/portico-staff-help.ts')],
  ['portico-staff-reports', () => import('./portico-staff-reports/portico-staff-reports.ts')],
  ['portico-staff-notices', () => import('./portico-staff-notices/portico-staff-notices.ts')],
  [
    'portico-staff-integrations',
    () => import('./portico-staff-integrations/portico-staff-integrations.ts'),
  ],
  ['portico-staff-settings', () => import('./portico-staff-settings/portico-staff-settings.ts')],
  ['portico-staff-tickets', () => import('./portico-staff-tickets/portico-staff-tickets.ts')],
];

if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });

export { pageApi as api };
