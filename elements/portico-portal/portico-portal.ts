import { porticoApiFor, type PorticoApi } from '../api/client.ts';
import { providePortal, type Provision } from '../api/provide.ts';
import { brandValues } from '../shared/brand-colors.ts';
import { portalSettingsFor, type PortalSettingsStore } from '../shared/branding.ts';

/**
 * An optional wrapper that points the elements inside it at another backend.
 * It renders nothing of its own; its children render as if it were not there.
 *
 * @tagname portico-portal
 * @summary Sets the API for the elements it contains.
 * @attr {string} api - The backend's URL, such as `https://portal.vendor.example`, or the path a
 *   vendor's proxy serves it under, such as `https://www.vendor.example/portico/`. Defaults to the
 *   folder the script was loaded from.
 */
export class PorticoPortal extends HTMLElement {
  #provision: Provision | undefined;
  #brand: PortalSettingsStore | undefined;
  readonly #paint = () => {
    const colors = this.#brand?.branding?.colors;
    if (!colors) {
      // A backend with no branding yet: not the previous backend's colours.
      this.style.removeProperty('--_portal-brand');
      this.style.removeProperty('--_portal-brand-contrast');
      return;
    }
    // Inherited by the elements inside, under the vendor's own tokens (host.styles.ts).
    const { brand, brandContrast } = brandValues(colors);
    this.style.setProperty('--_portal-brand', brand);
    this.style.setProperty('--_portal-brand-contrast', brandContrast);
  };

  static get observedAttributes(): string[] {
    return ['api'];
  }

  connectedCallback(): void {
    this.style.display = 'contents';
    this.#provide();
  }

  disconnectedCallback(): void {
    this.#provision?.stop();
    this.#provision = undefined;
    this.#brand?.removeEventListener('change', this.#paint);
    this.#brand = undefined;
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#provide();
  }

  #provide(): void {
    const url = this.getAttribute('api');
    if (!url) return;
    const api = porticoApiFor(url);
    if (this.#provision) this.#provision.use(api);
    else this.#provision = providePortal(this, api);
    this.#brandFrom(api);
  }

  /** The colours of this backend's vendor for the elements inside. */
  #brandFrom(api: PorticoApi): void {
    const store = portalSettingsFor(api);
    if (store === this.#brand) return;
    this.#brand?.removeEventListener('change', this.#paint);
    this.#brand = store;
    store.addEventListener('change', this.#paint);
    this.#paint();
    store.load().catch(() => {
      // The elements inside keep the remembered or the page's colours.
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-portal': PorticoPortal;
  }
}
