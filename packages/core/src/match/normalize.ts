const MARKS = /\p{M}/gu;
const NOT_ALNUM = /[^\p{L}\p{N}]+/gu;
const SEPARATOR_RUNS = /[\s_\-–—]+/gu;

/**
 * The form headers and field names are compared in: accents folded, case folded, and everything
 * but letters and digits dropped, so `E-mail`, `e_mail` and `EMAIL` meet, as do `firstName` and
 * `First Name`.
 */
export function normalizeHeader(name: string): string {
  return name.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(NOT_ALNUM, '');
}

/**
 * The form cell values are compared with select options in: accents and case folded, runs of
 * spaces, dashes and underscores made one space. Other punctuation stays, so `A+` and `A-` differ.
 */
export function normalizeValue(value: string): string {
  return value.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(SEPARATOR_RUNS, ' ').trim();
}

/** Levenshtein distance, with one reused row: names are short, so this is cheap. */
function distance(a: string, b: string): number {
  if (a === b) return 0;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * Most cells of the edit-distance table `similarity` fills (256 × 256): longer pairs are scored by
 * containment only, so a file value or header of 100,000 characters costs a substring search, not
 * a table of billions of cells.
 */
export const MAX_DISTANCE_CELLS = 65_536;

/**
 * Similarity in [0, 1] of two already-normalized names: the edit-distance ratio, or, when one name
 * contains the other (`contactemail` and `email`), at least 0.7 plus a share for the overlap.
 * The edit distance is left out when it cannot decide: when the lengths alone keep the ratio at
 * or below `min` (or below the containment score), and when the pair is longer than
 * `MAX_DISTANCE_CELLS` allows; a score under `min` may then be lower than the exact one.
 */
export function similarity(a: string, b: string, min = 0): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  const contained = short.length >= 3 && long.includes(short) ? 0.7 + 0.25 * (short.length / long.length) : 0;
  // The distance is at least the difference in length, so the ratio is at most short / long.
  const bound = short.length / long.length;
  if (bound <= contained || bound < min || short.length * long.length > MAX_DISTANCE_CELLS) return contained;
  const ratio = 1 - distance(a, b) / long.length;
  return Math.max(ratio, contained);
}
