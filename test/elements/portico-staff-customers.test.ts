import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../elements/portico-staff-customers/portico-staff-customers.ts';
import type { PorticoStaffCustomers } from '../../elements/portico-staff-customers/portico-staff-customers.ts';
import { agent } from './support/people.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  definePortal,
  mailTo,
  part,
  sessionKnown,
  signIn,
  signOut,
  signUpConfirmed,
  textOf,
  until,
} from './support/page.ts';

const token = () => crypto.randomUUID().slice(0, 8);

interface Customer {
  name: string;
  email: string;
  password: string;
  accountId: string;
}

/** A customer of their own, signed up and signed in once so that their account exists. */
async function newCustomer(): Promise<Customer> {
  const run = token();
  const person = {
    name: `Zelda Quist ${run}`,
    email: `zelda-${run}@shop.test`,
    password: 'correct horse battery',
  };
  await signUpConfirmed(person);
  await signIn(person);
  const response = await fetch(`${backendUrl}/api/trpc/session.me`, { credentials: 'include' });
  const envelope = (await response.json()) as { result: { data: { account: { id: string } } } };
  await signOut();
  return { ...person, accountId: envelope.result.data.account.id };
}

/** Signs in with the customer's password from a client without cookies; answers the status. */
async function signInStatus(customer: Customer): Promise<number> {
  const response = await fetch(`${backendUrl}/api/auth/sign-in/email`, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: customer.email, password: customer.password }),
  });
  return response.status;
}

