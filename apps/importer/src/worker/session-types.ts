import type {
  ColumnHints,
  ColumnMatch,
  ColumnSpec,
  DecodeErrorCode,
  Encoding,
  Issue,
  IssueCode,
  IssueLevel,
  WorkbookErrorCode,
} from '@csv-importer/core';
import type { InitOptions } from '@csv-importer/protocol';
import type { NoteColumn, RowColumns } from '@csv-importer/protocol/row-columns';

/**
 * Every type the frame's UI shares with its worker: the worker's API (`ImportSessionApi`, which
 * `ImportSession` implements and the UI reaches through `session-rpc.ts`) and what its calls take and
 * give. The UI imports worker types from this file only, never from an implementation.
 */

/** What the application allows for rows that still have errors at submit. */
export type InvalidRowsPolicy = 'block' | 'exclude' | 'include';

/** Settings from the host's `init`, read once per session. */
export interface SessionOptions {
  readonly invalidRows?: InvalidRowsPolicy;
  /** Deliver file columns that match no field, under their header. */
  readonly includeUnmatched?: boolean;
  /** Refuse files with more data rows than this. */
  readonly maxRows?: number;
  /**
   * Import in large-file mode whatever the file's size (see `large-file.ts`); without it, files
   * of `LARGE_FILE_BYTES` and more are.
   */
  readonly largeFile?: boolean;
}

/** The user's corrections to how the file is read. */
export interface ReadOptions {
  readonly encoding?: Encoding;
  readonly delimiter?: string;
  /** For a workbook: the sheet to read (by name). */
  readonly sheet?: string;
}

/** What the frame learns about a file once it has been read. */
export interface LoadSummary {
  readonly fileName: string;
  readonly encoding: string;
  readonly delimiter: string;
  /** Index of the header row among the file's records. */
  readonly headerRow: number;
  /**
   * The header row was detected with certainty (core's `detectHeaderRow`) when the file was read:
   * the flow may pass the header step, saying so. Absent after the user chose a row.
   */
  readonly headerCertain?: true;
  readonly headers: readonly string[];
  /** Number of data rows (below the header row). */
  readonly rowCount: number;
  readonly suggestions: readonly ColumnMatch[];
  /** A few values per file column, for the matching step. */
  readonly samples: readonly (readonly string[])[];
  /** The first records of the file, header row candidates included. */
  readonly preview: readonly (readonly string[])[];
  /** For a workbook: its visible sheets and the one read. */
  readonly sheets?: readonly string[];
  readonly sheet?: string;
  /** The encoding was detected, not chosen, and the detection is unsure: the user is asked. */
  readonly encodingDoubt?: EncodingDoubt;
  /** What reading found about whole rows below the header (the grid marks each one). */
  readonly readingFindings?: readonly ReadingFinding[];
}

/** An unsure encoding detection: its confidence (0-100) and how the file's first lines read. */
export interface EncodingDoubt {
  readonly confidence: number;
  /** The detected encoding first, then the likely alternatives, each with its reading. */
  readonly alternatives: readonly { readonly encoding: Encoding; readonly sample: string }[];
}

/** One kind of record issue (`malformed_quotes`, `invalid_bytes`, `ragged_row`) below the header. */
export interface ReadingFinding {
  readonly code: IssueCode;
  readonly count: number;
  /** The first few data rows it is about, 1-based. */
  readonly rows: readonly number[];
}

export type LoadErrorCode = DecodeErrorCode | WorkbookErrorCode | 'cancelled' | 'too_many_rows';

export type LoadResult =
  | { readonly ok: true; readonly summary: LoadSummary }
  | { readonly ok: false; readonly code: LoadErrorCode; readonly message: string };

/** Reading progress: records read so far and the share of the file consumed (0 to 1). */
export interface LoadProgress {
  readonly rows: number;
  readonly fraction: number;
}

/** Field key to file column index; `null` leaves the field empty. */
export type Mapping = Readonly<Record<string, number | null>>;

/** Per field: file value to the option it stands for (select fields). */
export type ValueMapping = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** How a cell reads under a hint: the number, the ISO date, or null when it is not valid that way. */
export type HintReading = number | string | null;

/** Counts after validation and after every change, per field and in total. */
export interface ValidationSummary {
  /** Rows that are not deleted. */
  readonly rowCount: number;
  readonly invalidRowCount: number;
  readonly errorCount: number;
  readonly warningCount: number;
  readonly errorsByColumn: Readonly<Record<string, number>>;
  readonly warningsByColumn: Readonly<Record<string, number>>;
  readonly deletedCount: number;
  /** Rows the current filter shows. */
  readonly viewCount: number;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** How each mapped field reads the file, for the fields with something detected, asked or chosen. */
  readonly hints: Readonly<Record<string, FieldHints>>;
  /**
   * In large-file mode: the rows above are only the file's rows with issues; `validRows` more are
   * valid, and are delivered (read from the file again) before them.
   */
  readonly largeFile?: { readonly validRows: number };
}

