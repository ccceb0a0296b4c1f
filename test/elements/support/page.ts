import { ContextRoot } from '@lit/context';
import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { BackendInfo, MailQuery, PriceChange } from './portico-backend.plugin.ts';
import { anna } from './people.ts';
import { porticoApiFor } from '../../../elements/api/client.ts';

/**
 * Browser-side helpers shared by the element tests. They talk to the real backend the WTR plugin
 * started, with the page's own cookies, exactly as the elements do.
 */

export const { url: backendUrl, products } = await executeServerCommand<BackendInfo, undefined>(
  'portico-backend',
);

/**
 * Chai keeps the values an assertion compared on its error, and the runner must send the error to
 * Node, which cannot clone a DOM node: a failing `expect(element)…` would leave the whole file
 * "not finished" instead of failing one test. Every test file imports this module, so the hook
 * runs after each test of every file and keeps only the nodes' markup.
 */
afterEach(function (this: MochaHookContext) {
  const error = this.currentTest?.err as { actual?: unknown; expected?: unknown } | undefined;
  if (!error) return;
  for (const key of ['actual', 'expected'] as const) {
    const value = error[key];
    if (value instanceof Node)
      error[key] = value instanceof Element ? value.outerHTML : value.textContent;
  }
});

let contextRoot: ContextRoot | undefined;

/** What the loader does first: catch context requests made before any provider exists. */
export function attachContextRoot(): void {
  if (contextRoot) return;
  contextRoot = new ContextRoot();
  contextRoot.attach(document.body);
}

/** Defines `<portico-portal>` as the loader does; the module itself only exports the class. */
export async function definePortal(): Promise<void> {
  const { PorticoPortal } = await import('../../../elements/portico-portal/portico-portal.ts');
  if (!customElements.get('portico-portal')) customElements.define('portico-portal', PorticoPortal);
}

async function postAuth(path: string, body: object): Promise<Response> {
  return fetch(`${backendUrl}/api/auth${path}`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** The person the backend sees for this page's cookies, or null. */
export async function whoIsSignedIn(): Promise<{ user: { email: string } } | null> {
  const response = await fetch(`${backendUrl}/api/trpc/session.me`, { credentials: 'include' });
  const envelope = (await response.json()) as { result: { data: { user: { email: string } } } };
  return envelope.result.data;
}

/**
 * Signs this page's cookies in as `person` without telling the elements: the password, then,
 * for staff, the current code of their authenticator app, as they would type it.
 */
export async function signInCookies(person: { email: string; password: string }): Promise<void> {
  const response = await postAuth('/sign-in/email', {
    email: person.email,
    password: person.password,
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const answer = (await response.json()) as { twoFactorRedirect?: boolean };
  if (!answer.twoFactorRedirect) return;
  const { code } = await executeServerCommand<{ code: string }, { email: string }>('portico-totp', {
    email: person.email,
  });
  const verified = await postAuth('/two-factor/verify-totp', { code });
  if (!verified.ok) throw new Error(`second step failed: ${verified.status}`);
}

/** Signs this page in behind the elements' backs, as another tab of the same site would. */
export async function signIn(person: { email: string; password: string } = anna): Promise<void> {
  await signInCookies(person);
  // Elements on this page share one client per backend; tell it, as a real sign-in would.
  await porticoApiFor(backendUrl).session.refresh();
}

/** Ends any session this page has, and checks the backend agrees, so tests start signed out. */
export async function signOut(): Promise<void> {
  await postAuth('/sign-out', {});
  const me = await whoIsSignedIn();
  if (me) throw new Error(`still signed in as ${me.user.email} after signing out`);
  await porticoApiFor(backendUrl).session.refresh();
}

/** Waits for a mail the backend sent; `subject` is matched case-insensitively. */
export function mailTo(
  to: string,
  subject: RegExp,
): Promise<{ subject: string; links: string[]; text: string }> {
  return executeServerCommand('portico-mail', { to, subject: subject.source } satisfies MailQuery);
}

/** The first element in `host`'s shadow root with the given part. */
export function part<T extends Element = HTMLElement>(host: Element, name: string): T | null {
  return host.shadowRoot?.querySelector<T>(`[part~='${name}']`) ?? null;
}

/** The shadow-root button whose visible text is `text`. */
export function button(host: Element, text: string): HTMLButtonElement {
  const found = [...(host.shadowRoot?.querySelectorAll('button') ?? [])].find(
    (candidate) => candidate.textContent?.trim() === text,
  );
  if (!found) throw new Error(`no button "${text}" in <${host.localName}>`);
  return found;
}

/**
 * Waits for a condition the backend has to answer first. waitUntil's default of one second is
 * too short for a password hash on a busy two-core machine.
 */
export function until(predicate: () => unknown, message: string): Promise<void> {
  return waitUntil(predicate, message, { timeout: 5_000, interval: 20 });
}

/** Waits until an element that consumes the session knows whether someone is signed in. */
export async function sessionKnown(element: {
  session: { status: string };
  updateComplete: Promise<boolean>;
}): Promise<void> {
  await until(() => element.session.status !== 'unknown', 'the session never arrived');
  await element.updateComplete;
}

/** The text of an element with whitespace collapsed, as a reader would see it. */
/** Every element in the host's shadow root that matches `selector`. */
export function all<T extends Element = HTMLElement>(host: Element, selector: string): T[] {
  return [...(host.shadowRoot?.querySelectorAll<T>(selector) ?? [])];
}

/**
 * Signs a new person up through the real sign-in service and confirms the email with the link
 * the backend mailed, as a person would. The page is not signed in as them: call `signIn`.
 */
export async function signUpConfirmed(person: {
  name: string;
  email: string;
  password: string;
}): Promise<void> {
  const response = await postAuth('/sign-up/email', { ...person, callbackURL: location.href });
  if (!response.ok) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const mail = await mailTo(person.email, /confirm your email/);
  const link = mail.links.find((href) => new URL(href).origin === backendUrl);
  if (!link) throw new Error('the confirmation mail had no link to the backend');
  await fetch(link, { credentials: 'omit', redirect: 'manual' });
}

export function textOf(element: Element | null | undefined): string {
  return (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Sets a test-catalog product's price on the server, as the vendor would; returns the old one. */
export function setPrice(sku: string, unitPrice: number): Promise<number> {
  return executeServerCommand('portico-set-price', { sku, unitPrice } satisfies PriceChange);
}
