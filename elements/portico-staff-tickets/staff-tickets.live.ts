import type { ReactiveControllerHost } from 'lit';
import type { PorticoApi } from '../api/client.ts';
import { LiveController } from '../shared/live.ts';

/** One change of `staff.ticket.onUpdate`, without tRPC's tracking envelope. */
export interface StaffTicketUpdate {
  type: 'sync' | 'created' | 'message' | 'status' | 'changed' | 'merged' | 'read';
  ticketId: string | null;
  unread: number;
}

export interface StaffTicketsLiveHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  /** The signed-in staff member, or null: only staff listen. */
  readonly staffId: string | null;
}

export interface StaffTicketsLiveHandlers {
  /** The stream is (again) listening: whatever happened while it was away must be read again. */
  synced(unread: number): void;
  /** A ticket changed: created, answered, moved, tagged or read by this agent. */
  changed(update: StaffTicketUpdate): void;
  liveChanged(live: boolean): void;
}

/**
 * Every ticket change over `staff.ticket.onUpdate` (all tickets, notes included), subscribed
 * while the host is connected and a staff member is signed in.
 */
export class StaffTicketsLiveController extends LiveController {
  readonly #host: StaffTicketsLiveHost;
  readonly #handlers: StaffTicketsLiveHandlers;

  constructor(host: StaffTicketsLiveHost, handlers: StaffTicketsLiveHandlers) {
    super('ticket updates', (live) => handlers.liveChanged(live));
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
      api.trpc.staff.ticket.onUpdate.subscribe(
        {},
        {
          onData: current((envelope) => {
            const update = ('data' in envelope ? envelope.data : envelope) as StaffTicketUpdate;
            if (update.type === 'sync') {
              this.setLive(true);
              this.#handlers.synced(update.unread);
            } else {
              this.#handlers.changed(update);
            }
          }),
          onConnectionStateChange: current((state) => {
            if (state.state === 'connecting') this.setLive(false);
          }),
          onError,
        },
      ),
    );
  }
}
