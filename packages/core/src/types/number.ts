import type { NumberColumn } from '../columns/column-spec.ts';
import { type CellParser, type ColumnHints, fail } from './parsed.ts';

// Grouping separators besides the "other" one: space, no-break space, narrow no-break space, apostrophe.
const GROUP_EXTRA = " \u00a0\u202f'";

function numberPattern(decimal: '.' | ','): RegExp {
  const group = `[${decimal === '.' ? ',' : '.'}${GROUP_EXTRA}]`;
  const d = decimal === '.' ? '\\.' : ',';
  return new RegExp(`^[+-]?(?:\\d{1,3}(?:${group}\\d{3})+|\\d+)?(?:${d}\\d+)?(?:[eE][+-]?\\d+)?$`);
}
const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
const HAS_DIGIT = /\d/;

/** Digits after the decimal point of a finite number, as written in the shortest round-trip form. */
function decimalPlaces(value: number): number {
  const text = String(value);
  const e = text.indexOf('e-');
  if (e !== -1) {
    const dot = text.indexOf('.');
    return Number(text.slice(e + 2)) + (dot === -1 ? 0 : e - dot - 1);
  }
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/**
 * Reads numbers with locale separators: with decimal `.`, `1,234.5` and `1 234.5`; with decimal
 * `,`, `1.234,56`. Grouping must be in threes so `1,50` is not silently read as 150. Then checks
 * integer, decimal places and range.
 */
export function compileNumber(spec: NumberColumn, hints: ColumnHints = {}): CellParser {
  const decimal = spec.decimalSeparator ?? hints.decimalSeparator ?? '.';
  const pattern = numberPattern(decimal);
  const groups = new RegExp(`[${decimal === '.' ? ',' : '.'}${GROUP_EXTRA}]`, 'g');
  const integer = spec.integer === true || spec.type === 'integer';
  const { min, max, decimals } = spec;
  return (input) => {
    let value: number;
    let places = -1;
    if (typeof input === 'number') value = input;
    else if (typeof input === 'boolean') return fail('invalid_number');
    else if (decimal === '.' && PLAIN.test(input)) {
      value = Number(input);
      const dot = input.indexOf('.');
      places = dot === -1 ? 0 : input.length - dot - 1;
    } else {
      if (!pattern.test(input) || !HAS_DIGIT.test(input)) return fail('invalid_number');
      const ungrouped = input.replace(groups, '');
      value = Number(decimal === ',' ? ungrouped.replace(',', '.') : ungrouped);
    }
    if (!Number.isFinite(value)) return fail('invalid_number');
    if (integer && !Number.isInteger(value)) return fail('not_integer');
    if (decimals !== undefined && (places === -1 ? decimalPlaces(value) : places) > decimals)
      return fail('too_many_decimals', { decimals });
    if (min !== undefined && value < min) return fail('too_small', { min });
    if (max !== undefined && value > max) return fail('too_large', { max });
    return { ok: true, value };
  };
}

/**
 * Guesses the decimal separator from a column's values. `1.234,56` or `0,99` say comma; `1,234.56`
 * or `0.5` say point. `1,234` and `1.234` alone say nothing, and neither does a column of integers:
 * then `ambiguous` is true and the user should confirm.
 */
export function detectDecimalSeparator(values: readonly string[]): {
  decimalSeparator: '.' | ',' | null;
  ambiguous: boolean;
} {
  let comma = 0;
  let point = 0;
  for (const raw of values) {
    const text = raw.trim();
    const lastComma = text.lastIndexOf(',');
    const lastPoint = text.lastIndexOf('.');
    if (lastComma === -1 && lastPoint === -1) continue;
    if (lastComma > lastPoint) {
      // `1.234,56` or `0,99`; `1,234` (exactly three digits after) could be grouping.
      if (lastPoint !== -1 || text.length - lastComma - 1 !== 3) comma++;
    } else if (lastComma !== -1 || text.length - lastPoint - 1 !== 3) point++;
  }
  if (comma > 0 && point === 0) return { decimalSeparator: ',', ambiguous: false };
  if (point > 0 && comma === 0) return { decimalSeparator: '.', ambiguous: false };
  return { decimalSeparator: null, ambiguous: true };
}
