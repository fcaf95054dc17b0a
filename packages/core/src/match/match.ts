import type { ColumnSpec } from '../columns/column-spec.ts';
import { normalizeHeader, similarity } from './normalize.ts';

export { normalizeHeader } from './normalize.ts';

/** A suggested pairing of one file column with one application field. */
export interface ColumnMatch {
  /** Position of the column in the file's header row. */
  readonly fileColumn: number;
  readonly key: string;
  /** 1 for an exact normalized match; the similarity (below 1) for a fuzzy one. */
  readonly confidence: number;
  readonly via: 'key' | 'label' | 'synonym' | 'fuzzy';
}

/** Fuzzy suggestions below this similarity are not made. */
export const FUZZY_THRESHOLD = 0.72;

/**
 * Bounds on the work a file's header row can cause (the file sets how many headers there are and
 * how long): a header longer than `MAX_HEADER_LENGTH` is never matched automatically (no field
 * name is that long; the user can still map it), the fuzzy phase compares the first
 * `FUZZY_NAME_LENGTH` normalized characters of each name, and only the first
 * `MAX_FUZZY_HEADERS` columns of a file take part in it (every column takes part in the exact
 * phases). 2,000 headers of 1,000 characters once took 17 s to match; now they are skipped.
 */
export const MATCH_LIMITS = {
  MAX_HEADER_LENGTH: 512,
  FUZZY_NAME_LENGTH: 64,
  MAX_FUZZY_HEADERS: 500,
} as const;

export interface MatchOptions {
  /** Minimum similarity of a fuzzy suggestion (default `FUZZY_THRESHOLD`). */
  readonly threshold?: number;
}

/**
 * Suggests a one-to-one mapping from file columns to fields, in ordered phases over normalized
 * names: exact key, exact label, exact synonym, then fuzzy similarity above a threshold, best
 * pairs first. Each field and each file column is used at most once; in the exact phases the
 * first file column wins, so a duplicated header does not steal a field twice. Blank headers never
 * match.
 */
export function matchColumns(
  headers: readonly string[],
  columns: readonly ColumnSpec[],
  options: MatchOptions = {},
): ColumnMatch[] {
  const threshold = options.threshold ?? FUZZY_THRESHOLD;
  const matches: ColumnMatch[] = [];
  const takenKeys = new Set<string>();
  const takenColumns = new Set<number>();
  const { MAX_HEADER_LENGTH, FUZZY_NAME_LENGTH, MAX_FUZZY_HEADERS } = MATCH_LIMITS;
  // A header too long to be a name is blank to matching: it is compared with nothing.
  const normalized = headers.map((h) => (h.length > MAX_HEADER_LENGTH ? '' : normalizeHeader(h)));
  const fuzzyName = (name: string) => name.slice(0, FUZZY_NAME_LENGTH);
  const namesOf = (c: ColumnSpec) =>
    [c.key, c.label, ...(c.synonyms ?? [])].map((n) => fuzzyName(normalizeHeader(n)));
  const phases: readonly [Exclude<ColumnMatch['via'], 'fuzzy'>, (c: ColumnSpec) => readonly string[]][] = [
    ['key', (c) => [c.key]],
    ['label', (c) => [c.label]],
    ['synonym', (c) => c.synonyms ?? []],
  ];
  for (const [via, names] of phases) {
    for (const column of columns) {
      if (takenKeys.has(column.key)) continue;
      const wanted = new Set(names(column).map(normalizeHeader));
      const fileColumn = normalized.findIndex((h, i) => !takenColumns.has(i) && h !== '' && wanted.has(h));
      if (fileColumn === -1) continue;
      takenKeys.add(column.key);
      takenColumns.add(fileColumn);
      matches.push({ fileColumn, key: column.key, confidence: 1, via });
    }
  }
  // Fuzzy: every remaining pair scored, then assigned greedily from the best score down.
  const candidates: { fileColumn: number; key: string; score: number; order: number }[] = [];
  columns.forEach((column, order) => {
    if (takenKeys.has(column.key)) return;
    const names = namesOf(column);
    const limit = Math.min(normalized.length, MAX_FUZZY_HEADERS);
    for (let fileColumn = 0; fileColumn < limit; fileColumn++) {
      const header = fuzzyName(normalized[fileColumn]!);
      if (takenColumns.has(fileColumn) || header === '') continue;
      let score = 0;
      for (const name of names) score = Math.max(score, similarity(header, name, threshold));
      if (score >= threshold) candidates.push({ fileColumn, key: column.key, score, order });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.fileColumn - b.fileColumn || a.order - b.order);
  for (const { fileColumn, key, score } of candidates) {
    if (takenKeys.has(key) || takenColumns.has(fileColumn)) continue;
    takenKeys.add(key);
    takenColumns.add(fileColumn);
    matches.push({ fileColumn, key, confidence: Math.round(score * 1000) / 1000, via: 'fuzzy' });
  }
  return matches.sort((a, b) => a.fileColumn - b.fileColumn);
}

/** File columns no field was matched to: the application may ask to receive them as they are. */
export function unmatchedColumns(headers: readonly string[], matches: readonly ColumnMatch[]): number[] {
  const used = new Set(matches.map((m) => m.fileColumn));
  return headers.map((_, i) => i).filter((i) => !used.has(i));
}
