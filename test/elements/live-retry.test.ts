import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../elements/portico-ticket-inbox/ticket-thread.ts';
import type { PorticoTicketThread } from '../../elements/portico-ticket-inbox/ticket-thread.ts';
import type { StreamsAnswer, StreamsBackendInfo } from './support/stream-limit-backend.ts';
import { all, attachContextRoot, definePortal, part, textOf, until } from './support/page.ts';

/** A backend that lets one live stream open at a time; `fill` takes that one, `free` ends it. */
const { url, customer } = await executeServerCommand<StreamsBackendInfo, undefined>(
  'portico-streams-backend',
);
const fill = () => executeServerCommand('portico-streams-fill');
const free = () => executeServerCommand('portico-streams-free');
const answer = (ticketId: string, body: string) =>
  executeServerCommand<unknown, StreamsAnswer>('portico-streams-answer', { ticketId, body });

/** What the thread warns when its stream ends (see LiveController). */
const STOPPED = 'Portico: live ticket updates stopped';

/**
 * The first pause before a refused stream is opened again is 2–3 s and the next 4–6 s: long
 * enough for both, in case the first try came before the slot was free.
 */
const RETRIED_WITHIN_MS = 15_000;

function auth(path: string, body: object): Promise<Response> {
  return fetch(`${url}/api/auth${path}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function renderThread(ticketId: string): Promise<PorticoTicketThread> {
  const container = await fixture(html`
    <portico-portal api=${url}>
      <portico-ticket-thread .ticketId=${ticketId}></portico-ticket-thread>
    </portico-portal>
  `);
  const thread = container.querySelector('portico-ticket-thread');
  if (!thread) throw new Error('the fixture did not render');
  return thread;
}

const bodies = (thread: PorticoTicketThread) =>
  all(thread, "[part~='message'] [part~='body']").map(textOf);

/** Counts the warnings of streams that stopped, passing every other warning on. */
function countStops(): { readonly count: number; restore(): void } {
  const original = console.warn;
  let count = 0;
  console.warn = (...args: unknown[]) => {
    if (args[0] === STOPPED) count += 1;
    else original(...args);
  };
  return {
    get count() {
      return count;
    },
    restore: () => (console.warn = original),
  };
}

describe('a live stream refused at the stream limit', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
    // This backend's session cookie stands in for the main backend's until `after` ends it.
    const signedIn = await auth('/sign-in/email', customer);
    if (!signedIn.ok) throw new Error(`sign-in failed: ${signedIn.status}`);
  });

  after(async () => {
    await auth('/sign-out', {});
  });

  it('is opened again once a slot is free, and hears answers without a reload', async function () {
    this.timeout(RETRIED_WITHIN_MS + 15_000);
    const ticket = await executeServerCommand<{ id: string }, undefined>('portico-streams-ticket');
    const stops = countStops();
    await fill();
    let filled = true;
    try {
      const thread = await renderThread(ticket.id);
      await until(() => part(thread, 'messages'), 'the ticket did not load');
      await until(() => stops.count > 0, 'the stream was never refused');
      expect(thread.matches(':state(live)')).to.equal(false);

      // Sent while nothing on the page can hear it: the thread catches up once it is live.
      await answer(ticket.id, 'We are looking into it.');
      await free();
      filled = false;
      await waitUntil(() => thread.matches(':state(live)'), 'the stream was never opened again', {
        timeout: RETRIED_WITHIN_MS,
        interval: 50,
      });
      await until(
        () => bodies(thread).includes('We are looking into it.'),
        'the missed answer never came',
      );

      await answer(ticket.id, 'Your grinder ships today.');
      await until(() => bodies(thread).includes('Your grinder ships today.'), 'no live answer');
      expect(bodies(thread)).to.deep.equal([
        'It was due on Monday.',
        'We are looking into it.',
        'Your grinder ships today.',
      ]);
      expect(part(thread, 'error')).to.equal(null);
    } finally {
      stops.restore();
      if (filled) await free();
    }
  });
});
