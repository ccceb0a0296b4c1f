import { directionOf, getLocale, setLocale, supportedLocale, type Locale } from './locale.ts';

/**
 * Which language the page's elements speak, and keeping it so while the page changes.
 *
 * One language serves the whole page (lit-localize switches all elements at once). It is, in
 * order: the `lang` nearest the first Portico element (its own, a `<portico-portal lang>` around
 * it, or the document's), when it is one of the six; else the signed-in customer's saved
 * language; else the browser's first shipped language; else English.
 */
export class PageLocale {
  readonly #tags: readonly string[];
  #preferred: Locale | null = null;
  #observer: MutationObserver | undefined;

  constructor(tags: readonly string[]) {
    this.#tags = tags;
  }

  /** Follows `lang` changes anywhere on the page (a vendor's language switcher, for one). */
  start(): void {
    this.#observer ??= new MutationObserver(() => this.update());
    this.#observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['lang'],
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
    const carrier = this.#langCarrier();
    const locale =
      supportedLocale(carrier?.getAttribute('lang')) ?? this.#preferred ?? browserLocale() ?? 'en';
    // A vendor who sets `lang="fa"` on Portico's own tags gets the direction along with it.
    if (carrier && this.#isPortico(carrier) && !carrier.hasAttribute('dir')) {
      carrier.setAttribute('dir', directionOf(locale));
    }
    if (locale !== getLocale()) {
      setLocale(locale).catch((error: unknown) => {
        console.error(`Portico could not load its ${locale} translation`, error);
      });
    }
  }

  #langCarrier(): Element | null {
    const first = document.querySelector(this.#tags.join(','));
    return (first ?? document.documentElement).closest('[lang]');
  }

  #isPortico(element: Element): boolean {
    return this.#tags.includes(element.localName);
  }
}

function browserLocale(): Locale | null {
  for (const tag of navigator.languages ?? []) {
    const locale = supportedLocale(tag);
    if (locale) return locale;
  }
  return null;
}
