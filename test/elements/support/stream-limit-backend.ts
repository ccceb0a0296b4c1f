import { createPerson } from '../../../backend/session/people.ts';
import { startTestPortico, type TestClient, type TestPortico } from '../../support/portico.ts';

/** What `executeServerCommand('portico-streams-backend')` answers. */
export interface StreamsBackendInfo {
  url: string;
  /** The customer the page signs in as; the backend knows no other. */
  customer: { email: string; password: string };
}

/** The payload of `executeServerCommand('portico-streams-answer', …)`. */
export interface StreamsAnswer {
  ticketId: string;
  body: string;
}

const CUSTOMER = { email: 'dana@streams.test', password: 'correct horse battery' } as const;

/**
 * A third real backend that lets one live stream open at a time (`MAX_LIVE_STREAMS=1`), for the
 * test of a page whose stream was refused. Its commands:
 * - `portico-streams-backend`: starts it on first use; answers its URL and the customer.
 * - `portico-streams-ticket`: the customer opens a ticket; answers `{ id }`.
 * - `portico-streams-fill`: a stream of the customer's, opened from here, takes the only slot.
 * - `portico-streams-free`: closes that stream, and answers once the server let go of it.
 * - `portico-streams-answer`: an agent answers the ticket, as from the staff console.
 */
export class StreamLimitBackend {
  readonly #pageOrigin: () => string;
  #started: Promise<{ portico: TestPortico; customer: TestClient; agent: TestClient }> | undefined;
  #held: AbortController | undefined;

  constructor(pageOrigin: () => string) {
    this.#pageOrigin = pageOrigin;
  }

  /** Answers a command of this backend, or undefined for anyone else's. */
  async command(command: string, payload: unknown): Promise<unknown> {
    if (!command.startsWith('portico-streams-')) return undefined;
    this.#started ??= this.#start();
    const { portico, customer, agent } = await this.#started;
    switch (command) {
      case 'portico-streams-backend':
        return { url: portico.url, customer: CUSTOMER } satisfies StreamsBackendInfo;
      case 'portico-streams-ticket':
        return result(
          await customer.mutate('ticket.create', {
            subject: 'Where is my grinder?',
            kind: 'question',
            body: 'It was due on Monday.',
          }),
        );
      case 'portico-streams-fill':
        return this.#fill(portico, customer);
      case 'portico-streams-free':
        return this.#free(portico);
      case 'portico-streams-answer': {
        const { ticketId, body } = payload as StreamsAnswer;
        return result(await agent.mutate('staff.ticket.reply', { ticketId, body }));
      }
      default:
        return undefined;
    }
  }

  async close(): Promise<void> {
    this.#held?.abort();
    await (await this.#started)?.portico.close();
  }

  async #start() {
    const portico = await startTestPortico({
      env: { TRUSTED_ORIGINS: this.#pageOrigin(), MAX_LIVE_STREAMS: '1' },
    });
    await createPerson(portico.services.auth, { name: 'Dana', role: 'customer', ...CUSTOMER });
    const customer = portico.client();
    const signedIn = await customer.post('/api/auth/sign-in/email', CUSTOMER);
    if (!signedIn.ok) throw new Error(`The customer could not sign in: ${signedIn.status}`);
    const agent = await portico.personWithSession({ email: 'agent@streams.test', role: 'agent' });
    return { portico, customer, agent };
  }

  /** Opens a stream as a browser's EventSource would, and keeps reading it until `#free`. */
  async #fill(portico: TestPortico, customer: TestClient): Promise<{ open: number }> {
    if (this.#held) throw new Error('The only stream slot is already taken.');
    const held = new AbortController();
    const response = await customer.request('/api/trpc/ticket.onUpdate?input=%7B%7D', {
      headers: { accept: 'text/event-stream' },
      signal: held.signal,
    });
    if (response.status !== 200) throw new Error(`The stream was refused: ${response.status}`);
    this.#held = held;
    response.body?.pipeTo(new WritableStream()).catch(() => {
      // Aborted by `#free`, as intended.
    });
    return { open: portico.services.liveStreams.count };
  }

  /**
   * Closes the held stream and waits (a second at most) until the server no longer counts it.
   * A page retrying at that very moment may take the slot at once, so the wait is bounded
   * rather than required: either way the slot is no longer this backend's own.
   */
  async #free(portico: TestPortico): Promise<{ open: number }> {
    if (!this.#held) throw new Error('No stream slot is taken.');
    this.#held.abort();
    this.#held = undefined;
    const { liveStreams } = portico.services;
    const deadline = Date.now() + 1_000;
    while (liveStreams.count > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    return { open: liveStreams.count };
  }
}

/** A tRPC answer's data, or the error as an exception; never undefined (that means "not mine"). */
function result(envelope: { body: { result?: { data: unknown }; error?: unknown } }): unknown {
  if (!envelope.body.result) throw new Error(JSON.stringify(envelope.body.error));
  return envelope.body.result.data ?? {};
}
