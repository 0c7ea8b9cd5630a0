/**
 * Text folding shared by ids, search and filters, so that "Nóva", "NOVA" and
 * "nova" meet in one place whichever engine stores them.
 */

/** Code-point order, as both engines' ORDER BY compares strings (localeCompare would not), in every locale. */
export const compareCodePoints = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** By lower-cased name, then id, in code-point order: the order of the queries sorted by `toLower(name), id`. */
export const byNameThenId = (a: { id: string; name?: unknown }, b: { id: string; name?: unknown }): number =>
  compareCodePoints(String(a.name ?? '').toLowerCase(), String(b.name ?? '').toLowerCase()) ||
  compareCodePoints(a.id, b.id);

/**
 * Lower-case Latin letters that Unicode does not decompose into a base letter
 * and a mark, so stripping marks leaves them whole, spelled as a reader types
 * them without the letter: "Straße" is found as "strasse", "Cœur" as "coeur".
 * Earlier versions left these letters as they were; a store they wrote has them
 * in its search texts, and gets those texts again at start
 * (`refoldSearchTexts` in src/load/backfill.ts, which finds them by this table).
 */
export const SPELLED_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
};

const SPELLED = new RegExp(`[${Object.keys(SPELLED_LETTERS).join('')}]`, 'gu');

/** Only code points below U+0080: text that decomposition, marks and the letters above leave alone. */
const ASCII = /^[^\u0080-\u{10ffff}]*$/u;

/** Lowercase, strip diacritics, spell out the letters above, keep the rest: the form every search property is stored and queried in. */
export function fold(text: string): string {
  // A load folds each searched text three times (plan/search-fields.ts): at 1000× the
  // Unicode steps cost 1.4 s of its main thread, for texts mostly in plain ASCII,
  // where NFKD changes nothing and there is neither a mark nor a letter to spell out.
  if (ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(SPELLED, (letter) => SPELLED_LETTERS[letter]!)
    .replace(/\s+/g, ' ')
    .trim();
}

/** Slug for readable ids: folded ASCII, any other run of characters becomes one `-`. */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
