import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Unsubscribable } from '@trpc/server/observable';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { accountOf } from './ticket-list.api.ts';

type Stream = inferRouterOutputs<AppRouter>['ticket']['onUpdate'];
/** One change on the reader's tickets, with the unread count after it (tRPC's `tracked` data). */
export type TicketUpdate = Stream extends AsyncIterable<{ data: infer Data }> ? Data : never;

export interface UpdatesHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  readonly session: SessionState;
}

/**
 * The customer's ticket changes as server-sent events while the host is on the page: subscribed
 * when the API and a customer account are known, again when either changes, and closed when
 * the host leaves. The inbox needs only the counts; the thread watches its own ticket.
 */
export class TicketUpdatesController implements ReactiveController {
  readonly #host: UpdatesHost;
  readonly #onUpdate: (update: TicketUpdate) => void;
  #subscription: Unsubscribable | null = null;
  /** The backend and account the open subscription is for. */
  #key = '';

  constructor(host: UpdatesHost, onUpdate: (update: TicketUpdate) => void) {
    this.#host = host;
    this.#onUpdate = onUpdate;
    host.addController(this);
  }

  hostConnected(): void {
    this.#follow();
  }

  hostUpdated(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#close();
  }

  #follow(): void {
    const { api, session } = this.#host;
    const account = accountOf(session);
    const key = api && account ? `${api.url} ${account}` : '';
    if (key === this.#key) return;
    this.#close();
    this.#key = key;
    if (!api || !key) return;
    this.#subscription = api.trpc.ticket.onUpdate.subscribe(
      {},
      {
        onData: (event) => this.#onUpdate(event.data),
        // The client reconnects by itself; a refusal (signed out) ends the stream and the next
        // change of session opens a new one.
        onError: () => {
          this.#subscription = null;
          this.#key = '';
        },
      },
    );
  }

  #close(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
    this.#key = '';
  }
}
