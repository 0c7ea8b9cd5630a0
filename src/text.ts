/**
 * Text folding shared by ids, search and filters, so that "Nóva", "NOVA" and
 * "nova" meet in one place whichever engine stores them.
 */

/** Lowercase, strip diacritics, keep the rest: the form every search property is stored and queried in. */
export function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Slug for readable ids: folded ASCII, any other run of characters becomes one `-`. */
export function slug(text: string): string {
  return fold(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
