import type { ReactiveControllerHost } from 'lit';
import type { PorticoApi } from '../api/client.ts';
import { LiveController } from '../shared/live.ts';
import type { ThreadMessage } from './ticket-thread.api.ts';

/** What the server says about the watched ticket, without tRPC's tracking envelope. */
export interface TicketUpdate {
  type: 'sync' | 'created' | 'message' | 'status' | 'changed' | 'merged' | 'read';
  ticketId: string | null;
  unread: number;
  message: ThreadMessage | null;
}

export interface LiveHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  /** The ticket to watch, or null while none is shown. */
  readonly watched: string | null;
}

export interface LiveHandlers {
  /** The subscription is (again) listening: anything before it may have been missed. */
  synced(first: boolean): void;
  /** A new public message of the watched ticket. */
  message(message: ThreadMessage): void;
  /** Something else about the watched ticket changed: its status, rating, tags or a merge. */
  changed(): void;
  /** The thread started or stopped hearing changes as they happen. */
  liveChanged(live: boolean): void;
}

/**
 * The watched ticket's changes as they happen, over `ticket.onUpdate`: subscribes while the host
 * is connected and watches a ticket, and again when the ticket or the backend changes.
 * `live` is true from the first sync until the subscription ends.
 */
export class TicketLiveController extends LiveController {
  readonly #host: LiveHost;
  readonly #handlers: LiveHandlers;

  constructor(host: LiveHost, handlers: LiveHandlers) {
    super('ticket updates', (live) => handlers.liveChanged(live));
    this.#host = host;
    this.#handlers = handlers;
    host.addController(this);
  }

  /** Follows the host's api and ticket; called from the host's `updated`. */
  hostUpdated(): void {
    const { api, watched } = this.#host;
    if (!api || !watched) {
      this.follow('');
      return;
    }
    this.follow(`${api.url} ${watched}`, ({ current, onError }) => {
      let first = true;
      return api.trpc.ticket.onUpdate.subscribe(
        { ticketId: watched },
        {
          onData: current(({ data }) => {
            this.#receive(data, watched, first);
            if (data.type === 'sync') first = false;
          }),
          onError,
        },
      );
    });
  }

  #receive(update: TicketUpdate, watched: string, first: boolean): void {
    if (update.type === 'sync') {
      this.setLive(true);
      this.#handlers.synced(first);
      return;
    }
    if (update.ticketId !== watched || update.type === 'read') return;
    if (update.message) this.#handlers.message(update.message);
    else this.#handlers.changed();
  }
}
