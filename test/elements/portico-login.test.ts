import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { CartStore } from '../../elements/shared/cart.ts';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../elements/portico-login/portico-login.ts';
import '../../elements/portico-account-summary/portico-account-summary.ts';
import type { PorticoLogin } from '../../elements/portico-login/portico-login.ts';
import type { PorticoAccountSummary } from '../../elements/portico-account-summary/portico-account-summary.ts';
import type { SignedInEvent, SignedOutEvent } from '../../elements/events.ts';
import { anna } from './support/people.ts';
import {
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
  whoIsSignedIn,
} from './support/page.ts';

const WRONG_PASSWORD = 'That email and password do not match. Check both, or reset your password.';

async function renderLogin(): Promise<{ login: PorticoLogin; summary: PorticoAccountSummary }> {
  const portal = await fixture(html`
    <portico-portal api=${backendUrl}>
      <portico-login></portico-login>
      <portico-account-summary></portico-account-summary>
    </portico-portal>
  `);
  const login = portal.querySelector('portico-login');
  const summary = portal.querySelector('portico-account-summary');
  if (!login || !summary) throw new Error('the fixture did not render');
  await sessionKnown(login);
  await sessionKnown(summary);
  return { login, summary };
}

function input(login: PorticoLogin, name: string): HTMLInputElement {
  const found = login.shadowRoot?.querySelector<HTMLInputElement>(`input[name='${name}']`);
  if (!found) throw new Error(`no input named ${name}`);
  return found;
}

function fill(login: PorticoLogin, values: Record<string, string>): void {
  for (const [name, value] of Object.entries(values)) input(login, name).value = value;
}

function submit(login: PorticoLogin): void {
  const found = part<HTMLButtonElement>(login, 'submit');
  if (!found) throw new Error('no submit button');
  found.click();
}

function heading(login: PorticoLogin): string {
  return textOf(login.shadowRoot?.querySelector('h2'));
}

async function showView(login: PorticoLogin, link: string, title: string): Promise<void> {
  button(login, link).click();
  await until(() => heading(login) === title, `the "${title}" view did not open`);
}

