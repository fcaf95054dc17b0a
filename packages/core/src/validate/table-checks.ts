import type { CellValue, ColumnSpec } from '../columns/column-spec.ts';
import type { Issue, IssueLevel } from '../issues/issue.ts';
import { UniqueRows, uniqueKey } from './unique-rows.ts';

/**
 * The rows holding each value of one unique column, kept up to date as rows are added, edited or
 * deleted, for callers that hold records one by one (`UniqueRows` underneath, the one rule:
 * the first holder of a value is valid, each later one is a `duplicate` of it).
 */
export class UniqueIndex {
  readonly #caseInsensitive: boolean;
  /** Per row, its key (`null` when it holds no value). */
  #keys: (string | null)[] = [];
  #rows: UniqueRows;

  constructor(
    readonly key: string,
    options: { caseInsensitive?: boolean } = {},
  ) {
    this.#caseInsensitive = options.caseInsensitive ?? false;
    this.#rows = this.#index(16);
  }

  #index(capacity: number): UniqueRows {
    return new UniqueRows(capacity, (row) => this.#keys[row] ?? null);
  }

  /** Records the row's value, replacing what the row held before. */
  set(row: number, value: CellValue | undefined): void {
    this.delete(row);
    const k = uniqueKey(value, this.#caseInsensitive);
    if (k === null) return;
    if (row >= this.#keys.length) this.#grow(row + 1);
    this.#keys[row] = k;
    this.#rows.add(row);
  }

  /** Room for `rows` rows: a new index twice as large, every held row added again. */
  #grow(rows: number): void {
    let capacity = Math.max(16, this.#keys.length);
    while (capacity < rows) capacity *= 2;
    const keys = this.#keys;
    this.#keys = new Array<string | null>(capacity).fill(null);
    for (let row = 0; row < keys.length; row++) this.#keys[row] = keys[row] ?? null;
    this.#rows = this.#index(capacity);
    this.#rows.addAll();
  }

  /** Forgets the row (deleted, or its value removed). */
  delete(row: number): void {
    if ((this.#keys[row] ?? null) === null) return;
    this.#rows.remove(row);
    this.#keys[row] = null;
  }

  /** The other rows holding the same value as `row`, in row order. */
  duplicatesOf(row: number): number[] {
    if ((this.#keys[row] ?? null) === null) return [];
    return this.#rows
      .holdersOf(row)
      .filter((r) => r !== row)
      .sort((a, b) => a - b);
  }

  /**
   * A `duplicate` error for every row after the first that holds a value already seen, with
   * `params.firstRow` naming the first one.
   */
  issues(): Issue[] {
    return duplicates(this.#rows, this.#keys.length, this.key);
  }
}

/** The `duplicate` errors of an index over rows 0 to `rows`, in row order. */
function duplicates(index: UniqueRows, rows: number, column: string): Issue[] {
  const out: Issue[] = [];
  for (let row = 0; row < rows; row++) {
    if (index.isDuplicate(row))
      out.push({ row, column, code: 'duplicate', level: 'error', params: { firstRow: index.firstOf(row) } });
  }
  return out;
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
 * `cellIssues`, the row-level issues of the same records, say which cells are invalid: an
 * invalid cell has no typed value, so it holds no value for uniqueness (its own error says what
 * is wrong; two equal invalid texts are not also duplicates). Records are read, never modified.
 */
export function validateTable(
  columns: readonly ColumnSpec[],
  records: readonly Readonly<Record<string, CellValue>>[],
  rules: readonly TableRule[] = [],
  cellIssues: readonly Issue[] = [],
): Issue[] {
  const issues: Issue[] = [];
  records.forEach((record, row) => {
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
  const invalid = new Set<string>();
  for (const issue of cellIssues) if (issue.level === 'error') invalid.add(`${issue.row}:${issue.column}`);
  for (const column of columns) {
    if (!column.unique) continue;
    const caseInsensitive = typeof column.unique === 'object' && column.unique.caseInsensitive === true;
    const keys = records.map((record, row) =>
      invalid.has(`${row}:${column.key}`) ? null : uniqueKey(record[column.key], caseInsensitive),
    );
    const index = new UniqueRows(records.length, (row) => keys[row]!);
    index.addAll();
    issues.push(...duplicates(index, records.length, column.key));
  }
  return issues.sort((a, b) => a.row - b.row);
}
