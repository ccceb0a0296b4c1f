import type { TRPCClient } from '@trpc/client';
import type { AppRouter } from '../../backend/router.ts';
import type { inferRouterOutputs } from '@trpc/server';

export type Me = NonNullable<inferRouterOutputs<AppRouter>['session']['me']>;

export type SessionState =
  { status: 'unknown' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me };

/**
 * Whether the person must set up security codes before anything but their own security
 * settings works: the server refuses the rest with `SECOND_FACTOR_REQUIRED` until then.
 */
export function mustSetUpSecondFactor(state: SessionState): boolean {
  if (state.status !== 'signed-in') return false;
  const { required, enabled } = state.me.secondFactor;
  return required && !enabled;
}

/**
 * The page's knowledge of who is signed in. Elements never poll: they read the session
 * context, which follows this store; sign-in and sign-out call `refresh` once.
 */
export class SessionStore extends EventTarget {
  #state: SessionState = { status: 'unknown' };
  #trpc: TRPCClient<AppRouter> | undefined;
  #pending: Promise<SessionState> | undefined;

  get state(): SessionState {
    return this.#state;
  }

  connect(trpc: TRPCClient<AppRouter>): void {
    this.#trpc = trpc;
  }

  /** Asks the server who is signed in; concurrent calls share one request. */
  refresh(): Promise<SessionState> {
    this.#pending ??= this.#load().finally(() => (this.#pending = undefined));
    return this.#pending;
  }

  /** The server said the session is gone (an UNAUTHORIZED answer, or a sign-out). */
  markSignedOut(): void {
    this.#set({ status: 'signed-out' });
  }

  async #load(): Promise<SessionState> {
    if (!this.#trpc) throw new Error('SessionStore is not connected');
    try {
      const me = await this.#trpc.session.me.query();
      this.#set(me ? { status: 'signed-in', me } : { status: 'signed-out' });
    } catch {
      if (this.#state.status === 'unknown') this.#set({ status: 'signed-out' });
    }
    return this.#state;
  }

  #set(state: SessionState): void {
    if (JSON.stringify(state) === JSON.stringify(this.#state)) return;
    this.#state = state;
    this.dispatchEvent(new Event('change'));
  }
}
