import { fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../elements/portico-ticket-inbox/portico-ticket-inbox.ts';
import type { PorticoTicketInbox } from '../../elements/portico-ticket-inbox/portico-ticket-inbox.ts';
import type { PorticoTicketAttachments } from '../../elements/portico-ticket-inbox/ticket-attachments.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import { agent } from './support/people.ts';
import type { StaffCall } from './support/portico-backend.plugin.ts';
import { backendUrl, signIn, until } from './support/page.ts';
import { api } from './support/ledger.ts';
import { contractSuite, holdAnswers, UNREACHABLE } from './support/contract.ts';
import {
  clearHash,
  contractPage,
  openAt,
  rendered,
  seedCustomers,
  shown,
  viewAs as viewOf,
  type Person,
} from './support/contract.page.ts';

/** A customer with an answered ticket, a resolved one and an open one. */
let filled: Person;
/** A customer who never wrote to support. */
let empty: Person;
let answered = '';
let resolved = '';

function staff(path: string, input: unknown): Promise<unknown> {
  return executeServerCommand<unknown, StaffCall>('portico-staff', { path, input });
}

function openTicket(subject: string, priority: 'normal' | 'urgent' = 'normal') {
  return api.trpc.ticket.create.mutate({
    subject,
    kind: 'complaint',
    priority,
    tags: ['Delivery'],
    body: `About: ${subject}`,
  });
}

async function seed(): Promise<void> {
  ({ empty, filled } = await seedCustomers(fillInbox));
}

/** Three tickets of the signed-in customer's: one answered, one resolved, one urgent and open. */
async function fillInbox(): Promise<void> {
  await openTicket('The grinder makes a loud noise', 'urgent');
  const first = await openTicket('Where is my parcel?');
  await staff('staff.ticket.reply', { ticketId: first.id, body: 'It left our warehouse today.' });
  answered = first.id;
  const second = await openTicket('Wrong invoice address');
  await staff('staff.ticket.reply', { ticketId: second.id, body: 'Fixed.', status: 'resolved' });
  resolved = second.id;
}

/** The inbox at the view `hash` names, as a vendor's support page shows it. */
async function renderInbox(hash = ''): Promise<PorticoTicketInbox> {
  openAt(hash);
  return rendered(
    html`
      <portico-portal api=${backendUrl}
        ><portico-ticket-inbox></portico-ticket-inbox
      ></portico-portal>
    `,
    'portico-ticket-inbox',
  );
}

/** `person`'s inbox at `hash`, once `selector` is on screen. */
const viewAs = (person: Person, hash: string, selector: string) =>
  viewOf(person, () => renderInbox(hash), selector);

/** The view at `hash` while its first read is on its way. */
async function loading(hash: string): Promise<PorticoTicketInbox> {
  await signIn(filled);
  holdAnswers();
  const inbox = await renderInbox(hash);
  await shown(inbox, "[part~='skeleton']");
  return inbox;
}

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<portico-ticket-inbox> keeps the element contract', () => {
  contractPage({ seed, reset: clearHash });

  contractSuite('<portico-ticket-inbox>', (state) => {
    state('loading: before it knows who is signed in', () =>
      fixture(html`<portico-ticket-inbox></portico-ticket-inbox>`),
    );

    state('signed out', () => renderInbox());

    state('staff signed in: tickets are answered elsewhere', async () => {
      await signIn(agent);
      return renderInbox();
    });

    state('loading the list: the placeholder', () => loading(''));

    state('loading a thread: the placeholder', () => loading(`#ticket=${answered}`));

    state('empty: no tickets yet', () => viewAs(empty, '', "[part~='empty']"));

    state('the list with unread answers, priorities and statuses', () =>
      viewAs(filled, '', "[part~='ticket']"),
    );

    state('list error: the backend cannot be reached', async () => {
      const inbox = await viewAs(filled, '', "[part~='ticket']");
      inbox.api = porticoApiFor(UNREACHABLE);
      await shown(inbox, "[part~='error']");
      return inbox;
    });

    state('the new-ticket form', () => viewAs(filled, '#new-ticket', "[part~='new-form']"));

    state('the new-ticket form with the server’s field errors', async () => {
      const inbox = await viewAs(filled, '#new-ticket', "[part~='new-form']");
      type((await shown(inbox, '#subject')) as HTMLInputElement, '  ab  ');
      type((await shown(inbox, '#body')) as HTMLTextAreaElement, '    ');
      (await shown(inbox, "[part~='submit']")).click();
      await shown(inbox, "[part~='field-error']");
      return inbox;
    });

    state('the new-ticket form with a suggested article open', async () => {
      const inbox = await viewAs(filled, '#new-ticket', "[part~='new-form']");
      type((await shown(inbox, '#subject')) as HTMLInputElement, 'Where is my tracking number');
      (await shown(inbox, "[part~='suggestion-toggle']")).click();
      await shown(inbox, "[part~='suggestion-article'] li");
      return inbox;
    });

    state('the new-ticket form with a file attached', async () => {
      const inbox = await viewAs(filled, '#new-ticket', "[part~='new-form']");
      const picker = await shown(inbox, 'portico-ticket-attachments');
      const input = picker.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
      const files = new DataTransfer();
      files.items.add(new File(['The box was crushed.'], 'damage.txt', { type: 'text/plain' }));
      input.files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await until(() => (picker as PorticoTicketAttachments).ids.length === 1, 'no upload');
      return inbox;
    });

    state('a thread with an answer and the reply form', () =>
      viewAs(filled, `#ticket=${answered}`, "[part~='message']"),
    );

    state('a resolved thread with the rating form', () =>
      viewAs(filled, `#ticket=${resolved}`, "[part~='rating-form']"),
    );

    state('thread error: a ticket that is not theirs', () =>
      viewAs(empty, `#ticket=${answered}`, "[part~='error']"),
    );
  });
});
