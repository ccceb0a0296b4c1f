import type { ReactiveControllerHost } from 'lit';
import type { PorticoApi } from '../api/client.ts';
import { LiveController } from '../shared/live.ts';

/** One event of `staff.order.onUpdate`, without tRPC's tracking envelope. */
export interface StaffOrderUpdate {
  type: 'sync' | 'placed' | 'changed';
  orderId: string | null;
  actorId: string | null;
}

export interface StaffOrdersLiveHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  /** The signed-in staff member, or null: only staff listen. */
  readonly staffId: string | null;
}

export interface StaffOrdersLiveHandlers {
  /** The stream listens (again): whatever is on screen may have changed meanwhile. */
  synced(): void;
  /** Someone else placed or changed an order. */
  changed(update: StaffOrderUpdate): void;
  liveChanged(live: boolean): void;
}

/**
 * Every order placed or changed, over `staff.order.onUpdate`, while the host is connected and
 * a staff member is signed in. The member's own changes are left out: their view has them.
 */
export class StaffOrdersLiveController extends LiveController {
  readonly #host: StaffOrdersLiveHost;
  readonly #handlers: StaffOrdersLiveHandlers;

  constructor(host: StaffOrdersLiveHost, handlers: StaffOrdersLiveHandlers) {
    super('order updates', (live) => handlers.liveChanged(live));
    this.#host = host;
    this.#handlers = handlers;
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
    this.follow(`${api.url} ${staffId}`, ({ current, onError }) =>
      api.trpc.staff.order.onUpdate.subscribe(undefined, {
        onData: current((envelope) => {
          const update = ('data' in envelope ? envelope.data : envelope) as StaffOrderUpdate;
          if (update.type === 'sync') {
            this.setLive(true);
            this.#handlers.synced();
          } else if (update.actorId !== staffId) {
            this.#handlers.changed(update);
          }
        }),
        onConnectionStateChange: current((state) => {
          if (state.state === 'connecting') this.setLive(false);
        }),
        onError,
      }),
    );
  }
}
