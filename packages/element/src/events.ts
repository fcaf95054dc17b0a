import type { Complete, ErrorCode } from '@csv-importer/protocol';

/** A delivered row: field key to typed value (dates as ISO strings), `null` for an empty cell. */
export type ImportedRow = Record<string, string | number | boolean | string[] | null>;

/** A finding about one cell of the delivered rows. */
export type ImportIssue = Complete['issues'][number];

/** What the complete event tells about the import besides the rows. */
export type ImportMeta = Complete['meta'];

const init: EventInit = { bubbles: true, composed: true };

/** The user submitted: `rows` holds every row, `issues` every finding, keyed by row index. */
export class CsvImporterCompleteEvent<Row = ImportedRow> extends Event {
  static readonly eventName = 'csv-importer-complete';
  constructor(
    readonly rows: readonly Row[],
    readonly issues: readonly ImportIssue[],
    readonly meta: ImportMeta,
  ) {
    super(CsvImporterCompleteEvent.eventName, init);
  }
}

/** The import cannot go on, or a message was refused; `code` is stable, `message` is for people. */
export class CsvImporterErrorEvent extends Event {
  static readonly eventName = 'csv-importer-error';
  constructor(
    readonly code: ErrorCode | 'frame_unavailable',
    readonly message: string,
  ) {
    super(CsvImporterErrorEvent.eventName, init);
  }
}

/** The importer closed, by the user or by `close()`. */
export class CsvImporterCloseEvent extends Event {
  static readonly eventName = 'csv-importer-close';
  constructor() {
    super(CsvImporterCloseEvent.eventName, init);
  }
}

/** Every event `<csv-importer>` dispatches, by name. */
export interface CsvImporterEventMap {
  'csv-importer-complete': CsvImporterCompleteEvent;
  'csv-importer-error': CsvImporterErrorEvent;
  'csv-importer-close': CsvImporterCloseEvent;
}
