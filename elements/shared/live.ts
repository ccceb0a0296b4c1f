import type { ReactiveController } from 'lit';
import type { Unsubscribable } from '@trpc/server/observable';

/**
 * The server answered the subscription itself and said no (signed out, not allowed, gone, bad
 * input): trying again would get the same answer. A new key (a new session) opens a new one.
 */
function refused(error: unknown): boolean {
  const code = (error as { data?: { code?: unknown } } | null)?.data?.code;
  return typeof code === 'string' && /^(UNAUTHORIZED|FORBIDDEN|NOT_FOUND|BAD_REQUEST)$/.test(code);
}

/** What `LiveController.follow` hands to the code that opens a subscription. */
export interface LiveScope {
  /**
   * Wraps a tRPC callback so that it runs only while its subscription is still the one followed:
   * events of a backend or subject the host has left behind are dropped.
   */
  current<Args extends unknown[]>(callback: (...args: Args) => void): (...args: Args) => void;
  /**
   * tRPC's `onError`: the subscription ends with a warning. Unless the server refused it, it is
   * opened again after a pause that grows with each failure in a row (a busy server turned it
   * away, or the connection broke); a change of key, such as a new session, opens one at once.
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
  /** Failures in a row since the stream last listened: the pause before the next try grows. */
  #failures = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;

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
    this.#cancelRetry();
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
    this.#cancelRetry();
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
        if (!refused(error)) this.#retryLater(key, open);
      },
    });
    if (subscription) this.#subscription = subscription;
    else this.#key = '';
  }

  protected setLive(live: boolean): void {
    if (live) this.#failures = 0;
    if (this.live === live) return;
    this.live = live;
    this.#liveChanged(live);
  }

  /** 2 s, 4 s, 8 s … up to a minute, with some spread so many pages do not return together. */
  #retryLater(key: string, open: (scope: LiveScope) => Unsubscribable | null): void {
    const pause = Math.min(60_000, 2_000 * 2 ** this.#failures) * (1 + Math.random() / 2);
    this.#failures += 1;
    this.#retry = setTimeout(() => {
      this.#retry = undefined;
      if (this.#connected && !this.#key) this.follow(key, open);
    }, pause);
  }

  #cancelRetry(): void {
    clearTimeout(this.#retry);
    this.#retry = undefined;
  }

  #stop(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
    this.#key = '';
    this.setLive(false);
  }
}
