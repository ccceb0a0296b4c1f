import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Unsubscribable } from '@trpc/server/observable';
import type { PorticoApi } from '../api/client.ts';
import type { StaffChatEvent } from './staff-chat.api.ts';

export interface StaffLiveHost extends ReactiveControllerHost {
  readonly api?: PorticoApi | undefined;
  /** The signed-in staff member, or null: only staff listen. */
  readonly staffId: string | null;
}

export interface StaffLiveHandlers {
  /**
   * The stream is (again) listening. The server replays nothing, so whatever happened while it
   * was away must be read again.
   */
  synced(): void;
  /** Anything else the server pushed. */
  event(event: StaffChatEvent): void;
  /** The agent started or stopped hearing chats as they happen (and counting as online). */
  liveChanged(live: boolean): void;
}

/**
 * The staff side's chat events over `staff.chat.onEvent`, subscribed while the host is connected
 * and a staff member is signed in. While it is open the agent counts as online. The server
 * starts every (re)connection with a `presence` event: from then on it passes on every change,
 * so that is the moment to read again what may have been missed.
 */
export class StaffChatLiveController implements ReactiveController {
  live = false;

  readonly #host: StaffLiveHost;
  readonly #handlers: StaffLiveHandlers;
  #subscription: Unsubscribable | null = null;
  /** The backend and staff member the open subscription is for. */
  #key = '';
  #connected = false;

  constructor(host: StaffLiveHost, handlers: StaffLiveHandlers) {
    this.#host = host;
    this.#handlers = handlers;
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #follow(): void {
    const { api, staffId } = this.#host;
    const key = this.#connected && api && staffId ? `${api.url} ${staffId}` : '';
    if (key === this.#key) return;
    this.#stop();
    if (!key || !api) return;
    this.#key = key;
    let started = false;
    this.#subscription = api.trpc.staff.chat.onEvent.subscribe(
      {},
      {
        onData: (envelope) => {
          if (this.#key !== key) return;
          const event = ('data' in envelope ? envelope.data : envelope) as StaffChatEvent;
          this.#handlers.event(event);
          if (event.type === 'presence' && started) {
            started = false;
            this.#setLive(true);
            this.#handlers.synced();
          }
        },
        // Every (re)connection; its first event, `presence`, comes once the server listens.
        onStarted: () => {
          if (this.#key === key) started = true;
        },
        onConnectionStateChange: (state) => {
          if (this.#key === key && state.state === 'connecting') this.#setLive(false);
        },
        // A refusal (signed out, no longer staff) ends the stream; the next change of session
        // opens a new one.
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
