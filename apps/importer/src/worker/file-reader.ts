// Just over 400 lines: reading a file (text or workbook) into the cell store with progress,
// cancel, header detection and the reading's findings; the summary for the frame is the seam
// left (`summarize` and `readingFindings`, about 60 lines).
import {
  type ColumnSpec,
  DecodeError,
  detectHeaderRow,
  encodingSamples,
  fileEncoding,
  HEADER_SCAN_ROWS,
  type HeaderContext,
  headerNames,
  LOW_CONFIDENCE,
  leadingBlankLine,
  matchColumns,
  openSpreadsheet,
  parseEncodedColumnStream,
  type RecordIssue,
  RecordWidths,
  sniffFile,
  WorkbookError,
} from '@csv-importer/core';
import { LatestCall } from '../latest-call.ts';
import { CellStore } from './cell-store.ts';
import type {
  EncodingDoubt,
  LoadErrorCode,
  LoadProgress,
  LoadSummary,
  ReadingFinding,
  ReadOptions,
} from './session-types.ts';

export type { RecordIssue };

const PREVIEW_ROWS = 12;
const SAMPLE_ROWS = 50;
const PROGRESS_INTERVAL_MS = 100;

/** Record numbers a reading finding names in the summary; the grid shows every one. */
const NAMED_ROWS = 5;

/** Where the rows came from: what `LoadSummary` says about the file besides its rows. */
export interface SourceInfo {
  readonly fileName: string;
  readonly encoding: string;
  readonly delimiter: string;
  /** For a workbook: its visible sheets and the one read. */
  readonly sheets?: readonly string[];
  readonly sheet?: string;
  /** The encoding was detected, not chosen, and the detection is unsure. */
  readonly encodingDoubt?: EncodingDoubt;
}

/** A file read whole: its records, the header row guessed, and what the reading found wrong. */
export interface FileRead {
  readonly store: CellStore;
  readonly source: SourceInfo;
  readonly headerRow: number;
  /** `headerRow` was detected with certainty (core's `detectHeaderRow`): no one need confirm it. */
  readonly headerCertain: boolean;
  /**
   * What reading found about whole records, for `headerRow`: `malformed_quotes`, `invalid_bytes`
   * and `ragged_row`, in record order. Another header row gives other ragged rows: see
   * `recordIssuesBelow`.
   */
  readonly recordIssues: readonly RecordIssue[];
  /** The findings that do not depend on the header row, and every record's width. */
  readonly found: ReadFindings;
  /**
   * Only the first records of a text file were read (`read`'s `previewRecords`), for the steps
   * before review; large-file mode reads the rest as it validates.
   */
  readonly preview?: boolean;
}

/** What reading found, before a header row is chosen. */
export interface ReadFindings {
  readonly issues: readonly RecordIssue[];
  readonly widths: RecordWidths;
}

/**
 * The record issues of a file read into `store` when `headerRow` is its header row: the reading
 * findings and the rows whose cells do not line up with that header, in record order.
 */
