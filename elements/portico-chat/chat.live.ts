import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Unsubscribable } from '@trpc/server/observable';
import type { PorticoApi } from '../api/client.ts';
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
export class ChatLiveController implements ReactiveController {
  live = false;

  readonly #host: ChatLiveHost;
  readonly #source: () => ChatLiveSource;
  readonly #handlers: ChatLiveHandlers;
  #subscription: Unsubscribable | null = null;
  /** The backend and conversation `#subscription` follows. */
  #key = '';
  #connected = false;

  constructor(host: ChatLiveHost, source: () => ChatLiveSource, handlers: ChatLiveHandlers) {
    this.#host = host;
    this.#source = source;
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

  hostUpdated(): void {
    const { api } = this.#host;
    const { conversationId, open, seenSeq } = this.#source();
    const key = this.#connected && api && conversationId ? `${api.url} ${conversationId}` : '';
    if (key === this.#key) return;
    this.#stop();
    if (!key || !open || !api || !conversationId) return;
    this.#key = key;
    this.#subscription = api.trpc.chat.onEvent.subscribe(
      { conversationId, lastEventId: seenSeq > 0 ? String(seenSeq) : null },
      {
        onData: (envelope) => {
          if (this.#key !== key) return;
          const event = ('data' in envelope ? envelope.data : envelope) as ChatEvent;
          // The server starts every (re)connection with the conversation as it is.
          if (event.type === 'conversation') this.#setLive(true);
          this.#handlers.event(event);
        },
        onConnectionStateChange: (state) => {
          if (this.#key === key && state.state === 'connecting') this.#setLive(false);
        },
        onError: (error) => {
          if (this.#key !== key) return;
          this.#stop();
          console.warn('Portico: live chat updates stopped', error);
        },
      },
    );
  }

  #setLive(live: boolean): void {
    if (this.live === live) return;
    this.live = live;
    this.#handlers.liveChanged(live);
  }

  #stop(): void {
    this.#subscription?.unsubscribe();
    this.#subscription = null;
    this.#key = '';
    this.#setLive(false);
  }
}
