import type { CellValue, ColumnSpec } from '../columns/column-spec.ts';
import type { Issue, IssueLevel } from '../issues/issue.ts';

/** The comparison key of a value for uniqueness; `null` (empty) is never a duplicate. */
function uniqueKey(value: CellValue | undefined, caseInsensitive: boolean): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = Array.isArray(value) ? [...value].sort().join('\u0000') : String(value);
  return caseInsensitive ? text.toLowerCase() : text;
}

/**
 * The rows holding each value of one unique column, kept up to date as rows are added, edited or
 * deleted, so an edit at a million rows re-checks uniqueness in constant time.
 */
export class UniqueIndex {
  readonly #rowsByValue = new Map<string, Set<number>>();
  readonly #valueByRow = new Map<number, string>();
  readonly #caseInsensitive: boolean;

  constructor(
    readonly key: string,
    options: { caseInsensitive?: boolean } = {},
  ) {
    this.#caseInsensitive = options.caseInsensitive ?? false;
  }

  /** Records the row's value, replacing what the row held before. */
  set(row: number, value: CellValue | undefined): void {
    this.delete(row);
    const k = uniqueKey(value, this.#caseInsensitive);
    if (k === null) return;
    this.#valueByRow.set(row, k);
    const rows = this.#rowsByValue.get(k);
    if (rows) rows.add(row);
    else this.#rowsByValue.set(k, new Set([row]));
  }

  /** Forgets the row (deleted, or its value removed). */
  delete(row: number): void {
    const k = this.#valueByRow.get(row);
    if (k === undefined) return;
    this.#valueByRow.delete(row);
    const rows = this.#rowsByValue.get(k)!;
    rows.delete(row);
    if (rows.size === 0) this.#rowsByValue.delete(k);
  }

  /** The other rows holding the same value as `row`. */
  duplicatesOf(row: number): number[] {
    const k = this.#valueByRow.get(row);
    if (k === undefined) return [];
    return [...this.#rowsByValue.get(k)!].filter((r) => r !== row);
  }

  /**
   * A `duplicate` error for every row after the first that holds a value already seen, with
   * `params.firstRow` naming the first one.
   */
  issues(): Issue[] {
    const out: Issue[] = [];
    for (const rows of this.#rowsByValue.values()) {
      if (rows.size < 2) continue;
      const sorted = [...rows].sort((a, b) => a - b);
      const firstRow = sorted[0]!;
      for (const row of sorted.slice(1))
        out.push({ row, column: this.key, code: 'duplicate', level: 'error', params: { firstRow } });
    }
    return out.sort((a, b) => a.row - b.row);
  }
}

/** A rule over several fields of one record, e.g. "end date after start date". */
export interface TableRule {
  /** The field the issue is attached to. */
  readonly column: string;
  /** Returns a message when the record breaks the rule, otherwise null. */
  readonly check: (record: Readonly<Record<string, CellValue>>) => string | null | undefined;
  readonly level?: IssueLevel;
}

/** One `UniqueIndex` per column that declares `unique`. */
export function uniqueIndexes(columns: readonly ColumnSpec[]): UniqueIndex[] {
  return columns
    .filter((c) => c.unique)
    .map(
      (c) =>
        new UniqueIndex(c.key, {
          caseInsensitive: typeof c.unique === 'object' && c.unique.caseInsensitive === true,
        }),
    );
}

/**
 * The table-level checks, apart from the row-level ones: `unique` columns across all records, and
 * cross-column `rules` on each record (issue code `custom`, the rule's message in `params`).
 * Records are read, never modified.
 */
export function validateTable(
  columns: readonly ColumnSpec[],
  records: readonly Readonly<Record<string, CellValue>>[],
  rules: readonly TableRule[] = [],
): Issue[] {
  const indexes = uniqueIndexes(columns);
  const issues: Issue[] = [];
  records.forEach((record, row) => {
    for (const index of indexes) index.set(row, record[index.key]);
    for (const rule of rules) {
      const message = rule.check(record);
      if (message)
        issues.push({
          row,
          column: rule.column,
          code: 'custom',
          level: rule.level ?? 'error',
          params: { message },
        });
    }
  });
  for (const index of indexes) issues.push(...index.issues());
  return issues.sort((a, b) => a.row - b.row);
}
