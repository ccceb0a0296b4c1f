import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { TRPCClientError } from '@trpc/client';
import '../../elements/portico-account-summary/portico-account-summary.ts';
import type { PorticoAccountProfile } from '../../elements/portico-account-summary/account-profile.ts';
import type { PorticoAccountSummary } from '../../elements/portico-account-summary/portico-account-summary.ts';
import { errorMessage } from '../../elements/api/errors.ts';
import { formatDateTime } from '../../elements/shared/format.ts';
import {
  all,
  attachContextRoot,
  backendUrl,
  definePortal,
  mailTo,
  part,
  sessionKnown,
  signOut,
  textOf,
  until,
} from './support/page.ts';
import {
  api,
  appFromKey,
  auth,
  enrollApp,
  freshEmail,
  newCustomer,
  shown,
  signInAs,
  totp,
  type,
  type Person,
} from './security.support.ts';

const REQUIRED = 'Your company asks everyone to use security codes. Set them up to continue.';

async function renderProfile(): Promise<PorticoAccountProfile> {
  const portal = await fixture(html`
    <portico-portal api=${backendUrl}
      ><portico-account-profile></portico-account-profile
    ></portico-portal>
  `);
  const profile = portal.querySelector('portico-account-profile')!;
  await sessionKnown(profile);
  await until(() => part(profile, 'security-status'), 'the security settings did not load');
  return profile;
}

const status = (profile: Element) => textOf(part(profile, 'security-status'));
const announced = (host: Element) =>
  textOf(host.shadowRoot?.querySelector("[role='status'][aria-live='polite']"));
/** The element that has focus inside `host`, which may itself sit in another shadow root. */
const focused = (host: Element) => host.shadowRoot?.activeElement ?? null;

function click(host: Element, name: string): void {
  const found = part(host, name);
  if (!found) throw new Error(`no ${name}`);
  found.click();
}

/** Answers a password step of the security section. */
async function confirmPassword(host: Element, password: string, submit: string): Promise<void> {
  const field = await shown<HTMLInputElement>(host, "[part~='security-password']");
  await until(() => focused(host) === field, 'the password field did not take focus');
  type(field, password);
  click(host, submit);
}

/** Goes through "Use an authenticator app" to the end; answers the backup codes shown. */
async function setUpApp(host: Element, person: Person): Promise<string[]> {
  click(host, 'setup-app');
  await confirmPassword(host, person.password, 'setup-continue');
  const key = await shown(host, "[part~='totp-secret']");
  type(await shown<HTMLInputElement>(host, '#setup-code'), await totp(appFromKey(textOf(key))));
  click(host, 'setup-confirm');
  await shown(host, "[part~='backup-code-list']");
  const codes = all(host, "[part~='backup-code-list'] code").map(textOf);
  click(host, 'codes-stored');
  return codes;
}

/** A customer signed in on this page, with an app when asked. */
async function customer(name: string, withApp = false) {
  const person = await newCustomer(name);
  await signInAs(person);
  const app = withApp ? await enrollApp(person) : null;
  return { person, uri: app?.uri };
}

