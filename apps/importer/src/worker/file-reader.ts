import {
  type ColumnSpec,
  DecodeError,
  decodeFile,
  detectHeaderRow,
  HEADER_SCAN_ROWS,
  headerNames,
  type IssueCode,
  type IssueLevel,
  type IssueParams,
  matchColumns,
  openSpreadsheet,
  parseTextStream,
  sniffFile,
  WorkbookError,
} from '@csv-importer/core';
import { CellStore } from './cell-store.ts';
import type { LoadErrorCode, LoadProgress, LoadSummary, ReadOptions } from './session-types.ts';

const PREVIEW_ROWS = 12;
const SAMPLE_ROWS = 50;
const PROGRESS_INTERVAL_MS = 100;

/** A finding about a whole record of the file (not one cell); `record` counts the file's records. */
export interface RecordIssue {
  readonly record: number;
  readonly code: IssueCode;
  readonly level: IssueLevel;
  readonly params?: IssueParams;
}

/** Where the rows came from: what `LoadSummary` says about the file besides its rows. */
export interface SourceInfo {
  readonly fileName: string;
  readonly encoding: string;
  readonly delimiter: string;
  /** For a workbook: its visible sheets and the one read. */
  readonly sheets?: readonly string[];
  readonly sheet?: string;
}

/** A file read whole: its records, the header row guessed, and what the reading found wrong. */
export interface FileRead {
  readonly store: CellStore;
  readonly source: SourceInfo;
  readonly headerRow: number;
  readonly recordIssues: readonly RecordIssue[];
}

export type ReadOutcome =
  | { readonly ok: true; readonly read: FileRead }
  | { readonly ok: false; readonly code: LoadErrorCode; readonly message: string };

/**
 * Reads a file (CSV, TSV or text of any supported encoding, or one sheet of an XLSX workbook)
 * into a `CellStore`, and guesses its header row. A file that cannot be read resolves to a
 * specific error code rather than throwing, since thrown errors lose their fields on the way
 * through comlink. A newer `read` or `cancel` supersedes the one in progress.
 */
export class SourceReader {
  readonly #beat: () => void;
  #columns: readonly ColumnSpec[] = [];
  #maxRows: number | undefined;
  #file: Blob | undefined;
  #generation = 0;

  constructor(beat: () => void) {
    this.#beat = beat;
  }

  configure(columns: readonly ColumnSpec[], maxRows: number | undefined): void {
    this.#columns = columns;
    this.#maxRows = maxRows;
  }

  /** The last file read successfully, for reading it again with other options. */
  get file(): Blob | undefined {
    return this.#file;
  }

