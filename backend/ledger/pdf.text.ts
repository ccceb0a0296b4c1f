import { createRequire } from 'node:module';
import bidiFactory from 'bidi-js';

/**
 * Text for PDFs in every script customers write in. PDF has no notion of writing direction:
 * each line is drawn left to right as glyphs. So a line with Persian in it is split into runs
 * of one direction by the Unicode bidirectional algorithm, the runs are put in visual order, and
 * right-to-left runs are shaped and mirrored by the font engine as whole runs.
 */

const require = createRequire(import.meta.url);
const fontFolder = require
  .resolve('dejavu-fonts-ttf/package.json')
  .replace(/package\.json$/, 'ttf/');

/** DejaVu Sans covers Latin, Greek, Cyrillic and Arabic script (Persian letters included). */
export const FONTS = {
  regular: `${fontFolder}DejaVuSans.ttf`,
  bold: `${fontFolder}DejaVuSans-Bold.ttf`,
};

const bidi = bidiFactory();

const STRONG_RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/u;

export interface Run {
  text: string;
  rtl: boolean;
}

/** Whether a line reads right to left (its first strong character is Hebrew or Arabic script). */
export function isRtl(text: string): boolean {
  return bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level === 1;
}

/**
 * The line's runs in the order they are drawn, left to right. A right-to-left run keeps its
 * logical order; whoever draws it must lay it out as one right-to-left run.
 */
export function visualRuns(text: string): Run[] {
  if (!STRONG_RTL.test(text)) return text ? [{ text, rtl: false }] : [];
  const { levels } = bidi.getEmbeddingLevels(text, 'auto');
  const runs: { start: number; end: number; level: number }[] = [];
  for (let index = 0; index < text.length; index++) {
    const level = levels[index]!;
    const last = runs.at(-1);
    if (last && last.level === level) last.end = index + 1;
    else runs.push({ start: index, end: index + 1, level });
  }
  // Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs
  // at that level or above.
  const highest = Math.max(...runs.map((run) => run.level));
  const lowestOdd = Math.min(...runs.map((run) => run.level).filter((level) => level % 2 === 1));
  for (let level = highest; level >= lowestOdd; level--) {
    for (let index = 0; index < runs.length;) {
      if (runs[index]!.level < level) {
        index++;
        continue;
      }
      let end = index;
      while (end < runs.length && runs[end]!.level >= level) end++;
      runs.splice(index, end - index, ...runs.slice(index, end).reverse());
      index = end;
    }
  }
  return runs.map(({ start, end, level }) => {
    const slice = text.slice(start, end);
    if (level % 2 === 0) return { text: unturned(slice), rtl: false };
    // The font engine turns only runs of a right-to-left script around; spaces and punctuation
    // that the algorithm put in a right-to-left run are turned here. Either way, brackets are
    // mirrored, as the algorithm requires.
    if (!STRONG_RTL.test(slice)) return { text: mirror([...slice].reverse().join('')), rtl: false };
    return { text: mirror(slice), rtl: true };
  });
}

const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

/**
 * A left-to-right run can still hold characters of Arabic script: Persian digits and the
 * Arabic decimal and percent signs. The font engine turns each word of such script around, as
 * it would a right-to-left word; those words are turned in advance so they end up in order.
 * pdfkit lays out each word with its trailing space, so words are cut the same way here.
 */
function unturned(run: string): string {
  if (!ARABIC_SCRIPT.test(run)) return run;
  return (run.match(/[^ \t]*[ \t]?/g) ?? [])
    .map((word) => (ARABIC_SCRIPT.test(word) ? [...word].reverse().join('') : word))
    .join('');
}

const MIRRORED: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '<': '>',
  '>': '<',
};

function mirror(text: string): string {
  return text.replace(/[()[\]<>]/g, (char) => MIRRORED[char]!);
}