/** How one field reads its column (see `validate`). */
export interface FieldHints {
  /** The hints the column is read with: detected from the file, the user's choices over them. */
  readonly applied: ColumnHints;
  /** Hints the file's values could not settle and the user has not chosen: ask. */
  readonly confirm: readonly ('decimalSeparator' | 'dateOrder')[];
  /** Up to five cells of the file that decide the hint, or that read either way. */
  readonly examples: readonly string[];
}

/** One distinct value of a select field's column, and the option suggested for it. */
export interface ValueSuggestion {
  readonly value: string;
  /** How many rows hold it (trimmed). */
  readonly count: number;
  /** The option's value, or `null` when nothing is close enough. */
  readonly suggestion: string | null;
  /** 1 for an exact or normalized match, the similarity for a fuzzy one, 0 for none. */
  readonly confidence: number;
}

/** A finding about one cell, as the grid shows it. */
export interface CellIssue {
  readonly code: string;
  readonly level: IssueLevel;
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface GridCell {
  readonly text: string;
  readonly issue?: CellIssue;
}

/** One row of the grid: its position in the current view, its index among the data rows. */
export interface GridRow {
  readonly position: number;
  readonly index: number;
  /** The row's number as the grid shows it, when it is not `index + 1` (large-file mode: its number in the file). */
  readonly number?: number;
  readonly cells: readonly GridCell[];
  /** Findings about the whole row from reading the file (a ragged row, malformed quotes …). */
  readonly issues?: readonly CellIssue[];
}

export interface GridWindow {
  readonly total: number;
  readonly rows: readonly GridRow[];
}

/** Which rows the grid shows. */
export interface Filter {
  readonly errorsOnly: boolean;
  /** With `errorsOnly`, only rows with an error in this field. */
  readonly field?: string | null;
  /** Only rows without errors (ignored with `errorsOnly`). */
  readonly validOnly?: boolean;
}

export interface FindQuery {
  readonly text: string;
  /** Search one field, or all when `null`. */
  readonly field: string | null;
  readonly matchCase?: boolean;
  /** Match only cells whose whole text is `text`. */
  readonly wholeCell?: boolean;
}

export interface EditResult {
  readonly summary: ValidationSummary;
  /** The data row and field that were edited. */
  readonly row: number;
  readonly field: string;
  readonly cell: GridCell;
  /** The cell's text before the edit. */
  readonly before: string;
  /**
   * The other cells the edit re-checked, by data row and field index: a field read from the same
   * file column, and in a unique field the cell the value now collides with or no longer does
   * (a value's only other holder; with two or more others, none of them changes). `null` when
   * there were more than the grid patches (it then reads its window again).
   */
  readonly others: readonly CellChange[] | null;
}

/** A cell's new content, by data row and field index. */
export interface CellChange {
  readonly row: number;
  readonly field: number;
  readonly cell: GridCell;
}

/** A position in the view: row position and field index. */
export interface CellAddress {
  readonly position: number;
  readonly field: number;
}

/** One batch of what submit delivers, ready for a `rows` message. */
export interface DeliveryBatch {
  /** Rows in this batch; 0 past the end. */
  readonly count: number;
  /** The typed records, or the same as one array per field when asked for. */
  readonly rows: Record<string, unknown>[] | RowColumns;
  /** Issues of these rows; `row` is the index among all delivered rows. */
  readonly issues: Issue[];
  /** With `packedNotes`, the notes that only say what a cell's text was, not in `issues`. */
  readonly notes?: NoteColumn[];
  /** Per row, file columns matched to no field, by header (only when asked for). */
  readonly unmatched?: Record<string, string>[];
  /** Rows of this batch that have errors. */
  readonly invalid: number;
}

/** How a delivery batch is built: the host's `rowEncoding`, and unmatched columns beside rows. */
export interface BatchOptions {
  readonly encoding?: InitOptions['rowEncoding'];
  readonly unmatched?: boolean;
  /** The host's `packedNotes`: notes with only their original as packed columns (see `NoteColumn`). */
  readonly packedNotes?: boolean;
}

/** How a row is counted in the summary of the submit step. */
export interface SubmitSummary {
  readonly policy: InvalidRowsPolicy;
  readonly deliverCount: number;
  readonly excludedInvalid: number;
  readonly deleted: number;
  readonly invalidIncluded: number;
  /** Rows (not deleted) that still have errors. */
  readonly invalidRows: number;
  readonly blocked: boolean;
}

/** One typed row for a host hook, with its issues (the host's own findings included). */
export interface ResultRow {
  readonly index: number;
  readonly record: Record<string, unknown>;
  readonly issues: readonly Issue[];
  /** The user deleted the row; it is not delivered. */
  readonly deleted?: true;
  /** File columns matched to no field, by header (only when asked for). */
  readonly unmatched?: Record<string, string>;
}

/** How the worker sends the delivered rows on a port (see `row-channel.ts`). */
export interface ChannelDelivery {
  readonly batchSize: number;
  readonly encoding: InitOptions['rowEncoding'];
  readonly unmatched: boolean;
  readonly packedNotes?: boolean;
  /** How long the host may take over one batch. */
  readonly timeoutMs: number;
}

/** How delivery on the channel ended; `delivered` and `invalid` count the acknowledged rows. */
export type ChannelOutcome = {
  readonly delivered: number;
  readonly invalid: number;
} & (
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: 'timeout'; readonly count: number }
  | { readonly ok: false; readonly reason: 'hook-error'; readonly message: string }
);

