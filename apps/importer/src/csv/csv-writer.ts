/** Characters that make a spreadsheet treat a cell as a formula when they start it. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field: quoted when it holds a delimiter, quote or line break, and prefixed with `'`
 * when it would start a formula in a spreadsheet (CSV injection).
 */
export function csvField(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** One CSV record, with CRLF as the line end spreadsheets expect. */
export function csvLine(values: readonly string[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}
