import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../elements/portico-login/portico-login.ts';
import type { PorticoLogin } from '../../elements/portico-login/portico-login.ts';
import type { SignedInEvent } from '../../elements/events.ts';
import {
  attachContextRoot,
  backendUrl,
  button,
  definePortal,
  part,
  sessionKnown,
  signOut,
  textOf,
  until,
  whoIsSignedIn,
} from './support/page.ts';
import {
  auth,
  enrollApp,
  mailedCode,
  newCustomer,
  signInAs,
  totp,
  type Person,
} from './security.support.ts';

async function renderLogin(): Promise<PorticoLogin> {
  const portal = await fixture(html`
    <portico-portal api=${backendUrl}><portico-login></portico-login></portico-portal>
  `);
  const login = portal.querySelector('portico-login')!;
  await sessionKnown(login);
  return login;
}

function field(login: PorticoLogin, name: string): HTMLInputElement {
  const found = login.shadowRoot?.querySelector<HTMLInputElement>(`input[name='${name}']`);
  if (!found) throw new Error(`no input named ${name}`);
  return found;
}

const heading = (login: PorticoLogin) => textOf(login.shadowRoot?.querySelector('h2'));
const focusedName = (login: PorticoLogin) => login.shadowRoot?.activeElement?.getAttribute('name');
const announced = (login: PorticoLogin) =>
  textOf(login.shadowRoot?.querySelector('.visually-hidden[role="status"]'));

/** Types the password into the element and waits for the security-code step. */
async function passwordStep(login: PorticoLogin, person: Person): Promise<void> {
  field(login, 'email').value = person.email;
  field(login, 'password').value = person.password;
  part(login, 'submit')!.click();
  await until(() => heading(login) === 'Security code', 'the security-code step never showed');
  await until(() => focusedName(login) === 'code', 'the code field did not take focus');
}

async function enterCode(login: PorticoLogin, code: string, trust = false): Promise<void> {
  field(login, 'code').value = code;
  if (trust) field(login, 'trustDevice').checked = true;
  part(login, 'submit')!.click();
}

/** A customer with an authenticator app, signed out again. */
async function customerWithApp(name: string) {
  const person = await newCustomer(name);
  await signInAs(person);
  const app = await enrollApp(person);
  await signOut();
  return { person, ...app };
}

