import type { ColumnSpec } from '../columns/column-spec.ts';
import { compileDate, detectDateOrder } from '../types/date.ts';
import { compileNumber, detectDecimalSeparator } from '../types/number.ts';
import type { CellInput, ColumnHints } from '../types/parsed.ts';

/** What the file's values say about how to read a column, and what the user should confirm. */
export interface DetectedHints {
  readonly hints: ColumnHints;
  /** Hints the values could not settle: ask the user (the defaults apply until they answer). */
  readonly confirm: readonly ('decimalSeparator' | 'dateOrder')[];
  /**
   * Up to five cells of the sample to show the user: those that decided the hint and those whose
   * reading it changes, or, when `confirm` is not empty, those that read either way.
   */
  readonly examples: readonly string[];
}

/**
 * Detects from a sample of a column's cells (a few hundred are plenty) the decimal separator of a
 * number column without `decimalSeparator` and the day/month order of a date column. One cell
 * that only one reading makes valid (`1.234,56`, `15/03/2024`) decides for the whole column;
 * cells that read either way (`1,234`, `04/03/2024`) with nothing to decide them are left to
 * the user. Spreadsheet numbers need no hint and are ignored.
 */
export function detectHints(spec: ColumnSpec, values: readonly CellInput[]): DetectedHints {
  const texts = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if ((spec.type === 'number' || spec.type === 'integer') && spec.decimalSeparator === undefined) {
    const { decimalSeparator, ambiguous, examples } = detectDecimalSeparator(texts);
    return {
      hints: decimalSeparator ? { decimalSeparator } : {},
      confirm: ambiguous && examples.length > 0 ? ['decimalSeparator'] : [],
      examples,
    };
  }
  if ((spec.type === 'date' || spec.type === 'datetime') && (spec.formats ?? []).length === 0) {
    const { order, ambiguous, examples } = detectDateOrder(texts);
    return { hints: order ? { dateOrder: order } : {}, confirm: ambiguous ? ['dateOrder'] : [], examples };
  }
  return { hints: {}, confirm: [], examples: [] };
}

/**
 * How one cell of a number or date column reads under `hints`: the number, the ISO date, or
 * null when that reading makes it invalid. The importer shows the user both readings of a cell
 * of their own file (`1,234` as 1234 or 1.234; `04/03/2024` as 4 March or 3 April) with it.
 */
export function readWithHints(
  kind: 'number' | 'date',
  text: string,
  hints: ColumnHints,
): number | string | null {
  const parse =
    kind === 'number'
      ? compileNumber({ key: 'example', label: 'example', type: 'number' }, hints)
      : compileDate({ key: 'example', label: 'example', type: 'date' }, hints);
  const result = parse(text.trim());
  return result.ok && (typeof result.value === 'number' || typeof result.value === 'string')
    ? result.value
    : null;
}
