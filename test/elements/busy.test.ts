import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import type { AppRouter } from '../../backend/router.ts';
import '../../elements/portico-help-search/portico-help-search.ts';
import type { PorticoHelpSearch } from '../../elements/portico-help-search/portico-help-search.ts';
import '../../elements/portico-chat/portico-chat.ts';
import type { PorticoChat } from '../../elements/portico-chat/portico-chat.ts';
import { BusyState, retryWhenBusy, type BusyRetryOptions } from '../../elements/api/busy.ts';
import { AuthClient } from '../../elements/api/auth.ts';
import { errorMessage } from '../../elements/api/errors.ts';
import type { BusyBackendInfo } from './support/busy-backend.plugin.ts';
import { all, attachContextRoot, backendUrl, definePortal, part, textOf } from './support/page.ts';

const BUSY_TEXT = 'The portal is busy. Trying again…';
const GAVE_UP_TEXT = 'The portal is busy. Try again in a few seconds.';

/** A backend that serves one request at a time; `hold` makes it busy until `release`. */
const { url: busyUrl } = await executeServerCommand<BusyBackendInfo, undefined>(
  'portico-busy-backend',
);
const hold = () => executeServerCommand('portico-busy-hold');
const release = () => executeServerCommand<{ status: number }, undefined>('portico-busy-release');

/** Retries bounded for a test: two more tries, each at least the server's Retry-After. */
const QUICK: BusyRetryOptions = { retries: 2, firstDelayMs: 50, maxDelayMs: 200, budgetMs: 8_000 };

/** Waits long enough for a retry after the server's Retry-After (a second here) and jitter. */
const eventually = (predicate: () => unknown, message: string) =>
  waitUntil(predicate, message, { timeout: 8_000, interval: 20 });

async function renderHelp(api: string): Promise<PorticoHelpSearch> {
  const container = await fixture(html`
    <portico-portal api=${api}>
      <portico-help-search query="track"></portico-help-search>
    </portico-portal>
  `);
  const help = container.querySelector('portico-help-search');
  if (!help) throw new Error('the fixture did not render');
  return help;
}

async function renderChat(api: string): Promise<PorticoChat> {
  const container = await fixture(html`
    <portico-portal api=${api}>
      <portico-chat></portico-chat>
    </portico-portal>
  `);
  const chat = container.querySelector('portico-chat');
  if (!chat) throw new Error('the fixture did not render');
  return chat;
}

const busyNotice = (host: Element) => part(host, 'busy');
const results = (help: PorticoHelpSearch) => all(help, "[part~='result']");

before(async () => {
  attachContextRoot();
  await definePortal();
});

describe('the "busy, retrying" status', () => {
  it('shows a calm status while the portal is busy, then renders the data without a reload', async () => {
    await hold();
    let held = true;
    try {
      const help = await renderHelp(busyUrl);
      await eventually(() => textOf(busyNotice(help)) === BUSY_TEXT, 'no busy status');
      const notice = busyNotice(help)!;
      expect(notice.getAttribute('role')).to.equal('status');
      expect(all(help, "[role='alert']")).to.have.length(0);
      expect(results(help)).to.have.length(0);
      await expect(help).to.be.accessible();

      held = false;
      expect((await release()).status).to.equal(200);
      await eventually(() => results(help).length > 0, 'the results never came');
      expect(textOf(notice)).to.equal('');
      expect(all(help, "[role='alert']")).to.have.length(0);
      // The region stays for next time, ready to be announced, but takes no room.
      expect(notice.isConnected).to.equal(true);
      expect(notice.getBoundingClientRect().height).to.be.at.most(1);
    } finally {
      if (held) await release();
    }
  });

  it("shows the chat's status in its open panel, below the header", async () => {
    await hold();
    let held = true;
    const chat = await renderChat(busyUrl);
    try {
      chat.open();
      await eventually(() => textOf(busyNotice(chat)) === BUSY_TEXT, 'no busy status');
      const notice = busyNotice(chat)!;
      const panel = part(chat, 'panel')!;
      expect(notice.getAttribute('role')).to.equal('status');
      expect(panel.contains(notice)).to.equal(true);
      const box = notice.getBoundingClientRect();
      const panelBox = panel.getBoundingClientRect();
      expect(box.height).to.be.greaterThan(1);
      expect(box.top).to.be.at.least(part(chat, 'header')!.getBoundingClientRect().bottom - 1);
      expect(box.left).to.be.at.least(panelBox.left);
      expect(box.right).to.be.at.most(panelBox.right);
      await expect(chat).to.be.accessible();

      held = false;
      expect((await release()).status).to.equal(200);
      await eventually(() => part(chat, 'input'), 'the chat never loaded');
      // One request at a time: the chat's other calls may be refused once more, and wait.
      await eventually(() => textOf(notice) === '', 'the status stayed');
      expect(notice.getBoundingClientRect().height).to.be.at.most(1);
    } finally {
      chat.close();
      if (held) await release();
    }
  });

  it('adds nothing to an element whose portal was never busy', async () => {
    const help = await renderHelp(backendUrl);
    await eventually(() => results(help).length > 0, 'the results never came');
    expect(busyNotice(help)).to.equal(null);
  });

  it('sends a refused call again after the wait the server asked for', async () => {
    const busy = new BusyState();
    const send = retryWhenBusy(fetch, busy, { ...QUICK, retries: 10, budgetMs: 20_000 });
    await hold();
    const answer = send(`${busyUrl}/api/trpc/session.me`);
    await eventually(() => busy.busy, 'the call never waited');
    expect((await release()).status).to.equal(200);
    expect((await answer).status).to.equal(200);
    expect(busy.busy).to.equal(false);
  });

  it('gives up after its tries and shows the normal error, in a sentence', async () => {
    const busy = new BusyState();
    const changes: boolean[] = [];
    busy.addEventListener('change', () => changes.push(busy.busy));
    const send = retryWhenBusy(fetch, busy, QUICK);
    const trpc = createTRPCClient<AppRouter>({
      links: [httpBatchLink({ url: `${busyUrl}/api/trpc`, fetch: send })],
    });
    const auth = new AuthClient(busyUrl, send);
    await hold();
    try {
      const [query, signIn] = await Promise.allSettled([
        trpc.session.me.query(),
        auth.signIn('nobody@busy.test', 'correct horse battery'),
      ]);
      expect(query.status).to.equal('rejected');
      expect(signIn.status).to.equal('rejected');
      if (query.status === 'rejected') expect(errorMessage(query.reason)).to.equal(GAVE_UP_TEXT);
      if (signIn.status === 'rejected') expect(errorMessage(signIn.reason)).to.equal(GAVE_UP_TEXT);
    } finally {
      await release();
    }
    expect(busy.busy).to.equal(false);
    expect(changes).to.deep.equal([true, false]);
  });
});
