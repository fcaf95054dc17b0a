/** The value types a column can hold. The skeleton knows two; the engine grows this union. */
export const COLUMN_TYPES = ['string', 'email'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** One field of the application, as the application declares it. */
export interface ColumnSpec {
  /** Key of the field in the delivered rows. */
  readonly key: string;
  /** Name shown to the end user. */
  readonly label: string;
  /** Value type; `string` when omitted. */
  readonly type?: ColumnType;
  /** An empty cell is an error. */
  readonly required?: boolean;
  /** Other header names that mean this field. */
  readonly synonyms?: readonly string[];
  /** Help text shown beside the field. */
  readonly description?: string;
}

/** The value a column of a given type delivers. */
type ValueOf<C extends ColumnSpec> = C['required'] extends true ? string : string | null;

/** The typed row an application receives for a column list declared with `defineColumns`. */
export type RowOf<T extends readonly ColumnSpec[]> = { [C in T[number] as C['key']]: ValueOf<C> };

/** Thrown when a column list cannot be used; `column` names the offending column. */
export class ColumnSpecError extends Error {
  override readonly name = 'ColumnSpecError';
  constructor(
    message: string,
    readonly column: string | null,
  ) {
    super(message);
  }
}

/**
 * Checks a column list once, when the application declares it, so that a typo fails at definition
 * time with the column named instead of surfacing as odd matches in front of an end user.
 */
export function defineColumns<const T extends readonly ColumnSpec[]>(columns: T): T {
  assertColumns(columns);
  return columns;
}

/** The same checks as `defineColumns`, for column lists that arrive as data (over the protocol). */
export function assertColumns(columns: readonly ColumnSpec[]): void {
  if (!Array.isArray(columns) || columns.length === 0) {
    throw new ColumnSpecError('columns must be a non-empty array of column specs', null);
  }
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    const where =
      typeof column?.key === 'string' && column.key ? `column "${column.key}"` : `column #${index + 1}`;
    if (typeof column?.key !== 'string' || column.key.trim() === '') {
      throw new ColumnSpecError(`${where}: key must be a non-empty string`, null);
    }
    if (typeof column.label !== 'string' || column.label.trim() === '') {
      throw new ColumnSpecError(`${where}: label must be a non-empty string`, column.key);
    }
    if (seen.has(column.key)) throw new ColumnSpecError(`${where}: duplicate key`, column.key);
    seen.add(column.key);
    const type = column.type ?? 'string';
    if (!(COLUMN_TYPES as readonly string[]).includes(type)) {
      throw new ColumnSpecError(
        `${where}: unknown type "${String(type)}" (expected one of ${COLUMN_TYPES.join(', ')})`,
        column.key,
      );
    }
  });
}
