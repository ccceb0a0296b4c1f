import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import '../../elements/portico-staff-integrations/portico-staff-integrations.ts';
import type { PorticoStaffIntegrations } from '../../elements/portico-staff-integrations/portico-staff-integrations.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import type { CustomerCall } from './support/portico-backend.plugin.ts';
import { admin, agent } from './support/people.ts';
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

const token = () => crypto.randomUUID().slice(0, 8);
const api = () => porticoApiFor(backendUrl).trpc;

async function render(): Promise<PorticoStaffIntegrations> {
  const container = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-staff-integrations></portico-staff-integrations>
    </portico-portal>
  `);
  const element = container.querySelector('portico-staff-integrations')!;
  await sessionKnown(element);
  return element;
}

async function asAdmin(): Promise<PorticoStaffIntegrations> {
  await signIn(admin);
  const element = await render();
  await until(
    () => part(element, 'endpoint-list') || part(element, 'endpoints-empty'),
    'the endpoints never loaded',
  );
  await until(() => part(element, 'key-list') || part(element, 'keys-empty'), 'no keys');
  return element;
}

function type(element: Element, partName: string, value: string): void {
  const control = part<HTMLInputElement | HTMLSelectElement>(element, partName);
  if (!control) throw new Error(`no ${partName}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const byId = (element: Element, id: string) => element.shadowRoot!.getElementById(id);

const rowWith = (element: Element, rowPart: string, text: string) =>
  all(element, `[part~='${rowPart}']`).find((row) => textOf(row).includes(text)) ?? null;

function press(row: Element | null, partName: string): void {
  const control = row?.querySelector<HTMLButtonElement>(`[part~='${partName}']`);
  if (!control) throw new Error(`no ${partName} in the row`);
  control.click();
}

/** Adds an endpoint through the form and answers its URL and the secret shown once. */
async function addEndpoint(
  element: PorticoStaffIntegrations,
  events: string[],
): Promise<{ url: string; secret: string }> {
  const url = `http://127.0.0.1:9/portico-${token()}`;
  type(element, 'endpoint-url-input', url);
  type(element, 'endpoint-description-input', 'Trying webhooks out');
  for (const event of events) byId(element, `event-${event.replace(/[._]/g, '-')}`)!.click();
  part(element, 'add-endpoint')!.click();
  await until(() => part(element, 'secret-panel'), 'the secret was never shown');
  await until(() => rowWith(element, 'endpoint', url), 'the endpoint never appeared');
  return { url, secret: part<HTMLInputElement>(element, 'secret')!.value };
}

describe('<portico-staff-integrations>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await signOut();
  });

  it('asks the signed out to sign in, and tells an agent it is for administrators only', async () => {
    const signedOut = await render();
    expect(textOf(part(signedOut, 'signed-out'))).to.contain('Sign in with a staff account');
    await signIn(agent);
    const element = await render();
    expect(textOf(part(element, 'not-admin'))).to.match(/only administrators/);
    expect(part(element, 'endpoint-form')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('refuses an endpoint without an address, events or https, and saves nothing', async () => {
    const element = await asAdmin();
    part(element, 'add-endpoint')!.click();
    await until(() => byId(element, 'url-error'), 'no address error');
    expect(textOf(byId(element, 'events-error'))).to.contain('at least one event');
    await until(
      () => element.shadowRoot!.activeElement === byId(element, 'endpoint-url'),
      'focus never went to the address',
    );

    const url = `http://hooks-${token()}.vendor.example/in`;
    type(element, 'endpoint-url-input', url);
    byId(element, 'event-order-placed')!.click();
    part(element, 'add-endpoint')!.click();
    await until(() => textOf(byId(element, 'url-error')).includes('https://'), 'no https error');
    expect(byId(element, 'events-error')).to.equal(null);
    expect(part(element, 'secret-panel')).to.equal(null);
    const { items } = await api().staff.webhook.list.query();
    expect(items.some((item) => item.url.startsWith(url))).to.equal(false, 'nothing saved');
  });

  it('adds an endpoint and shows its secret once; turns it off, makes a new secret, removes it', async () => {
    const element = await asAdmin();
    const { url, secret } = await addEndpoint(element, ['order.placed', 'ticket.created']);
    expect(secret).to.match(/^whsec_/);
    expect(textOf(part(element, 'secret-warning'))).to.contain('will not be shown again');
    expect(element.shadowRoot!.activeElement).to.equal(byId(element, 'secret-title'));
    const row = () => rowWith(element, 'endpoint', url);
    expect(textOf(row()!.querySelector("[part~='endpoint-events']"))).to.equal(
      'Order placed, Ticket created',
    );
    await expect(element).to.be.accessible();

    part(element, 'secret-done')!.click();
    await until(() => !part(element, 'secret-panel'), 'the secret stayed');
    expect(element.shadowRoot!.innerHTML).to.not.contain(secret);
    const again = await render();
    await until(() => rowWith(again, 'endpoint', url), 'the endpoint is not listed');
    expect(again.shadowRoot!.innerHTML).to.not.contain(secret, 'never shown again');
    again.remove();

    press(row(), 'toggle-active');
    await until(() => row()?.querySelector("[part~='state-off']"), 'never turned off');
    press(row(), 'rotate');
    await until(() => row()?.querySelector("[part~='confirm-rotate']"), 'no confirmation');
    expect(element.shadowRoot!.activeElement).to.equal(row()!.querySelector("[part~='keep']"));
    press(row(), 'confirm-rotate');
    await until(() => part(element, 'secret-panel'), 'the new secret was never shown');
    const rotated = part<HTMLInputElement>(element, 'secret')!.value;
    expect(rotated).to.match(/^whsec_/);
    expect(rotated).to.not.equal(secret);

    press(row(), 'remove-endpoint');
    await until(() => row()?.querySelector("[part~='confirm-remove']"), 'no confirmation');
    press(row(), 'keep');
    await until(() => row()?.querySelector("[part~='remove-endpoint']"), 'not kept');
    press(row(), 'remove-endpoint');
    await until(() => row()?.querySelector("[part~='confirm-remove']"), 'no confirmation');
    press(row(), 'confirm-remove');
    await until(() => !row(), 'the endpoint stayed');
  });

  it('edits an endpoint’s address, description and events in its row, and refuses a bad address', async () => {
    const element = await asAdmin();
    const { url } = await addEndpoint(element, ['order.placed']);
    part(element, 'secret-done')!.click();
    await until(() => !part(element, 'secret-panel'), 'the secret stayed');
    const { items } = await api().staff.webhook.list.query();
    const id = items.find((item) => item.url === url)!.id;
    const row = () => element.shadowRoot!.querySelector(`[data-id='${id}']`);
    const edit = () => row()?.querySelector("[part~='edit-endpoint']");
    const check = (event: string) => byId(element, `edit-event-${event}`) as HTMLInputElement;

    press(row(), 'edit-endpoint');
    await until(
      () => element.shadowRoot!.activeElement === byId(element, 'edit-endpoint-url'),
      'focus never went to the address',
    );
    expect(part<HTMLInputElement>(element, 'edit-url-input')!.value).to.equal(url);
    expect(part<HTMLInputElement>(element, 'edit-description-input')!.value).to.equal(
      'Trying webhooks out',
    );
    expect(check('order-placed').checked).to.equal(true);
    expect(check('invoice-issued').checked).to.equal(false);
    await expect(element).to.be.accessible();

    // Refused: the reason at the address, focus on it, and nothing changed.
    type(element, 'edit-url-input', 'ftp://x');
    check('invoice-issued').click();
    part(element, 'save-endpoint')!.click();
    await until(() => byId(element, 'edit-url-error'), 'no address error');
    expect(textOf(byId(element, 'edit-url-error'))).to.contain('https://');
    const field = part<HTMLInputElement>(element, 'edit-url-input')!;
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(field.getAttribute('aria-describedby')).to.contain('edit-url-error');
    await until(() => element.shadowRoot!.activeElement === field, 'focus never went to it');
    expect(byId(element, 'url-error')).to.equal(null, 'the add form says nothing');
    const unchanged = (await api().staff.webhook.list.query()).items.find(
      (item) => item.id === id,
    )!;
    expect(unchanged.url).to.equal(url);
    expect(unchanged.events).to.deep.equal(['order.placed']);

    // Cancel keeps it as it was, and gives focus back to its Edit.
    part(element, 'cancel-endpoint-edit')!.click();
    await until(() => element.shadowRoot!.activeElement === edit(), 'focus never went back');
    expect(textOf(row()?.querySelector("[part~='endpoint-url']"))).to.equal(url);

    press(row(), 'edit-endpoint');
    await until(() => part(element, 'edit-url-input'), 'the form never opened again');
    const changed = `http://127.0.0.1:9/portico-edited-${token()}`;
    type(element, 'edit-url-input', changed);
    type(element, 'edit-description-input', 'The ERP');
    check('order-placed').click();
    check('invoice-issued').click();
    check('ticket-created').click();
    part(element, 'save-endpoint')!.click();
    await until(
      () => textOf(row()?.querySelector("[part~='endpoint-url']")) === changed,
      'the new address never showed',
    );
    const shown = (root: Element, partName: string) =>
      textOf(root.shadowRoot!.querySelector(`[data-id='${id}'] [part~='${partName}']`));
    expect(shown(element, 'endpoint-events')).to.equal('Invoice issued, Ticket created');
    expect(shown(element, 'endpoint-description')).to.equal('The ERP');
    await until(() => element.shadowRoot!.activeElement === edit(), 'focus never went to Edit');
    expect(part(element, 'secret-panel')).to.equal(null, 'the secret is kept, not shown anew');
    expect(row()!.querySelector("[part~='state-on']")).to.not.equal(null, 'still on');

    const again = await render();
    await until(() => shown(again, 'endpoint-url') === changed, 'not saved');
    expect(shown(again, 'endpoint-events')).to.equal('Invoice issued, Ticket created');
    again.remove();
    await api().staff.webhook.remove.mutate({ id });
  });

  it('lists an endpoint’s deliveries with their answers, filters them and sends one again', async () => {
    const element = await asAdmin();
    const { url } = await addEndpoint(element, ['ticket.created']);
    part(element, 'secret-done')!.click();
    await executeServerCommand<unknown, CustomerCall>('portico-customer', {
      as: 'carla',
      path: 'ticket.create',
      input: { subject: `Webhook ${token()}`, kind: 'question', body: 'Is it on its way?' },
    });
    press(rowWith(element, 'endpoint', url), 'show-deliveries');
    await until(
      () => element.shadowRoot!.activeElement === byId(element, 'deliveries-title'),
      'focus never went to the deliveries',
    );
    const ours = () =>
      all(element, "[part~='delivery']").filter((row) => textOf(row).includes(url));
    // The worker tries port 9 at once, which refuses: the delivery shows that try.
    await until(() => {
      if (!ours().some((row) => Number(textOf(row.querySelector("[part~='attempts']"))) > 0)) {
        part(element, 'refresh')!.click();
        return false;
      }
      return true;
    }, 'the delivery never showed a try');
    const delivery = ours()[0]!;
    expect(textOf(delivery.querySelector("[part~='delivery-event']"))).to.equal('Ticket created');
    expect(textOf(delivery.querySelector("[part~='delivery-error']"))).to.not.equal('');
    expect(all(element, "[part~='delivery']")).to.have.length(ours().length, 'only this endpoint');
    await expect(element).to.be.accessible();

    press(delivery, 'replay');
    await until(() => ours().length === 2, 'no new delivery after "Send again"');

    type(element, 'status-filter', 'delivered');
    await until(() => part(element, 'deliveries-empty'), 'the filter kept failed deliveries');
    type(element, 'status-filter', '');
    await until(() => ours().length === 2, 'the filter was never cleared');
  });

  it('makes an ERP key shown once, and revokes it after confirming', async () => {
    const element = await asAdmin();
    part(element, 'create-key')!.click();
    await until(() => byId(element, 'key-name-error'), 'no name error');
    const name = `ERP ${token()}`;
    type(element, 'key-name', name);
    part(element, 'create-key')!.click();
    await until(() => part(element, 'secret-panel'), 'the key was never shown');
    const key = part<HTMLInputElement>(element, 'secret')!.value;
    expect(key.length).to.be.greaterThan(20);
    await until(() => rowWith(element, 'key', name), 'the key is not listed');
    const row = () => rowWith(element, 'key', name)!;
    const prefix = textOf(row().querySelector("[part~='key-prefix']")).replace('…', '');
    expect(prefix).to.not.equal('');
    expect(key.startsWith(prefix)).to.equal(true, 'the listed prefix is the key’s start');
    expect(textOf(row().querySelector("[part~='key-used']"))).to.equal('never used');
    part(element, 'secret-done')!.click();
    await until(() => !part(element, 'secret-panel'), 'the key stayed');
    expect(element.shadowRoot!.innerHTML).to.not.contain(key);

    press(row(), 'revoke');
    await until(() => row().querySelector("[part~='confirm-revoke']"), 'no confirmation');
    expect(element.shadowRoot!.activeElement).to.equal(row().querySelector("[part~='keep-key']"));
    press(row(), 'confirm-revoke');
    await until(() => row().matches("[part~='key-revoked']"), 'the key was never revoked');
    expect(row().querySelector('button')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('fits a 320 px screen without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await asAdmin();
    const scroller = document.scrollingElement!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    expect(element.scrollWidth).to.be.at.most(element.clientWidth + 1);
  });
});
