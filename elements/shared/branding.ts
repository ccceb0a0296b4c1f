import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import type { PorticoApi } from '../api/client.ts';

export type PortalSettings = inferRouterOutputs<AppRouter>['portal']['settings'];

/** What the elements show of the vendor: name, logo and the two brand colours. */
export type Branding = Pick<PortalSettings, 'vendorName' | 'logoUrl' | 'colors'>;

const HEX = /^#[0-9a-f]{6}$/i;

function isBranding(value: unknown): value is Branding {
  const branding = value as Branding | null;
  return (
    typeof branding?.vendorName === 'string' &&
    (branding.logoUrl === null || typeof branding.logoUrl === 'string') &&
    HEX.test(String(branding.colors?.brand)) &&
    HEX.test(String(branding.colors?.brandContrast))
  );
}

const storageKey = (api: PorticoApi) => `portico-branding:${api.url}`;

/** The branding this browser last saw for `api`, so a later page starts in the vendor's colours. */
function remembered(api: PorticoApi): Branding | null {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(storageKey(api)) ?? 'null');
    return isBranding(value) ? value : null;
  } catch {
    // Storage blocked (a sandboxed frame, strict privacy settings) or a broken value.
    return null;
  }
}

function remember(api: PorticoApi, branding: Branding): void {
  try {
    localStorage.setItem(storageKey(api), JSON.stringify(branding));
  } catch {
    // Without storage the next page starts from the default colours, then takes the vendor's.
  }
}

/**
 * The vendor's public settings for one backend, read once per page however many elements show
 * them. `branding` is known at once when this browser has seen the backend before; it fires
 * `change` when the server's answer differs.
 */
export class PortalSettingsStore extends EventTarget {
  settings: PortalSettings | null = null;
  readonly #api: PorticoApi;
  #request: Promise<PortalSettings> | null = null;
  /** Undefined until first asked for: a page's first storage read can wait long on the browser. */
  #branding: Branding | null | undefined;

  constructor(api: PorticoApi) {
    super();
    this.#api = api;
  }

  get branding(): Branding | null {
    if (this.#branding === undefined) this.#branding = remembered(this.#api);
    return this.#branding;
  }

  /** The settings, asked of the server the first time only (again after a failure). */
  load(): Promise<PortalSettings> {
    this.#request ??= this.#api.trpc.portal.settings.query().then(
      (settings) => {
        this.settings = settings;
        const { vendorName, logoUrl, colors } = settings;
        const branding = { vendorName, logoUrl, colors };
        const changed = JSON.stringify(branding) !== JSON.stringify(this.#branding);
        this.#branding = branding;
        remember(this.#api, branding);
        if (changed) this.dispatchEvent(new Event('change'));
        return settings;
      },
      (error: unknown) => {
        this.#request = null;
        throw error;
      },
    );
    return this.#request;
  }
}

const stores = new WeakMap<PorticoApi, PortalSettingsStore>();

/** The page's one settings store for this client (one client per backend). */
export function portalSettingsFor(api: PorticoApi): PortalSettingsStore {
  let store = stores.get(api);
  if (!store) {
    store = new PortalSettingsStore(api);
    stores.set(api, store);
  }
  return store;
}

/** Re-renders its element when the branding of the element's backend arrives or changes. */
export class BrandingController implements ReactiveController {
  readonly #host: ReactiveControllerHost & { api?: PorticoApi };
  #store: PortalSettingsStore | null = null;
  readonly #onChange = () => this.#host.requestUpdate();

  constructor(host: ReactiveControllerHost & { api?: PorticoApi }) {
    this.#host = host;
    host.addController(this);
  }

  /** The vendor's name, logo and colours, or null until the first answer on a first visit. */
  get branding(): Branding | null {
    return this.#store?.branding ?? null;
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#store?.removeEventListener('change', this.#onChange);
    this.#store = null;
  }

  #follow(): void {
    const api = this.#host.api;
    const store = api ? portalSettingsFor(api) : null;
    if (store === this.#store) return;
    this.#store?.removeEventListener('change', this.#onChange);
    this.#store = store;
    if (!store) return;
    store.addEventListener('change', this.#onChange);
    store.load().catch(() => {
      // The element keeps what it knew; the next element or page asks again.
    });
  }
}