  async read(
    file: Blob,
    read: ReadOptions,
    onProgress?: (progress: LoadProgress) => void,
  ): Promise<ReadOutcome> {
    const generation = ++this.#generation;
    try {
      return { ok: true, read: await this.#read(file, generation, onProgress, read) };
    } catch (error) {
      if (error instanceof DecodeError || error instanceof LoadStop || error instanceof WorkbookError)
        return { ok: false, code: error.code, message: error.message };
      throw error;
    }
  }

  /** Stops a `read` in progress; it resolves with the code `cancelled`. */
  cancel(): void {
    this.#generation++;
  }

  async #read(
    file: Blob,
    generation: number,
    onProgress: ((progress: LoadProgress) => void) | undefined,
    read: ReadOptions,
  ): Promise<FileRead> {
    const kind = sniffFile(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
    if (kind === 'xlsx' || kind === 'xls') return this.#readWorkbook(file, read.sheet, onProgress);
    const store = new CellStore();
    const decoded = await decodeFile(file, read.encoding);
    let chars = 0;
    const counted = decoded.text.pipeThrough(
      new TransformStream<string, string>({
        transform(chunk, controller) {
          chars += chunk.length;
          controller.enqueue(chunk);
        },
      }),
    );
    let delimiter = read.delimiter ?? ',';
    let lastProgress = 0;
    const maxRows = this.#maxRows;
    const maxRecords = recordLimit(maxRows);
    // Leaving this loop early (a limit, a newer read) cancels the file's stream: nothing more is
    // read, and the rows read so far go with `store`.
    for await (const batch of parseTextStream(counted, read.delimiter ? { delimiter: read.delimiter } : {})) {
      this.#beat();
      if (generation !== this.#generation) throw new LoadStop('cancelled', 'Reading was cancelled.');
      delimiter = batch.dialect.delimiter;
      store.append(batch.rows);
      if (store.length > maxRecords) throw tooManyRows(maxRows!);
      const now = performance.now();
      if (onProgress && now - lastProgress > PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        onProgress({ rows: store.length, fraction: Math.min(1, chars / Math.max(1, file.size)) });
      }
    }
    if (generation !== this.#generation) throw new LoadStop('cancelled', 'Reading was cancelled.');
    if (store.length === 0) throw new DecodeError('empty_file', 'The file has no rows.');
    const headerRow = detectHeader(store, this.#columns);
    if (maxRows !== undefined && store.length - headerRow - 1 > maxRows) throw tooManyRows(maxRows);
    onProgress?.({ rows: store.length, fraction: 1 });
    this.#file = file;
    const fileName = (file as File).name ?? 'pasted.tsv';
    return {
      store,
      headerRow,
      source: { fileName, encoding: decoded.encoding, delimiter },
      recordIssues: [],
    };
  }

  /**
   * Reads one sheet of a workbook (XLSX; XLS, XLSB and ODS in the full build) (the one asked for, or else the first visible sheet with
   * more than one row, so a leading notes sheet is passed over). Cells arrive typed; they are
   * kept as text, which every column type reads back (dates are already ISO).
   */
  async #readWorkbook(
    file: Blob,
    sheet: string | undefined,
    onProgress: ((progress: LoadProgress) => void) | undefined,
  ): Promise<FileRead> {
    const workbook = await openSpreadsheet(file);
    const sheets = workbook.sheets.filter((s) => !s.hidden).map((s) => s.name);
    const maxRows = this.#maxRows;
    const maxRecords = recordLimit(maxRows);
    // The sheet's rows are read only up to the limit (and one more, to know it was passed).
    const read = (name: string) =>
      workbook
        .readSheet(name, {
          ...(maxRows !== undefined ? { maxRows: maxRecords } : {}),
          onProgress: () => this.#beat(),
        })
        .filter((row) => row.some((cell) => cell !== null && cell !== ''))
        .map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
    let chosen = sheet ?? sheets[0] ?? '';
    let rows = read(chosen);
    if (sheet === undefined) {
      for (const name of sheets) {
        const candidate = name === chosen ? rows : read(name);
        if (candidate.length > 1) {
          chosen = name;
          rows = candidate;
          break;
        }
      }
    }
    if (rows.length === 0) throw new DecodeError('empty_file', 'The sheet has no rows.');
    if (rows.length > maxRecords) throw tooManyRows(maxRows!);
    const store = new CellStore();
    store.append(rows);
    const headerRow = detectHeader(store, this.#columns);
    if (maxRows !== undefined && store.length - headerRow - 1 > maxRows) throw tooManyRows(maxRows);
    onProgress?.({ rows: store.length, fraction: 1 });
    this.#file = file;
    const fileName = (file as File).name ?? 'workbook.xlsx';
    return {
      store,
      headerRow,
      source: { fileName, encoding: 'xlsx', delimiter: '', sheets, sheet: chosen },
      recordIssues: [],
    };
  }
}

/** The header row the first records suggest for these columns. */
function detectHeader(store: CellStore, columns: readonly ColumnSpec[]): number {
  const first: string[][] = [];
  for (let r = 0; r < Math.min(store.length, 20); r++) first.push(store.record(r));
  const { index } = detectHeaderRow(first, columns);
  return Math.max(0, Math.min(index, store.length - 1));
}

/** What the frame is told about a file read with `headerRow` as its header row. */
export function summarize(
  store: CellStore,
  headerRow: number,
  source: SourceInfo,
  columns: readonly ColumnSpec[],
): LoadSummary {
  const base = headerRow + 1;
  const headers = headerNames(store.record(headerRow));
  const samples = headers.map((_, c) => {
    const values: string[] = [];
    for (let r = base; r < Math.min(store.length, base + SAMPLE_ROWS) && values.length < 3; r++) {
      const value = store.get(r, c).trim();
      if (value !== '' && !values.includes(value)) values.push(value);
    }
    return values;
  });
  const preview: string[][] = [];
  for (let r = 0; r < Math.min(store.length, PREVIEW_ROWS); r++) preview.push(store.record(r));
  return {
    fileName: source.fileName,
    encoding: source.encoding,
    delimiter: source.delimiter,
    headerRow,
    headers,
    rowCount: store.length - base,
    suggestions: matchColumns(headers, columns),
    samples,
    preview,
    ...(source.sheets ? { sheets: source.sheets, sheet: source.sheet } : {}),
  };
}

/**
 * Records a file may have within `maxRows` data rows: the header row is among the first
 * `HEADER_SCAN_ROWS` records, so a file with more records than this has more data rows than
 * allowed whichever row turns out to be the header.
 */
function recordLimit(maxRows: number | undefined): number {
  return maxRows === undefined ? Number.POSITIVE_INFINITY : maxRows + HEADER_SCAN_ROWS;
}

function tooManyRows(maxRows: number): LoadStop {
  return new LoadStop('too_many_rows', `The file has more than ${maxRows.toLocaleString('en-US')} rows.`);
}

/** Ends a read early with a code the frame turns into a message. */
class LoadStop extends Error {
  constructor(
    readonly code: LoadErrorCode,
    message: string,
  ) {
    super(message);
  }
}
