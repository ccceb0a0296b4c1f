import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { directionOf, setLocale, type Locale } from '../../../elements/shared/locale.ts';
import { backToAnna, signInAsNewCustomer } from './ledger.ts';
import { attachContextRoot, definePortal, sessionKnown, signIn, signOut, until } from './page.ts';
import { deepQuery } from './contract.tree.ts';

/**
 * The page work the contract files share: setting the page up, customers to show, the element
 * rendered inside a portal, and waiting for what a state shows anywhere inside it.
 */

/** A customer a file made for its states; `signIn(person)` shows the page as them. */
export type Person = Awaited<ReturnType<typeof signInAsNewCustomer>>;

/** An element that reads the session, as `sessionKnown` waits for. */
type SessionAware = Parameters<typeof sessionKnown>[0];

/** The tags of the elements that read the session. */
type SessionTag = {
  [K in keyof HTMLElementTagNameMap]: HTMLElementTagNameMap[K] extends SessionAware ? K : never;
}[keyof HTMLElementTagNameMap];

/**
 * Puts the page in `locale`: `<html lang dir>` as a vendor's page has it (and the loader sets
 * it), and the interface's translations (strings a translation lacks stay English).
 */
export async function useLocale(locale: Locale): Promise<void> {
  const page = document.documentElement;
  page.lang = locale;
  page.dir = directionOf(locale);
  await setLocale(locale);
}

/**
 * Sets up a contract file's page: the context root and `<portico-portal>` defined, then
 * `seed` once. After each state, `reset` clears what it left (the address's hash, storage)
 * and the page signs out, so the next state starts as a visitor.
 */
export function contractPage(
  options: { seed?: () => Promise<void>; reset?: () => void } = {},
): void {
  before(async () => {
    attachContextRoot();
    await definePortal();
    await options.seed?.();
  });
  afterEach(async () => {
    options.reset?.();
    await signOut();
  });
}

/** Puts `hash` in the page's address, as a link to one of an element's views would. */
export function openAt(hash: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
}

/** Takes the address's hash away again, so the next state opens the element's first view. */
export function clearHash(): void {
  openAt('');
}

/**
 * Two customers made once for a file's states: one nothing has happened to, and one that
 * `fill` (run signed in as them) gives something to show. The page is signed out after.
 */
export async function seedCustomers(
  fill: () => Promise<unknown>,
): Promise<{ empty: Person; filled: Person }> {
  const empty = await signInAsNewCustomer();
  const filled = await signInAsNewCustomer();
  await fill();
  backToAnna();
  await signOut();
  return { empty, filled };
}

/** The `tag` element `template` renders, once it knows whether anyone is signed in. */
export async function rendered<K extends SessionTag>(
  template: TemplateResult,
  tag: K,
): Promise<HTMLElementTagNameMap[K]> {
  const root = await fixture(template);
  const element = root.querySelector(tag);
  if (!element) throw new Error(`the fixture did not render <${tag}>`);
  await sessionKnown(element);
  return element;
}

/** Waits for something anywhere inside `host`, nested elements and views included. */
export async function shown(host: Element, selector: string): Promise<HTMLElement> {
  await until(() => deepQuery(host, selector), `nothing matches ${selector}`);
  return deepQuery<HTMLElement>(host, selector)!;
}

/** `person`'s view of the element `render` makes, once `selector` is on screen. */
export async function viewAs<T extends Element>(
  person: Person,
  render: () => Promise<T>,
  selector: string,
): Promise<T> {
  await signIn(person);
  const host = await render();
  await shown(host, selector);
  return host;
}
