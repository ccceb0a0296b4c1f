import { html, nothing, type TemplateResult } from 'lit';
import { directionOf, getLocale, type Locale } from './locale.ts';

/** FIRST STRONG ISOLATE: what follows takes the direction of its own first letter. */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE: ends what `FSI` began. */
export const PDI = '\u2069';

/**
 * A piece of text placed inside a translated sentence (an invoice or order number, a tracking
 * number, an amount, a ticket's subject), kept whole when the sentence reads right to left.
 *
 * In Persian the European digits of `2026-00002` count as Arabic numbers, so the hyphen no
 * longer holds them together and the reader sees `00002-2026`; a Latin subject ending in `?`
 * shows the mark on the wrong side. Unicode's isolates (FSI … PDI) lay the piece out on its
 * own, in the direction of its first letter (left to right for a code of digits), as
 * `ownDirection` does in markup. Use this where there is no markup: `msg(str…)` placeholders,
 * `aria-label`, `title`, `<option>`. Left-to-right languages get `text` back unchanged, so their
 * strings stay exactly as written and copy without invisible characters.
 */
export function isolate(text: string, locale: Locale = getLocale()): string {
  if (!text || directionOf(locale) === 'ltr') return text;
  return `${FSI}${text}${PDI}`;
}

/**
 * Pieces of a list in one line of plain text (an address: name, street, postcode and city,
 * country), each isolated, so in a right-to-left line each stays whole and the separators fall
 * between them in the line's own order.
 */
export function joinIsolated(pieces: readonly string[], separator = ', '): string {
  return pieces.map((piece) => isolate(piece)).join(separator);
}

/**
 * The same in markup: a piece someone wrote (a name, a subject, a product, an address line) or
 * a code (an order or tracking number) laid out in its own direction, inline, so the block
 * around it keeps the page's alignment. A `<span dir="auto">`, which isolates as `<bdi>` does
 * and says so with an attribute. The text is `text` exactly, in every language.
 */
export function ownDirection(text: string): TemplateResult {
  return html`<span dir="auto">${text}</span>`;
}

/** Pieces in one line of markup, each in its own direction; the text is `pieces.join(separator)`. */
export function ownDirectionList(pieces: readonly string[], separator = ', '): TemplateResult[] {
  return pieces.map((piece, index) => html`${index ? separator : nothing}${ownDirection(piece)}`);
}
