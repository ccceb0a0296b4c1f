import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../elements/portico-announcements/portico-announcements.ts';
import type { PorticoAnnouncements } from '../../elements/portico-announcements/portico-announcements.ts';
import type { StaffCall } from './support/portico-backend.plugin.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  sessionKnown,
  signOut,
  textOf,
  until,
} from './support/page.ts';
import { accountId, api, signInAsNewCustomer } from './support/ledger.ts';

/** A staff procedure the agent calls from outside the page, as from the staff console. */
function staff<T = unknown>(path: string, input: unknown): Promise<T> {
  return executeServerCommand<T, StaffCall>('portico-staff', { path, input });
}

type Severity = 'info' | 'warning' | 'outage';

interface Published {
  id: string;
  title: string;
}

/** What the tests published, ended after each so the next test starts with none. */
const published: string[] = [];

const BODY = 'We close at noon on 24 December.\nOrders placed after that ship on 27 December.';

async function publish(
  options: { severity?: Severity; accounts?: string[]; startsAt?: string } = {},
): Promise<Published> {
  const title = `Holiday hours ${crypto.randomUUID().slice(0, 8)}`;
  const item = await staff<Published>('staff.announcement.create', {
    title,
    body: BODY,
    severity: options.severity ?? 'info',
    ...(options.startsAt ? { startsAt: options.startsAt } : {}),
    ...(options.accounts
      ? { audience: 'accounts', accountIds: options.accounts }
      : { audience: 'all' }),
  });
  published.push(item.id);
  return item;
}

async function render(options: { dir?: string } = {}): Promise<PorticoAnnouncements> {
  const container = await fixture(html`
    <div dir=${ifDefined(options.dir)}>
      <portico-portal api=${backendUrl}>
        <portico-announcements></portico-announcements>
      </portico-portal>
    </div>
  `);
  const element = container.querySelector('portico-announcements');
  if (!element) throw new Error('the fixture did not render');
  await sessionKnown(element);
  return element;
}

/** The banner of an announcement, or null while it is not shown. */
function banner(element: PorticoAnnouncements, id: string): HTMLElement | null {
  return (
    element.shadowRoot?.querySelector<HTMLElement>(`[part~='announcement'][data-id='${id}']`) ??
    null
  );
}

async function listening(element: PorticoAnnouncements): Promise<void> {
  await until(() => element.matches(':state(live)'), 'the live updates never started');
}

