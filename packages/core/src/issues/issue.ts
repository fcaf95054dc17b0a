/** How serious an issue is: errors block or exclude a row, warnings and infos do not. */
export type IssueLevel = 'error' | 'warning' | 'info';

/**
 * Every machine-readable reason the engine reports. The message text comes from a locale catalog
 * keyed by these codes, never from here; `params` carry what a message needs (limits, the
 * original value of an auto-fix, the expected format).
 */
export const ISSUE_CODES = [
  // errors about one cell
  'required',
  'too_short',
  'too_long',
  'invalid_number',
  'not_integer',
  'too_many_decimals',
  'too_small',
  'too_large',
  'invalid_boolean',
  'invalid_date',
  'invalid_datetime',
  'invalid_email',
  'invalid_phone',
  'invalid_url',
  'pattern_mismatch',
  'invalid_option',
  'custom',
  'wrong_type',
  // table-level
  'duplicate',
  // about a whole record as the file holds it (column ''): how it was read
  'ragged_row',
  'malformed_quotes',
  'invalid_bytes',
  // auto-fixes (info) and doubts (warning); the original value is in `params.original`
  'trimmed',
  'option_normalized',
  'date_normalized',
  'excel_serial_date',
  'phone_normalized',
  'number_normalized',
  'boolean_normalized',
  'default_applied',
  'date_order_assumed',
] as const;

export type IssueCode = (typeof ISSUE_CODES)[number];

/** Values an issue's parameters may hold, so issues cross postMessage and JSON unchanged. */
export type IssueParams = Readonly<Record<string, string | number>>;

/**
 * A finding about one cell. `row` is the 0-based index among the data rows; `column` is the
 * field key (or, for `ragged_row`, `malformed_quotes` and `invalid_bytes`, the empty string: the
 * finding is about the whole record).
 */
export interface Issue {
  readonly row: number;
  readonly column: string;
  readonly code: IssueCode;
  readonly level: IssueLevel;
  readonly params?: IssueParams;
}
