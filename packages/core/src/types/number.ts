import type { NumberColumn } from '../columns/column-spec.ts';
import { type CellParser, type ColumnHints, fail } from './parsed.ts';

// Grouping separators besides the "other" one: space, no-break space, narrow no-break space, apostrophe.
const GROUP_EXTRA = " \u00a0\u202f'";

function numberPattern(decimal: '.' | ','): RegExp {
  const group = `[${decimal === '.' ? ',' : '.'}${GROUP_EXTRA}]`;
  const d = decimal === '.' ? '\\.' : ',';
  return new RegExp(`^[+-]?(?:\\d{1,3}(?:${group}\\d{3})+|\\d+)?(?:${d}\\d+)?(?:[eE][+-]?\\d+)?$`);
}
const HAS_DIGIT = /\d/;
/** Powers of ten held exactly by a double, for `plainValue`. */
const POWERS_OF_TEN = Array.from({ length: 16 }, (_, i) => 10 ** i);

/**
 * Decimal places of a plain number, `[+-]?\d+(\.\d+)?` (ASCII digits), or -1 for any other text:
 * the commonest cell of a number column, read without a regular expression.
 */
function plainPlaces(text: string): number {
  const n = text.length;
  const first = text.charCodeAt(0);
  let i = first === 43 || first === 45 ? 1 : 0;
  const start = i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  if (i === start) return -1;
  if (i === n) return 0;
  if (text.charCodeAt(i) !== 46) return -1;
  const dot = ++i;
  while (i < n && isDigit(text.charCodeAt(i))) i++;
  return i === n && i > dot ? n - dot : -1;
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * The value of a plain number with `places` decimals, the same double as `Number(text)`: with at
 * most 15 digits, the digits as an integer and the power of ten are both exact, so their quotient
 * is the correctly rounded value (as `Number` rounds); longer ones go to `Number`.
 */
function plainValue(text: string, places: number): number {
  const sign = text.charCodeAt(0);
  const start = sign === 43 || sign === 45 ? 1 : 0;
  if (text.length - start - (places > 0 ? 1 : 0) > 15) return Number(text);
  let digits = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 46) digits = digits * 10 + (c - 48);
  }
  const value = places === 0 ? digits : digits / POWERS_OF_TEN[places]!;
  return sign === 45 ? -value : value;
}

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
    else {
      if (decimal === '.') places = plainPlaces(input);
      if (places >= 0) value = plainValue(input, places);
      else {
        if (!pattern.test(input) || !HAS_DIGIT.test(input)) return fail('invalid_number');
        const ungrouped = input.replace(groups, '');
        value = Number(decimal === ',' ? ungrouped.replace(',', '.') : ungrouped);
      }
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

// A cell that could be a number written with separators: digits, `.`, `,`, grouping spaces.
const NUMBER_LIKE = /^[+-]?(?:\d[\d.,' \u00a0\u202f]*|[.,]\d+)(?:[eE][+-]?\d+)?$/;
const SPACE_GROUP = /[ '\u00a0\u202f]/;

/**
 * What one cell says about the decimal separator: `','` or `'.'`, or `'open'` when it reads
 * either way (`1,234`: one thousand and more, or one and a bit), or null when it says nothing.
 */
function separatorVote(text: string): '.' | ',' | 'open' | null {
  if (!NUMBER_LIKE.test(text)) return null;
  const lastComma = text.lastIndexOf(',');
  const lastPoint = text.lastIndexOf('.');
  if (lastComma === -1 && lastPoint === -1) return null;
  // Both marks: the last one is the decimal (`1.234,56`, `1,234.56`).
  if (lastComma !== -1 && lastPoint !== -1) return lastComma > lastPoint ? ',' : '.';
  const mark = lastComma !== -1 ? ',' : '.';
  const at = lastComma !== -1 ? lastComma : lastPoint;
  const other = mark === ',' ? '.' : ',';
  // A mark used twice groups thousands (`1.234.567`), so the other one is the decimal.
  if (text.indexOf(mark) !== at) return other;
  const exponent = text.search(/[eE]/);
  const fraction = (exponent === -1 ? text.slice(at + 1) : text.slice(at + 1, exponent)).length;
  if (fraction !== 3) return mark;
  // Three digits after: a group of thousands only after one to three leading digits that are not
  // a lone zero and not themselves grouped with spaces (`1 234,567`, `1234,567`, `0,125` are decimals).
  const before = text.slice(0, at).replace(/^[+-]/, '');
  if (before === '' || before === '0' || before.length > 3 || SPACE_GROUP.test(before)) return mark;
  return 'open';
}

/**
 * Guesses the decimal separator from a column's values. `1.234,56`, `0,99` or `1.234.567` say
 * comma; `1,234.56`, `0.5` or `1,234,567` say point. `1,234` and `1.234` alone say nothing, and
 * neither does a column of integers: then `ambiguous` is true and the user should confirm (the
 * caller asks only when some value holds a mark). `examples` are up to five cells to show the
 * user: the ones that decided, then the ones whose reading the answer changes; when undecided,
 * the ones that read either way first, then one of each side of a disagreement.
 */
export function detectDecimalSeparator(values: readonly string[]): {
  decimalSeparator: '.' | ',' | null;
  ambiguous: boolean;
  examples: string[];
} {
  const votes = { ',': [] as string[], '.': [] as string[], open: [] as string[] };
  const counts = { ',': 0, '.': 0, open: 0 };
  for (const raw of values) {
    const text = raw.trim();
    const vote = separatorVote(text);
    if (vote === null) continue;
    counts[vote]++;
    if (votes[vote].length < 5 && !votes[vote].includes(text)) votes[vote].push(text);
  }
  const comma = counts[','];
  const point = counts['.'];
  if (comma > 0 && point === 0)
    return {
      decimalSeparator: ',',
      ambiguous: false,
      examples: [...votes[','].slice(0, 2), ...votes.open].slice(0, 5),
    };
  if (point > 0 && comma === 0)
    return {
      decimalSeparator: '.',
      ambiguous: false,
      examples: [...votes['.'].slice(0, 2), ...votes.open].slice(0, 5),
    };
  const sides = comma > 0 ? [votes[','][0]!, votes['.'][0]!] : [];
  return { decimalSeparator: null, ambiguous: true, examples: [...votes.open, ...sides].slice(0, 5) };
}
