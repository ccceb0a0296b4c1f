import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys, setViewport } from '@web/test-runner-commands';
import type { inferRouterOutputs } from '@trpc/server';
import type { AppRouter } from '../../backend/router.ts';
import '../../elements/portico-staff-reports/portico-staff-reports.ts';
import type { PorticoStaffReports } from '../../elements/portico-staff-reports/portico-staff-reports.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import type { CustomerCall, StaffCall } from './support/portico-backend.plugin.ts';
import { agent } from './support/people.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  definePortal,
  part,
  sessionKnown,
  signIn,
  signOut,
  textOf,
  until,
} from './support/page.ts';

type Report = inferRouterOutputs<AppRouter>['staff']['report']['overview'];
type Ticket = inferRouterOutputs<AppRouter>['ticket']['create'];

function customer<T = unknown>(path: string, input?: unknown): Promise<T> {
  return executeServerCommand<T, CustomerCall>('portico-customer', { as: 'carla', path, input });
}

function staff<T = unknown>(path: string, input?: unknown): Promise<T> {
  return executeServerCommand<T, StaffCall>('portico-staff', { path, input });
}

const token = () => crypto.randomUUID().slice(0, 8);

/** What the procedure answers the signed-in page, to compare the element's tables with. */
const overview = (input: { days?: number; from?: string; to?: string }) =>
  porticoApiFor(backendUrl).trpc.staff.report.overview.query(input);

async function render(dir: 'ltr' | 'rtl' = 'ltr'): Promise<PorticoStaffReports> {
  const container = await fixture(html`
    <portico-portal api=${backendUrl} dir=${dir}>
      <portico-staff-reports></portico-staff-reports>
    </portico-portal>
  `);
  const element = container.querySelector('portico-staff-reports')!;
  await sessionKnown(element);
  return element;
}

async function reports(dir: 'ltr' | 'rtl' = 'ltr'): Promise<PorticoStaffReports> {
  await signIn(agent);
  const element = await render(dir);
  await until(() => part(element, 'chart-tickets'), 'the charts never rendered');
  return element;
}

/** A chart's table as text: one array of cells per body row, the row heading first. */
function tableOf(element: PorticoStaffReports, chart: string): string[][] {
  return all(element, `[part~='chart-${chart}'] tbody tr`).map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => textOf(cell)),
  );
}

const count = (value: number) => new Intl.NumberFormat('en').format(value);