/**
 * The worker's session as the frame calls it (through `session-rpc.ts`, so every answer arrives as a
 * promise). Rows are data rows (below the header row), 0-based, unless a method says otherwise.
 */
export interface ImportSessionApi {
  /** The application's columns and options, once per session. */
  configure(columns: readonly ColumnSpec[], options?: SessionOptions): void;
  /** Reads a whole file; a newer `load` or `cancel` supersedes it. Never throws for a bad file. */
  load(file: Blob, onProgress?: (progress: LoadProgress) => void, read?: ReadOptions): Promise<LoadResult>;
  /** Stops a `load` in progress; it resolves with the code `cancelled`. */
  cancel(): void;
  /** Reads the same file again with another encoding, delimiter or sheet. */
  reread(read: ReadOptions, onProgress?: (progress: LoadProgress) => void): Promise<LoadResult>;
  /** Makes another record the header row. */
  setHeaderRow(headerRow: number): LoadSummary;
  /** Distinct values of one file column with their counts, most frequent first. */
  distinctValues(column: number, limit?: number): { value: string; count: number }[];
  /**
   * The distinct values of file column `column` (most frequent first) with the option of select
   * field `fieldKey` each stands for, by core's `matchValues` (exact, normalized, close spelling).
   * The column comes first and is not taken from the mapping: the values step runs before
   * `validate` sets the mapping it leads to.
   */
  suggestValues(column: number, fieldKey: string, limit?: number): ValueSuggestion[];
  /**
   * Each of `texts` (cells of the user's file) read under each of `choices`, by core's
   * `readWithHints`: what the review step shows the user to choose a decimal separator or a
   * day/month order with.
   */
  readWithHints(
    kind: 'number' | 'date',
    texts: readonly string[],
    choices: readonly ColumnHints[],
  ): HintReading[][];
  /**
   * Applies the mapping and validates every row; deletions and history start afresh. Each
   * number and date column is read with the hints core detects from its first 500 rows, the
   * user's `hints` (decimal separator, day/month order) over them; the value mapping of a select
   * field is its `hints.valueMap`. The summary's `hints` say what was applied and what to ask.
   */
  validate(
    mapping: Mapping,
    valueMapping?: ValueMapping,
    hints?: Readonly<Record<string, ColumnHints>>,
  ): ValidationSummary;
  /**
   * `validate`, for the frame: in large-file mode (see `large-file.ts`) it reads the whole file
   * again, checking every row, and keeps for review only the rows with issues.
   */
  validateFile(
    mapping: Mapping,
    valueMapping?: ValueMapping,
    hints?: Readonly<Record<string, ColumnHints>>,
  ): Promise<ValidationSummary>;
  summary(): ValidationSummary;
  edit(row: number, fieldKey: string, value: string): EditResult;
  countValue(fieldKey: string, value: string): number;
  /** Cells of a field (rows not deleted) holding `value` up to case and surrounding spaces, but not `replacement`. */
  countLike(fieldKey: string, value: string, replacement: string): number;
  /** Sets every cell `countLike` counts to `replacement`, as one undo step. */
  replaceLike(
    fieldKey: string,
    value: string,
    replacement: string,
  ): { summary: ValidationSummary; replaced: number };
  findCount(query: FindQuery): number;
  replaceAll(query: FindQuery, replacement: string): { summary: ValidationSummary; replaced: number };
  deleteRows(rows: readonly number[]): ValidationSummary;
  deleteInvalidRows(): ValidationSummary;
  undo(): ValidationSummary;
  redo(): ValidationSummary;
  setFilter(filter: Filter): ValidationSummary;
  window(start: number, count: number, fieldStart?: number, fieldCount?: number): GridWindow;
  nextError(from: CellAddress | null, backwards?: boolean): CellAddress | null;
  exportInvalidCsv(labels: readonly string[], errorsHeader: string, templates: Record<string, string>): Blob;
  submitSummary(): SubmitSummary;
  deliveryBatch(start: number, count: number, options?: BatchOptions): DeliveryBatch;
  deliverOnPort(
    port: MessagePort,
    options: ChannelDelivery,
    onProgress: (delivered: number) => void,
  ): Promise<ChannelOutcome>;
  records(start: number, count: number, includeUnmatched?: boolean): ResultRow[];
  applyHostFindings(
    start: number,
    end: number,
    issues: readonly Issue[],
    values: readonly { row: number; column: string; value: unknown }[],
  ): ValidationSummary;
}
