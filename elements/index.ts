import { ContextRoot } from '@lit/context';
import { loaderFolder, porticoApiFor } from './api/client.ts';
import { providePortal } from './api/provide.ts';
import { PorticoPortal } from './portico-portal/portico-portal.ts';
import { applyBranding } from './shared/brand-colors.ts';
import { portalSettingsFor } from './shared/branding.ts';
import { prepareFormats } from './shared/format.ts';
import { supportedLocale } from './shared/locale.ts';
import { PageLocale } from './shared/page-locale.ts';

/**
 * The loader a vendor's page includes. It sets up the page-wide context first, then defines each
 * element when its tag first appears, so a page pays only for the elements it uses.
 */

// The folder the script came from: a vendor's proxy may serve it under a path (`/portico/`).
const pageApi = porticoApiFor(loaderFolder(import.meta.url));

function start(): void {
  // Elements can upgrade before their provider exists (markup before the script, or a provider
  // defined later); ContextRoot replays their requests when the provider arrives.
  new ContextRoot().attach(document.body);
  // Building the first request is not free on a slow phone: it gets a task of its own, first in
  // line, and the elements' loads follow, each in its own task too.
  setTimeout(() => {
    providePortal(document.body, pageApi);
    // Asked in the same task, the settings go to the server in one request with the session.
    portalSettingsFor(pageApi)
      .load()
      .catch(() => {
        // applyBranding asks again.
      });
  }, 0);
  watch();
  if (!customElements.get('portico-portal')) customElements.define('portico-portal', PorticoPortal);
  pageLocale.start();
  pageApi.session.addEventListener('change', () => {
    const { state } = pageApi.session;
    pageLocale.prefer(state.status === 'signed-in' ? supportedLocale(state.me.locale) : null);
  });
  // A page's first storage read (the colours remembered from the last visit) can block for a
  // long time: in a task of its own, still long before the elements' code has arrived.
  setTimeout(() => applyBranding(pageApi), 0);
  prepareFormats();
}

const loaders: Record<string, () => Promise<unknown>> = {
  'portico-login': () => import('./portico-login/portico-login.ts'),
  'portico-account-summary': () => import('./portico-account-summary/portico-account-summary.ts'),
  'portico-order-form': () => import('./portico-order-form/portico-order-form.ts'),
  'portico-ticket-inbox': () => import('./portico-ticket-inbox/portico-ticket-inbox.ts'),
  'portico-help-search': () => import('./portico-help-search/portico-help-search.ts'),
  'portico-chat': () => import('./portico-chat/portico-chat.ts'),
  'portico-notifications': () => import('./portico-notifications/portico-notifications.ts'),
  'portico-announcements': () => import('./portico-announcements/portico-announcements.ts'),
};

const pageLocale = new PageLocale(['portico-portal', ...Object.keys(loaders)]);

const requested = new Set<string>();

function load(tag: string): void {
  const loader = loaders[tag];
  if (!loader || requested.has(tag) || customElements.get(tag)) return;
  requested.add(tag);
  loader().catch((error: unknown) => {
    requested.delete(tag);
    console.error(`Portico could not load <${tag}>`, error);
  });
}

/**
 * Loads the elements found under `root`; whether there were any. Each load starts in a task of
 * its own: starting eight at once costs one long task on a slow phone.
 */
function scan(root: ParentNode): boolean {
  let found = false;
  for (const tag of Object.keys(loaders)) {
    if (!root.querySelector(tag)) continue;
    setTimeout(() => load(tag), 0);
    found = true;
  }
  return found;
}

function watch(): void {
  scan(document);
  new MutationObserver((records) => {
    let arrived = false;
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const element = node as Element;
        if (element.localName in loaders) arrived = true;
        load(element.localName);
        if (scan(element)) arrived = true;
      }
    }
    // The first Portico element may have arrived, inside a section in another language.
    if (arrived) pageLocale.update();
  }).observe(document.documentElement, { childList: true, subtree: true });
}

// A module script normally runs after parsing; with `async` it may run before <body> exists.
if (document.body) start();
else document.addEventListener('DOMContentLoaded', start, { once: true });

export { pageApi as api };
