import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OPEN_EVENT, deepActiveElement, rememberOpen, wasOpen } from './chat.api.ts';
import { MESSAGE_FIELD } from './chat-composer.ts';
import { focusTarget } from './chat-panel.ts';

/** What `PanelOpening` needs of `<portico-chat>`. */
export interface OpeningHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  /** Without a launcher, focus goes back to the vendor's own button on close. */
  readonly withoutLauncher: boolean;
  /** The element's `open()`, which the document's open event calls too. */
  open(): void;
}

export interface OpeningOptions {
  /** The panel just opened (it was closed). */
  opened(): void;
  /** The chat has loaded, so what stands in for the composer will not change any more. */
  settled(): boolean;
}

/**
 * Whether the panel is open and where focus goes as it opens and closes. The open panel is
 * remembered for the browser tab, so it opens again on the vendor's next page (without taking
 * the focus that page gives its own content). Opening puts the cursor in the message field;
 * closing gives focus back to the launcher, or without one to whatever had it before. The
 * vendor's page may open the panel with a `portico-chat-open` event on `document`.
 */
export class PanelOpening implements ReactiveController {
  readonly #host: OpeningHost;
  readonly #options: OpeningOptions;
  #expanded = false;
  /** What takes focus once it is on screen. */
  #focusTarget: string | null = null;
  /** Where focus was before the panel opened, for a vendor's own button. */
  #returnFocus: HTMLElement | null = null;

  constructor(host: OpeningHost, options: OpeningOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Whether the panel is open. */
  get expanded(): boolean {
    return this.#expanded;
  }

  /** Opens the panel and puts the cursor in the message field. */
  open(): void {
    if (!this.#expanded) {
      const active = deepActiveElement();
      this.#returnFocus = active && !this.#host.renderRoot.contains(active) ? active : null;
      this.#expanded = true;
      rememberOpen(true);
      this.#options.opened();
    }
    this.focusSoon(MESSAGE_FIELD);
  }

  /** Closes the panel; focus goes back to the launcher, or where it was before it opened. */
  close(): void {
    if (!this.#expanded) return;
    const hadFocus = this.#host.matches(':focus-within');
    this.#expanded = false;
    rememberOpen(false);
    this.#host.requestUpdate();
    if (!hadFocus) return;
    if (!this.#host.withoutLauncher) this.focusSoon("[part~='launcher']");
    else this.#returnFocus?.focus();
  }

  /** Focuses `selector` once it is on screen; for the message field, whatever stands in for it. */
  focusSoon(selector: string): void {
    this.#focusTarget = selector;
    this.#host.requestUpdate();
  }

  /** The panel's keydown listener: Escape closes it. */
  readonly keydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    this.close();
  };

  hostConnected(): void {
    document.addEventListener(OPEN_EVENT, this.#openEvent);
    if (wasOpen()) this.#expanded = true;
  }

  hostDisconnected(): void {
    document.removeEventListener(OPEN_EVENT, this.#openEvent);
  }

  hostUpdated(): void {
    if (!this.#focusTarget) return;
    const target = focusTarget(this.#host.renderRoot, this.#focusTarget, {
      open: this.#expanded,
      settled: this.#options.settled(),
    });
    if (target === undefined) return;
    this.#focusTarget = null;
    target?.focus();
  }

  readonly #openEvent = () => this.#host.open();
}
