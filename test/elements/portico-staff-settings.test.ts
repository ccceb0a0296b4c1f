import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../elements/portico-staff-settings/portico-staff-settings.ts';
import type { PorticoStaffSettings } from '../../elements/portico-staff-settings/portico-staff-settings.ts';
import type { PortalSettings } from '../../elements/portico-staff-settings/staff-settings.api.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import { admin, agent } from './support/people.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  button,
  definePortal,
  mailTo,
  part,
  sessionKnown,
  signIn,
  signOut,
  textOf,
  until,
} from './support/page.ts';

const token = () => crypto.randomUUID().slice(0, 8);
const api = () => porticoApiFor(backendUrl).trpc;

async function render(): Promise<PorticoStaffSettings> {
  const container = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-staff-settings></portico-staff-settings>
    </portico-portal>
  `);
  const element = container.querySelector('portico-staff-settings')!;
  await sessionKnown(element);
  return element;
}

async function asAdmin(): Promise<PorticoStaffSettings> {
  await signIn(admin);
  const element = await render();
  await until(() => part(element, 'portal-form'), 'the settings never loaded');
  await until(() => part(element, 'people-list'), 'the staff never loaded');
  return element;
}

/** Types into a field the way a person does: value, then the events a browser fires. */
function type(element: Element, partName: string, value: string): void {
  const control = part<HTMLInputElement | HTMLTextAreaElement>(element, partName);
  if (!control) throw new Error(`no ${partName}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const rowWith = (element: Element, rowPart: string, text: string) =>
  all(element, `[part~='${rowPart}']`).find((row) => textOf(row).includes(text)) ?? null;

describe('<portico-staff-settings>', () => {
  let original: PortalSettings;

  before(async () => {
    attachContextRoot();
    await definePortal();
    await signIn(admin);
    original = (await api().staff.settings.get.query()).portal;
    await signOut();
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await signOut();
  });

  // Other test files share this backend: leave the portal as it was found.
  after(async () => {
    await signIn(admin);
    await api().staff.portal.update.mutate(original);
    await signOut();
  });

  it('asks the signed out to sign in, and tells an agent it is for only administrators', async () => {
    await signOut();
    const signedOut = await render();
    expect(textOf(part(signedOut, 'signed-out'))).to.contain('Sign in with a staff account');
    await signIn(agent);
    const element = await render();
    expect(textOf(part(element, 'not-admin'))).to.match(/only administrators/);
    expect(part(element, 'portal-form')).to.equal(null);
    await expect(element).to.be.accessible();
  });

  it('previews brand colours before saving and warns when the text is hard to read', async () => {
    const element = await asAdmin();
    expect(part<HTMLInputElement>(element, 'vendor-name')!.value).to.equal(original.vendorName);
    type(element, 'brand', '#ffcc00');
    type(element, 'brand-contrast', '#ffffff');
    await element.updateComplete;
    const preview = part(element, 'preview')!;
    expect(preview.style.getPropertyValue('--portico-color-brand')).to.equal('#ffcc00');
    const sample = preview.querySelector('.sample-button')!;
    expect(getComputedStyle(sample).backgroundColor).to.equal('rgb(255, 204, 0)');
    expect(textOf(part(element, 'contrast-warning'))).to.match(/hard to read: contrast 1\.\d:1/);
    type(element, 'brand', '#0f766e');
    await element.updateComplete;
    expect(part(element, 'contrast-warning')).to.equal(null);
    expect(textOf(part(element, 'contrast'))).to.contain('easy to read');
    const saved = await api().staff.settings.get.query();
    expect(saved.portal.colors).to.deep.equal(original.colors, 'nothing saved by previewing');
    await expect(element).to.be.accessible();
  });

  it('shows why each field was refused, then saves with the keyboard', async () => {
    const element = await asAdmin();
    type(element, 'vendor-name', '');
    type(element, 'chat-wait', '0');
    part(element, 'save-portal')!.click();
    await until(() => all(element, "[part~='field-error']").length >= 2, 'no field errors');
    const name = part<HTMLInputElement>(element, 'vendor-name')!;
    expect(name.getAttribute('aria-invalid')).to.equal('true');
    expect(textOf(element.shadowRoot!.getElementById('vendorName-error'))).to.contain(
      'Enter the name',
    );
    expect(textOf(element.shadowRoot!.getElementById('chatWaitSeconds-error'))).to.contain(
      'At least 1 second',
    );
    await until(() => element.shadowRoot!.activeElement === name, 'focus never went to the field');
    expect((await api().staff.settings.get.query()).portal).to.deep.equal(original);

    const category = `Returns ${token()}`;
    type(element, 'vendor-name', original.vendorName);
    type(element, 'chat-wait', String(original.chatWaitSeconds));
    type(element, 'categories', [...original.ticketCategories, category].join('\n'));
    // Questions go elsewhere for this vendor: customers may open complaints and concerns only.
    const question = element.shadowRoot!.getElementById('kind-question') as HTMLInputElement;
    expect(question.checked).to.equal(true);
    question.click();
    part<HTMLInputElement>(element, 'vendor-name')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(
      () =>
        textOf(element.shadowRoot!.querySelector('[role=status]')) === 'The settings are saved.',
      'the save was never announced',
    );
    expect(all(element, "[part~='field-error']")).to.have.length(0);
    const saved = await api().staff.settings.get.query();
    expect(saved.portal.ticketCategories).to.include(category);
    expect(saved.portal.ticketKinds).to.deep.equal(['complaint', 'concern']);
  });

  it('adds, edits and removes a saved reply', async () => {
    const element = await asAdmin();
    const title = `Opening hours ${token()}`;
    type(element, 'canned-title', title);
    type(element, 'canned-body', 'We are open from 8 to 17.');
    part(element, 'save-canned')!.click();
    await until(() => rowWith(element, 'canned-row', title), 'the reply never appeared');
    rowWith(element, 'canned-row', title)!
      .querySelector<HTMLButtonElement>('[part~=edit-canned]')!
      .click();
    await until(
      () => part<HTMLInputElement>(element, 'canned-title')!.value === title,
      'the reply never came into the form',
    );
    type(element, 'canned-body', 'We are open from 9 to 18.');
    button(element, 'Save reply').click();
    await until(
      () => textOf(rowWith(element, 'canned-row', title)).includes('9 to 18'),
      'the change never showed',
    );
    rowWith(element, 'canned-row', title)!
      .querySelector<HTMLButtonElement>('[part~=remove-canned]')!
      .click();
    await until(() => !rowWith(element, 'canned-row', title), 'the reply stayed');
  });

  it('adds a staff member who gets a mail, makes them an administrator and removes them', async () => {
    const element = await asAdmin();
    const me = rowWith(element, 'person', admin.email)!;
    expect(textOf(me)).to.contain('you');
    expect(me.querySelector('button')).to.equal(null, 'no way to demote or remove oneself');

    type(element, 'staff-email', 'not an email');
    part(element, 'add-staff')!.click();
    await until(() => element.shadowRoot!.getElementById('staff-name-error'), 'no name error');

    const name = `Lina ${token()}`;
    const email = `${name.split(' ')[1]}@vendor.example`;
    type(element, 'staff-name', name);
    type(element, 'staff-email', email);
    part(element, 'add-staff')!.click();
    await until(() => rowWith(element, 'person', email), 'the new person never appeared');
    const mail = await mailTo(email, /choose your password/);
    expect(mail.links.some((link) => link.includes('/reset-password/'))).to.equal(true);
    expect(
      textOf(rowWith(element, 'person', email)!.querySelector('[part~=person-role]')),
    ).to.equal('Agent');

    button(element, `Make ${name} an administrator`).click();
    await until(
      () =>
        textOf(rowWith(element, 'person', email)?.querySelector('[part~=person-role]')) ===
        'Administrator',
      'the role never changed',
    );
    rowWith(element, 'person', email)!
      .querySelector<HTMLButtonElement>('[part~=remove-person]')!
      .click();
    await until(() => part(element, 'confirm-remove'), 'no confirmation asked');
    expect(element.shadowRoot!.activeElement).to.equal(part(element, 'keep'));
    button(element, `Yes, remove ${name}`).click();
    await until(() => !rowWith(element, 'person', email), 'the person stayed');
    await expect(element).to.be.accessible();
  });

  it('adds and removes an embedding origin, refusing one with a wildcard', async () => {
    const element = await asAdmin();
    type(element, 'origin-input', 'https://*.vendor.example');
    part(element, 'add-origin')!.click();
    await until(() => element.shadowRoot!.getElementById('origin-error'), 'no origin error');
    expect(textOf(element.shadowRoot!.getElementById('origin-error'))).to.contain('without a path');

    const origin = `https://shop-${token()}.vendor.example`;
    type(element, 'origin-input', origin);
    part(element, 'add-origin')!.click();
    await until(() => rowWith(element, 'origin-stored', origin), 'the origin never appeared');
    expect(element.shadowRoot!.getElementById('origin-error')).to.equal(null);
    rowWith(element, 'origin-stored', origin)!.querySelector<HTMLButtonElement>('button')!.click();
    await until(() => !rowWith(element, 'origin-stored', origin), 'the origin stayed');
  });

  it('sends a test mail to the administrator and says so', async () => {
    const element = await asAdmin();
    part(element, 'test-mail')!.click();
    await until(() => part(element, 'mail-result'), 'no answer from the mail check');
    expect(textOf(part(element, 'mail-result'))).to.contain(`test mail to ${admin.email}`);
    await mailTo(admin.email, /test mail/);
  });

  it('fits a 320 px screen without scrolling sideways', async () => {
    await setViewport({ width: 320, height: 640 });
    const element = await asAdmin();
    const scroller = document.scrollingElement!;
    expect(scroller.scrollWidth).to.be.at.most(scroller.clientWidth);
    expect(element.scrollWidth).to.be.at.most(element.clientWidth + 1);
  });
});