describe('<portico-login> with security codes', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(signOut);

  it('asks for the app’s code after the password, says a wrong one, and signs in with the right one', async () => {
    const { person, uri } = await customerWithApp('Tia Totp');
    const login = await renderLogin();
    await passwordStep(login, person);

    const code = field(login, 'code');
    expect(code.inputMode).to.equal('numeric');
    expect(code.autocomplete).to.equal('one-time-code');
    expect(textOf(code.labels?.[0])).to.equal('Code from your app');
    expect(textOf(field(login, 'trustDevice').labels?.[0])).to.equal(
      'Trust this device for 30 days',
    );
    expect(await whoIsSignedIn(), 'no session before the code').to.equal(null);
    await expect(login).to.be.accessible();

    const right = await totp(uri);
    await enterCode(login, right === '000000' ? '111111' : '000000');
    await until(() => part(login, 'error'), 'a wrong code showed no error');
    expect(textOf(part(login, 'error'))).to.equal(
      'That code is not right. Check it and try again.',
    );
    expect(part(login, 'error')?.getAttribute('role')).to.equal('alert');
    await until(() => focusedName(login) === 'code', 'the code field did not take focus again');
    expect(field(login, 'code').value, 'the wrong code is cleared').to.equal('');

    const heard = oneEvent<SignedInEvent>(document, 'portico-signed-in');
    await enterCode(login, await totp(uri));
    expect((await heard).user.email).to.equal(person.email);
    await until(() => part(login, 'signed-in'), 'the signed-in state was not shown');
    expect(announced(login)).to.equal('Signed in.');
    expect((await whoIsSignedIn())?.user.email).to.equal(person.email);
  });

  it('trusts this device for 30 days only when the box is ticked', async () => {
    const { person, uri } = await customerWithApp('Toms Trust');
    const login = await renderLogin();
    await passwordStep(login, person);
    await enterCode(login, await totp(uri));
    await until(() => part(login, 'signed-in'), 'the sign-in without trust failed');
    await signOut();
    const asked = await auth<{ twoFactorRedirect?: boolean }>('/sign-in/email', person);
    expect(asked.twoFactorRedirect, 'untrusted: the code is asked again').to.equal(true);

    await renderLogin().then(async (again) => {
      await passwordStep(again, person);
      await enterCode(again, await totp(uri), true);
      await until(() => part(again, 'signed-in'), 'the trusted sign-in failed');
    });
    await signOut();
    const trusted = await auth<{ twoFactorRedirect?: boolean }>('/sign-in/email', person);
    expect(trusted.twoFactorRedirect, 'trusted: the password is enough').to.equal(undefined);
  });

  it('emails a code on request and signs in with it', async () => {
    const { person } = await customerWithApp('Edgars Email');
    const login = await renderLogin();
    await passwordStep(login, person);

    part(login, 'use-email')!.click();
    await until(() => part(login, 'notice'), 'no notice that a code was sent');
    expect(textOf(part(login, 'notice'))).to.equal(
      'We emailed you a code. It works for a few minutes.',
    );
    expect(textOf(field(login, 'code').labels?.[0])).to.equal('Code from the email');
    const heard = oneEvent<SignedInEvent>(document, 'portico-signed-in');
    await enterCode(login, await mailedCode(person.email, /security code/));
    expect((await heard).user.email).to.equal(person.email);
  });

  it('sends the code at once to someone who gets codes by email only', async () => {
    const person = await newCustomer('Olga Otp');
    await signInAs(person);
    await auth('/two-factor/enable', { password: person.password, method: 'otp' });
    await signOut();

    const login = await renderLogin();
    await passwordStep(login, person);
    await until(() => part(login, 'notice'), 'no code was sent');
    expect(part(login, 'use-app'), 'no app to switch to').to.equal(null);
    await enterCode(login, await mailedCode(person.email, /security code/));
    await until(() => part(login, 'signed-in'), 'the emailed code did not sign in');
  });

  it('takes a backup code once and refuses it the second time', async () => {
    const { person, backupCodes } = await customerWithApp('Bruno Backup');
    const backup = backupCodes[0]!;
    const login = await renderLogin();
    await passwordStep(login, person);
    part(login, 'use-backup-code')!.click();
    await until(() => textOf(field(login, 'code').labels?.[0]) === 'Backup code', 'no backup');
    expect(focusedName(login)).to.equal('code');
    await enterCode(login, backup);
    await until(() => part(login, 'signed-in'), 'the backup code did not sign in');
    await signOut();

    const again = await renderLogin();
    await passwordStep(again, person);
    part(again, 'use-backup-code')!.click();
    await until(() => textOf(field(again, 'code').labels?.[0]) === 'Backup code', 'no backup');
    await enterCode(again, backup);
    await until(() => part(again, 'error'), 'a used backup code was taken again');
    expect(textOf(part(again, 'error'))).to.equal(
      'That backup code is not right, or it was already used.',
    );
    expect(await whoIsSignedIn()).to.equal(null);
  });

  it('says the step has expired after too many wrong codes, and starts again', async () => {
    const { person, uri } = await customerWithApp('Ivars Expired');
    const login = await renderLogin();
    await passwordStep(login, person);
    const wrong = (await totp(uri)) === '000000' ? '111111' : '000000';
    const expired = 'This sign-in has expired. Start again with your email and password.';
    for (let attempt = 0; attempt < 6 && textOf(part(login, 'error')) !== expired; attempt++) {
      await enterCode(login, wrong);
      await until(
        () => part(login, 'error') && part<HTMLButtonElement>(login, 'submit')?.disabled === false,
        'no answer',
      );
    }
    expect(textOf(part(login, 'error'))).to.equal(expired);
    const again = part(login, 'start-again')!;
    expect(again.classList.contains('primary'), '"Start again" is the way on').to.equal(true);
    again.click();
    await until(() => heading(login) === 'Sign in', 'the password form did not come back');
  });

  it('says how many seconds to wait when the server refuses too many tries', async () => {
    const { person } = await customerWithApp('Vilis Wait');
    const login = await renderLogin();
    await passwordStep(login, person);
    const realFetch = window.fetch;
    window.fetch = async (input, init) =>
      String(input).endsWith('/two-factor/verify-totp')
        ? new Response(JSON.stringify({ message: 'Too many requests.' }), {
            status: 429,
            headers: { 'content-type': 'application/json', 'x-retry-after': '42' },
          })
        : realFetch(input, init);
    try {
      await enterCode(login, '123456');
      await until(() => part(login, 'error'), 'no error for a refused try');
      expect(textOf(part(login, 'error'))).to.equal(
        'Too many attempts. Wait 42 seconds, then try again.',
      );
    } finally {
      window.fetch = realFetch;
    }
  });

  it('goes back to the password form with "Start again"', async () => {
    const { person } = await customerWithApp('Stefans Start');
    const login = await renderLogin();
    await passwordStep(login, person);
    button(login, 'Start again').click();
    await until(() => heading(login) === 'Sign in', 'the password form did not come back');
    expect(focusedName(login)).to.equal('email');
  });

  it('lays the security-code step out from the right in a right-to-left page', async () => {
    const { person } = await customerWithApp('Roja Rtl');
    const container = await fixture(html`
      <div dir="rtl">
        <portico-portal api=${backendUrl}><portico-login></portico-login></portico-portal>
      </div>
    `);
    const login = container.querySelector('portico-login')!;
    await sessionKnown(login);
    await passwordStep(login, person);
    const box = field(login, 'trustDevice').getBoundingClientRect();
    const text = field(login, 'trustDevice').nextElementSibling!.getBoundingClientRect();
    expect(box.left, 'the checkbox comes first, on the right').to.be.greaterThan(text.right);
    const form = part(login, 'form')!.getBoundingClientRect();
    expect(form.right - part(login, 'submit')!.getBoundingClientRect().right).to.be.within(-1, 1);
  });

  it('fits a 320 px wide screen at the security-code step', async () => {
    const { person } = await customerWithApp('Nina Narrow');
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    try {
      const login = await renderLogin();
      await passwordStep(login, person);
      const edge = login.getBoundingClientRect().right;
      for (const child of login.shadowRoot?.querySelectorAll('input, button, h2, p') ?? []) {
        expect(child.getBoundingClientRect().right, textOf(child)).to.be.at.most(edge + 0.5);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport(original);
    }
  });
});

