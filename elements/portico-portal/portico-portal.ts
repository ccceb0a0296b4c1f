import { createPorticoApi } from '../api/client.ts';
import { providePortal } from '../api/provide.ts';

/**
 * An optional wrapper that points the elements inside it at another backend.
 * It renders nothing of its own; its children render as if it were not there.
 *
 * @summary Sets the API for the elements it contains.
 * @attr api - The backend's URL, such as `https://portal.vendor.example`. Defaults to the origin
 *   the script was loaded from.
 */
export class PorticoPortal extends HTMLElement {
  #stop: (() => void) | undefined;
  #api: string | undefined;

  static get observedAttributes(): string[] {
    return ['api'];
  }

  connectedCallback(): void {
    this.style.display = 'contents';
    this.#provide();
  }

  disconnectedCallback(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  attributeChangedCallback(): void {
    if (this.isConnected) this.#provide();
  }

  #provide(): void {
    const api = this.getAttribute('api');
    if (!api || (this.#stop && api === this.#api)) return;
    this.#stop?.();
    this.#api = api;
    this.#stop = providePortal(this, createPorticoApi(new URL(api, location.href).origin));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'portico-portal': PorticoPortal;
  }
}
