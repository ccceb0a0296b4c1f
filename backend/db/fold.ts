/** Letters that do not decompose into a base letter and a mark, and the letter people type. */
const LETTERS: Record<string, string> = {
  ß: 'ss',
  đ: 'd',
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ı: 'i',
  ς: 'σ',
  // Arabic forms of Persian letters, which keyboards and pasted text mix in.
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  ة: 'ه',
};
const SPECIAL = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');
/** Marks, the Arabic tatweel, joiners and soft hyphens: none changes which word it is. */
const MARKS = /[\p{M}\u0640\u200c\u200d\u00ad]/gu;
const DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;

/**
 * Text folded for matching: lower case, accents and other marks removed, letters that look alike
 * or are typed in place of each other made one (Arabic and Persian yeh and kaf, Greek final
 * sigma, `ß` and `ss`, `đ` and `d`), Arabic and Persian digits as ASCII ones. "Kafija" then
 * finds "Kafijā", "καφε" finds "Καφέ", "Strasse" finds "Straße" and "كيك" finds "کیک".
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(SPECIAL, (letter) => LETTERS[letter]!)
    .replace(DIGITS, (digit) => String(digit.charCodeAt(0) & 0xf))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search query, folded, for `LIKE` matching; wildcards are escaped. */
export function searchWords(query: string): string[] {
  return fold(query)
    .split(' ')
    .filter(Boolean)
    .slice(0, 8)
    .map((word) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
