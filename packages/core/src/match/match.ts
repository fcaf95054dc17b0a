import type { ColumnSpec } from '../columns/column-spec.ts';

/**
 * The form both sides are compared in: accents folded, case folded, and everything but letters
 * and digits dropped, so `E-mail`, `e_mail` and `EMAIL` meet, as do `firstName` and `First Name`.
 */
export function normalizeHeader(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** A suggested pairing of one file column with one application field. */
export interface ColumnMatch {
  /** Position of the column in the file's header row. */
  readonly fileColumn: number;
  readonly key: string;
  /** 1 for an exact normalized match; the fuzzy phase will report lower values. */
  readonly confidence: number;
  readonly via: 'key' | 'label' | 'synonym';
}

/**
 * Suggests a one-to-one mapping from file columns to fields by exact normalized name: key, then
 * label, then synonyms. Each field and each file column is used at most once; the first file
 * column wins a field, so a duplicated header does not steal a field twice.
 */
export function matchColumns(headers: readonly string[], columns: readonly ColumnSpec[]): ColumnMatch[] {
  const matches: ColumnMatch[] = [];
  const takenKeys = new Set<string>();
  const normalized = headers.map(normalizeHeader);
  const phases: readonly [ColumnMatch['via'], (c: ColumnSpec) => readonly string[]][] = [
    ['key', (c) => [c.key]],
    ['label', (c) => [c.label]],
    ['synonym', (c) => c.synonyms ?? []],
  ];
  const takenColumns = new Set<number>();
  for (const [via, namesOf] of phases) {
    for (const column of columns) {
      if (takenKeys.has(column.key)) continue;
      const names = new Set(namesOf(column).map(normalizeHeader));
      const fileColumn = normalized.findIndex((h, i) => !takenColumns.has(i) && h !== '' && names.has(h));
      if (fileColumn === -1) continue;
      takenKeys.add(column.key);
      takenColumns.add(fileColumn);
      matches.push({ fileColumn, key: column.key, confidence: 1, via });
    }
  }
  return matches.sort((a, b) => a.fileColumn - b.fileColumn);
}