describe('<portico-staff-reports>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
    // Something to count today: a ticket Carla opens, an agent answers and resolves, she rates.
    const ticket = await customer<Ticket>('ticket.create', {
      subject: `Report ${token()} grinder noise`,
      kind: 'question',
      body: 'The grinder makes a new noise.',
    });
    await staff('staff.ticket.reply', {
      ticketId: ticket.id,
      body: 'That is the burrs settling; it stops after a day.',
      status: 'resolved',
    });
    await customer('ticket.rate', { ticketId: ticket.id, rating: 4 });
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await signOut();
  });

  it('asks anyone not signed in as staff to sign in', async () => {
    await signOut();
    const element = await render();
    expect(textOf(part(element, 'signed-out'))).to.contain('Sign in with a staff account');
    await expect(element).to.be.accessible();
  });

  it('draws the last 30 days, with tables holding the numbers the procedure returned', async () => {
    const element = await reports();
    const report: Report = await overview({ days: 30 });
    expect(textOf(part(element, 'period-label'))).to.contain('Days are UTC days');

    const tickets = tableOf(element, 'tickets');
    expect(tickets).to.have.length(30);
    expect(tickets.map((row) => row.slice(1))).to.deep.equal(
      report.days.map((day) => [count(day.ticketsOpened), count(day.ticketsResolved)]),
    );
    expect(Number(tickets.at(-1)![1])).to.be.at.least(1, 'today has the ticket opened above');
    expect(tableOf(element, 'chats').map((row) => row.slice(1))).to.deep.equal(
      report.days.map((day) => [count(day.chats), count(day.chatsPicked)]),
    );
    expect(tableOf(element, 'orders').map((row) => row[1])).to.deep.equal(
      report.days.map((day) => count(day.orders)),
    );
    expect(tableOf(element, 'ratings')).to.deep.equal(
      report.ratings.distribution.map((row) => [
        row.stars === 1 ? '1 star' : `${row.stars} stars`,
        count(row.count),
      ]),
    );
    expect(textOf(part(element, 'figure-opened'))).to.contain(count(report.tickets.opened));
    expect(textOf(part(element, 'figure-orders'))).to.contain(count(report.orders.count));

    // The drawings: one bar per day with tickets, and a summary a screen reader says.
    const drawing = part(element, 'chart-tickets')!.querySelector('svg')!;
    expect(drawing.getAttribute('role')).to.equal('img');
    expect(drawing.getAttribute('aria-label')).to.contain(
      `Opened: ${count(report.tickets.opened)} in all`,
    );
    const bars = drawing.querySelectorAll('rect.bar');
    const nonZero = report.days.flatMap((day) => [day.ticketsOpened, day.ticketsResolved]);
    expect(bars.length).to.equal(nonZero.filter(Boolean).length);
    const ratingBars = part(element, 'chart-ratings')!.querySelectorAll('rect.bar');
    expect(ratingBars).to.have.length(5);
    expect(all(element, "svg[role='img'][aria-label]")).to.have.length(7);
    await expect(element).to.be.accessible();
  });

  it('reloads for the period picked, by keyboard or with two dates', async () => {
    const element = await reports();
    const preset = part<HTMLSelectElement>(element, 'preset')!;
    preset.focus();
    await sendKeys({ press: 'ArrowUp' });
    await until(() => tableOf(element, 'tickets').length === 7, 'the last 7 days never showed');
    const week = await overview({ days: 7 });
    expect(tableOf(element, 'tickets').map((row) => row[1])).to.deep.equal(
      week.days.map((day) => count(day.ticketsOpened)),
    );
    expect(textOf(element.shadowRoot!.querySelector("[role='status']"))).to.contain('Showing');

    preset.value = 'custom';
    preset.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => part(element, 'from'), 'the date fields never appeared');
    const to = week.period.to;
    const from = new Date(Date.parse(`${to}T00:00:00Z`) - 2 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    part<HTMLInputElement>(element, 'from')!.value = from;
    part<HTMLInputElement>(element, 'to')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => tableOf(element, 'tickets').length === 3, 'the chosen dates never showed');
    const three = await overview({ from, to });
    expect(tableOf(element, 'orders').map((row) => row[1])).to.deep.equal(
      three.days.map((day) => count(day.orders)),
    );
  });

  it('shows a period the server refuses as an error', async () => {
    const element = await reports();
    const preset = part<HTMLSelectElement>(element, 'preset')!;
    preset.value = 'custom';
    preset.dispatchEvent(new Event('change', { bubbles: true }));
    await until(() => part(element, 'from'), 'the date fields never appeared');
    part<HTMLInputElement>(element, 'from')!.value = '2024-01-01';
    part<HTMLInputElement>(element, 'to')!.value = '2025-06-01';
    part<HTMLButtonElement>(element, 'apply')!.click();
    await until(() => part(element, 'error'), 'the refusal never showed');
    expect(textOf(part(element, 'error'))).to.contain('at most 366 days');
  });

  it('opens a chart as a table by keyboard', async () => {
    const element = await reports();
    const toggle = part<HTMLDetailsElement>(element, 'chart-orders')!.querySelector('details')!;
    expect(toggle.open).to.equal(false);
    toggle.querySelector('summary')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => toggle.open, 'the table never opened');
    expect(toggle.querySelector('table')!.getBoundingClientRect().height).to.be.above(0);
  });

  it('fits 320 px, open tables included, left to right and right to left', async () => {
    await setViewport({ width: 320, height: 640 });
    for (const dir of ['ltr', 'rtl'] as const) {
      const element = await reports(dir);
      for (const details of all<HTMLDetailsElement>(element, 'details')) details.open = true;
      await element.updateComplete;
      expect(element.scrollWidth).to.be.at.most(element.clientWidth);
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
      const drawing = part(element, 'chart-tickets')!.querySelector('svg')!;
      expect(drawing.getBoundingClientRect().width).to.be.at.most(320);
      if (dir === 'rtl') {
        // Days still run left to right; the ratings grow from the right.
        expect(drawing.getAttribute('direction')).to.equal('ltr');
        const label = part(element, 'chart-ratings')!.querySelector('svg text')!;
        expect(label.getAttribute('text-anchor')).to.equal('end');
      }
      await signOut();
    }
  });
});
