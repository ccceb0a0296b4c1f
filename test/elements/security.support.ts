import { executeServerCommand } from '@web/test-runner-commands';
import { porticoApiFor } from '../../elements/api/client.ts';
import type { MailQuery } from './support/portico-backend.plugin.ts';
import { backendUrl, signUpConfirmed, until } from './support/page.ts';

/**
 * What the security-code tests share in the browser: fresh people (so codes, trusted devices and
 * rules never leak into other tests), sign-ins that pass the second step, and the codes an
 * authenticator app or a mail would give.
 */

export interface Person {
  name: string;
  email: string;
  password: string;
}

export const api = porticoApiFor(backendUrl);

export function freshEmail(prefix: string): string {
  return `${prefix}.${crypto.randomUUID().slice(0, 8)}@test.example`;
}

/** A new customer with a confirmed email, not signed in on this page. */
export async function newCustomer(name: string, email = freshEmail('codes')): Promise<Person> {
  const person = { name, email, password: 'correct horse battery' };
  await signUpConfirmed(person);
  return person;
}

/** A call to the sign-in service with this page's cookies; throws unless it succeeded. */
export async function auth<T = unknown>(path: string, body: object): Promise<T> {
  const response = await fetch(`${backendUrl}/api/auth${path}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The code an authenticator app set up with `uri` shows now. */
export async function totp(uri: string): Promise<string> {
  const { code } = await executeServerCommand<{ code: string }, { uri: string }>('portico-totp', {
    uri,
  });
  return code;
}

/** Signs this page in as `person`, typing the app's code when the sign-in asks for one. */
export async function signInAs(person: Person, app?: string): Promise<void> {
  const answer = await auth<{ twoFactorRedirect?: boolean }>('/sign-in/email', {
    email: person.email,
    password: person.password,
  });
  if (answer.twoFactorRedirect) {
    if (!app) throw new Error(`${person.email} has security codes but no app was given`);
    await auth('/two-factor/verify-totp', { code: await totp(app) });
  }
  await api.session.refresh();
}

/** Turns on an authenticator app for the person signed in on this page, as the profile does. */
export async function enrollApp(person: Person): Promise<{ uri: string; backupCodes: string[] }> {
  const { totpURI, backupCodes } = await auth<{ totpURI: string; backupCodes: string[] }>(
    '/two-factor/enable',
    { password: person.password, method: 'totp' },
  );
  await auth('/two-factor/verify-totp', { code: await totp(totpURI) });
  await api.session.refresh();
  return { uri: totpURI, backupCodes };
}

/** The 6-digit code in the mail to `to` whose subject matches. */
export async function mailedCode(to: string, subject: RegExp): Promise<string> {
  const mail = await executeServerCommand<{ text?: string }, MailQuery>('portico-mail', {
    to,
    subject: subject.source,
  });
  const code = /\b(\d{6})\b/.exec(mail.text ?? '')?.[1];
  if (!code) throw new Error(`no code in the mail to ${to}: ${JSON.stringify(mail)}`);
  return code;
}

/** An authenticator app's URI for a key typed by hand from the screen, as a person would. */
export function appFromKey(key: string): string {
  return `otpauth://totp/Portico:test?secret=${key.replace(/\s/g, '')}&period=30&digits=6`;
}

/** Sets a field's value as typing would, so the form and the element hear of it. */
export function type(field: HTMLInputElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** The element inside `host`'s shadow root that matches, once it is there. */
export async function shown<T extends Element = HTMLElement>(
  host: Element,
  selector: string,
): Promise<T> {
  await until(() => host.shadowRoot?.querySelector(selector), `${selector} never showed`);
  return host.shadowRoot!.querySelector<T>(selector)!;
}