async function render(accountId: string | null = null): Promise<PorticoStaffCustomers> {
  await signIn(agent);
  const container = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-staff-customers .accountId=${accountId}></portico-staff-customers>
    </portico-portal>
  `);
  const element = container.querySelector('portico-staff-customers')!;
  await sessionKnown(element);
  return element;
}

async function openAccount(accountId: string): Promise<PorticoStaffCustomers> {
  const element = await render(accountId);
  await until(() => part(element, 'invite-form'), 'the account never opened');
  return element;
}

function type(element: PorticoStaffCustomers, partName: string, value: string): void {
  const control = part<HTMLInputElement>(element, partName);
  if (!control) throw new Error(`no ${partName}`);
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

const memberOf = (element: PorticoStaffCustomers, email: string) =>
  all(element, "[part~='member']").find(
    (member) => textOf(member.querySelector("[part~='member-email']")) === email,
  ) ?? null;

const focused = (element: PorticoStaffCustomers) => element.shadowRoot?.activeElement ?? null;

describe('<portico-staff-customers>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
    await signOut();
  });

  it('asks anyone not signed in as staff to sign in', async () => {
    const container = await fixture(html`
      <portico-portal api=${backendUrl}>
        <portico-staff-customers></portico-staff-customers>
      </portico-portal>
    `);
    const element = container.querySelector('portico-staff-customers')!;
    await sessionKnown(element);
    expect(textOf(part(element, 'signed-out'))).to.contain('Sign in with a staff account');
    await expect(element).to.be.accessible();
  });

  it('finds a person by part of their email, with their account and a link to it', async () => {
    const customer = await newCustomer();
    const element = await render();
    await until(() => part(element, 'search'), 'the search never rendered');
    type(element, 'search', customer.email.slice(0, 14).toUpperCase());
    await until(
      () => element.shadowRoot?.querySelector(`[part~='result'][data-id='${customer.accountId}']`),
      'the search never found the account',
    );
    const row = element.shadowRoot!.querySelector(
      `[part~='result'][data-id='${customer.accountId}']`,
    )!;
    expect(textOf(row.querySelector("[part~='open']"))).to.equal(customer.name);
    expect(row.querySelector("[part~='open']")?.getAttribute('href')).to.equal(
      `#customer=${customer.accountId}`,
    );
    expect(textOf(row.querySelector("[part~='member-count']"))).to.equal('1 person');
    expect(textOf(row.querySelector("[part~='person-email']"))).to.equal(customer.email);
    expect(textOf(row.querySelector("[part~='person-role']"))).to.equal('Owner');
    expect(textOf(part(element, 'result-count'))).to.equal('1 account.');
    expect(part(element, 'result-count')?.getAttribute('aria-live')).to.equal('polite');
    await expect(element).to.be.accessible();

    type(element, 'search', 'agent@test.example');
    await until(
      () => textOf(part(element, 'result-count')) === 'No accounts match.',
      'staff showed up as customers',
    );
  });

  it('shows one account with its links, and invites and uninvites someone by keyboard', async () => {
    const customer = await newCustomer();
    const element = await openAccount(customer.accountId);
    expect(textOf(part(element, 'heading'))).to.equal(customer.name);
    expect(part(element, 'billing')?.getAttribute('href')).to.equal(
      `#billing=${customer.accountId}`,
    );
    expect(part(element, 'back')?.getAttribute('href')).to.equal('#customers');
    expect(memberOf(element, customer.email)).to.not.equal(null);
    await expect(element).to.be.accessible();

    const invitee = `colleague-${token()}@shop.test`;
    part<HTMLInputElement>(element, 'invite-email')!.focus();
    await sendKeys({ type: invitee });
    await sendKeys({ press: 'Enter' });
    await until(
      () => all(element, "[part~='invitation']").some((row) => textOf(row).includes(invitee)),
      'the invitation never appeared',
    );
    const mail = await mailTo(invitee, /invites you/);
    expect(mail.subject).to.contain(agent.name);
    expect(part<HTMLInputElement>(element, 'invite-email')!.value).to.equal('');

    part<HTMLButtonElement>(element, 'cancel-invitation')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => !part(element, 'invitation'), 'the invitation was never cancelled');
    await until(
      () => focused(element)?.id === 'invitations-title',
      'focus was lost after cancelling',
    );
  });

  it('says why an invitation was refused, at the field', async () => {
    const customer = await newCustomer();
    const element = await openAccount(customer.accountId);
    const email = part<HTMLInputElement>(element, 'invite-email')!;
    email.value = customer.email;
    part<HTMLButtonElement>(element, 'send-invitation')!.click();
    await until(() => part(element, 'error'), 'the refusal was never shown');
    expect(textOf(part(element, 'error'))).to.contain('already a member');
  });

  it('locks a person out by keyboard and lets them back in', async () => {
    const customer = await newCustomer();
    const element = await openAccount(customer.accountId);
    const lock = memberOf(element, customer.email)!.querySelector<HTMLButtonElement>(
      "[part~='lock']",
    )!;
    expect(lock.getAttribute('aria-label')).to.equal(`Lock out ${customer.name}`);
    lock.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused(element)?.id === 'lock-reason', 'the reason never took focus');
    await expect(element).to.be.accessible();
    await sendKeys({ type: 'Chargeback on every order' });
    await sendKeys({ press: 'Tab' });
    expect(focused(element)?.getAttribute('part')).to.equal('confirm-lock');
    await sendKeys({ press: 'Enter' });
    await until(
      () => memberOf(element, customer.email)?.querySelector("[part~='locked']"),
      'the person was never shown locked',
    );
    expect(
      textOf(memberOf(element, customer.email)!.querySelector("[part~='lock-reason']")),
    ).to.equal('Why: Chargeback on every order');
    expect(await signInStatus(customer)).to.equal(403);

    const unlock = memberOf(element, customer.email)!.querySelector<HTMLButtonElement>(
      "[part~='unlock']",
    )!;
    expect(unlock.getAttribute('aria-label')).to.equal(`Unlock ${customer.name}`);
    unlock.click();
    await until(
      () => !memberOf(element, customer.email)?.querySelector("[part~='locked']"),
      'the person was never shown unlocked',
    );
    expect(await signInStatus(customer)).to.equal(200);
  });

  it('fits 320 px without scrolling sideways', async () => {
    const customer = await newCustomer();
    await setViewport({ width: 320, height: 640 });
    const element = await openAccount(customer.accountId);
    expect(element.scrollWidth).to.be.at.most(element.clientWidth);
    element.accountId = null;
    await until(() => part(element, 'results'), 'the search never came back');
    expect(element.scrollWidth).to.be.at.most(element.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
  });
});
