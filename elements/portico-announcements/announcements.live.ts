import type { ReactiveControllerHost } from 'lit';
import type { PorticoApi } from '../api/client.ts';
import { LiveController } from '../shared/live.ts';

export interface AnnouncementLiveHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  /** Whose announcements are shown ('visitor' when nobody is signed in), or '' while unknown. */
  readonly audienceKey: string;
}

/**
 * Tells the host when the announcements it shows may have changed: one was published, changed
 * or ended, or started or ended by time. Open while the host is connected, for visitors too;
 * opened again for another person or backend.
 */
export class AnnouncementLiveController extends LiveController {
  readonly #host: AnnouncementLiveHost;
  readonly #changed: () => void;

  constructor(
    host: AnnouncementLiveHost,
    changed: () => void,
    liveChanged: (live: boolean) => void,
  ) {
    super('announcements', liveChanged);
    this.#host = host;
    this.#changed = changed;
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
    const { api, audienceKey } = this.#host;
    if (!api || !audienceKey) {
      this.follow('');
      return;
    }
    this.follow(`${api.url} ${audienceKey}`, ({ current, onError }) =>
      api.trpc.announcement.onChange.subscribe(undefined, {
        onStarted: current(() => this.setLive(true)),
        // Each sync (the first, and after a reconnect) may follow changes the host missed.
        onData: current(() => this.#changed()),
        onConnectionStateChange: current((state) => {
          if (state.state === 'connecting') this.setLive(false);
        }),
        onError,
      }),
    );
  }
}
