import type { CellValue, ColumnSpec } from '../columns/column-spec.ts';
import type { Issue } from '../issues/issue.ts';

/** How exported CSV is written. */
export interface CsvOptions {
  /** Field delimiter (default `,`). */
  readonly delimiter?: string;
  /** Record separator (default CRLF, what Excel writes). */
  readonly newline?: string;
  /**
   * Prefix with `'` the text cells a spreadsheet would read as a formula (default true): those
   * that start with `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed, also after
   * leading spaces or line feeds. A signed number or a phone number (a sign followed only by
   * digits, spaces, dots, commas, parentheses and hyphens, such as `-3` or `+44 20 7946 0958`)
   * is data, not a formula, and is written as it is, so the file reads back unchanged; so are
   * numbers and booleans.
   */
  readonly guardFormulas?: boolean;
}

// Spreadsheets skip leading spaces and line breaks before a formula's first character.
const FORMULA_START = /^(?:\n|[ \n]*[=+\-@\t\r])/;
// A sign followed only by digits, spaces, dots, commas, parentheses and hyphens cannot call a
// function or reach DDE: phone numbers (`+44 20 7946 0958`, `+1 212-555-0142`) and negative
// amounts are left as they are.
const SIGNED_NUMBER = /^ *[+-][\d .,()-]*$/;
const NEEDS_QUOTES = /["\r\n]/;

/** One cell as CSV text: quoted when it holds the delimiter, a quote or a line break. */
export function csvCell(value: CellValue | undefined, delimiter = ',', guardFormulas = true): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number' || typeof value === 'boolean') text = String(value);
  else {
    text = Array.isArray(value) ? value.join(', ') : value;
    if (guardFormulas && FORMULA_START.test(text) && !SIGNED_NUMBER.test(text)) text = `'${text}`;
  }
  return text.includes(delimiter) || NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of cells as CSV text, one record per row. */
export function exportCsv(
  rows: Iterable<readonly (CellValue | undefined)[]>,
  options: CsvOptions = {},
): string {
  let out = '';
  for (const chunk of exportCsvChunks(rows, options)) out += chunk;
  return out;
}

/** The same text in chunks of about `rowsPerChunk` records, for large exports. */
export function* exportCsvChunks(
  rows: Iterable<readonly (CellValue | undefined)[]>,
  options: CsvOptions = {},
  rowsPerChunk = 10_000,
): Generator<string> {
  const delimiter = options.delimiter ?? ',';
  const newline = options.newline ?? '\r\n';
  const guard = options.guardFormulas ?? true;
  let chunk = '';
  let count = 0;
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++)
      line += (i === 0 ? '' : delimiter) + csvCell(row[i], delimiter, guard);
    chunk += line + newline;
    count++;
    if (count % rowsPerChunk === 0) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** What to export of validated records. */
export interface RecordsCsvOptions extends CsvOptions {
  /** Only rows with at least one error (for "download the rows to fix"). */
  readonly onlyInvalid?: boolean;
  /** Header of the extra column with the error messages (default `Errors`); `null` leaves it out. */
  readonly errorColumn?: string | null;
  /** Text of one issue in the error column (default `Label: code`); pass the locale's message. */
  readonly describe?: (issue: Issue, column: ColumnSpec | undefined) => string;
}

/**
 * Validated records back to CSV: a header of the fields' labels, one record per row (an invalid
 * cell exports the user's text), and an error column listing each row's errors. Records are read,
 * never modified.
 */
export function exportRecordsCsv(
  columns: readonly ColumnSpec[],
  records: readonly Readonly<Record<string, CellValue>>[],
  issues: readonly Issue[],
  options: RecordsCsvOptions = {},
): string {
  const errorColumn = options.errorColumn === undefined ? 'Errors' : options.errorColumn;
  const byKey = new Map(columns.map((c) => [c.key, c]));
  const describe =
    options.describe ??
    ((issue: Issue, column: ColumnSpec | undefined) => `${column?.label ?? issue.column}: ${issue.code}`);
  const errorsByRow = new Map<number, Issue[]>();
  for (const issue of issues) {
    if (issue.level !== 'error') continue;
    const list = errorsByRow.get(issue.row);
    if (list) list.push(issue);
    else errorsByRow.set(issue.row, [issue]);
  }
  const header: CellValue[] = columns.map((c) => c.label);
  if (errorColumn !== null) header.push(errorColumn);
  function* rows(): Generator<readonly CellValue[]> {
    yield header;
    for (let row = 0; row < records.length; row++) {
      const errors = errorsByRow.get(row);
      if (options.onlyInvalid && !errors) continue;
      const record = records[row]!;
      const cells: CellValue[] = columns.map((c) => record[c.key] ?? null);
      if (errorColumn !== null)
        cells.push((errors ?? []).map((i) => describe(i, byKey.get(i.column))).join('; '));
      yield cells;
    }
  }
  return exportCsv(rows(), options);
}
