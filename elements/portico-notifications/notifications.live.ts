import type { ReactiveControllerHost } from 'lit';
import type { PorticoApi } from '../api/client.ts';
import { LiveController } from '../shared/live.ts';
import type { NotificationChange } from './notifications.api.ts';

export interface NotificationLiveHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  /** The signed-in customer and the account they work in, or '' for nobody to follow. */
  readonly personKey: string;
}

/**
 * The person's notifications as server-sent events while the host is on the page: opened when
 * a customer is signed in, again for another person, account or backend, and closed when the
 * host leaves. Each event carries the unread count, so every device shows the same number.
 */
export class NotificationLiveController extends LiveController {
  readonly #host: NotificationLiveHost;
  readonly #onChange: (change: NotificationChange) => void;

  constructor(
    host: NotificationLiveHost,
    onChange: (change: NotificationChange) => void,
    liveChanged: (live: boolean) => void,
  ) {
    super('notifications', liveChanged);
    this.#host = host;
    this.#onChange = onChange;
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
    const { api, personKey } = this.#host;
    if (!api || !personKey) {
      this.follow('');
      return;
    }
    this.follow(`${api.url} ${personKey}`, ({ current, onError }) =>
      api.trpc.notification.onChange.subscribe(
        {},
        {
          onStarted: current(() => this.setLive(true)),
          onData: current((event) => this.#onChange(event.data)),
          onConnectionStateChange: current((state) => {
            if (state.state === 'connecting') this.setLive(false);
            if (state.state === 'pending') this.setLive(true);
          }),
          onError,
        },
      ),
    );
  }
}
