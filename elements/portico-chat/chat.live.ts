import type { ReactiveControllerHost } from 'lit';
import type { PorticoApi } from '../api/client.ts';
import { LiveController } from '../shared/live.ts';
import type { ChatEvent } from './chat.api.ts';

export interface ChatLiveHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
}

export interface ChatLiveSource {
  /** The conversation to follow, or null. */
  conversationId: string | null;
  /** Whether it is still open: an ended conversation is not subscribed to afresh. */
  open: boolean;
  /** The last message already on screen, where the stream resumes (0 for none). */
  seenSeq: number;
}

export interface ChatLiveHandlers {
  event(event: ChatEvent): void;
  /** The chat started or stopped hearing the conversation as it happens. */
  liveChanged(live: boolean): void;
}

/**
 * The conversation as it happens, over `chat.onEvent`: subscribed while the host is connected
 * and has an open conversation, resuming after the last message on screen, so the server sends
 * each later message exactly once (and again after a reconnect, as tRPC resends the last event
 * id). A conversation that ends while followed stays followed, so its last notices still arrive.
 */
export class ChatLiveController extends LiveController {
  readonly #host: ChatLiveHost;
  readonly #source: () => ChatLiveSource;
  readonly #handlers: ChatLiveHandlers;

  constructor(host: ChatLiveHost, source: () => ChatLiveSource, handlers: ChatLiveHandlers) {
    super('chat updates', (live) => handlers.liveChanged(live));
    this.#host = host;
    this.#source = source;
    this.#handlers = handlers;
    host.addController(this);
  }

  hostUpdated(): void {
    const { api } = this.#host;
    const { conversationId, open, seenSeq } = this.#source();
    if (!api || !conversationId) {
      this.follow('');
      return;
    }
    this.follow(`${api.url} ${conversationId}`, ({ current, onError }) => {
      if (!open) return null;
      return api.trpc.chat.onEvent.subscribe(
        { conversationId, lastEventId: seenSeq > 0 ? String(seenSeq) : null },
        {
          onData: current((envelope) => {
            const event = ('data' in envelope ? envelope.data : envelope) as ChatEvent;
            // The server starts every (re)connection with the conversation as it is.
            if (event.type === 'conversation') this.setLive(true);
            this.#handlers.event(event);
          }),
          onConnectionStateChange: current((state) => {
            if (state.state === 'connecting') this.setLive(false);
          }),
          onError,
        },
      );
    });
  }
}
