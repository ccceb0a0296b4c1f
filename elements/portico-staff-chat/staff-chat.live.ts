import type { ReactiveControllerHost } from 'lit';
import type { PorticoApi } from '../api/client.ts';
import { LiveController } from '../shared/live.ts';
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
 * so that is the moment to read again what may have been missed. A `sync` event (the server's
 * own link to the other instances was down) asks for the same reading again.
 */
export class StaffChatLiveController extends LiveController {
  readonly #host: StaffLiveHost;
  readonly #handlers: StaffLiveHandlers;

  constructor(host: StaffLiveHost, handlers: StaffLiveHandlers) {
    super('chat updates', (live) => handlers.liveChanged(live));
    this.#host = host;
    this.#handlers = handlers;
    host.addController(this);
  }

  override hostConnected(): void {
    super.hostConnected();
    this.#follow();
  }

  hostUpdate(): void {
    this.#follow();
  }

  #follow(): void {
    const { api, staffId } = this.#host;
    if (!api || !staffId) {
      this.follow('');
      return;
    }
    this.follow(`${api.url} ${staffId}`, ({ current, onError }) => {
      let started = false;
      return api.trpc.staff.chat.onEvent.subscribe(
        {},
        {
          onData: current((envelope) => {
            const event = ('data' in envelope ? envelope.data : envelope) as StaffChatEvent;
            // The server may have missed changes made elsewhere: read again, as after a reconnect.
            if (event.type === 'sync') return this.#handlers.synced();
            this.#handlers.event(event);
            if (event.type === 'presence' && started) {
              started = false;
              this.setLive(true);
              this.#handlers.synced();
            }
          }),
          // Every (re)connection; its first event, `presence`, comes once the server listens.
          onStarted: current(() => {
            started = true;
          }),
          onConnectionStateChange: current((state) => {
            if (state.state === 'connecting') this.setLive(false);
          }),
          // A refusal (signed out, no longer staff) ends the stream; the next change of session
          // opens a new one.
          onError,
        },
      );
    });
  }
}
