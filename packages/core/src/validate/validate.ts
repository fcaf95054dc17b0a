import * as v from 'valibot';
import type { ColumnSpec } from '../columns/column-spec.ts';
import type { Issue, IssueCode } from '../issues/issue.ts';

/** The outcome of checking one cell: the typed value, or the reason it is invalid. */
export type CellResult =
  | { readonly ok: true; readonly value: string | null }
  | { readonly ok: false; readonly code: IssueCode; readonly value: string };

/** A column with its checks compiled once, ready to run over many cells. */
export interface CompiledColumn {
  readonly spec: ColumnSpec;
  check(raw: string | undefined): CellResult;
}

const EMAIL = v.pipe(v.string(), v.email());

function typeSchema(spec: ColumnSpec): v.GenericSchema<string> | null {
  switch (spec.type ?? 'string') {
    case 'email':
      return EMAIL;
    default:
      return null;
  }
}

/** Compiles a column's checks into a function over raw cell text. */
export function compileColumn(spec: ColumnSpec): CompiledColumn {
  const schema = typeSchema(spec);
  const code: IssueCode = spec.type === 'email' ? 'invalid_email' : 'required';
  return {
    spec,
    check(raw) {
      const text = raw?.trim() ?? '';
      if (text === '')
        return spec.required ? { ok: false, code: 'required', value: '' } : { ok: true, value: null };
      if (schema && !v.is(schema, text)) return { ok: false, code, value: text };
      return { ok: true, value: text };
    },
  };
}

/**
 * Checks one row of cells (already in column order) and returns the typed record plus the issues
 * found. The caller's cells are not modified.
 */
export function validateRow(
  columns: readonly CompiledColumn[],
  cells: readonly (string | undefined)[],
  row: number,
): { record: Record<string, string | null>; issues: Issue[] } {
  const record: Record<string, string | null> = {};
  const issues: Issue[] = [];
  columns.forEach((column, i) => {
    const result = column.check(cells[i]);
    record[column.spec.key] = result.value === '' ? null : result.value;
    if (!result.ok) issues.push({ row, column: column.spec.key, code: result.code, level: 'error' });
  });
  return { record, issues };
}
