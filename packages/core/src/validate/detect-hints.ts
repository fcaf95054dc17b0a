import type { ColumnSpec } from '../columns/column-spec.ts';
import { detectDateOrder } from '../types/date.ts';
import { detectDecimalSeparator } from '../types/number.ts';
import type { CellInput, ColumnHints } from '../types/parsed.ts';

/** What the file's values say about how to read a column, and what the user should confirm. */
export interface DetectedHints {
  readonly hints: ColumnHints;
  /** Hints the values could not settle: ask the user (the defaults apply until they answer). */
  readonly confirm: readonly ('decimalSeparator' | 'dateOrder')[];
}

/**
 * Detects from a sample of a column's cells (a few hundred are plenty) the decimal separator of a
 * number column without `decimalSeparator` and the day/month order of a date column. Spreadsheet
 * numbers need no hint and are ignored.
 */
export function detectHints(spec: ColumnSpec, values: readonly CellInput[]): DetectedHints {
  const texts = values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  if ((spec.type === 'number' || spec.type === 'integer') && spec.decimalSeparator === undefined) {
    const { decimalSeparator, ambiguous } = detectDecimalSeparator(texts);
    return {
      hints: decimalSeparator ? { decimalSeparator } : {},
      confirm: ambiguous && texts.some((t) => /[.,]/.test(t)) ? ['decimalSeparator'] : [],
    };
  }
  if (spec.type === 'date' || spec.type === 'datetime') {
    const { order, ambiguous } = detectDateOrder(texts);
    return { hints: order ? { dateOrder: order } : {}, confirm: ambiguous ? ['dateOrder'] : [] };
  }
  return { hints: {}, confirm: [] };
}
