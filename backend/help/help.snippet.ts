import { fold } from '../db/fold.ts';
import { WORD } from './help.text.ts';
import type { SearchTerm } from './help.index.ts';

/** A piece of a title or snippet; `match` pieces are the words the query found. */
export interface Segment {
  text: string;
  match: boolean;
}

interface Word {
  start: number;
  end: number;
  match: boolean;
}

/**
 * Folded words, remembered: a page of results folds a few thousand words, mostly the same few
 * hundred, and folding (Unicode normalisation) is what a snippet costs.
 */
const foldedCache = new Map<string, string>();

function foldWord(word: string): string {
  let folded = foldedCache.get(word);
  if (folded === undefined) {
    if (foldedCache.size >= 50_000) foldedCache.clear();
    folded = fold(word);
    foldedCache.set(word, folded);
  }
  return folded;
}

function wordsOf(text: string, terms: SearchTerm[]): Word[] {
  return Array.from(text.matchAll(WORD), (found) => {
    const folded = foldWord(found[0]);
    const match = terms.some(
      ({ word, prefix }) => folded === word || (prefix && folded.startsWith(word)),
    );
    return { start: found.index, end: found.index + found[0].length, match };
  });
}

function segmentsOf(text: string, words: Word[], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  let at = from;
  for (const word of words) {
    if (!word.match || word.start < from || word.end > to) continue;
    if (word.start > at) segments.push({ text: text.slice(at, word.start), match: false });
    segments.push({ text: text.slice(word.start, word.end), match: true });
    at = word.end;
  }
  if (at < to) segments.push({ text: text.slice(at, to), match: false });
  return segments;
}

/** The whole text, with the query's words marked. */
export function highlight(text: string, terms: SearchTerm[]): Segment[] {
  return segmentsOf(text, wordsOf(text, terms), 0, text.length);
}

/**
 * About `length` words of the text around the place where most of the query's words are
 * found close together, with those words marked and an ellipsis where the text was cut.
 */
export function snippet(text: string, terms: SearchTerm[], length = 28): Segment[] {
  const words = wordsOf(text, terms);
  if (words.length === 0) return [];
  let best = 0;
  let bestCount = -1;
  for (let i = 0; i < words.length; i++) {
    if (!words[i]!.match) continue;
    let count = 0;
    for (let j = i; j < Math.min(words.length, i + length); j++) if (words[j]!.match) count++;
    if (count > bestCount) [best, bestCount] = [i, count];
  }
  const first = Math.max(0, Math.min(best - 6, words.length - length));
  const last = Math.min(words.length, first + length) - 1;
  // Cut at spaces, never inside a word such as "you'll", whose parts are words of their own.
  const from = first === 0 ? 0 : text.lastIndexOf(' ', words[first]!.start) + 1;
  const end = last === words.length - 1 ? -1 : text.indexOf(' ', words[last]!.end);
  const to = end === -1 ? text.length : end;
  const segments = segmentsOf(text, words, from, to);
  if (from > 0) segments.unshift({ text: '… ', match: false });
  if (to < text.length) segments.push({ text: ' …', match: false });
  return segments;
}
