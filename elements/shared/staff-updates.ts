import type { ReactiveControllerHost } from 'lit';
import type { Unsubscribable } from '@trpc/server/observable';
import type { PorticoApi } from '../api/client.ts';
import { LiveController } from './live.ts';

/** What every staff update stream sends first, and again after each reconnect. */
interface Sync {
  type: 'sync';
}

/** The callbacks `StaffUpdatesController` hands to the subscription it opens. */
export interface StreamCallbacks {
  onData(envelope: unknown): void;
  onConnectionStateChange(state: { state: string }): void;
  onError(error: unknown): void;
}

export interface StaffUpdatesOptions<Update extends { type: string }> {
  /** Names the stream in the warning when it stops, as in "order updates". */
  what: string;
  /** Opens the stream, such as `api.trpc.staff.order.onUpdate.subscribe(undefined, callbacks)`. */
  subscribe(api: PorticoApi, callbacks: StreamCallbacks): Unsubscribable;
  /** The stream listens (again): whatever is on screen may have changed meanwhile. */
  synced(update: Update & Sync): void;
  /** Something changed. */
  changed(update: Update): void;
  liveChanged(live: boolean): void;
}

export interface StaffUpdatesHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  /** The signed-in staff member, or null: only staff listen. */
  readonly staffId: string | null;
}

/**
 * One of the staff's update streams (`staff.*.onUpdate`), open while the host is connected and a
 * staff member is signed in, opened again for another backend or staff member.
 */
export class StaffUpdatesController<Update extends { type: string }> extends LiveController {
  readonly #host: StaffUpdatesHost;
  readonly #options: StaffUpdatesOptions<Update>;

  constructor(host: StaffUpdatesHost, options: StaffUpdatesOptions<Update>) {
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
    const { api, staffId } = this.#host;
    if (!api || !staffId) {
      this.follow('');
      return;
    }
    const options = this.#options;
    this.follow(`${api.url} ${staffId}`, ({ current, onError }) =>
      options.subscribe(api, {
        onData: current((envelope: unknown) => {
          const data =
            envelope && typeof envelope === 'object' && 'data' in envelope
              ? envelope.data
              : envelope;
          const update = data as Update;
          if (update.type === 'sync') {
            this.setLive(true);
            options.synced(update as Update & Sync);
          } else {
            options.changed(update);
          }
        }),
        onConnectionStateChange: current((state: { state: string }) => {
          if (state.state === 'connecting') this.setLive(false);
        }),
        onError,
      }),
    );
  }
}
