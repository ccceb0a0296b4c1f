import { css, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { msg } from '@lit/localize';
import type { PorticoApi } from '../api/client.ts';
import type { BusyState } from '../api/busy.ts';

/**
 * The notice's look. Quiet on purpose: nothing failed, the page is only waiting. Empty, it
 * stays in the accessibility tree (so screen readers announce the text when it appears) but
 * takes no room in the element's layout.
 */
const busyStyles = css`
  [part~='busy'] {
    margin-block-end: calc(0.75 * var(--_portico-rem));
    padding-block: calc(0.5 * var(--_portico-rem));
    padding-inline: calc(0.75 * var(--_portico-rem));
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_brand) 6%, var(--_surface));
    color: var(--_text);
  }

  [part~='busy']:empty {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: 0;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
  }
`;

type Host = ReactiveControllerHost &
  HTMLElement & { readonly api?: PorticoApi; readonly renderRoot: HTMLElement | DocumentFragment };

/** Whether `element` sits inside another Portico element, which shows the notice for both. */
function isNested(element: HTMLElement): boolean {
  const root = element.getRootNode();
  return root instanceof ShadowRoot && root.host.localName.startsWith('portico-');
}

/** Where an element wants its notice, when the top of its render root is not the place. */
export interface BusyNoticeOptions {
  /**
   * The element the notice goes first into, once the host has rendered it, such as the panel
   * of an element whose own box is empty because everything it shows is fixed on screen. Lit
   * must not render anything inside it; by default the notice goes first in the render root.
   */
  within?: () => Element | null | undefined;
}

/**
 * How long a freshly added status region stays empty before its text arrives: a screen reader
 * announces changes only to live regions it already knows.
 */
const SETTLE_MS = 100;

/**
 * Shows "The portal is busy. Trying again…" (`part="busy"`, `role="status"`) at the top of its
 * element while any call to the element's backend waits to be sent again (see `retryWhenBusy`),
 * and clears it once the calls go through. Adding it is one line in an element's class fields.
 *
 * The notice lives in its own node placed before everything the element renders, so no
 * element's `render()` has to make room for it in each of its branches; Lit leaves nodes before
 * its own content alone. The node is added the first time the portal is busy (most pages never
 * need it) and then stays, empty and taking no room, for the next time. An element inside
 * another Portico element shows none: the outer one speaks for both, once.
 */
export class BusyNotice implements ReactiveController {
  readonly #host: Host;
  readonly #within: BusyNoticeOptions['within'];
  #nested = false;
  #region: HTMLElement | undefined;
  #busy: BusyState | undefined;

  constructor(host: Host, options: BusyNoticeOptions = {}) {
    this.#host = host;
    this.#within = options.within;
    host.addController(this);
  }

  hostConnected(): void {
    this.#nested = isNested(this.#host);
    this.#follow(this.#host.api?.busy);
  }

  /** The API client comes from context and may change (a `<portico-portal>` pointed elsewhere). */
  hostUpdate(): void {
    if (this.#host.isConnected) this.#follow(this.#host.api?.busy);
  }

  hostDisconnected(): void {
    this.#follow(undefined);
  }

  #follow(busy: BusyState | undefined): void {
    const next = this.#nested ? undefined : busy;
    if (next === this.#busy) return;
    this.#busy?.removeEventListener('change', this.#show);
    this.#busy = next;
    next?.addEventListener('change', this.#show);
    this.#show();
  }

  readonly #show = () => {
    const busy = this.#busy?.busy ?? false;
    if (!this.#region) {
      if (!busy) return;
      this.#region = this.#createRegion();
      setTimeout(this.#show, SETTLE_MS);
      return;
    }
    this.#region.textContent = busy ? msg('The portal is busy. Trying again…') : '';
  };

  #createRegion(): HTMLElement {
    const root = this.#host.renderRoot;
    const sheet = busyStyles.styleSheet;
    if (root instanceof ShadowRoot && sheet && !root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    const region = document.createElement('div');
    region.setAttribute('part', 'busy');
    region.setAttribute('role', 'status');
    (this.#within?.() ?? root).prepend(region);
    return region;
  }
}