describe('<portico-login>', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(signOut);

  it('renders the sign-in form with labelled fields', async () => {
    const { login } = await renderLogin();

    const form = part(login, 'form');
    expect(form?.localName).to.equal('form');
    expect(heading(login)).to.equal('Sign in');
    const email = input(login, 'email');
    expect(email.type).to.equal('email');
    expect(email.required).to.equal(true);
    expect(email.autocomplete).to.equal('username');
    expect(textOf(email.labels?.[0])).to.equal('Email');
    const password = input(login, 'password');
    expect(password.type).to.equal('password');
    expect(password.required).to.equal(true);
    expect(password.autocomplete).to.equal('current-password');
    expect(textOf(password.labels?.[0])).to.equal('Password');
    const submitButton = part<HTMLButtonElement>(login, 'submit');
    expect(submitButton?.type).to.equal('submit');
    expect(textOf(submitButton)).to.equal('Sign in');
    expect(part(login, 'signed-in')).to.equal(null);
  });

  it('leaves focus where it was when the page loads', async () => {
    const before = document.activeElement;
    const login = await fixture<PorticoLogin>(html`
      <portico-portal api=${backendUrl}><portico-login></portico-login></portico-portal>
    `).then((portal) => portal.querySelector<PorticoLogin>('portico-login')!);
    await until(() => part(login, 'form'), 'no form');
    expect(login.shadowRoot?.activeElement ?? null).to.equal(null);
    expect(document.activeElement === before || document.activeElement === document.body).to.equal(
      true,
    );
  });

  it('is accessible when signed out', async () => {
    const { login } = await renderLogin();
    expect(login.session.status).to.equal('signed-out');
    await expect(login).to.be.accessible();
  });

  it('is accessible when signed in', async () => {
    await signIn();
    const { login } = await renderLogin();
    expect(part(login, 'signed-in')).to.not.equal(null);
    await expect(login).to.be.accessible();
  });

  it('shows an alert and stays signed out when the password is wrong', async () => {
    const { login } = await renderLogin();
    const heard: Event[] = [];
    const listener = (event: Event) => heard.push(event);
    document.addEventListener('portico-signed-in', listener);
    try {
      fill(login, { email: anna.email, password: 'wrong horse battery' });
      submit(login);
      await until(() => part(login, 'error'), 'no error was shown');

      const error = part(login, 'error');
      expect(error?.getAttribute('role')).to.equal('alert');
      expect(textOf(error)).to.equal(WRONG_PASSWORD);
      expect(heard).to.have.length(0);
      expect(login.session.status).to.equal('signed-out');
      expect(part(login, 'signed-in')).to.equal(null);
      expect(part<HTMLButtonElement>(login, 'submit')?.disabled).to.equal(false);
      expect(await whoIsSignedIn()).to.equal(null);
    } finally {
      document.removeEventListener('portico-signed-in', listener);
    }
  });

  it('signs in, tells the page, and updates a sibling element without a reload', async () => {
    const { login, summary } = await renderLogin();
    expect(textOf(part(summary, 'signed-out'))).to.equal('Sign in to see your account.');

    const heard = oneEvent<SignedInEvent>(document, 'portico-signed-in');
    fill(login, { email: anna.email, password: anna.password });
    submit(login);
    const event = await heard;

    expect(event.target === login, 'dispatched by <portico-login>').to.equal(true);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    expect(event.user.email).to.equal(anna.email);
    expect(event.user.name).to.equal(anna.name);
    await until(() => part(login, 'signed-in'), 'the signed-in state was not shown');
    expect(textOf(part(login, 'signed-in'))).to.contain(`Signed in as ${anna.name}`);
    expect(part(login, 'form')).to.equal(null);
    await until(
      () => textOf(part(summary, 'greeting')) === `Hello, ${anna.name}`,
      'the account summary did not greet the person',
    );
    expect((await whoIsSignedIn())?.user.email).to.equal(anna.email);
  });

  it('signs out, tells the page, and returns every element to signed out', async () => {
    await signIn();
    const { login, summary } = await renderLogin();
    expect(part(login, 'signed-in')).to.not.equal(null);
    expect(textOf(part(summary, 'greeting'))).to.equal(`Hello, ${anna.name}`);

    const cart = CartStore.for(backendUrl);
    cart.add('some-product', 2);
    const heard = oneEvent<SignedOutEvent>(document, 'portico-signed-out');
    part<HTMLButtonElement>(login, 'sign-out')?.click();
    const event = await heard;
    expect(cart.lines, 'the next person at this computer starts with an empty cart').to.deep.equal(
      [],
    );

    expect(event.target === login, 'dispatched by <portico-login>').to.equal(true);
    expect(event.bubbles).to.equal(true);
    expect(event.composed).to.equal(true);
    await until(() => part(login, 'form'), 'the sign-in form did not come back');
    expect(part(login, 'signed-in')).to.equal(null);
    await until(() => part(summary, 'signed-out'), 'the account summary still greets');
    expect(textOf(part(summary, 'signed-out'))).to.equal('Sign in to see your account.');
    expect(await whoIsSignedIn()).to.equal(null);
  });

  it('sends a reset link from the "Forgot your password?" view and says so', async () => {
    const { login } = await renderLogin();
    await showView(login, 'Forgot your password?', 'Reset your password');

    fill(login, { email: anna.email });
    submit(login);
    await until(() => part(login, 'notice'), 'no notice was shown');

    const notice = part(login, 'notice');
    expect(notice?.getAttribute('role')).to.equal('status');
    expect(textOf(notice)).to.equal(
      `If ${anna.email} has an account, we sent it a link to choose a new password.`,
    );
    expect(heading(login)).to.equal('Sign in');
    const mail = await mailTo(anna.email, /reset your .*password/);
    const link = mail.links.map((href) => new URL(href)).find((url) => url.origin === backendUrl);
    const comeBack = new URL(link?.searchParams.get('callbackURL') ?? '', 'invalid:/');
    expect(comeBack.origin).to.equal(location.origin);
    expect(comeBack.searchParams.get('portico-action')).to.equal('reset-password');
  });

  it('lets the browser refuse a sign-up password shorter than 8 characters', async () => {
    const { login } = await renderLogin();
    await showView(login, 'New here? Create an account', 'Create an account');
    const form = part<HTMLFormElement>(login, 'form');
    const password = input(login, 'password');
    let submits = 0;
    let invalids = 0;
    form?.addEventListener('submit', () => submits++);
    password.addEventListener('invalid', () => invalids++);
    const email = `mara.${Date.now()}@test.example`;

    fill(login, { name: 'Mara', email });
    password.focus();
    // minlength applies only to what a person typed, so type it for real.
    await sendKeys({ type: 'short12' });
    submit(login);
    await login.updateComplete;

    expect(password.validity.tooShort).to.equal(true);
    expect(invalids).to.equal(1);
    expect(submits).to.equal(0);
    expect(heading(login)).to.equal('Create an account');
    expect(part(login, 'notice')).to.equal(null);
    expect(part(login, 'error')).to.equal(null);
    expect(part<HTMLButtonElement>(login, 'submit')?.disabled).to.equal(false);

    password.focus();
    await sendKeys({ type: '3' });
    submit(login);
    await until(() => part(login, 'notice'), 'a valid sign-up showed no notice');
    expect(submits).to.equal(1);
    expect(textOf(part(login, 'notice'))).to.equal(
      `We sent a confirmation link to ${email}. Open it to finish signing up.`,
    );
    expect((await mailTo(email, /confirm your email/)).links).to.have.length.above(0);
  });

  it('is reachable and usable with the keyboard alone', async () => {
    const container = await fixture(html`
      <div>
        <button id="before">Before</button>
        <portico-portal api=${backendUrl}><portico-login></portico-login></portico-portal>
      </div>
    `);
    const login = container.querySelector('portico-login');
    if (!login) throw new Error('the fixture did not render');
    await sessionKnown(login);
    // Names, not elements: a failed comparison of two elements prints the whole DOM.
    const focused = () => {
      const inside = document.activeElement === login ? login.shadowRoot?.activeElement : null;
      const active = inside ?? document.activeElement;
      return `${active?.localName} ${active?.getAttribute('name') ?? active?.getAttribute('part') ?? ''}`;
    };
    container.querySelector<HTMLButtonElement>('#before')?.focus();

    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('input email');
    await sendKeys({ type: anna.email });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('input password');
    await sendKeys({ type: anna.password });
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('button submit');

    const heard = oneEvent<SignedInEvent>(document, 'portico-signed-in');
    await sendKeys({ press: 'Enter' });
    expect((await heard).user.email).to.equal(anna.email);
    await until(() => part(login, 'signed-in'), 'the signed-in state was not shown');
  });

  it('fits a 320 px wide screen in every view without horizontal scrolling', async () => {
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    try {
      const { login } = await renderLogin();
      const expectToFit = (view: string) => {
        const page = document.documentElement;
        expect(page.scrollWidth, `${view}: page`).to.be.at.most(page.clientWidth);
        expect(login.scrollWidth, `${view}: element`).to.be.at.most(login.clientWidth);
        const edge = login.getBoundingClientRect().right;
        for (const child of login.shadowRoot?.querySelectorAll('input, button, h2, p') ?? []) {
          expect(child.getBoundingClientRect().right, `${view}: ${textOf(child)}`).to.be.at.most(
            edge + 0.5,
          );
        }
      };
      expect(window.innerWidth).to.equal(320);

      expectToFit('sign in');
      await showView(login, 'New here? Create an account', 'Create an account');
      expectToFit('sign up');
      await showView(login, 'I already have an account', 'Sign in');
      await showView(login, 'Forgot your password?', 'Reset your password');
      expectToFit('forgot');
      await showView(login, 'Back to sign in', 'Sign in');
      fill(login, { email: anna.email, password: anna.password });
      submit(login);
      await until(() => part(login, 'signed-in'), 'the signed-in state was not shown');
      expectToFit('signed in');
    } finally {
      await setViewport(original);
    }
  });

  it('lays itself out from the right in a right-to-left page', async () => {
    const container = await fixture(html`
      <div dir="rtl">
        <portico-portal api=${backendUrl}><portico-login></portico-login></portico-portal>
      </div>
    `);
    const login = container.querySelector('portico-login');
    if (!login) throw new Error('the fixture did not render');
    await sessionKnown(login);

    expect(getComputedStyle(login).direction).to.equal('rtl');
    const title = login.shadowRoot?.querySelector('h2');
    if (!title) throw new Error('no heading');
    const range = document.createRange();
    range.selectNodeContents(title);
    const text = range.getBoundingClientRect();
    const box = title.getBoundingClientRect();
    expect(box.right - text.right).to.be.within(-1, 1);
    expect(text.left - box.left).to.be.greaterThan(box.width / 2);
    const form = part(login, 'form')?.getBoundingClientRect();
    const submitButton = part(login, 'submit')?.getBoundingClientRect();
    expect((form?.right ?? 0) - (submitButton?.right ?? Infinity)).to.be.within(-1, 1);
  });
});
