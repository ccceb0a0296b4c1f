import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Unsubscribable } from '@trpc/server/observable';
import type { PorticoApi } from '../api/client.ts';
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
export class TicketLiveController implements ReactiveController {
  live = false;

  readonly #host: LiveHost;
  readonly #handlers: LiveHandlers;
  #subscription: Unsubscribable | null = null;
  /** The backend and ticket `#subscription` listens to. */
  #key = '';
  #connected = false;

  constructor(host: LiveHost, handlers: LiveHandlers) {
    this.#host = host;
    this.#handlers = handlers;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  /** Follows the host's api and ticket; called from the host's `updated`. */
  hostUpdated(): void {
    const { api, watched } = this.#host;
    const key = this.#connected && api && watched ? `${api.url} ${watched}` : '';
    if (key === this.#key) return;
    this.#stop();
    if (!key || !api || !watched) return;
    this.#key = key;
    let first = true;
    this.#subscription = api.trpc.ticket.onUpdate.subscribe(
      { ticketId: watched },
      {
        onData: ({ data }) => {
          if (this.#key !== key) return;
          this.#receive(data, watched, first);
          if (data.type === 'sync') first = false;
        },
        onError: (error) => {
          if (this.#key !== key) return;
          this.#stop();
          console.warn('Portico: live ticket updates stopped', error);
        },
      },
    );
  }

  #receive(update: TicketUpdate, watched: string, first: boolean): void {
    if (update.type === 'sync') {
      if (!this.live) {
        this.live = true;
        this.#handlers.liveChanged(true);
      }
      this.#handlers.synced(first);
      return;
    }
    if (update.ticketId !== watched || update.type === 'read') return;
    if (update.message) this.#handlers.message(update.message);
    else this.#handlers.changed();
  }

  #stop(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
    this.#key = '';
    if (this.live) {
      this.live = false;
      this.#handlers.liveChanged(false);
    }
  }
}
