import type { CellValue, ColumnSpec, RowOf } from '../columns/column-spec.ts';
import { assertColumns } from '../columns/define-columns.ts';
import type { Issue } from '../issues/issue.ts';
import type { CellInput } from '../types/parsed.ts';
import { type TableRule, validateTable } from './table-checks.ts';
import { compileColumn, validateRow } from './validate.ts';

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
 * browser is not trusted. Runs the row checks (types, formats, custom validators) and the table
 * checks (unique, `rules`) over plain objects such as a request body, and never modifies them.
 */
export function validateRecords<const T extends readonly ColumnSpec[]>(
  columns: T,
  rows: readonly unknown[],
  rules: readonly TableRule[] = [],
): RecordsResult<T> {
  assertColumns(columns);
  const compiled = columns.map(compileColumn);
  const records: Record<string, CellValue>[] = [];
  const issues: Issue[] = [];
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
  });
  issues.push(...validateTable(columns, records, rules));
  issues.sort((a, b) => a.row - b.row);
  return { ok: !issues.some((i) => i.level === 'error'), records: records as RowOf<T>[], issues };
}
