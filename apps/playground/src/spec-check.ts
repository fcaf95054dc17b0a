import { assertColumns, type ColumnSpec, ColumnSpecError } from '@csv-importer/core';
import { ColumnSpecSchema } from '@csv-importer/core/column-schema';
import * as v from 'valibot';

/** The outcome of checking the column spec a visitor typed: the columns, or why not. */
export type SpecCheck =
  | { readonly ok: true; readonly columns: ColumnSpec[] }
  | { readonly ok: false; readonly message: string };

/** Line and column of a character offset, for a JSON error a person can find. */
function position(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${before.at(-1)!.length + 1}`;
}

/**
 * Where JSON text stops making sense: the shortest prefix whose error is not merely running out
 * of input (V8 gives no position for an unexpected token). Every prefix before the fault only
 * runs out of input, so a binary search finds it.
 */
function faultOffset(text: string): number {
  const endsEarly = (length: number) => {
    try {
      JSON.parse(text.slice(0, length));
      return true;
    } catch (error) {
      const message = (error as Error).message;
      const at = /at position (\d+)/.exec(message)?.[1];
      return /end of JSON input/.test(message) || (at !== undefined && Number(at) >= length);
    }
  };
  let low = 0;
  let high = text.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (endsEarly(mid + 1)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * Checks the spec editor's text as the element would: JSON syntax, then the wire schema of each
 * column (so the visitor sees which field of which column is wrong), then the definition rules
 * (duplicate keys, regexes that do not compile).
 */
export function checkSpec(text: string): SpecCheck {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const where = position(text, faultOffset(text));
    return { ok: false, message: `Not valid JSON at ${where}: ${(error as Error).message}` };
  }
  if (!Array.isArray(json) || json.length === 0) {
    return {
      ok: false,
      message: 'The spec must be a JSON array of columns, such as [{ "key": "email", "label": "E-mail" }].',
    };
  }
  for (const [index, column] of json.entries()) {
    const result = v.safeParse(ColumnSpecSchema, column);
    if (!result.success) {
      const issue = result.issues[0];
      const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
      const name =
        typeof (column as { key?: unknown })?.key === 'string'
          ? `"${(column as { key: string }).key}"`
          : `#${index + 1}`;
      return { ok: false, message: `Column ${name}${path ? `, ${path}` : ''}: ${issue.message}` };
    }
  }
  try {
    assertColumns(json as ColumnSpec[]);
  } catch (error) {
    if (error instanceof ColumnSpecError) return { ok: false, message: error.message };
    throw error;
  }
  return { ok: true, columns: json as ColumnSpec[] };
}
