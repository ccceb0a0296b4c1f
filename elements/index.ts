import { ContextRoot } from '@lit/context';
import { porticoApiFor } from './api/client.ts';
import { providePortal } from './api/provide.ts';
import { PorticoPortal } from './portico-portal/portico-portal.ts';
import { supportedLocale } from './shared/locale.ts';
import { PageLocale } from './shared/page-locale.ts';

/**
 * The loader a vendor's page includes. It sets up the page-wide context first, then defines each
 * element when its tag first appears, so a page pays only for the elements it uses.
 */

const pageApi = porticoApiFor(new URL(import.meta.url).origin);

function start(): void {
  // Elements can upgrade before their provider exists (markup before the script, or a provider
  // defined later); ContextRoot replays their requests when the provider arrives.
  new ContextRoot().attach(document.body);
  providePortal(document.body, pageApi);
  if (!customElements.get('portico-portal')) customElements.define('portico-portal', PorticoPortal);
  pageLocale.start();
  pageApi.session.addEventListener('change', () => {
    const { state } = pageApi.session;
    pageLocale.prefer(state.status === 'signed-in' ? supportedLocale(state.me.locale) : null);
  });
  watch();
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

/** Loads the elements found under `root`; whether there were any. */
function scan(root: ParentNode): boolean {
  let found = false;
  for (const tag of Object.keys(loaders)) {
    if (!root.querySelector(tag)) continue;
    load(tag);
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
