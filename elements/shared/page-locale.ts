import { directionOf, setLocale, supportedLocale, wantedLocale, type Locale } from './locale.ts';

/**
 * Which language the page's elements speak, and keeping it so while the page changes.
 *
 * One language serves the whole page (lit-localize switches all elements at once). It is the
 * first of: a `lang` the vendor put on the first Portico element or on something around it
 * inside the page (`<portico-portal lang="fa">`, a section); the signed-in customer's saved
 * language; the document's `<html lang>`; the browser's first shipped language; English.
 * The document's `lang` comes after the saved language because nearly every page has one: it
 * says what the vendor's page is written in, not what this customer chose to read.
 *
 * Whenever the elements end up in another language or direction than the page around them,
 * their hosts get `lang` and `dir`, so screen readers pronounce them and layout mirrors.
 */
export class PageLocale {
  readonly #tags: readonly string[];
  readonly #selector: string;
  /**
   * What this class wrote on a host, by attribute. An attribute is ours only while it still
   * holds what we wrote: a vendor who writes over it makes it theirs.
   */
  readonly #marked = new WeakMap<Element, Map<'lang' | 'dir', string>>();
  #preferred: Locale | null = null;
  #observer: MutationObserver | undefined;

  constructor(tags: readonly string[]) {
    this.#tags = tags;
    this.#selector = tags.join(',');
  }

  /** Follows `lang` changes anywhere on the page (a vendor's language switcher, for one). */
  start(): void {
    this.#observer ??= new MutationObserver(() => this.update());
    this.#observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang', 'dir'],
      subtree: true,
    });
    this.update();
  }

  /** Stops following the page (a test page that is torn down). */
  stop(): void {
    this.#observer?.disconnect();
  }

  /** The signed-in customer's saved language (null: none, or signed out). */
  prefer(locale: Locale | null): void {
    if (locale === this.#preferred) return;
    this.#preferred = locale;
    this.update();
  }

  /** Looks again: call it when Portico elements appear on the page. */
  update(): void {
    const hosts = [...document.querySelectorAll(this.#selector)];
    const locale =
      (hosts[0] ? this.#vendorMarked(hosts[0]) : null) ??
      this.#preferred ??
      supportedLocale(document.documentElement.getAttribute('lang')) ??
      browserLocale() ??
      'en';
    // Compared with the language asked for last, not the one shown: a switch back while a
    // translation still loads must not be lost.
    if (locale !== wantedLocale()) {
      setLocale(locale).catch((error: unknown) => {
        console.error(`Portico could not load its ${locale} translation`, error);
      });
    }
    for (const host of hosts) this.#mark(host, locale);
  }

  /** The shipped language the vendor marked on `host` or an ancestor below `<html>`. */
  #vendorMarked(host: Element): Locale | null {
    const carrier = this.#pageLangCarrier(host);
    return carrier && carrier !== document.documentElement
      ? supportedLocale(carrier.getAttribute('lang'))
      : null;
  }

  /** The nearest element with a `lang` the page itself wrote (skipping ours). */
  #pageLangCarrier(host: Element): Element | null {
    const start = this.#owns(host, 'lang') ? host.parentElement : host;
    return start?.closest('[lang]') ?? null;
  }

  #owns(host: Element, name: 'lang' | 'dir'): boolean {
    const written = this.#marked.get(host)?.get(name);
    return written !== undefined && host.getAttribute(name) === written;
  }

  /** Gives `host` the page's language and direction when what is around it says otherwise. */
  #mark(host: Element, locale: Locale): void {
    // A `lang` or `dir` the vendor wrote on one of our tags is theirs to keep.
    const writable = (['lang', 'dir'] as const).filter(
      (name) => this.#owns(host, name) || !host.hasAttribute(name),
    );
    const around = host.parentElement ?? document.documentElement;
    const wanted = { lang: locale, dir: directionOf(locale) };
    const page = {
      lang: supportedLocale(around.closest('[lang]')?.getAttribute('lang')),
      dir: getComputedStyle(around).direction,
    };
    const written = new Map<'lang' | 'dir', string>();
    for (const name of writable) {
      if (page[name] === wanted[name]) host.removeAttribute(name);
      else {
        setIfDifferent(host, name, wanted[name]);
        written.set(name, wanted[name]);
      }
    }
    if (written.size) this.#marked.set(host, written);
    else this.#marked.delete(host);
  }
}

function setIfDifferent(element: Element, name: string, value: string): void {
  if (element.getAttribute(name) !== value) element.setAttribute(name, value);
}

function browserLocale(): Locale | null {
  for (const tag of navigator.languages ?? []) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return null;
}
