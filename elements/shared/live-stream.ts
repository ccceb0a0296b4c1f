import type { ReactiveControllerHost } from 'lit';
import type { Unsubscribable } from '@trpc/server/observable';
import type { PorticoApi } from '../api/client.ts';
import { LiveController, type LiveScope } from './live.ts';

/** The callbacks that keep `live` true while the stream listens; `open` adds its own `onData`. */
export interface LiveStreamCallbacks {
  onStarted(): void;
  onConnectionStateChange(state: { state: string }): void;
  onError(error: unknown): void;
}

export interface LiveStreamOptions {
  /** Names the stream in the warning when it stops, as in "notifications". */
  what: string;
  /** Whom or what the stream is for (such as the signed-in person), or '' for no stream. */
  key(): string;
  /**
   * Opens the stream with `callbacks` and an `onData` wrapped in `current`, such as
   * `api.trpc.notification.onChange.subscribe({}, { ...callbacks, onData: current(handle) })`.
   */
  open(
    api: PorticoApi,
    callbacks: LiveStreamCallbacks,
    current: LiveScope['current'],
  ): Unsubscribable;
  liveChanged(live: boolean): void;
}

export interface LiveStreamHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

/**
 * A page's own stream (`*.onChange`), open while the host is connected and `key()` is not empty,
 * opened again for another key or backend and closed when the host leaves. It is live from its
 * start, not while it reconnects, and live again once the connection is back.
 */
export class LiveStreamController extends LiveController {
  readonly #host: LiveStreamHost;
  readonly #options: LiveStreamOptions;

  constructor(host: LiveStreamHost, options: LiveStreamOptions) {
    super(options.what, (live) => options.liveChanged(live));
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  override hostConnected(): void {
    super.hostConnected();
    this.#follow();
  }

  hostUpdated(): void {
    this.#follow();
  }

  #follow(): void {
    const api = this.#host.api;
    const key = api ? this.#options.key() : '';
    if (!api || !key) {
      this.follow('');
      return;
    }
    this.follow(`${api.url} ${key}`, ({ current, onError }) =>
      this.#options.open(
        api,
        {
          onStarted: current(() => this.setLive(true)),
          onConnectionStateChange: current((state: { state: string }) => {
            if (state.state === 'connecting') this.setLive(false);
            if (state.state === 'pending') this.setLive(true);
          }),
          onError,
        },
        current,
      ),
    );
  }
}
