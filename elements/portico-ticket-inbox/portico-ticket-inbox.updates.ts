import type { ReactiveControllerHost } from 'lit';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import type { PorticoApi } from '../api/client.ts';
import type { SessionState } from '../api/session.ts';
import { accountOf } from './ticket-list.api.ts';
import { LiveController } from '../shared/live.ts';

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
export class TicketUpdatesController extends LiveController {
  readonly #host: UpdatesHost;
  readonly #onUpdate: (update: TicketUpdate) => void;

  constructor(host: UpdatesHost, onUpdate: (update: TicketUpdate) => void) {
    super('ticket updates', () => {});
    this.#host = host;
    this.#onUpdate = onUpdate;
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
    const { api, session } = this.#host;
    const account = accountOf(session);
    if (!api || !account) {
      this.follow('');
      return;
    }
    this.follow(`${api.url} ${account}`, ({ current, onError }) =>
      api.trpc.ticket.onUpdate.subscribe(
        {},
        {
          onStarted: current(() => this.setLive(true)),
          onData: current((event) => this.#onUpdate(event.data)),
          onError,
        },
      ),
    );
  }
}