describe('the security section of the profile', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(signOut);

  it('turns on an authenticator app: QR code, key, a code to confirm, backup codes once', async () => {
    const { person } = await customer('Alise App');
    const profile = await renderProfile();
    expect(status(profile)).to.equal('Off.');
    const headings = all(profile, 'h3').map(textOf);
    expect(headings.slice(2, 5)).to.deep.equal([
      'Password',
      'Security codes',
      'Recent security activity',
    ]);

    click(profile, 'setup-app');
    await confirmPassword(profile, 'not my password', 'setup-continue');
    await until(() => part(profile, 'field-error'), 'a wrong password was taken');
    expect(textOf(part(profile, 'field-error'))).to.equal(
      'That is not your password. Check it and try again.',
    );
    await confirmPassword(profile, person.password, 'setup-continue');

    const qr = await shown<SVGSVGElement>(profile, "[part~='qr-code']");
    expect(qr.getAttribute('role')).to.equal('img');
    expect(qr.getAttribute('aria-label')).to.equal('QR code for your authenticator app');
    expect(qr.querySelectorAll('rect').length).to.be.greaterThan(20);
    expect(focused(profile)?.id).to.equal('setup-scan-title');
    const code = await shown<HTMLInputElement>(profile, '#setup-code');
    expect(code.inputMode).to.equal('numeric');
    expect(code.autocomplete).to.equal('one-time-code');
    await expect(profile).to.be.accessible();

    type(code, '000000');
    click(profile, 'setup-confirm');
    await until(() => part(profile, 'error'), 'a wrong code was taken');
    expect(textOf(part(profile, 'error'))).to.equal(
      'That code is not right. Check it and try again.',
    );
    const key = textOf(part(profile, 'totp-secret'));
    type(code, await totp(appFromKey(key)));
    click(profile, 'setup-confirm');

    await shown(profile, "[part~='backup-code-list']");
    const codes = all(profile, "[part~='backup-code-list'] code").map(textOf);
    expect(codes).to.have.length(10);
    expect(textOf(part(profile, 'store-safely'))).to.contain('Store these safely');
    expect(part(profile, 'copy-codes')).to.not.equal(null);
    expect(part(profile, 'download-codes')).to.not.equal(null);
    expect(focused(profile)?.id).to.equal('backup-codes-title');
    click(profile, 'codes-stored');

    await until(() => status(profile).startsWith('On'), 'the section did not say codes are on');
    expect(status(profile)).to.equal('On: an authenticator app, or codes by email.');
    expect(textOf(part(profile, 'backup-codes-left'))).to.equal('10 backup codes left.');
    expect(part(profile, 'backup-code-list'), 'the codes are shown once').to.equal(null);
    const state = api.session.state;
    expect(state.status === 'signed-in' && state.me.secondFactor.enabled).to.equal(true);

    // A code shown on screen signs in.
    await signOut();
    await auth('/sign-in/email', person);
    await auth('/two-factor/verify-backup-code', { code: codes[3] });
  });

  it('turns on codes by email after the password', async () => {
    const { person } = await customer('Emils Email');
    const profile = await renderProfile();
    click(profile, 'setup-email');
    await confirmPassword(profile, person.password, 'setup-continue');
    const done = await shown(profile, "[part~='setup'] [part~='notice']");
    expect(textOf(done)).to.equal(
      'Security codes are on. Each time you sign in, we will email you a code.',
    );
    click(profile, 'setup-done');
    await until(() => status(profile) === 'On: codes by email.', 'codes by email are not on');
    expect(part(profile, 'add-app')).to.not.equal(null);
  });

  it('makes new backup codes after the password and shows them once', async () => {
    const { person } = await customer('Normunds New', true);
    const profile = await renderProfile();
    click(profile, 'new-backup-codes');
    await confirmPassword(profile, person.password, 'confirm-codes');
    await shown(profile, "[part~='backup-code-list']");
    expect(all(profile, "[part~='backup-code-list'] code")).to.have.length(10);
    expect(announced(profile)).to.equal('New backup codes are ready. The old ones no longer work.');
    click(profile, 'codes-stored');
    await until(() => part(profile, 'new-backup-codes'), 'the section did not come back');
    expect(focused(profile)?.id).to.equal('security-title');
  });

  it('turns codes off after the password', async () => {
    const { person } = await customer('Otto Off', true);
    const profile = await renderProfile();
    click(profile, 'turn-off');
    await confirmPassword(profile, person.password, 'confirm-off');
    await until(() => status(profile) === 'Off.', 'codes are still on');
    expect(announced(profile)).to.equal('Security codes are off.');
    const state = api.session.state;
    expect(state.status === 'signed-in' && state.me.secondFactor.enabled).to.equal(false);
    expect(part(profile, 'setup-app')).to.not.equal(null);
  });

  it('lets an owner require codes of everyone, once the owner has them', async () => {
    const { person } = await customer('Ojars Owner');
    const profile = await renderProfile();
    const rule = await shown<HTMLInputElement>(profile, "[part~='require-codes']");
    expect(rule.getAttribute('role')).to.equal('switch');
    expect(textOf(rule.labels?.[0])).to.equal(
      'Require security codes for everyone in this account',
    );
    rule.click();
    await until(() => part(profile, 'account-rule')?.querySelector('[part~="error"]'), 'no error');
    expect(rule.checked, 'the switch shows what the server kept').to.equal(false);

    await setUpApp(profile, person);
    await until(() => status(profile).startsWith('On'), 'the app was not turned on');
    rule.click();
    await until(() => rule.checked, 'the rule was not turned on');
    expect(announced(profile)).to.equal('Everyone in this account must now use security codes.');
    expect(textOf(part(profile, 'security-required'))).to.equal(
      'Your company account asks everyone to use security codes.',
    );
    expect((await api.trpc.profile.security.query()).accountRule?.required).to.equal(true);
  });

  it('refuses to turn codes off while the account requires them, in the server’s words', async () => {
    const { person } = await customer('Rudolfs Rule', true);
    await api.trpc.account.setSecondFactorRule.mutate({ required: true });
    const profile = await renderProfile();
    click(profile, 'turn-off');
    await confirmPassword(profile, person.password, 'confirm-off');
    const error = () => part(profile, 'turn-off-form')?.querySelector('[part~="error"]');
    await until(error, 'codes were turned off against the account’s rule');
    expect(error()?.getAttribute('role')).to.equal('alert');
    expect(textOf(error())).to.not.equal(
      'That did not work. Check what you entered and try again.',
    );
    expect(status(profile)).to.not.equal('Off.');
  });

  it('lists recent security activity with device and time, a page at a time', async () => {
    const { person } = await customer('Silvija Sign-ins');
    // Eleven sign-ins more than fill the first page.
    for (let i = 0; i < 11; i++) await auth('/sign-in/email', person);
    await api.session.refresh();
    const profile = await renderProfile();
    const events = () => all(profile, "[part~='security-event']");
    await until(() => events().length === 10, 'the first page did not show');
    const first = events()[0]!;
    expect(textOf(first.querySelector("[part~='event-kind']"))).to.equal('Signed in');
    expect(textOf(first.querySelector("[part~='event-device']"))).to.equal('Chrome on Linux');
    const time = first.querySelector('time')!;
    expect(textOf(time)).to.equal(formatDateTime(time.dateTime));

    click(profile, 'more');
    await until(() => events().length > 10, 'no more events');
    expect(focused(profile)).to.equal(events()[10]);
    await until(() => !part(profile, 'more'), '"Show more" stayed after the last page');
  });

  it('mirrors the backup codes’ warning in a right-to-left page', async () => {
    const { person } = await customer('Rihards Rtl');
    const container = await fixture(html`
      <div dir="rtl">
        <portico-portal api=${backendUrl}
          ><portico-account-profile></portico-account-profile
        ></portico-portal>
      </div>
    `);
    const profile = container.querySelector('portico-account-profile')!;
    await sessionKnown(profile);
    await shown(profile, "[part~='setup-app']");
    click(profile, 'setup-app');
    await confirmPassword(profile, person.password, 'setup-continue');
    const key = textOf(await shown(profile, "[part~='totp-secret']"));
    type(await shown<HTMLInputElement>(profile, '#setup-code'), await totp(appFromKey(key)));
    click(profile, 'setup-confirm');
    const warning = await shown(profile, "[part~='store-safely']");
    const style = getComputedStyle(warning);
    expect(style.borderRightWidth, 'the bar marks where the reading starts').to.equal('4px');
    expect(style.borderLeftWidth).to.equal('0px');
    expect(
      getComputedStyle(part(profile, 'backup-code-list')!.querySelector('code')!).direction,
    ).to.equal('ltr');
  });

  it('fits a 320 px wide screen while setting up an app', async () => {
    const { person } = await customer('Vita Narrow');
    const original = { width: window.innerWidth, height: window.innerHeight };
    await setViewport({ width: 320, height: 640 });
    try {
      const profile = await renderProfile();
      click(profile, 'setup-app');
      await confirmPassword(profile, person.password, 'setup-continue');
      await shown(profile, "[part~='qr-code']");
      const edge = profile.getBoundingClientRect().right;
      for (const child of all(profile, "[part~='setup'] *")) {
        expect(child.getBoundingClientRect().right, textOf(child)).to.be.at.most(edge + 0.5);
      }
      expect(document.documentElement.scrollWidth).to.be.at.most(320);
    } finally {
      await setViewport(original);
    }
  });
});

