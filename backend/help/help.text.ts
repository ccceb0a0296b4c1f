import { fold } from '../db/fold.ts';

/**
 * A word as people write it: letters and digits, with the marks, joiners and soft hyphens that
 * may sit inside one. Words are folded (`db/fold.ts`) for the index and for queries alike, so
 * `Rechnung` finds `rechnung` and `parskats` finds `pārskats`.
 */
export const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}\u0640\u200c\u200d\u00ad]*/gu;

/** The folded words of a text, in order. */
export function foldedWords(text: string): string[] {
  return Array.from(text.matchAll(WORD), (match) => fold(match[0])).filter(Boolean);
}

/**
 * The most frequent words of each language, which say nothing about what an article is about.
 * Queries drop them unless nothing else is left, so "how do I change my address" searches for
 * "change address" and a one-word stop query stays cheap.
 */
const STOP = new Set(
  foldedWords(
    [
      // English
      'a an and are as at be by can do does for from has have how i if in is it my me of on or our so that the this to was we what when where which who why will with you your',
      // German
      'der die das den dem des ein eine einen einem einer und oder ist sind wie was wo wer wann ich mich mein meine sie ihr ihre es zu im in am an auf für mit von bei nicht kann können habe hat',
      // Latvian
      'un ir ar par uz no kā ko kas kad kur es jūs mans mana mani savu vai ja lai bet tas tā to šo pie',
      // Croatian
      'i je su se na u za od do s sa da li kako što gdje kada ja vi moj moja moje mi ne to ili ali',
      // Greek
      'και το τα η ο οι του της των την τον με σε για από να θα είναι πώς πως τι που πού μου μας σας εγώ',
      // Persian
      'و در به از که این آن را با است برای یا من ما شما چه چطور چگونه کجا کی هم تا می یک بر',
    ].join(' '),
  ),
);

export function isStopWord(folded: string): boolean {
  return STOP.has(folded);
}
