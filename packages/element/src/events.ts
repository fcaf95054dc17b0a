import type { CellValue, ErrorCode, ImportMeta as WireImportMeta, WireIssue } from '@csv-importer/protocol';
import { type ImportedColumns, RowBatch } from './delivered-rows.ts';

export type { ImportedColumns };

/** A delivered row: field key to value (text, number, boolean, `null` when empty, or a list). */
export type ImportedRow = Record<string, CellValue>;

/** A finding about one cell of the delivered rows; `row` indexes the delivered rows. */
export type ImportIssue = WireIssue;

/**
 * What the complete event tells about the import besides the rows: file name, encoding,
 * delimiter, sheet, row counts (delivered, valid, invalid, excluded), the column mapping, timings
 * and the host's own `metadata`.
 */
export type ImportMeta = WireImportMeta;

/**
 * Stable codes of `csv-importer-error`: the protocol's, and those only the element can tell
 * (the frame did not start, navigated away, lost its page, stopped answering, or asked for a
 * download the element refused).
 */
export type ImporterErrorCode =
  | ErrorCode
  | 'frame_unavailable'
  | 'frame_navigated'
  | 'frame_lost'
  | 'frame_unresponsive'
  | 'download_refused'
  | 'storage_failed';

const init: EventInit = { bubbles: true, composed: true };

/** A value as given, or a function that makes it the first time it is read. */
export type Lazy<T> = T | (() => T);

/** Issues as given, or a function that builds them the first time they are read. */
export type LazyIssues = Lazy<readonly ImportIssue[]>;

/** Reads a `Lazy` value once, keeping what it made. */
class Once<T> {
  #source: Lazy<T>;
  constructor(source: Lazy<T>) {
    this.#source = source;
  }
  get(): T {
    if (typeof this.#source === 'function') this.#source = (this.#source as () => T)();
    return this.#source;
  }
}

/**
 * The user submitted and every batch was delivered: `rows` holds every row (after the
 * `transform` hook), `columns` the same by field, `issues` every finding, ordered by row, `meta`
 * the metadata. Hosts that stream large files listen to `csv-importer-rows` instead.
 */
export class CsvImporterCompleteEvent<Row = ImportedRow> extends Event {
  static readonly eventName = 'csv-importer-complete';
  readonly #rows: Once<readonly Row[]>;
  readonly #issues: Once<readonly ImportIssue[]>;
  readonly #columns: Once<ImportedColumns>;
  constructor(
    rows: Lazy<readonly Row[]>,
    issues: LazyIssues,
    readonly meta: ImportMeta,
    /** File columns matched to no field, per row, by header (with `include-unmatched`). */
    readonly unmatched?: readonly Readonly<Record<string, string>>[],
    columns?: Lazy<ImportedColumns>,
  ) {
    super(CsvImporterCompleteEvent.eventName, init);
    this.#rows = new Once(rows);
    this.#issues = new Once(issues);
    this.#columns = new Once(columns ?? (() => new RowBatch(this.rows).columns));
  }

  /**
   * Every delivered row, a record per row. A page that read the batches by `columns` gets them
   * built the first time this is read.
   */
  get rows(): readonly Row[] {
    return this.#rows.get();
  }

  /** Every delivered row by field: `columns[key][i]` is `rows[i][key]`; built when first read. */
  get columns(): ImportedColumns {
    return this.#columns.get();
  }

  /**
   * Every finding about the delivered rows, info notes included; `issues[i].row` indexes `rows`.
   * Built the first time it is read (a million notes cost nothing to a host that never reads them).
   */
  get issues(): readonly ImportIssue[] {
    return this.#issues.get();
  }
}

/**
 * One batch of delivered rows, in order: `start` is the index of its first row. The next batch
 * comes only after every listener's `waitUntil` promise settled, so a slow consumer sets the
 * pace instead of piling rows up in memory. Read the batch as `rows` (a record per row) or as
 * `columns` (an array of values per field, with no record built): each is made when first read.
 */
export class CsvImporterRowsEvent<Row = ImportedRow> extends Event {
  static readonly eventName = 'csv-importer-rows';
  readonly #waits: Promise<unknown>[] = [];
  readonly #batch: RowBatch<Row>;
  readonly #issues: Once<readonly ImportIssue[]>;
  constructor(
    rows: RowBatch<Row> | readonly Row[],
    issues: LazyIssues,
    readonly start: number,
    readonly unmatched?: readonly Readonly<Record<string, string>>[],
  ) {
    super(CsvImporterRowsEvent.eventName, init);
    this.#batch = rows instanceof RowBatch ? rows : new RowBatch(rows);
    this.#issues = new Once(issues);
  }

