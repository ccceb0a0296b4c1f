import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../elements/portico-staff-console/portico-staff-console.ts';
import '../../elements/portico-staff-reports/portico-staff-reports.ts';
import type { PorticoStaffConsole } from '../../elements/portico-staff-console/portico-staff-console.ts';
import type { PorticoStaffReports } from '../../elements/portico-staff-reports/portico-staff-reports.ts';
import type { StaffCall } from './support/portico-backend.plugin.ts';
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
  appFromKey,
  auth,
  freshEmail,
  shown,
  signInAs,
  totp,
  type,
  type Person,
} from './security.support.ts';

/**
 * A new agent, added by the administrator, who chose a password through the mailed link and so
 * has no security codes yet.
 */
async function newAgent(name: string): Promise<Person> {
  const person = { name, email: freshEmail('agent'), password: 'correct horse battery' };
  await executeServerCommand<unknown, StaffCall>('portico-admin', {
    path: 'staff.settings.people.add',
    input: { name, email: person.email, role: 'agent' },
  });
  const mail = await mailTo(person.email, /choose your password/);
  const link = mail.links.find((href) => href.includes('/reset-password/'));
  const token = link && new URL(link).pathname.split('/').pop();
  if (!token) throw new Error('the mail had no link to choose a password');
  await auth('/reset-password', { token, newPassword: person.password });
  return person;
}

describe('<portico-staff-console> for staff without security codes', () => {
  before(async () => {
    attachContextRoot();
    await definePortal();
  });

  afterEach(signOut);

  it('shows only the setup, and the views once an authenticator app is on', async () => {
    const agent = await newAgent('Gints Gate');
    await signInAs(agent);
    const container = await fixture(html`
      <portico-portal api=${backendUrl}>
        <portico-staff-console></portico-staff-console>
        <portico-staff-reports></portico-staff-reports>
      </portico-portal>
    `);
    const element = container.querySelector<PorticoStaffConsole>('portico-staff-console')!;
    const reports = container.querySelector<PorticoStaffReports>('portico-staff-reports')!;
    await sessionKnown(element);

    const gate = await shown(element, "[part~='second-factor-gate']");
    expect(textOf(gate.querySelector('h2'))).to.equal('Set up security codes to use the console');
    expect(part(element, 'nav')).to.equal(null);
    expect(part(element, 'chats'), 'not even the chat view').to.equal(null);
    expect(textOf(part(reports, 'signed-out'))).to.equal(
      'Set up security codes to use the console.',
    );
    await expect(element).to.be.accessible();

    part(element, 'setup-app')!.click();
    const password = await shown<HTMLInputElement>(element, '#setup-password');
    type(password, agent.password);
    part(element, 'setup-continue')!.click();
    const key = textOf(await shown(element, "[part~='totp-secret']"));
    expect(element.shadowRoot!.querySelector("[part~='qr-code'] rect")).to.not.equal(null);
    type(await shown<HTMLInputElement>(element, '#setup-code'), await totp(appFromKey(key)));
    part(element, 'setup-confirm')!.click();
    await shown(element, "[part~='backup-code-list']");
    expect(all(element, "[part~='backup-code-list'] code")).to.have.length(10);
    part(element, 'codes-stored')!.click();

    await until(() => part(element, 'nav'), 'the views did not appear');
    expect(part(element, 'second-factor-gate')).to.equal(null);
    await until(() => !part(reports, 'signed-out'), 'the reports still wait for codes');
  });

  it('offers codes by email as well', async () => {
    const agent = await newAgent('Ella Email');
    await signInAs(agent);
    const container = await fixture(html`
      <portico-portal api=${backendUrl}
        ><portico-staff-console></portico-staff-console
      ></portico-portal>
    `);
    const element = container.querySelector<PorticoStaffConsole>('portico-staff-console')!;
    await sessionKnown(element);
    (await shown(element, "[part~='setup-email']")).click();
    type(await shown<HTMLInputElement>(element, '#setup-password'), agent.password);
    part(element, 'setup-continue')!.click();
    (await shown(element, "button[part~='setup-done']")).click();
    await until(() => part(element, 'nav'), 'the views did not appear');
  });
});
