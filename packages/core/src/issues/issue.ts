/** How serious an issue is: errors block or exclude a row, warnings and infos do not. */
export type IssueLevel = 'error' | 'warning' | 'info';

/** Machine-readable reason; the message text comes from a locale catalog, never from here. */
export type IssueCode = 'required' | 'invalid_email';

/** A finding about one cell. `row` is the 0-based index among the data rows. */
export interface Issue {
  readonly row: number;
  readonly column: string;
  readonly code: IssueCode;
  readonly level: IssueLevel;
  readonly params?: Readonly<Record<string, string | number>>;
}
