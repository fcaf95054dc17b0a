import type { CellValue, ColumnSpec, CustomResult, RowOf } from '../columns/column-spec.ts';
import { assertColumns } from '../columns/define-columns.ts';
import type { Issue } from '../issues/issue.ts';
import type { CellInput } from '../types/parsed.ts';
import { type TableRule, validateTable } from './table-checks.ts';
import { compileColumn, customIssue, validateRow } from './validate.ts';

/** The outcome of re-validating delivered rows. */
export interface RecordsResult<T extends readonly ColumnSpec[]> {
  /** True when no issue is an error. */
  readonly ok: boolean;
  /** The typed rows, declared fields only (anything else the client sent is dropped). */
  readonly records: RowOf<T>[];
  readonly issues: Issue[];
}

function isCellInput(value: unknown): value is CellInput {
  if (value === null || value === undefined) return true;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return true;
  if (type === 'number') return Number.isFinite(value);
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * Re-validates rows on the application's server with the same column spec the browser used: the
 * browser is not trusted. Runs the row checks (types, formats, custom validators, which may be
 * async and are awaited) and the table checks (unique, `rules`) over plain objects such as a
 * request body, and never modifies them. A validator that throws or rejects makes a `custom` error
 * carrying its message.
 */
export async function validateRecords<const T extends readonly ColumnSpec[]>(
  columns: T,
  rows: readonly unknown[],
  rules: readonly TableRule[] = [],
): Promise<RecordsResult<T>> {
  assertColumns(columns);
  // The type checks run here; the custom validators below, where their results can be awaited.
  const compiled = columns.map((column) => compileColumn({ ...column, validate: undefined }));
  const custom = columns.filter((column) => typeof column.validate === 'function');
  const records: Record<string, CellValue>[] = [];
  const issues: Issue[] = [];
  const outcomes: Promise<Issue | undefined>[] = [];
  const cells: CellInput[] = new Array(columns.length);
  rows.forEach((row, index) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      issues.push({ row: index, column: '', code: 'wrong_type', level: 'error' });
      records.push({});
      return;
    }
    const source = row as Record<string, unknown>;
    const wrong: string[] = [];
    columns.forEach((column, i) => {
      const value = Object.hasOwn(source, column.key) ? source[column.key] : undefined;
      if (isCellInput(value)) cells[i] = value;
      else {
        cells[i] = undefined;
        wrong.push(column.key);
      }
    });
    const result = validateRow(compiled, cells, index);
    for (const key of wrong) {
      result.record[key] = null;
      result.issues.push({ row: index, column: key, code: 'wrong_type', level: 'error' });
    }
    records.push(result.record);
    issues.push(...result.issues);
    for (const column of custom) {
      // As in the browser, a validator sees only a value that passed its type check.
      const value = result.record[column.key] ?? null;
      const failed = result.issues.some((i) => i.column === column.key && i.level === 'error');
      if (value === null || failed) continue;
      const record: Readonly<Record<string, CellValue>> = result.record;
      outcomes.push(
        (async () => {
          let outcome: CustomResult | Error;
          try {
            outcome = await column.validate!(value, record);
          } catch (error) {
            outcome = error instanceof Error ? error : new Error(String(error));
          }
          return customIssue(column, outcome, index);
        })(),
      );
    }
  });
  for (const issue of await Promise.all(outcomes)) if (issue) issues.push(issue);
  issues.push(...validateTable(columns, records, rules, issues));
  issues.sort((a, b) => a.row - b.row);
  return { ok: !issues.some((i) => i.level === 'error'), records: records as RowOf<T>[], issues };
}
