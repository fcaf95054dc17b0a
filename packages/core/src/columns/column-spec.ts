import type { IssueCode, IssueLevel } from '../issues/issue.ts';

/** The value types a column can hold. */
export const COLUMN_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'date',
  'datetime',
  'email',
  'phone',
  'url',
  'regex',
  'select',
] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

/** A typed value as delivered to the application: JSON-like, dates as ISO 8601 strings. */
export type CellValue = string | number | boolean | string[] | null;

/**
 * One flag a column's pattern may carry. `g` and `y` are refused (by the types, by core and by the
 * element): they make `RegExp.test` stateful, so the same value would pass on one row and fail
 * on the next.
 */
export type RegexFlag = 'd' | 'i' | 'm' | 's' | 'u' | 'v';
/**
 * Flags from `RegexFlag`, in the order `RegExp.prototype.flags` writes them (`'i'`, `'iu'`,
 * `'ims'`). The runtime accepts them in any order; the type lists the canonical one only.
 */
export type RegexFlags = `${'d' | ''}${'i' | ''}${'m' | ''}${'s' | ''}${'u' | 'v' | ''}`;

/** A regular expression as data, so it crosses postMessage: `{ pattern: '^[A-Z]{2}$', flags: 'i' }`. */
export interface RegexSource {
  readonly pattern: string;
  readonly flags?: RegexFlags;
}

/** What a custom validator returns: nothing (valid), a message, or an issue of its own. */
export type CustomResult =
  | undefined
  | null
  | true
  | string
  | { readonly code?: 'custom'; readonly level?: IssueLevel; readonly message?: string };

/**
 * A check the application writes as a function, sync or async. It runs after the type check, with
 * the typed value and the typed record so far. Functions cannot cross postMessage: the element
 * strips them and runs them in the host page; `validateRecords` awaits them beside the
 * application (Node, host). One column list serves both.
 */
export type CustomValidator = (
  value: CellValue,
  record: Readonly<Record<string, CellValue>>,
) => CustomResult | Promise<CustomResult>;

interface ColumnBase {
  /** Key of the field in the delivered rows. */
  readonly key: string;
  /** Name shown to the end user. */
  readonly label: string;
  /** Help text shown beside the field. */
  readonly description?: string;
  /** An example value shown beside the field. */
  readonly example?: string;
  /** An empty cell is an error. */
  readonly required?: boolean;
  /** Two rows may not hold the same value; `{ caseInsensitive: true }` treats `A` and `a` as equal. */
  readonly unique?: boolean | { readonly caseInsensitive?: boolean };
  /** Other header names that mean this field. */
  readonly synonyms?: readonly string[];
  /** Value used for an empty cell (reported as info `default_applied`). */
  readonly default?: string | number | boolean;
  /** Messages that replace the catalog's for this column, by issue code; passed as `params.message`. */
  readonly messages?: Partial<Readonly<Record<IssueCode, string>>>;
  /** A custom check; see `CustomValidator`. Not part of the wire shape. */
  readonly validate?: CustomValidator;
}

export interface StringColumn extends ColumnBase {
  readonly type?: 'string';
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Remove leading and trailing white space (default true); reported as info `trimmed`. */
  readonly trim?: boolean;
  // Options of other types, refused here as the runtime refuses them (`min` on a text column is a
  // typo for `minLength`, or a missing `type`).
  readonly min?: never;
  readonly max?: never;
  readonly options?: never;
  readonly pattern?: never;
  readonly formats?: never;
}

export interface NumberColumn extends ColumnBase {
  readonly type: 'number' | 'integer';
  readonly min?: number;
  readonly max?: number;
  /** Whole numbers only (implied by type `integer`). */
  readonly integer?: boolean;
  /** At most this many decimal places. */
  readonly decimals?: number;
  /** `','` reads `1.234,56` as 1234.56. When omitted, a detected hint or `'.'` applies. */
  readonly decimalSeparator?: '.' | ',';
}

export interface BooleanColumn extends ColumnBase {
  readonly type: 'boolean';
  /** Extra words read as true, besides yes/true/1/y and their common translations. */
  readonly trueValues?: readonly string[];
  /** Extra words read as false. */
  readonly falseValues?: readonly string[];
}

export interface DateColumn extends ColumnBase {
  readonly type: 'date' | 'datetime';
  /**
   * Accepted formats, e.g. `DD.MM.YYYY`, `MM/DD/YYYY`, `YYYY-MM-DD HH:mm`. Tokens: YYYY YY MM M DD D
   * HH H mm ss. ISO 8601 and Excel serial numbers are always accepted. When omitted, the common
   * formats are tried with the day/month order detected from the column's values.
   */
  readonly formats?: readonly string[];
  /** Earliest and latest allowed value, as ISO 8601. */
  readonly min?: string;
  readonly max?: string;
}

export interface EmailColumn extends ColumnBase {
  readonly type: 'email';
}

export interface PhoneColumn extends ColumnBase {
  readonly type: 'phone';
  /** ISO 3166 country (`DE`, `US`) for numbers written without a country code; enables E.164 output. */
  readonly defaultCountry?: string;
}

export interface UrlColumn extends ColumnBase {
  readonly type: 'url';
}

export interface RegexColumn extends ColumnBase {
  readonly type: 'regex';
  readonly pattern: string | RegexSource;
}

/** One allowed value of a select column. */
export interface SelectOption {
  /** Delivered value. */
  readonly value: string;
  /** Shown to the end user; also matched. */
  readonly label?: string;
  /** Other spellings that mean this option (`Deutschland` for `DE`). */
  readonly alternates?: readonly string[];
}

export interface SelectColumn extends ColumnBase {
  readonly type: 'select';
  readonly options: readonly (string | SelectOption)[];
  /** Several options per cell, delivered as `string[]`. */
  readonly multiple?: boolean;
  /** Separator between options of a multi-select cell (default `,`; `;` and `|` are also split). */
  readonly separator?: string;
}

/** One field of the application, as the application declares it. */
export type ColumnSpec =
  | StringColumn
  | NumberColumn
  | BooleanColumn
  | DateColumn
  | EmailColumn
  | PhoneColumn
  | UrlColumn
  | RegexColumn
  | SelectColumn;

type OptionValue<O> = O extends string
  ? O
  : O extends { readonly value: infer V extends string }
    ? V
    : string;

/** The non-empty value a column of a given spec delivers. */
type PresentValueOf<C> = C extends { readonly type: 'number' | 'integer' }
  ? number
  : C extends { readonly type: 'boolean' }
    ? boolean
    : C extends { readonly type: 'select'; readonly options: readonly (infer O)[] }
      ? C extends { readonly multiple: true }
        ? OptionValue<O>[]
        : OptionValue<O>
      : string;

/** The value a column delivers: `null` for an empty cell unless it is required or has a default. */
export type ValueOf<C> = C extends { readonly required: true }
  ? PresentValueOf<C>
  : C extends { readonly default: string | number | boolean }
    ? PresentValueOf<C>
    : PresentValueOf<C> | null;

/** The typed row an application receives for a column list declared with `defineColumns`. */
export type RowOf<T extends readonly ColumnSpec[]> = {
  -readonly [C in T[number] as C['key']]: ValueOf<C>;
};

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
