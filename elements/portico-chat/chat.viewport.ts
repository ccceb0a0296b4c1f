import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * The part of the page a phone leaves visible above its on-screen keyboard (the visual
 * viewport), followed while the panel is open. On narrow screens the panel takes exactly that
 * box, so the composer stays above the keyboard whichever way the browser resizes for it.
 */
export class ViewportController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #active: () => boolean;
  #height: number | null = null;
  #top = 0;
  #listening = false;

  constructor(host: ReactiveControllerHost, active: () => boolean) {
    this.#host = host;
    this.#active = active;
    host.addController(this);
  }

  /** Custom properties for the panel's style: its height and top on a narrow screen. */
  get style(): Record<string, string> {
    if (this.#height === null) return {};
    return {
      '--_viewport-height': `${this.#height}px`,
      '--_viewport-top': `${this.#top}px`,
    };
  }

  /** Before each render, so the panel's first frame already has the right size. */
  hostUpdate(): void {
    const viewport = window.visualViewport;
    const wanted = this.#active() && viewport !== null;
    if (wanted === this.#listening || !viewport) return;
    this.#listening = wanted;
    if (wanted) {
      viewport.addEventListener('resize', this.#sync);
      viewport.addEventListener('scroll', this.#sync);
      this.#read(viewport);
    } else {
      this.#detach(viewport);
    }
  }

  hostDisconnected(): void {
    if (this.#listening && window.visualViewport) this.#detach(window.visualViewport);
    this.#listening = false;
  }

  #detach(viewport: VisualViewport): void {
    viewport.removeEventListener('resize', this.#sync);
    viewport.removeEventListener('scroll', this.#sync);
    this.#height = null;
    this.#top = 0;
  }

  /** Takes the visual viewport's box; true when it changed. */
  #read(viewport: VisualViewport): boolean {
    const height = Math.round(viewport.height);
    const top = Math.max(0, Math.round(viewport.offsetTop));
    if (height === this.#height && top === this.#top) return false;
    this.#height = height;
    this.#top = top;
    return true;
  }

  #sync = () => {
    const viewport = window.visualViewport;
    if (viewport && this.#read(viewport)) this.#host.requestUpdate();
  };
}
