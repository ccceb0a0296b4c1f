/**
 * Text folded for matching: lower case, accents and other marks removed, and the letter forms
 * that look alike but differ in code points (Arabic and Persian yeh and kaf, Greek final sigma)
 * made one. "Kafija" then finds "Kafijā", "καφε" finds "Καφέ", and "كيك" finds "کیک".
 */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ς/g, 'σ')
    .replace(/[يى]/g, 'ی')
    .replace(/ك/g, 'ک')
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
