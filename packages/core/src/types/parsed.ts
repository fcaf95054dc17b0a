import type { CellValue } from '../columns/column-spec.ts';
import type { IssueCode, IssueParams } from '../issues/issue.ts';

/** A note a parser attaches to a value it accepted: an auto-fix (info) or a doubt (warning). */
export interface CellNote {
  readonly code: IssueCode;
  readonly level: 'info' | 'warning';
  readonly params?: IssueParams;
}

/** What a type's parser makes of one non-empty, trimmed cell. */
export type Parsed =
  | { readonly ok: true; readonly value: Exclude<CellValue, null>; readonly note?: CellNote }
  | { readonly ok: false; readonly code: IssueCode; readonly params?: IssueParams };

/** A cell value before parsing: text from a CSV, or a typed value from a spreadsheet. */
export type CellInput = string | number | boolean | readonly string[] | null | undefined;

/** Parses a non-empty cell (text already trimmed) into a typed value; compiled once per column. */
export type CellParser = (input: string | number | boolean) => Parsed;

/** Parses a multi-select value that arrives as an array (re-validating delivered rows). */
export type ListParser = (input: readonly string[]) => Parsed;

/** Hints detected from a column's values (or confirmed by the user) that change how cells read. */
export interface ColumnHints {
  /** Decimal separator for number columns without an explicit one. */
  readonly decimalSeparator?: '.' | ',';
  /** Day/month order for dates written `03/04/2024` or `03.04.2024`. */
  readonly dateOrder?: 'DMY' | 'MDY';
  /** File value to option value, from the value-mapping step of a select column. */
  readonly valueMap?: Readonly<Record<string, string>>;
}

export const fail = (code: IssueCode, params?: IssueParams): Parsed =>
  params ? { ok: false, code, params } : { ok: false, code };