describe('<portico-announcements>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    localStorage.clear();
    for (const id of published.splice(0)) await staff('staff.announcement.end', { id });
  });

  it('shows an announcement live, with its severity in words and a mark, for a visitor', async () => {
    await signOut();
    const element = await render();
    await listening(element);
    expect(element.matches(':state(empty)')).to.equal(true);
    expect(element.getBoundingClientRect().height).to.equal(0);

    const notice = await publish({ severity: 'info' });
    await until(() => banner(element, notice.id), 'the banner never appeared');
    const shown = banner(element, notice.id)!;
    expect(shown.dataset['severity']).to.equal('info');
    expect(shown.getAttribute('part')).to.contain('announcement-info');
    // Plain content, not a live region: a region named "Announcements" of articles with headings.
    expect(shown.localName).to.equal('article');
    expect(shown.getAttribute('role')).to.equal(null);
    const stack = part(element, 'stack')!;
    expect(stack.localName).to.equal('section');
    expect(stack.getAttribute('aria-label')).to.equal('Announcements');
    expect(textOf(shown.querySelector('h2'))).to.equal(`Information: ${notice.title}`);
    expect(shown.getAttribute('aria-labelledby')).to.equal(shown.querySelector('h2')!.id);
    expect(textOf(shown.querySelector("[part~='severity']"))).to.equal('Information');
    expect(textOf(shown.querySelector("[part~='title']"))).to.equal(notice.title);
    expect(textOf(shown.querySelector("[part~='body']"))).to.contain('We close at noon');
    expect(shown.querySelector("[part~='icon'] svg")).to.not.equal(null);
    const dismiss = shown.querySelector<HTMLButtonElement>("[part~='dismiss']")!;
    expect(dismiss.getAttribute('aria-label')).to.equal(`Dismiss: ${notice.title}`);
    expect(dismiss.getBoundingClientRect().height).to.be.at.least(44);
    expect(element.matches(':state(empty)')).to.equal(false);

    expect(textOf(part(element, 'urgent'))).to.equal('');

    // Only an outage that arrives while the page is open interrupts (once, not in its banner).
    const outage = await publish({ severity: 'outage' });
    await until(() => banner(element, outage.id), 'the outage never appeared');
    expect(banner(element, outage.id)!.getAttribute('role')).to.equal(null);
    expect(textOf(banner(element, outage.id)!.querySelector("[part~='severity']"))).to.equal(
      'Outage',
    );
    await until(
      () => textOf(part(element, 'urgent')) === `New announcement. Outage: ${outage.title}`,
      'the new outage did not interrupt',
    );
    expect(part(element, 'urgent')!.getAttribute('role')).to.equal('alert');
    await expect(element).to.be.accessible();

    // Ended by staff: gone without a reload.
    await staff('staff.announcement.end', { id: notice.id });
    await until(() => !banner(element, notice.id), 'the ended announcement stayed');
  });

  it('reads out none of the banners already there when the page loads', async () => {
    await signOut();
    const outage = await publish({ severity: 'outage' });
    const warning = await publish({ severity: 'warning' });
    const element = await render();
    await until(() => banner(element, outage.id) && banner(element, warning.id), 'no banners');
    await listening(element);
    for (const shown of all(element, "[part~='announcement']")) {
      expect(shown.closest('[role], [aria-live]'), 'a banner is in a live region').to.equal(null);
      expect(shown.querySelector('[role], [aria-live]')).to.equal(null);
    }

    // Reads after the first (this one's arrival) still leave the first two unsaid.
    const later = await publish({ severity: 'info' });
    await until(
      () => textOf(part(element, 'status')) === `New announcement. Information: ${later.title}`,
      'the one that arrived was not read out',
    );
    expect(textOf(part(element, 'urgent')), 'the outage of the first read interrupted').to.equal(
      '',
    );
  });

  it('remembers a visitor’s dismissal in this browser', async () => {
    await signOut();
    const notice = await publish({ severity: 'warning' });
    const element = await render();
    await until(() => banner(element, notice.id), 'the banner never appeared');
    banner(element, notice.id)!.querySelector<HTMLButtonElement>("[part~='dismiss']")!.click();
    await until(() => !banner(element, notice.id), 'dismiss did not hide it');
    expect(textOf(part(element, 'status'))).to.equal(`Dismissed: ${notice.title}`);
    expect(JSON.parse(localStorage.getItem('portico-announcements-dismissed') ?? '[]')).to.include(
      notice.id,
    );

    const again = await render();
    await listening(again);
    await again.updateComplete;
    expect(banner(again, notice.id), 'it came back on the next page').to.equal(null);

    // Another browser (here: storage cleared) still shows it.
    localStorage.clear();
    const other = await render();
    await until(() => banner(other, notice.id), 'another browser never saw it');
  });

  it('keeps a customer’s dismissal on the server, for all their devices', async () => {
    await signInAsNewCustomer();
    const element = await render();
    await listening(element);
    const notice = await publish({ accounts: [accountId()] });
    const other = await publish();
    await until(() => banner(element, notice.id) && banner(element, other.id), 'no banners');

    const dismiss = banner(element, notice.id)!.querySelector<HTMLButtonElement>(
      "[part~='dismiss']",
    )!;
    dismiss.focus();
    dismiss.click();
    await until(() => !banner(element, notice.id), 'dismiss did not hide it');
    // Focus goes on to the next banner's button rather than getting lost.
    expect(element.shadowRoot!.activeElement?.closest(`[data-id='${other.id}']`)).to.not.equal(
      null,
    );
    await until(
      async () =>
        !(await api.trpc.announcement.current.query()).items.some((item) => item.id === notice.id),
      'the server still shows it',
    );

    // Another device of hers: nothing in this browser's storage, the server's word alone.
    localStorage.clear();
    const again = await render();
    await until(() => banner(again, other.id), 'the other banner never came');
    expect(banner(again, notice.id), 'it came back after a reload').to.equal(null);
  });

  it('shows an announcement when its start time comes, and reads it out then', async function () {
    this.timeout(20_000);
    await signOut();
    // A minute ahead: no machine is slow enough for it to start while the page first reads.
    const later = await publish({ startsAt: new Date(Date.now() + 60_000).toISOString() });
    const now = await publish();
    const element = await render();
    await until(() => banner(element, now.id), 'the current one never appeared');
    await listening(element);
    expect(banner(element, later.id), 'it showed before its start').to.equal(null);

    // Staff bring the start close; it shows when that moment comes, without a reload.
    await staff('staff.announcement.update', {
      id: later.id,
      title: later.title,
      body: BODY,
      severity: 'info',
      audience: 'all',
      startsAt: new Date(Date.now() + 2_000).toISOString(),
    });
    await waitUntil(() => banner(element, later.id), 'it never showed when it started', {
      timeout: 12_000,
      interval: 50,
    });
    await until(
      () => textOf(part(element, 'status')) === `New announcement. Information: ${later.title}`,
      'it was not read out when it started',
    );
  });

  it('fits a 320 px screen, right to left too', async () => {
    await signOut();
    const notice = await publish({ severity: 'outage' });
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    try {
      for (const dir of ['ltr', 'rtl']) {
        const element = await render({ dir });
        await until(() => banner(element, notice.id), 'the banner never appeared');
        const page = document.documentElement;
        expect(page.scrollWidth, `${dir}: the page scrolls sideways`).to.be.at.most(
          page.clientWidth,
        );
        for (const shown of all(element, "[part~='announcement']")) {
          expect(shown.scrollWidth, `${dir}: a banner overflows`).to.be.at.most(shown.clientWidth);
        }
        const style = getComputedStyle(banner(element, notice.id)!);
        expect(style.direction).to.equal(dir);
        // The severity edge is on the reading side: left in LTR, right in RTL.
        const edge = dir === 'rtl' ? style.borderRightWidth : style.borderLeftWidth;
        expect(edge).to.equal('6px');
      }
    } finally {
      await setViewport(original);
    }
  });
});