export function recordIssuesBelow(store: CellStore, found: ReadFindings, headerRow: number): RecordIssue[] {
  const ragged = found.widths.raggedBelow(headerRow, (record, column) => store.get(record, column));
  if (ragged.length === 0) return [...found.issues];
  return [...found.issues, ...ragged].sort((a, b) => a.record - b.record);
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
  /** The read in progress: a newer read or a cancel supersedes it. */
  readonly #reads = new LatestCall();

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

  /**
   * Reads `file`; with `previewRecords`, a text file (not a workbook) only up to that many
   * records, and the read says it is a `preview`.
   */
  async read(
    file: Blob,
    read: ReadOptions,
    onProgress?: (progress: LoadProgress) => void,
    previewRecords?: number,
  ): Promise<ReadOutcome> {
    // A newer read or a cancel aborts this one; a workbook's sheet hears it between its pieces.
    try {
      const outcome = await this.#reads.run((signal) =>
        this.#read(file, onProgress, read, signal, previewRecords),
      );
      if (!outcome.current) return { ok: false, code: 'cancelled', message: 'Reading was cancelled.' };
      return { ok: true, read: outcome.value };
    } catch (error) {
      if (error instanceof DecodeError || error instanceof LoadStop || error instanceof WorkbookError)
        return { ok: false, code: error.code, message: error.message };
      throw error;
    }
  }

  /** Stops a `read` in progress; it resolves with the code `cancelled`. */
  cancel(): void {
    this.#reads.cancel();
  }

  async #read(
    file: Blob,
    onProgress: ((progress: LoadProgress) => void) | undefined,
    read: ReadOptions,
    signal: AbortSignal,
    previewRecords = Number.POSITIVE_INFINITY,
  ): Promise<FileRead> {
    const kind = sniffFile(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
    if (kind === 'xlsx' || kind === 'xls') return this.#readWorkbook(file, read.sheet, onProgress, signal);
    const store = new CellStore();
    const decoded = await fileEncoding(file, read.encoding);
    let bytesRead = 0;
    // The file's first bytes, to tell whether blank lines came before the first record.
    let headBytes = new Uint8Array(0);
    const counted = file.stream().pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          if (headBytes.length < 256) headBytes = new Uint8Array([...headBytes, ...chunk.subarray(0, 256)]);
          bytesRead += chunk.length;
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
    const issues: RecordIssue[] = [];
    const widths = new RecordWidths();
    // Records read, kept or not: past a preview's records, a file with a row limit is read on
    // (without keeping anything) to refuse it now if it has too many rows, as the default mode does.
    let records = 0;
    // The tokenizer's batches of packed columns become the store's runs as they are.
    const dialect = read.delimiter ? { delimiter: read.delimiter } : {};
    for await (const batch of parseEncodedColumnStream(counted, decoded.encoding, dialect)) {
      this.#beat();
      if (signal.aborted) throw new LoadStop('cancelled', 'Reading was cancelled.');
      delimiter = batch.dialect.delimiter;
      records += batch.records.rows;
      const wanted = previewRecords - store.length;
      if (wanted > 0) {
        const kept = Math.min(batch.records.rows, wanted);
        store.appendPacked(batch.records, kept);
        widths.addWidths(batch.records.widths, kept);
        for (const issue of batch.issues) if (issue.record < store.length) issues.push(issue);
      }
      if (records > maxRecords) throw tooManyRows(maxRows!);
      if (store.length >= previewRecords && maxRows === undefined) break;
      const now = performance.now();
      if (onProgress && now - lastProgress > PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        onProgress({ rows: records, fraction: Math.min(1, bytesRead / Math.max(1, file.size)) });
      }
    }
    if (signal.aborted) throw new LoadStop('cancelled', 'Reading was cancelled.');
    if (store.length === 0) throw new DecodeError('empty_file', 'The file has no rows.');
    const { headerRow, headerCertain } = detectHeader(store, widths, this.#columns, {
      blankBefore: leadingBlankLine(new TextDecoder(decoded.encoding).decode(headBytes)),
    });
    refuseWithoutRows(store, headerRow);
    if (maxRows !== undefined && records - headerRow - 1 > maxRows) throw tooManyRows(maxRows);
    onProgress?.({ rows: records, fraction: 1 });
    this.#file = file;
    const fileName = (file as File).name ?? 'pasted.tsv';
    const preview = Number.isFinite(previewRecords);
    const found = { issues, widths };
    const { detected } = decoded;
    const doubt =
      read.encoding === undefined && detected.confidence < LOW_CONFIDENCE
        ? {
            confidence: detected.confidence,
            alternatives: encodingSamples(new Uint8Array(await file.slice(0, 64 * 1024).arrayBuffer()), [
              detected.encoding,
              ...(detected.alternatives ?? []),
            ]),
          }
        : undefined;
    return {
      store,
      headerRow,
      headerCertain,
      source: { fileName, encoding: decoded.encoding, delimiter, ...(doubt ? { encodingDoubt: doubt } : {}) },
      recordIssues: recordIssuesBelow(store, found, headerRow),
      found,
      ...(preview ? { preview } : {}),
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
    signal: AbortSignal,
  ): Promise<FileRead> {
    const workbook = await openSpreadsheet(file);
    const sheets = workbook.sheets.filter((s) => !s.hidden).map((s) => s.name);
    const maxRows = this.#maxRows;
    const maxRecords = recordLimit(maxRows);
    // The sheet's rows are read only up to the limit (and one more, to know it was passed). An
    // XLSX sheet is read a slice at a time, so the worker hears a cancel (the signal) meanwhile.
    const read = async (name: string) => {
      const options = {
        ...(maxRows !== undefined ? { maxRows: maxRecords } : {}),
        onProgress: () => this.#beat(),
        signal,
      };
      const values = await workbook.readSheet(name, options);
      // The sheet's first row is blank (blank rows are dropped): its table does not start at the top.
      if (!(values[0] ?? []).some((cell) => cell !== null && cell !== '')) blankFirst.add(name);
      return values
        .filter((row) => row.some((cell) => cell !== null && cell !== ''))
        .map((row) => row.map((cell) => (cell === null ? '' : String(cell))));
    };
    const blankFirst = new Set<string>();
    let chosen = sheet ?? sheets[0] ?? '';
    let rows = await read(chosen);
    if (sheet === undefined) {
      for (const name of sheets) {
        const candidate = name === chosen ? rows : await read(name);
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
    const widths = new RecordWidths();
    widths.add(rows);
    const blankBefore = blankFirst.has(chosen);
    const { headerRow, headerCertain } = detectHeader(store, widths, this.#columns, { blankBefore });
    if (sheet === undefined) refuseWithoutRows(store, headerRow);
    if (maxRows !== undefined && store.length - headerRow - 1 > maxRows) throw tooManyRows(maxRows);
    onProgress?.({ rows: store.length, fraction: 1 });
    this.#file = file;
    const fileName = (file as File).name ?? 'workbook.xlsx';
    return {
      store,
      headerRow,
      headerCertain,
      source: { fileName, encoding: 'xlsx', delimiter: '', sheets, sheet: chosen },
      recordIssues: recordIssuesBelow(store, { issues: [], widths }, headerRow),
      found: { issues: [], widths },
    };
  }
}

/** The header row the first records suggest for these columns, and whether it is certain. */
function detectHeader(
  store: CellStore,
  widths: RecordWidths,
  columns: readonly ColumnSpec[],
  context: HeaderContext,
): { headerRow: number; headerCertain: boolean } {
  const first: string[][] = [];
  // Each record as wide as the file has it, not padded to the widest record.
  for (let r = 0; r < Math.min(store.length, HEADER_SCAN_ROWS); r++)
    first.push(store.record(r).slice(0, widths.widthOf(r)));
  const { index, certain } = detectHeaderRow(first, columns, context);
  return { headerRow: Math.max(0, Math.min(index, store.length - 1)), headerCertain: certain };
}

/**
 * Refuses a file whose records are a header row and nothing below it (`no_data_rows`): there is
 * nothing to import, and going on would end in an import of nothing. (A sheet the user picked
 * is shown instead: the reading step says it has no rows and offers the other sheets.)
 */
function refuseWithoutRows(store: CellStore, headerRow: number): void {
  if (headerRow < store.length - 1) return;
  throw new DecodeError(
    'no_data_rows',
    store.length === 1
      ? 'The file has a header row but no rows of data below it.'
      : `The file has no rows of data below its header row (row ${headerRow + 1}).`,
  );
}

/** What the frame is told about a file read with `headerRow` as its header row. */
export function summarize(
  store: CellStore,
  headerRow: number,
  source: SourceInfo,
  columns: readonly ColumnSpec[],
  recordIssues: readonly RecordIssue[] = [],
): LoadSummary {
  const findings = readingFindings(recordIssues, headerRow);
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
    suggestions: matchColumns(headers, columns, { samples }),
    samples,
    preview,
    ...(source.sheets ? { sheets: source.sheets, sheet: source.sheet } : {}),
    ...(source.encodingDoubt ? { encodingDoubt: source.encodingDoubt } : {}),
    ...(findings.length > 0 ? { readingFindings: findings } : {}),
  };
}

/**
 * The record issues below `headerRow` by code, each with its count and its first data rows
 * (1-based, as the grid numbers them), for the reading step to name.
 */
function readingFindings(issues: readonly RecordIssue[], headerRow: number): ReadingFinding[] {
  const byCode = new Map<RecordIssue['code'], { count: number; rows: number[] }>();
  for (const issue of issues) {
    if (issue.record <= headerRow) continue;
    const finding = byCode.get(issue.code) ?? { count: 0, rows: [] };
    finding.count++;
    if (finding.rows.length < NAMED_ROWS) finding.rows.push(issue.record - headerRow);
    byCode.set(issue.code, finding);
  }
  return [...byCode].map(([code, finding]) => ({ code, ...finding }));
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
