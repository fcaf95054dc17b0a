import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS } from './workbook-limits.ts';

/** A cell reference read without trusting its size: indexes are 0-based; -1 when absent. */
export interface CellRef {
  readonly column: number;
  readonly row: number;
}

/** `column` and `row` when a reference passes Excel's grid: more than 3 letters or 7 digits is never read whole. */
const OUT_OF_RANGE = Number.POSITIVE_INFINITY;

/**
 * Reads `B12` (or `B`, or `12`) as `{ column: 1, row: 11 }`. A part beyond Excel's grid (column
 * XFD, row 1,048,576) comes back as `Infinity`, found without reading a long run of letters or
 * digits whole; a reference that is not one (`1B`, `B-1`) gives `undefined`.
 */
export function parseCellRef(ref: string): CellRef | undefined {
  let i = 0;
  let column = 0;
  const length = ref.length;
  while (i < length) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    if (i < 4) column = column * 26 + (c - 64);
    i++;
  }
  const letters = i;
  let row = 0;
  while (i < length) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    if (i - letters < 8) row = row * 10 + (c - 48);
    i++;
  }
  const digits = i - letters;
  return {
    column: letters === 0 ? -1 : letters > 3 || column > EXCEL_MAX_COLUMNS ? OUT_OF_RANGE : column - 1,
    row: digits === 0 ? -1 : digits > 7 || row > EXCEL_MAX_ROWS || row === 0 ? OUT_OF_RANGE : row - 1,
  };
}

/** The letters of a 0-based column index: 0 is `A`, 16,383 is `XFD`. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** A reference as a message shows it, shortened when the file made it absurdly long. */
export function shownRef(ref: string): string {
  return ref.length > 24 ? `${ref.slice(0, 20)}…` : ref;
}