describe('<portico-account-summary> when the account requires security codes', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(signOut);

  it('shows only the setup until codes are on, then the account', async () => {
    const owner = await customer('Olivers Owner', true);
    await api.trpc.account.setSecondFactorRule.mutate({ required: true });
    const email = freshEmail('member');
    await api.trpc.account.invite.mutate({ email, role: 'buyer', returnTo: location.href });
    const mail = await mailTo(email, /invites you to/);
    const invitationId = mail.links
      .map((href) => new URL(href).searchParams.get('portico-invitation'))
      .find(Boolean)!;
    await signOut();
    const member = await newCustomer('Marta Member', email);
    await signInAs(member);
    await api.trpc.account.answerInvitation.mutate({ invitationId, accept: true });
    await api.session.refresh();
    expect(owner.person.email).to.not.equal(member.email);

    const refused = await api.trpc.account.summary.query().catch((error: unknown) => error);
    expect(refused).to.be.instanceOf(TRPCClientError);
    expect(errorMessage(refused)).to.equal(REQUIRED);

    const portal = await fixture(html`
      <portico-portal api=${backendUrl}
        ><portico-account-summary></portico-account-summary
      ></portico-portal>
    `);
    const summary = portal.querySelector<PorticoAccountSummary>('portico-account-summary')!;
    await sessionKnown(summary);
    expect(part(summary, 'nav')).to.equal(null);
    expect(textOf(part(summary, 'heading'))).to.equal('Set up security codes');
    expect(textOf(part(summary, 'second-factor-required'))).to.equal(REQUIRED);
    const profile = summary.shadowRoot!.querySelector('portico-account-profile')!;
    await until(() => part(profile, 'setup-app'), 'the setup did not show');
    expect(all(profile, 'h3').map(textOf)).to.deep.equal([
      'Security codes',
      'Recent security activity',
    ]);
    await expect(summary).to.be.accessible();

    await setUpApp(profile, member);
    await until(() => part(summary, 'nav'), 'the account did not open once codes were on');
    expect(part(summary, 'second-factor-required')).to.equal(null);
  });
});
