import type { CellValue, ErrorCode, ImportMeta as WireImportMeta, WireIssue } from '@csv-importer/protocol';

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

/** Issues as given, or a function that builds them the first time they are read. */
export type LazyIssues = readonly ImportIssue[] | (() => readonly ImportIssue[]);

/** Reads `LazyIssues` once, keeping the list it built. */
class IssueList {
  #source: LazyIssues;
  constructor(source: LazyIssues) {
    this.#source = source;
  }
  get(): readonly ImportIssue[] {
    if (typeof this.#source === 'function') this.#source = this.#source();
    return this.#source;
  }
}

/**
 * The user submitted and every batch was delivered: `rows` holds every row (after the
 * `transform` hook), `issues` every finding, ordered by row, `meta` the metadata. Hosts that
 * stream large files listen to `csv-importer-rows` instead.
 */
export class CsvImporterCompleteEvent<Row = ImportedRow> extends Event {
  static readonly eventName = 'csv-importer-complete';
  readonly #issues: IssueList;
  constructor(
    readonly rows: readonly Row[],
    issues: LazyIssues,
    readonly meta: ImportMeta,
    /** File columns matched to no field, per row, by header (with `include-unmatched`). */
    readonly unmatched?: readonly Readonly<Record<string, string>>[],
  ) {
    super(CsvImporterCompleteEvent.eventName, init);
    this.#issues = new IssueList(issues);
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
 * pace instead of piling rows up in memory.
 */
export class CsvImporterRowsEvent<Row = ImportedRow> extends Event {
  static readonly eventName = 'csv-importer-rows';
  readonly #waits: Promise<unknown>[] = [];
  readonly #issues: IssueList;
  constructor(
    readonly rows: readonly Row[],
    issues: LazyIssues,
    readonly start: number,
    readonly unmatched?: readonly Readonly<Record<string, string>>[],
  ) {
    super(CsvImporterRowsEvent.eventName, init);
    this.#issues = new IssueList(issues);
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
