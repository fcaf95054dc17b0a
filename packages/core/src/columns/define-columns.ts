import { compileColumn } from '../validate/validate.ts';
import { COLUMN_TYPES, type ColumnSpec, ColumnSpecError } from './column-spec.ts';
import { RESERVED_KEYS } from './reserved-keys.ts';

/**
 * Checks a column list once, when the application declares it, so that a typo fails at definition
 * time with the column named instead of surfacing as odd matches in front of an end user. With
 * `as const`, `RowOf<typeof columns>` is the typed row the application receives.
 */
export function defineColumns<const T extends readonly ColumnSpec[]>(columns: T): T {
  assertColumns(columns);
  return columns;
}

const isCount = (n: unknown) => n === undefined || (typeof n === 'number' && Number.isInteger(n) && n >= 0);
const isNumber = (n: unknown) => n === undefined || (typeof n === 'number' && Number.isFinite(n));

/** The same checks as `defineColumns`, for column lists that arrive as data (over the protocol). */
export function assertColumns(columns: readonly ColumnSpec[]): void {
  if (!Array.isArray(columns) || columns.length === 0) {
    throw new ColumnSpecError('columns must be a non-empty array of column specs', null);
  }
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    const where =
      typeof column?.key === 'string' && column.key ? `column "${column.key}"` : `column #${index + 1}`;
    const bad = (problem: string): never => {
      throw new ColumnSpecError(`${where}: ${problem}`, typeof column?.key === 'string' ? column.key : null);
    };
    if (typeof column?.key !== 'string' || column.key.trim() === '') {
      throw new ColumnSpecError(`${where}: key must be a non-empty string`, null);
    }
    if (typeof column.label !== 'string' || column.label.trim() === '')
      bad('label must be a non-empty string');
    if (RESERVED_KEYS.has(column.key))
      bad(
        `the key "${column.key}" is reserved (it names a property every JavaScript object has); choose another key`,
      );
    if (seen.has(column.key)) bad('duplicate key');
    seen.add(column.key);
    const type = column.type ?? 'string';
    if (!(COLUMN_TYPES as readonly string[]).includes(type)) {
      bad(`unknown type "${String(type)}" (expected one of ${COLUMN_TYPES.join(', ')})`);
    }
    if (column.validate !== undefined && typeof column.validate !== 'function')
      bad('validate must be a function');
    switch (column.type) {
      case undefined:
      case 'string':
        if (!isCount(column.minLength) || !isCount(column.maxLength))
          bad('minLength and maxLength must be whole numbers');
        if ((column.minLength ?? 0) > (column.maxLength ?? Number.POSITIVE_INFINITY))
          bad('minLength is above maxLength');
        break;
      case 'number':
      case 'integer':
        if (!isNumber(column.min) || !isNumber(column.max)) bad('min and max must be finite numbers');
        if ((column.min ?? -Infinity) > (column.max ?? Infinity)) bad('min is above max');
        if (!isCount(column.decimals)) bad('decimals must be a whole number');
        break;
      case 'select':
        if (!Array.isArray(column.options) || column.options.length === 0)
          bad('options must be a non-empty array');
        break;
      case 'regex':
        if (column.pattern === undefined) bad('a regex column needs a pattern');
        break;
    }
    // Compiling builds every format, pattern and option index: what does not compile throws here,
    // with the column named.
    compileColumn(column);
  });
}