describe('<portico-login> with an emailed sign-in code', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(signOut);

  async function askForCode(login: PorticoLogin, email: string): Promise<void> {
    part(login, 'email-code')!.click();
    await until(() => heading(login) === 'Sign in with a code', 'the code form never showed');
    expect(focusedName(login)).to.equal('email');
    field(login, 'email').value = email;
    part(login, 'submit')!.click();
    await until(() => part(login, 'notice'), 'no notice after asking for a code');
    expect(textOf(part(login, 'notice'))).to.equal(
      'If an account exists for this address, we sent a code.',
    );
  }

  it('signs in with the mailed code instead of a password', async () => {
    const person = await newCustomer('Paula Passwordless');
    const login = await renderLogin();
    await askForCode(login, person.email);
    await until(() => focusedName(login) === 'code', 'the code field did not take focus');
    await expect(login).to.be.accessible();

    const heard = oneEvent<SignedInEvent>(document, 'portico-signed-in');
    await enterCode(login, await mailedCode(person.email, /sign-in code/));
    expect((await heard).user.email).to.equal(person.email);
    expect((await whoIsSignedIn())?.user.email).to.equal(person.email);
  });

  it('answers an unknown address exactly as a known one', async () => {
    const login = await renderLogin();
    await askForCode(login, 'nobody.here@test.example');
    await enterCode(login, '123456');
    await until(() => part(login, 'error'), 'a code for nobody was taken');
    expect(textOf(part(login, 'error'))).to.equal(
      'That code is not right. Check it and try again.',
    );
  });

  it('sends someone with security codes back to their password', async () => {
    const { person } = await customerWithApp('Sara Second');
    const login = await renderLogin();
    await askForCode(login, person.email);
    await enterCode(login, await mailedCode(person.email, /sign-in code/));
    await until(() => part(login, 'error'), 'a code alone signed in someone with codes');
    expect(textOf(part(login, 'error'))).to.equal(
      'Your account uses security codes: sign in with your password and a code.',
    );
    expect(await whoIsSignedIn()).to.equal(null);
  });
});
