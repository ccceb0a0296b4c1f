import type { ReactiveController } from 'lit';
import type { Unsubscribable } from '@trpc/server/observable';

/** What `LiveController.follow` hands to the code that opens a subscription. */
export interface LiveScope {
  /**
   * Wraps a tRPC callback so that it runs only while its subscription is still the one followed:
   * events of a backend or subject the host has left behind are dropped.
   */
  current<Args extends unknown[]>(callback: (...args: Args) => void): (...args: Args) => void;
  /**
   * tRPC's `onError`: the subscription ends with a warning. The next change of key, such as a
   * new session, opens a new one.
   */
  onError(error: unknown): void;
}

/**
 * One tRPC subscription that follows a key, the backend and what is watched: it is open while the
 * host is connected and the key is not empty, opened again when the key changes and closed when
 * the host leaves. Subclasses say when to `follow`, what to subscribe to and what the events mean,
 * and call `setLive` when they know the stream listens; `live` is false again once it ends.
 */
export abstract class LiveController implements ReactiveController {
  /** The stream listens: nothing the server sends is missed. */
  live = false;

  readonly #what: string;
  readonly #liveChanged: (live: boolean) => void;
  #subscription: Unsubscribable | null = null;
  /** The key `#subscription` follows, or '' for none. */
  #key = '';
  #connected = false;

  /** `what` names the stream in the warning when it stops, as in "chat updates". */
  constructor(what: string, liveChanged: (live: boolean) => void) {
    this.#what = what;
    this.#liveChanged = liveChanged;
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  /**
   * Keeps the subscription for `key` ('' for none), which the host only has while connected: an
   * unchanged key keeps the open one; any other ends it, and `open` starts the next, unless it
   * returns null.
   */
  protected follow(key: string, open?: (scope: LiveScope) => Unsubscribable | null): void {
    if (!this.#connected) key = '';
    if (key === this.#key) return;
    this.#stop();
    if (!key || !open) return;
    this.#key = key;
    const subscription = open({
      current:
        (callback) =>
        (...args) => {
          if (this.#key === key) callback(...args);
        },
      onError: (error) => {
        if (this.#key !== key) return;
        this.#stop();
        console.warn(`Portico: live ${this.#what} stopped`, error);
      },
    });
    if (subscription) this.#subscription = subscription;
    else this.#key = '';
  }

  protected setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    this.#liveChanged(live);
  }

  #stop(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
    this.#key = '';
    this.setLive(false);
  }
}
