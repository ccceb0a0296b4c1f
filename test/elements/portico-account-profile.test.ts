import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../elements/portico-account-summary/account-profile.ts';
import type { PorticoAccountProfile } from '../../elements/portico-account-summary/account-profile.ts';
import type { PorticoAccountInvitations } from '../../elements/portico-account-summary/account-invitations.ts';
import { describeDevice } from '../../elements/portico-account-summary/account-sessions.ts';
import { porticoApiFor } from '../../elements/api/client.ts';
import {
  attachContextRoot,
  backendUrl,
  definePortal,
  mailTo,
  part,
  sessionKnown,
  signIn,
  signOut,
  textOf,
  until,
  all,
  signUpConfirmed,
} from './support/page.ts';
import { ADDRESS } from '../support/address.ts';

const api = porticoApiFor(backendUrl);

interface Person {
  name: string;
  email: string;
  password: string;
}

/** A fresh address nobody else in this test run uses. */
function freshEmail(prefix: string): string {
  return `${prefix}.${crypto.randomUUID().slice(0, 8)}@test.example`;
}

function postAuth(path: string, body: object): Promise<Response> {
  // Without credentials: the page's own session stays as it is.
  return fetch(`${backendUrl}/api/auth${path}`, {
    method: 'POST',
    credentials: 'omit',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A new customer with a confirmed email; the shared people stay as they are. */
async function signUp(name: string, email = freshEmail('profile')): Promise<Person> {
  const person = { name, email, password: 'correct horse battery' };
  await signUpConfirmed(person);
  return person;
}

/** A new customer, signed in on this page only. */
async function newPerson(name = 'Profile Tester'): Promise<Person> {
  const person = await signUp(name);
  await signIn(person);
  // Opening the confirmation link signed the person in too, on no page of ours.
  await api.trpc.profile.revokeOtherSessions.mutate();
  return person;
}

/** Another sign-in of the same person, as from a second device. */
async function signInElsewhere(person: Person): Promise<void> {
  const response = await postAuth('/sign-in/email', {
    email: person.email,
    password: person.password,
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
}

async function renderProfile(): Promise<PorticoAccountProfile> {
  const portal = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-account-profile></portico-account-profile>
    </portico-portal>
  `);
  const profile = portal.querySelector('portico-account-profile');
  if (!profile) throw new Error('the fixture did not render');
  await sessionKnown(profile);
  return profile;
}

/** The profile once its details have loaded. */
async function loadedProfile(): Promise<PorticoAccountProfile> {
  const profile = await renderProfile();
  await until(() => part(profile, 'details-form'), 'the details did not load');
  return profile;
}

function within<T extends Element = HTMLElement>(root: Element, selector: string): T {
  const found = root.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function control<T extends Element = HTMLInputElement>(host: Element, selector: string): T {
  const found = host.shadowRoot?.querySelector<T>(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
}

function type(field: HTMLInputElement | HTMLSelectElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

function click(root: Element | null, selector: string): void {
  const found = root?.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`nothing to click at ${selector}`);
  found.click();
}

function clickPart(host: Element, name: string): void {
  const found = part(host, name);
  if (!found) throw new Error(`no ${name}`);
  found.click();
}

function announced(host: Element): string {
  return textOf(host.shadowRoot?.querySelector("[role='status'][aria-live='polite']"));
}

/** The element that has focus, looking into the profile's shadow root. */
function focused(host: Element): Element | null {
  return document.activeElement === host ? (host.shadowRoot?.activeElement ?? null) : null;
}

/** The message a field's `aria-describedby` names. */
function description(host: Element, field: Element): string {
  const ids = (field.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => textOf(host.shadowRoot?.getElementById(id))).join(' ');
}

function addresses(profile: PorticoAccountProfile): HTMLElement[] {
  return all(profile, "[part~='address-list'] > [part~='address']");
}

function findAddress(profile: PorticoAccountProfile, label: string): HTMLElement | undefined {
  return addresses(profile).find((entry) => textOf(entry.querySelector('strong')) === label);
}

function addressNamed(profile: PorticoAccountProfile, label: string): HTMLElement {
  const found = findAddress(profile, label);
  if (!found) throw new Error(`no address "${label}"`);
  return found;
}

/** Fills the open address form and saves it. */
async function saveAddressForm(
  profile: PorticoAccountProfile,
  label: string,
  changes: Record<string, string> = {},
): Promise<void> {
  const form = part(profile, 'address-form');
  if (!form) throw new Error('no address form');
  type(within(form, "[name='label']"), label);
  const values: Record<string, string> = { ...ADDRESS, ...changes };
  for (const [name, value] of Object.entries(values)) {
    type(within<HTMLInputElement>(form, `[name='${name}']`), value);
  }
  await profile.updateComplete;
  click(form, "[part~='save-address']");
}

/** The invitation id that the link in the invitation mail to `email` carries. */
async function invitationFromMail(email: string): Promise<string> {
  const mail = await mailTo(email, /invites you to/);
  const link = mail.links
    .map((href) => new URL(href))
    .find((url) => url.origin === location.origin);
  const id = link?.searchParams.get('portico-invitation');
  if (!id) throw new Error('the invitation mail had no link back to this page');
  return id;
}

function invitationsOf(profile: PorticoAccountProfile): PorticoAccountInvitations {
  const found = profile.shadowRoot?.querySelector('portico-account-invitations');
  if (!found) throw new Error('no invitations element');
  return found;
}

describe('<portico-account-profile>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(signOut);

  it('asks a signed-out visitor to sign in', async () => {
    const profile = await renderProfile();
    expect(textOf(part(profile, 'signed-out'))).to.equal('Sign in to see your profile.');
    expect(part(profile, 'details')).to.equal(null);
  });

  it('shows every section under its own h3, in order, and is accessible', async () => {
    const person = await newPerson();
    const profile = await loadedProfile();
    await until(() => part(profile, 'member-list'), 'the members did not load');
    await until(() => part(profile, 'account-list'), 'the accounts did not load');
    await until(
      () => part(invitationsOf(profile), 'empty'),
      'the invitations did not say there are none',
    );

    const headings = all(profile, 'h3').map(textOf);
    expect(headings).to.deep.equal([
      'Your details',
      'Email',
      'Password',
      'Security codes',
      'Recent security activity',
      'Addresses',
      'Where you are signed in',
      'Company account members',
      'Accounts you belong to',
    ]);
    expect(textOf(invitationsOf(profile).shadowRoot?.querySelector('h3'))).to.equal(
      'Invitations for you',
    );
    expect(control(profile, '#name').value).to.equal(person.name);
    expect(textOf(part(profile, 'current-email'))).to.equal(person.email);
    await expect(profile).to.be.accessible();
  });

  it('saves a new name that the session greets by and a reload keeps', async () => {
    await newPerson('Mara Old');
    const profile = await loadedProfile();

    type(control(profile, '#name'), 'Mara Kalniņa');
    clickPart(profile, 'save-details');
    await until(() => announced(profile) === 'Your details are saved.', 'the name was not saved');
    expect(textOf(within(part(profile, 'details-form')!, "[part~='notice']"))).to.equal(
      'Your details are saved.',
    );

    expect(api.session.state.status === 'signed-in' && api.session.state.me.user.name).to.equal(
      'Mara Kalniņa',
    );
    const again = await loadedProfile();
    expect(control(again, '#name').value).to.equal('Mara Kalniņa');
  });

  it('offers each language in its own name and keeps the chosen one', async () => {
    await newPerson();
    const profile = await loadedProfile();
    const select = control<HTMLSelectElement>(profile, '#language');
    const options = [...select.options].map((option) => [option.value, textOf(option)]);
    expect(options).to.deep.equal([
      ['', 'The site’s language'],
      ['en', 'English'],
      ['de', 'Deutsch'],
      ['lv', 'Latviešu'],
      ['hr', 'Hrvatski'],
      ['el', 'Ελληνικά'],
      ['fa', 'فارسی'],
    ]);
    expect(select.options[6]?.lang).to.equal('fa');
    expect(select.value).to.equal('');

    type(select, 'de');
    clickPart(profile, 'save-details');
    await until(() => announced(profile) === 'Your details are saved.', 'not saved');
    expect((await api.trpc.profile.get.query()).locale).to.equal('de');
    const again = await loadedProfile();
    expect(control<HTMLSelectElement>(again, '#language').value).to.equal('de');
  });

  it('moves focus to the name the server refused and links its message', async () => {
    await newPerson();
    const profile = await loadedProfile();
    const name = control(profile, '#name');
    type(name, '   ');
    clickPart(profile, 'save-details');
    await until(() => name.getAttribute('aria-invalid') === 'true', 'no field error');
    await until(() => focused(profile) === name, 'focus did not move to the name');
    expect(description(profile, name)).to.equal('Enter your name.');
  });

  it('mails a confirmation link to a new email address and says so', async () => {
    const person = await newPerson();
    const profile = await loadedProfile();
    const field = control(profile, '#new-email');
    expect(field.type).to.equal('email');
    expect(field.autocomplete).to.equal('email');
    expect(field.inputMode).to.equal('email');

    type(field, person.email.toUpperCase());
    clickPart(profile, 'change-email');
    await until(() => field.getAttribute('aria-invalid') === 'true', 'the same email passed');
    expect(focused(profile)).to.equal(field);
    expect(description(profile, field)).to.contain('That is already your email address.');

    const next = freshEmail('moved');
    type(field, next);
    clickPart(profile, 'change-email');
    const notice = () => profile.shadowRoot?.querySelector("[part~='email-form'] [part~='notice']");
    await until(notice, 'no notice after changing the email');
    const sentence = `We sent a confirmation link to ${next}. Your email address changes once you open it.`;
    expect(textOf(notice())).to.equal(sentence);
    expect(announced(profile)).to.equal(sentence);
    expect(field.hasAttribute('aria-invalid')).to.equal(false);
    expect(textOf(part(profile, 'current-email')), 'unchanged until confirmed').to.equal(
      person.email,
    );
    const mail = await mailTo(next, /confirm your email/);
    const link = new URL(mail.links.find((href) => href.startsWith(backendUrl)) ?? 'invalid:');
    expect(link.searchParams.get('callbackURL')).to.equal(location.href);
  });

  it('says a wrong current password beside its field, then changes the password', async () => {
    const person = await newPerson();
    await signInElsewhere(person);
    const profile = await loadedProfile();
    await until(() => all(profile, "[part~='session']").length === 2, 'two sessions expected');
    const current = control(profile, '#password-currentPassword');
    const next = control(profile, '#password-newPassword');
    const repeat = control(profile, '#password-repeatPassword');
    expect([current.autocomplete, next.autocomplete, repeat.autocomplete]).to.deep.equal([
      'current-password',
      'new-password',
      'new-password',
    ]);
    expect(next.minLength).to.equal(8);
    expect(control(profile, "[part~='sign-out-others']").checked).to.equal(true);

    type(current, 'wrong horse battery');
    type(next, 'new horse battery');
    type(repeat, 'new horse batteryy');
    clickPart(profile, 'change-password');
    await until(() => focused(profile) === repeat, 'focus did not move to the repeat field');
    expect(description(profile, repeat)).to.equal('The two new passwords are not the same.');

    type(repeat, 'new horse battery');
    clickPart(profile, 'change-password');
    await until(() => current.getAttribute('aria-invalid') === 'true', 'no wrong-password error');
    await until(() => focused(profile) === current, 'focus did not move to the current password');
    expect(description(profile, current)).to.equal(
      'That is not your current password. Check it and try again.',
    );
    expect(repeat.hasAttribute('aria-invalid')).to.equal(false);

    type(current, person.password);
    clickPart(profile, 'change-password');
    const notice = () =>
      profile.shadowRoot?.querySelector("[part~='password-form'] [part~='notice']");
    await until(notice, 'the password change was not confirmed');
    expect(textOf(notice())).to.equal(
      'Your password is changed, and your other devices are signed out.',
    );
    expect(current.value, 'the form is emptied').to.equal('');
    await until(() => all(profile, "[part~='session']").length === 1, 'other devices stayed');
    expect(api.session.state.status).to.equal('signed-in');

    await signOut();
    await signIn({ email: person.email, password: 'new horse battery' });
    expect(api.session.state.status).to.equal('signed-in');
  });

  it('lists the devices signed in and signs out one, then all the others', async () => {
    const person = await newPerson();
    await signInElsewhere(person);
    await signInElsewhere(person);
    const profile = await loadedProfile();
    const sessions = () => all(profile, "[part~='session']");
    await until(() => sessions().length === 3, 'three sessions expected');

    const mine = sessions().filter((entry) => entry.querySelector("[part~='this-device']"));
    expect(mine).to.have.length(1);
    expect(textOf(mine[0]?.querySelector("[part~='device']"))).to.equal(
      describeDevice(navigator.userAgent),
    );
    expect(textOf(mine[0]?.querySelector("[part~='last-active']"))).to.match(/^Last active \S/);
    expect(mine[0]?.querySelector("[part~='revoke-session']")).to.equal(null);

    const other = sessions().find((entry) => !entry.querySelector("[part~='this-device']"));
    click(other ?? null, "[part~='revoke-session']");
    await until(() => sessions().length === 2, 'the session was not signed out');
    expect(announced(profile)).to.match(/^Signed out on /);

    clickPart(profile, 'revoke-others');
    await until(() => part(profile, 'confirm'), 'no confirmation step');
    expect(focused(profile)?.id).to.equal('revoke-others-question');
    expect(sessions()).to.have.length(2);
    clickPart(profile, 'confirm-yes');
    await until(() => sessions().length === 1, 'the other devices stayed signed in');
    expect(announced(profile)).to.equal('Signed out on 1 other device.');
    expect(part(profile, 'revoke-others')).to.equal(null);
    expect((await api.trpc.profile.sessions.query()).map((entry) => entry.current)).to.deep.equal([
      true,
    ]);
  });

  it('names devices from their user agents', () => {
    expect(
      describeDevice(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
      ),
    ).to.equal('Firefox on Windows');
    expect(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).to.equal('Safari on iPhone');
    expect(
      describeDevice(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
      ),
    ).to.equal('Edge on Windows');
    expect(
      describeDevice(
        'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
      ),
    ).to.equal('Samsung Internet on Android');
    expect(
      describeDevice(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
      ),
    ).to.equal('Chrome on macOS');
    expect(describeDevice('curl/8.5.0')).to.equal('An unknown device');
    expect(describeDevice(null)).to.equal('An unknown device');
  });

  it('adds, edits, makes default and removes addresses', async () => {
    await newPerson();
    const profile = await loadedProfile();
    await until(() => part(profile, 'empty'), 'the empty address book was not said');

    clickPart(profile, 'add-address');
    await until(() => focused(profile)?.id === 'address-label', 'the form did not take focus');
    await saveAddressForm(profile, 'Office');
    await until(() => addresses(profile).length === 1, 'the address was not added');
    const office = addressNamed(profile, 'Office');
    expect(office.querySelector("[part~='default']"), 'the first is the default').to.not.equal(
      null,
    );
    expect(textOf(office.querySelector("[part~='address-text']"))).to.contain('Brīvības iela 42');
    expect(focused(profile)).to.equal(office.querySelector("[part~='edit-address']"));

    clickPart(profile, 'add-address');
    await until(() => part(profile, 'address-form'), 'no form');
    await saveAddressForm(profile, 'Home', { line1: 'Elizabetes iela 1' });
    await until(() => addresses(profile).length === 2, 'the second address was not added');
    expect(addressNamed(profile, 'Home').querySelector("[part~='default']")).to.equal(null);

    click(addressNamed(profile, 'Home'), "[part~='make-default']");
    await until(
      () => addressNamed(profile, 'Home').querySelector("[part~='default']"),
      'Home did not become the default',
    );
    expect(addressNamed(profile, 'Office').querySelector("[part~='default']")).to.equal(null);
    expect(announced(profile)).to.equal('“Home” is now your default address.');

    click(addressNamed(profile, 'Office'), "[part~='edit-address']");
    await until(() => part(profile, 'address-form'), 'no edit form');
    expect(control(profile, "[part~='address-form'] [name='line1']").value).to.equal(
      'Brīvības iela 42',
    );
    type(control(profile, "[part~='address-form'] [name='city']"), 'Jūrmala');
    clickPart(profile, 'save-address');
    await until(
      () => textOf(findAddress(profile, 'Office')?.querySelector('address')).includes('Jūrmala'),
      'the edit was not saved',
    );
    expect(addressNamed(profile, 'Home').querySelector("[part~='default']")).to.not.equal(null);

    click(addressNamed(profile, 'Home'), "[part~='remove-address']");
    await until(() => part(profile, 'confirm'), 'no confirmation step');
    expect(addresses(profile)).to.have.length(2);
    clickPart(profile, 'confirm-yes');
    await until(() => addresses(profile).length === 1, 'the address was not removed');
    expect(
      addressNamed(profile, 'Office').querySelector("[part~='default']"),
      'the one left is the default',
    ).to.not.equal(null);
    expect(focused(profile)?.id).to.equal('addresses-title');
    expect((await api.trpc.address.list.query()).map((entry) => entry.label)).to.deep.equal([
      'Office',
    ]);
  });

  it('moves focus to an address field the server refused', async () => {
    await newPerson();
    const profile = await loadedProfile();
    await until(() => part(profile, 'add-address'), 'the address book did not load');
    clickPart(profile, 'add-address');
    await until(() => part(profile, 'address-form'), 'no form');
    await saveAddressForm(profile, 'Bad', { postalCode: '!!' });
    const postalCode = control(profile, "[part~='address-form'] [name='postalCode']");
    await until(() => focused(profile) === postalCode, 'focus did not move to the postal code');
    expect(postalCode.getAttribute('aria-invalid')).to.equal('true');
    expect(description(profile, postalCode)).to.equal(
      'Use letters, digits, spaces and dashes only.',
    );
  });

  it('confirms a removal with the keyboard alone', async () => {
    await newPerson();
    await api.trpc.address.save.mutate({ label: 'Only', address: ADDRESS });
    const profile = await loadedProfile();
    await until(() => addresses(profile).length === 1, 'the address did not load');

    addressNamed(profile, 'Only').querySelector<HTMLElement>("[part~='remove-address']")?.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => focused(profile)?.id.startsWith('remove-'), 'the question took no focus');
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(profile)?.getAttribute('part')).to.equal('confirm-no');
    await sendKeys({ press: 'Enter' });
    await until(
      () => focused(profile)?.getAttribute('part') === 'remove-address',
      'focus did not return to "Remove"',
    );
    expect(addresses(profile)).to.have.length(1);

    await sendKeys({ press: 'Enter' });
    await until(() => part(profile, 'confirm'), 'no confirmation step');
    await sendKeys({ press: 'Tab' });
    expect(focused(profile)?.getAttribute('part')).to.equal('confirm-yes');
    await sendKeys({ press: 'Enter' });
    await until(() => addresses(profile).length === 0, 'the address was not removed');
    expect(focused(profile)?.id).to.equal('addresses-title');
  });

  it('lets an owner invite a colleague and cancel the pending invitation', async () => {
    const owner = await newPerson('Olga Owner');
    const profile = await loadedProfile();
    await until(() => part(profile, 'member-list'), 'the members did not load');

    const members = all(profile, "[part~='member']");
    expect(members).to.have.length(1);
    expect(textOf(members[0])).to.contain(owner.email);
    expect(textOf(members[0]?.querySelector("[part~='role']"))).to.equal('Owner');
    expect(members[0]?.querySelector("[part~='you']")).to.not.equal(null);
    expect(all(profile, "[part~='roles'] li").map(textOf)).to.include.members([
      'Buyer: can place and change orders',
      'Viewer: can see orders, invoices and tickets',
    ]);
    expect(part(profile, 'leave'), 'the only owner cannot leave').to.equal(null);

    type(control(profile, '#invite-email'), owner.email);
    clickPart(profile, 'send-invitation');
    const inviteError = () =>
      profile.shadowRoot?.querySelector("[part~='invite-form'] [part~='error']");
    await until(inviteError, 'inviting oneself was accepted');
    expect(textOf(inviteError())).to.equal('That person is already a member of this account.');

    const colleague = freshEmail('colleague');
    type(control(profile, '#invite-email'), colleague);
    type(control<HTMLSelectElement>(profile, '#invite-role'), 'viewer');
    clickPart(profile, 'send-invitation');
    await until(() => part(profile, 'pending'), 'the invitation is not pending');
    const pending = part(profile, 'pending');
    expect(textOf(pending)).to.contain(colleague);
    expect(textOf(pending?.querySelector("[part~='role']"))).to.equal('Viewer');
    expect(textOf(pending)).to.contain(`Invited by ${owner.name}`);
    expect(announced(profile)).to.equal(`We sent an invitation to ${colleague}.`);
    expect(control(profile, '#invite-email').value, 'the form is emptied').to.equal('');
    expect(await invitationFromMail(colleague)).to.be.a('string');

    clickPart(profile, 'cancel-invitation');
    await until(() => !part(profile, 'pending'), 'the invitation was not cancelled');
    expect(announced(profile)).to.equal(`The invitation to ${colleague} is cancelled.`);
    expect((await api.trpc.account.members.query()).invitations).to.deep.equal([]);
  });

  it('lets an owner change a member’s role and remove them, and keeps one owner', async () => {
    const owner = await newPerson('Rita Owner');
    const email = freshEmail('member');
    await api.trpc.account.invite.mutate({ email, role: 'buyer', returnTo: location.href });
    const invitationId = await invitationFromMail(email);
    await signOut();
    const member = await signUp('Mikus Member', email);
    await signIn(member);
    await api.trpc.account.answerInvitation.mutate({ invitationId, accept: true });
    await signOut();
    await signIn(owner);

    const profile = await loadedProfile();
    const rowOf = (text: string) =>
      all(profile, "[part~='member']").find((entry) => textOf(entry).includes(text));
    await until(() => rowOf(email), 'the member was not listed');
    expect(textOf(rowOf(email)?.querySelector("[part~='role']"))).to.equal('Buyer');

    type(within<HTMLSelectElement>(rowOf(email)!, "[part~='role-select']"), 'viewer');
    click(rowOf(email)!, "[part~='set-role']");
    await until(
      () => textOf(rowOf(email)?.querySelector("[part~='role']")) === 'Viewer',
      'the role did not change',
    );
    expect(announced(profile)).to.equal('Mikus Member is now: Viewer.');

    const mine = rowOf(owner.email)!;
    type(within<HTMLSelectElement>(mine, "[part~='role-select']"), 'buyer');
    click(mine, "[part~='set-role']");
    const error = () => profile.shadowRoot?.querySelector("[part~='members'] [part~='error']");
    await until(error, 'the last owner gave up the account');
    expect(textOf(error())).to.equal(
      'An account needs at least one owner. Make someone else an owner first.',
    );
    expect(error()?.getAttribute('role')).to.equal('alert');
    expect(part(profile, 'leave'), 'the only owner may not leave').to.equal(null);

    click(rowOf(email)!, "[part~='remove-member']");
    await until(() => rowOf(email)?.querySelector("[part~='confirm']"), 'no confirmation');
    expect(focused(profile)?.id).to.match(/^remove-member-/);
    click(rowOf(email)!, "[part~='confirm-yes']");
    await until(() => !rowOf(email), 'the member was not removed');
    expect(announced(profile)).to.equal('Mikus Member is no longer a member.');
    expect(focused(profile)?.id).to.equal('members-title');
  });

  it('shows the invitation from the mail, accepts it, switches accounts and leaves', async () => {
    const owner = await newPerson('Ilze Owner');
    const invitee = freshEmail('invitee');
    await api.trpc.account.invite.mutate({
      email: invitee,
      role: 'buyer',
      returnTo: location.href,
    });
    const invitationId = await invitationFromMail(invitee);
    await signOut();
    const person = await signUp('Ivo Invitee', invitee);
    await signIn(person);

    const page = new URL(location.href);
    const withLink = new URL(page);
    withLink.searchParams.set('portico-invitation', invitationId);
    history.replaceState(history.state, '', withLink.href);
    try {
      const profile = await loadedProfile();
      const invitations = invitationsOf(profile);
      await until(() => part(invitations, 'invitation'), 'the invitation was not shown');
      const shown = part(invitations, 'invitation');
      expect(shown?.getAttribute('part')).to.equal('invitation highlighted');
      expect(textOf(shown)).to.contain(`${owner.name} invites you to join ${owner.name} as Buyer.`);

      clickPart(invitations, 'accept');
      await until(
        () =>
          api.session.state.status === 'signed-in' &&
          api.session.state.me.account?.name === owner.name,
        'the sign-in did not move into the company account',
      );
      await until(() => part(invitations, 'notice'), 'the answer was not confirmed');
      expect(textOf(part(invitations, 'notice'))).to.equal(
        `You joined ${owner.name} and now work in it.`,
      );
      expect(new URL(location.href).searchParams.has('portico-invitation')).to.equal(false);

      const accounts = () => all(profile, "[part~='account']");
      await until(() => accounts().length === 2, 'the accounts did not list both');
      expect(textOf(part(profile, 'current-account'))).to.contain(owner.name);
      await until(() => all(profile, "[part~='member']").length === 2, 'the members did not load');
      expect(part(profile, 'invite-form'), 'buyers do not invite').to.equal(null);

      clickPart(profile, 'switch-account');
      await until(
        () =>
          api.session.state.status === 'signed-in' &&
          api.session.state.me.account?.name === person.name,
        'the switch did not happen',
      );
      await until(
        () => textOf(part(profile, 'current-account')).includes(person.name),
        'the accounts did not follow the switch',
      );
      expect(announced(profile)).to.equal(`You now work in ${person.name}.`);

      clickPart(profile, 'switch-account');
      await until(
        () => textOf(part(profile, 'current-account')).includes(owner.name),
        'the switch back did not happen',
      );
      await until(() => part(profile, 'leave'), 'a buyer may leave');
      clickPart(profile, 'leave');
      await until(() => part(profile, 'confirm'), 'no confirmation step');
      expect(focused(profile)?.id).to.equal('leave-question');
      clickPart(profile, 'confirm-yes');
      await until(() => accounts().length === 1, 'leaving did not remove the account');
      expect(
        api.session.state.status === 'signed-in' && api.session.state.me.account?.name,
      ).to.equal(person.name);
      expect(announced(profile)).to.equal(`You left ${owner.name}.`);
    } finally {
      history.replaceState(history.state, '', page.href);
    }
  });

  it('fits a 320 px wide screen without horizontal scrolling', async () => {
    const original = { width: window.innerWidth, height: window.innerHeight };
    const person = await newPerson('Zuzanna Wydłużona-Przykładowa');
    await signInElsewhere(person);
    await api.trpc.address.save.mutate({ label: 'Headquarters', address: ADDRESS });
    await api.trpc.account.invite.mutate({
      email: freshEmail('a-rather-long-colleague-address'),
      role: 'viewer',
      returnTo: location.href,
    });
    await setViewport({ width: 320, height: 640 });
    try {
      const profile = await loadedProfile();
      await until(() => part(profile, 'pending'), 'the invitation did not load');
      await until(() => part(profile, 'address'), 'the address did not load');
      await until(() => part(profile, 'session'), 'the sessions did not load');
      clickPart(profile, 'revoke-others');
      const page = document.documentElement;
      expect(page.scrollWidth, 'page').to.be.at.most(page.clientWidth);
      expect(profile.scrollWidth, 'element').to.be.at.most(profile.clientWidth);
      const edge = profile.getBoundingClientRect().right;
      for (const child of all(profile, 'input, select, button, h3, p, li')) {
        expect(child.getBoundingClientRect().right, textOf(child)).to.be.at.most(edge + 0.5);
      }
      for (const target of all(profile, 'button, input:not([type=checkbox]), select')) {
        if (target.getClientRects().length === 0) continue;
        expect(target.getBoundingClientRect().height, textOf(target)).to.be.at.least(44);
      }
    } finally {
      await setViewport(original);
    }
  });
});
