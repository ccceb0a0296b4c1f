import { porticoApiFor } from '../api/client.ts';
import { providePortal, type Provision } from '../api/provide.ts';

/**
 * An optional wrapper that points the elements inside it at another backend.
 * It renders nothing of its own; its children render as if it were not there.
 *
 * @summary Sets the API for the elements it contains.
 * @attr api - The backend's URL, such as `https://portal.vendor.example`. Defaults to the origin
 *   the script was loaded from.
 */
export class PorticoPortal extends HTMLElement {
  #provision: Provision | undefined;

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
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-portal': PorticoPortal;
  }
}