  /** The batch's rows, a record per row; row `i` is delivered row `start + i`. */
  get rows(): readonly Row[] {
    return this.#batch.rows;
  }

  /**
   * The batch's rows by field: `columns[key][i]` is `rows[i][key]`, typed values with no record
   * per row built (the frame sends them by column).
   */
  get columns(): ImportedColumns {
    return this.#batch.columns;
  }

  /** The findings about this batch's rows, ordered by row; built the first time it is read. */
  get issues(): readonly ImportIssue[] {
    return this.#issues.get();
  }

  /** Holds back the next batch until `promise` settles (call it during dispatch). */
  waitUntil(promise: Promise<unknown>): void {
    this.#waits.push(promise);
  }

  /** @internal Settles when every `waitUntil` promise has. */
  settled(): Promise<PromiseSettledResult<unknown>[]> {
    return Promise.allSettled(this.#waits);
  }
}

/** Progress of the import inside the frame. */
export class CsvImporterProgressEvent extends Event {
  static readonly eventName = 'csv-importer-progress';
  constructor(
    readonly phase: 'reading' | 'validating' | 'submitting',
    readonly rows: number,
    readonly total?: number,
  ) {
    super(CsvImporterProgressEvent.eventName, init);
  }
}

/** The import cannot go on, or a message was refused; `code` is stable, `message` is for people. */
export class CsvImporterErrorEvent extends Event {
  static readonly eventName = 'csv-importer-error';
  constructor(
    readonly code: ImporterErrorCode,
    readonly message: string,
  ) {
    super(CsvImporterErrorEvent.eventName, init);
  }
}

/**
 * The user cancelled what the importer was doing: reading a file (`phase: 'reading'`). The
 * importer is back at its upload step, ready for another file.
 */
export class CsvImporterCancelEvent extends Event {
  static readonly eventName = 'csv-importer-cancel';
  constructor(readonly phase: 'reading') {
    super(CsvImporterCancelEvent.eventName, init);
  }
}

/** The importer closed, by the user or by `close()`. */
export class CsvImporterCloseEvent extends Event {
  static readonly eventName = 'csv-importer-close';
  constructor() {
    super(CsvImporterCloseEvent.eventName, init);
  }
}

/**
 * The user asked the importer for a file (the template of the expected columns, or the rows with
 * errors). The sandboxed frame may not download, so the element saves `text` under `fileName` in
 * this page unless a listener calls `preventDefault()` (to save or upload it another way).
 * `text` is exactly what the importer produced: cells that would start a formula are guarded.
 */
export class CsvImporterDownloadEvent extends Event {
  static readonly eventName = 'csv-importer-download';
  constructor(
    readonly fileName: string,
    readonly mimeType: 'text/csv',
    readonly text: string,
  ) {
    super(CsvImporterDownloadEvent.eventName, { ...init, cancelable: true });
  }
}

/**
 * One protocol message between the element and its frame, as sent or as accepted after parsing;
 * dispatched only while the element's `debug` attribute is set.
 */
export class CsvImporterMessageEvent extends Event {
  static readonly eventName = 'csv-importer-message';
  constructor(
    readonly direction: 'sent' | 'received',
    readonly message: Readonly<Record<string, unknown>>,
  ) {
    super(CsvImporterMessageEvent.eventName, init);
  }
}

/** Every event `<csv-importer>` dispatches, by name. */
export interface CsvImporterEventMap {
  'csv-importer-complete': CsvImporterCompleteEvent;
  'csv-importer-rows': CsvImporterRowsEvent;
  'csv-importer-progress': CsvImporterProgressEvent;
  'csv-importer-error': CsvImporterErrorEvent;
  'csv-importer-close': CsvImporterCloseEvent;
  'csv-importer-cancel': CsvImporterCancelEvent;
  'csv-importer-download': CsvImporterDownloadEvent;
  'csv-importer-message': CsvImporterMessageEvent;
}
