import {
  type ColumnMatch,
  type ColumnSpec,
  type CompiledColumn,
  compileColumn,
  DecodeError,
  type DecodeErrorCode,
  decodeFile,
  detectHeaderRow,
  type Encoding,
  HEADER_SCAN_ROWS,
  headerNames,
  type Issue,
  type IssueLevel,
  matchColumns,
  parseTextStream,
  readWorkbook,
  sniffFile,
  WorkbookError,
  type WorkbookErrorCode,
} from '@csv-importer/core';
import type { CellValue, InitOptions } from '@csv-importer/protocol';
// Not the package's index: its schemas would come into the worker's bundle with it.
import { packColumn, type RowColumns, transferList } from '@csv-importer/protocol/row-columns';
import * as Comlink from 'comlink';
import { csvLine } from '../csv/csv-writer.ts';
import { CellStore } from './cell-store.ts';
import { type Change, History } from './history.ts';
import { type ChannelDelivery, type ChannelOutcome, deliverOnPort } from './row-channel.ts';
import { UniqueRows } from './unique-rows.ts';

/** What the application allows for rows that still have errors at submit. */
export type InvalidRowsPolicy = 'block' | 'exclude' | 'include';

/** Settings from the host's `init`, read once per session. */
export interface SessionOptions {
  readonly invalidRows?: InvalidRowsPolicy;
  /** Deliver file columns that match no field, under their header. */
  readonly includeUnmatched?: boolean;
  /** Refuse files with more data rows than this. */
  readonly maxRows?: number;
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
  readonly cells: readonly GridCell[];
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

/** Typed rows for delivery, `count` at a time, after the invalid-rows policy is applied. */
export interface DeliveryWindow {
  readonly total: number;
  readonly rows: Record<string, unknown>[];
  /** Issues of these rows; `row` is the index among the delivered rows. */
  readonly issues: Issue[];
}

/** One batch of what submit delivers, ready for a `rows` message. */
export interface DeliveryBatch {
  /** Rows in this batch; 0 past the end. */
  readonly count: number;
  /** The typed records, or the same as one array per field when asked for. */
  readonly rows: Record<string, unknown>[] | RowColumns;
  /** Issues of these rows; `row` is the index among all delivered rows. */
  readonly issues: Issue[];
  /** Per row, file columns matched to no field, by header (only when asked for). */
  readonly unmatched?: Record<string, string>[];
  /** Rows of this batch that have errors. */
  readonly invalid: number;
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

interface HostFinding {
  readonly code: number;
  readonly params?: Readonly<Record<string, string | number>>;
}

const VALID = 0;
const PREVIEW_ROWS = 12;
const SAMPLE_ROWS = 50;
const PROGRESS_INTERVAL_MS = 100;
/** Long loops call the heartbeat once per this many rows plus one (a cheap bit test). */
const BEAT_MASK = 0x3fff;
/** Past this many other cells changed by one edit, the grid reads its window again instead. */
const MAX_EDIT_PATCH = 200;

interface CodeEntry {
  readonly code: string;
  readonly level: IssueLevel;
}

/**
 * The dataset of one import, owned by the worker for the whole session. The frame's main thread
 * holds only the rows it shows and asks for windows of them.
 *
 * Storage is columnar: the file's cells in a `CellStore`, and beside them, per field, a byte per
 * row naming the issue of that cell (0 when valid) in a table of codes, plus per-row error
 * counts. Edits write into the store and re-check only the cells they touch, keeping every count
 * current, so a change at a million rows costs microseconds. Deleted rows are flagged, never
 * moved, so undo is a flip of the flag. The user's rows are never annotated: issues live beside
 * them.
 */
export class ImportSession {
  /** Called from inside long loops, so the frame hears from a busy worker (see `heartbeat.ts`). */
  readonly #beat: () => void;
  #columns: readonly CompiledColumn[] = [];
  #options: SessionOptions = {};
  #file: Blob | undefined;
  #fileName = '';
  #store = new CellStore();
  #summary: LoadSummary | undefined;
  #readGeneration = 0;

  // Validation state: rows are data rows (below the header row), 0-based.
  #base = 1;
  #rowCount = 0;
  #mapping: Mapping = {};
  #sources: number[] = [];
  #fieldsOfColumn = new Map<number, number[]>();
  #valueMapping: ValueMapping = {};
  #codes: Uint8Array[] = [];
  #codeTable: CodeEntry[] = [{ code: '', level: 'info' }];
  #codeIndex = new Map<string, number>();
  #params = new Map<number, Readonly<Record<string, string | number>>>();
  #rowErrors = new Uint16Array(0);
  #deleted = new Uint8Array(0);
  #deletedCount = 0;
  #invalidRows = 0;
  #fieldErrors: number[] = [];
  #fieldWarnings: number[] = [];
  #unique: (UniqueRows | null)[] = [];
  /** Per field: whether its unique values compare without case. */
  #uniqueFolds: boolean[] = [];
  #filter: Filter = { errorsOnly: false };
  #view = new Int32Array(0);
  #history = new History();
  #delivery: Int32Array | undefined;
  /** The host's findings per data row and field, and its replacement values per data row. */
  #host = new Map<number, Map<number, HostFinding>>();
  #hostValues = new Map<number, Record<string, unknown>>();

  constructor(options: { readonly beat?: () => void } = {}) {
    this.#beat = options.beat ?? (() => {});
  }

  configure(columns: readonly ColumnSpec[], options: SessionOptions = {}): void {
    this.#columns = columns.map(compileColumn);
    this.#options = options;
  }

  /**
   * Reads the whole file; the header row is detected from the first records. A file that cannot
   * be read resolves to a specific error code rather than throwing, since thrown errors lose
   * their fields on the way through comlink. A newer `load` or `cancel` supersedes this one.
   */
  async load(file: Blob, onProgress?: (progress: LoadProgress) => void, read: ReadOptions = {}) {
    const generation = ++this.#readGeneration;
    try {
      return { ok: true, summary: await this.#load(file, generation, onProgress, read) } as LoadResult;
    } catch (error) {
      if (error instanceof DecodeError)
        return { ok: false, code: error.code, message: error.message } as const;
      if (error instanceof LoadStop) return { ok: false, code: error.code, message: error.message } as const;
      if (error instanceof WorkbookError)
        return { ok: false, code: error.code, message: error.message } as const;
      throw error;
    }
  }

  /** Stops a `load` in progress; it resolves with the code `cancelled`. */
  cancel(): void {
    this.#readGeneration++;
  }

  /** Reads the same file again with another encoding or delimiter. */
  reread(read: ReadOptions, onProgress?: (progress: LoadProgress) => void): Promise<LoadResult> {
    if (!this.#file) throw new Error('no file has been loaded');
    return this.load(this.#file, onProgress, read);
  }

  /** Reads another sheet of the workbook. */
  setSheet(sheet: string): Promise<LoadResult> {
    return this.reread({ sheet });
  }

  async #load(
    file: Blob,
    generation: number,
    onProgress: ((progress: LoadProgress) => void) | undefined,
    read: ReadOptions,
  ): Promise<LoadSummary> {
    const kind = sniffFile(new Uint8Array(await file.slice(0, 8).arrayBuffer()));
    if (kind === 'xlsx' || kind === 'xls') return this.#loadWorkbook(file, read.sheet, onProgress);
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
    const maxRows = this.#options.maxRows;
    const maxRecords = recordLimit(maxRows);
    // Leaving this loop early (a limit, a newer read) cancels the file's stream: nothing more is
    // read, and the rows read so far go with `store`.
    for await (const batch of parseTextStream(counted, read.delimiter ? { delimiter: read.delimiter } : {})) {
      this.#beat();
      if (generation !== this.#readGeneration) throw new LoadStop('cancelled', 'Reading was cancelled.');
      delimiter = batch.dialect.delimiter;
      store.append(batch.rows);
      if (store.length > maxRecords) throw tooManyRows(maxRows!);
      const now = performance.now();
      if (onProgress && now - lastProgress > PROGRESS_INTERVAL_MS) {
        lastProgress = now;
        onProgress({ rows: store.length, fraction: Math.min(1, chars / Math.max(1, file.size)) });
      }
    }
    if (generation !== this.#readGeneration) throw new LoadStop('cancelled', 'Reading was cancelled.');
    if (store.length === 0) throw new DecodeError('empty_file', 'The file has no rows.');
    const headerRow = this.#detectHeaderRow(store);
    if (maxRows !== undefined && store.length - headerRow - 1 > maxRows) throw tooManyRows(maxRows);
    onProgress?.({ rows: store.length, fraction: 1 });
    this.#file = file;
    this.#fileName = (file as File).name ?? 'pasted.tsv';
    this.#store = store;
    this.#history = new History();
    this.#valueMapping = {};
    this.#workbook = undefined;
    this.#summary = this.#summarize(headerRow, decoded.encoding, delimiter);
    return this.#summary;
  }

  #workbook: { readonly sheets: readonly string[]; readonly sheet: string } | undefined;

  /**
   * Reads one sheet of an XLSX workbook (the one asked for, or else the first visible sheet with
   * more than one row, so a leading notes sheet is passed over). Cells arrive typed; they are
   * kept as text, which every column type reads back (dates are already ISO).
   */
  async #loadWorkbook(
    file: Blob,
    sheet: string | undefined,
    onProgress: ((progress: LoadProgress) => void) | undefined,
  ): Promise<LoadSummary> {
    const workbook = await readWorkbook(file);
    const sheets = workbook.sheets.filter((s) => !s.hidden).map((s) => s.name);
    const maxRows = this.#options.maxRows;
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
    const headerRow = this.#detectHeaderRow(store);
    if (maxRows !== undefined && store.length - headerRow - 1 > maxRows) throw tooManyRows(maxRows);
    onProgress?.({ rows: store.length, fraction: 1 });
    this.#file = file;
    this.#fileName = (file as File).name ?? 'workbook.xlsx';
    this.#store = store;
    this.#history = new History();
    this.#valueMapping = {};
    this.#workbook = { sheets, sheet: chosen };
    this.#summary = this.#summarize(headerRow, 'xlsx', '');
    return this.#summary;
  }

  #detectHeaderRow(store: CellStore): number {
    const first: string[][] = [];
    for (let r = 0; r < Math.min(store.length, 20); r++) first.push(store.record(r));
    const { index } = detectHeaderRow(
      first,
      this.#columns.map((c) => c.spec),
    );
    return Math.max(0, Math.min(index, store.length - 1));
  }

  /** Makes another record the header row; the rows above it are left out of the import. */
  setHeaderRow(headerRow: number): LoadSummary {
    const summary = this.#summary;
    if (!summary) throw new Error('no file has been loaded');
    if (!Number.isInteger(headerRow) || headerRow < 0 || headerRow >= this.#store.length) {
      throw new RangeError(`header row ${headerRow} is outside the file`);
    }
    this.#summary = this.#summarize(headerRow, summary.encoding, summary.delimiter);
    return this.#summary;
  }

  #summarize(headerRow: number, encoding: string, delimiter: string): LoadSummary {
    const store = this.#store;
    this.#base = headerRow + 1;
    this.#rowCount = store.length - this.#base;
    const headers = headerNames(store.record(headerRow));
    const samples = headers.map((_, c) => {
      const values: string[] = [];
      for (
        let r = this.#base;
        r < Math.min(store.length, this.#base + SAMPLE_ROWS) && values.length < 3;
        r++
      ) {
        const value = store.get(r, c).trim();
        if (value !== '' && !values.includes(value)) values.push(value);
      }
      return values;
    });
    const preview: string[][] = [];
    for (let r = 0; r < Math.min(store.length, PREVIEW_ROWS); r++) preview.push(store.record(r));
    return {
      fileName: this.#fileName,
      encoding,
      delimiter,
      headerRow,
      headers,
      rowCount: this.#rowCount,
      suggestions: matchColumns(
        headers,
        this.#columns.map((c) => c.spec),
      ),
      samples,
      preview,
      ...(this.#workbook ? { sheets: this.#workbook.sheets, sheet: this.#workbook.sheet } : {}),
    };
  }

  /** Distinct values of one file column with how often each occurs, most frequent first. */
  distinctValues(column: number, limit = 200): { value: string; count: number }[] {
    const counts = new Map<string, number>();
    for (let r = this.#base; r < this.#store.length; r++) {
      const value = this.#store.get(r, column).trim();
      if (value === '') continue;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, limit);
  }

  /**
   * Applies the user's mapping (and value mapping for select fields) and validates every row.
   * Deleted rows and the edit history start afresh.
   */
  validate(mapping: Mapping, valueMapping: ValueMapping = {}): ValidationSummary {
    this.#mapping = { ...mapping };
    this.#valueMapping = valueMapping;
    const n = this.#rowCount;
    const fields = this.#columns.length;
    this.#sources = this.#columns.map((c) => mapping[c.spec.key] ?? -1);
    this.#indexSources();
    this.#codes = this.#columns.map(() => new Uint8Array(n));
    this.#params.clear();
    this.#host.clear();
    this.#hostValues.clear();
    this.#rowErrors = new Uint16Array(n);
    this.#deleted = new Uint8Array(n);
    this.#deletedCount = 0;
    this.#invalidRows = 0;
    this.#fieldErrors = new Array<number>(fields).fill(0);
    this.#fieldWarnings = new Array<number>(fields).fill(0);
    this.#history = new History();
    this.#delivery = undefined;
    for (let f = 0; f < fields; f++) this.#checkField(f);
    this.#unique = this.#columns.map(() => null);
    for (let f = 0; f < fields; f++) if (isUnique(this.#columns[f]!.spec)) this.#buildUnique(f);
    this.#filter = { errorsOnly: false };
    this.#rebuildView();
    return this.summary();
  }

  #indexSources(): void {
    this.#fieldsOfColumn.clear();
    this.#sources.forEach((source, f) => {
      if (source < 0) return;
      const list = this.#fieldsOfColumn.get(source) ?? [];
      list.push(f);
      this.#fieldsOfColumn.set(source, list);
    });
  }

  summary(): ValidationSummary {
    const errorsByColumn: Record<string, number> = {};
    const warningsByColumn: Record<string, number> = {};
    this.#columns.forEach((c, f) => {
      if (this.#fieldErrors[f]) errorsByColumn[c.spec.key] = this.#fieldErrors[f]!;
      if (this.#fieldWarnings[f]) warningsByColumn[c.spec.key] = this.#fieldWarnings[f]!;
    });
    return {
      rowCount: this.#rowCount - this.#deletedCount,
      invalidRowCount: this.#invalidRows,
      errorCount: this.#fieldErrors.reduce((a, b) => a + b, 0),
      warningCount: this.#fieldWarnings.reduce((a, b) => a + b, 0),
      errorsByColumn,
      warningsByColumn,
      deletedCount: this.#deletedCount,
      viewCount: this.#view.length,
      canUndo: this.#history.canUndo,
      canRedo: this.#history.canRedo,
    };
  }

  // ---- cells and their issues ------------------------------------------------------------------

  #raw(row: number, field: number): string {
    const source = this.#sources[field]!;
    return source < 0 ? '' : this.#store.get(row + this.#base, source);
  }

  /**
   * `#check` over every row of one field, into its codes and the counts. The loop reads the store
   * and the value mapping directly and leaves a valid cell without a note at once: it runs for
   * every cell of the file. A field that accepts any text has no issue to find (its codes stay 0).
   */
  #checkField(field: number): void {
    const column = this.#columns[field]!;
    if (column.acceptsAnyText) return;
    const codes = this.#codes[field]!;
    const source = this.#sources[field]!;
    const values = this.#valueMapping[column.key];
    const store = this.#store;
    const base = this.#base;
    const n = this.#rowCount;
    for (let r = 0; r < n; r++) {
      if ((r & BEAT_MASK) === 0) this.#beat();
      const result = checkCell(column, values, source < 0 ? '' : store.get(r + base, source));
      if (result.ok && result.notes === undefined) continue;
      const code = this.#codeOfResult(r, field, result);
      if (code !== VALID) {
        codes[r] = code;
        this.#count(r, field, code, 1);
      }
    }
  }

  /** The issue code of one cell from its own value alone (uniqueness is applied on top). */
  #check(row: number, field: number): number {
    const column = this.#columns[field]!;
    const raw = this.#raw(row, field);
    return this.#codeOfResult(row, field, checkCell(column, this.#valueMapping[column.key], raw));
  }

  /** The issue code of a cell's check result; its params, if any, are kept beside the codes. */
  #codeOfResult(row: number, field: number, checked: ReturnType<CompiledColumn['check']>): number {
    const result = checked as typeof checked & {
      level?: IssueLevel;
      params?: Record<string, string | number>;
    };
    if (result.ok) {
      // An accepted value with a doubt (a date's day/month order assumed) shows as a warning.
      const warning = result.notes?.find((n) => n.level === 'warning');
      if (!warning) return VALID;
      if (warning.params) this.#params.set(row * this.#columns.length + field, warning.params);
      return this.#codeOf(warning.code, 'warning');
    }
    const code = this.#codeOf(result.code, result.level ?? 'error');
    if (result.params) this.#params.set(row * this.#columns.length + field, result.params);
    return code;
  }

  #codeOf(code: string, level: IssueLevel): number {
    const key = `${level}:${code}`;
    let index = this.#codeIndex.get(key);
    if (index === undefined) {
      index = this.#codeTable.length;
      if (index > 255) throw new Error('more than 255 distinct issue codes');
      this.#codeTable.push({ code, level });
      this.#codeIndex.set(key, index);
    }
    return index;
  }

  /** Adds (`sign` 1) or removes (-1) one cell's issue from every count. */
  #count(row: number, field: number, code: number, sign: 1 | -1): void {
    if (code === VALID) return;
    if (this.#codeTable[code]!.level === 'error') {
      this.#fieldErrors[field]! += sign;
      const before = this.#rowErrors[row]!;
      this.#rowErrors[row] = before + sign;
      if (before === 0 && sign === 1) this.#invalidRows++;
      if (before === 1 && sign === -1) this.#invalidRows--;
    } else if (this.#codeTable[code]!.level === 'warning') {
      this.#fieldWarnings[field]! += sign;
    }
  }

  #setCode(row: number, field: number, code: number): void {
    const codes = this.#codes[field]!;
    const old = codes[row]!;
    if (old === code) return;
    if (!this.#deleted[row]) {
      this.#count(row, field, old, -1);
      this.#count(row, field, code, 1);
    }
    codes[row] = code;
  }

  /** Re-checks one cell, uniqueness included. */
  #recheck(row: number, field: number): void {
    const key = row * this.#columns.length + field;
    this.#params.delete(key);
    let code = this.#check(row, field);
    if (code === VALID && this.#isDuplicate(row, field)) code = this.#codeOf('duplicate', 'error');
    if (code === VALID) {
      // The application's own finding (from its validate or edit hook) shows when ours has none.
      const host = this.#host.get(row)?.get(field);
      if (host) {
        code = host.code;
        if (host.params) this.#params.set(key, host.params);
      }
    }
    this.#setCode(row, field, code);
  }

  // ---- unique index ------------------------------------------------------------------------------

  /** As the engine's UniqueIndex compares: trimmed, and case-folded only when the spec asks. */
  #uniqueKey(row: number, field: number): string {
    const text = this.#raw(row, field).trim();
    return this.#uniqueFolds[field] ? text.toLowerCase() : text;
  }

  #buildUnique(field: number): void {
    const unique = (this.#columns[field]!.spec as { unique?: boolean | { caseInsensitive?: boolean } })
      .unique;
    this.#uniqueFolds[field] = typeof unique === 'object' && unique.caseInsensitive === true;
    const index = new UniqueRows(this.#rowCount, (row) => this.#uniqueKey(row, field));
    this.#unique[field] = index;
    // Called from `validate`, where no row is deleted.
    index.addAll(this.#beat);
    const duplicate = this.#codeOf('duplicate', 'error');
    const codes = this.#codes[field]!;
    for (let r = 0; r < this.#rowCount; r++) {
      if (codes[r] === VALID && index.isDuplicate(r)) this.#setCode(r, field, duplicate);
    }
  }

  #isDuplicate(row: number, field: number): boolean {
    const index = this.#unique[field];
    return index !== null && index !== undefined && !this.#deleted[row] && index.isDuplicate(row);
  }

  // ---- changes -----------------------------------------------------------------------------------

  /**
   * Writes cells and re-validates what they touch. Every cell write goes through here, so the
   * unique index and the counts stay current for edits, replacements, undo and redo alike.
   */
  #write(changes: readonly Change[], direction: 'after' | 'before', rechecked?: number[]): void {
    for (const change of changes) {
      const fields = this.#fieldsOfColumn.get(change.column) ?? [];
      const uniqueFields = fields.filter((f) => this.#unique[f] && !this.#deleted[change.row]);
      const touched = new Set<string>();
      // Only a value's holders going from one to two, or back, change state.
      for (const f of uniqueFields) {
        const r = this.#unique[f]!.remove(change.row);
        if (r >= 0) touched.add(`${r}:${f}`);
      }
      this.#store.set(change.row + this.#base, change.column, change[direction]);
      for (const f of uniqueFields) {
        const r = this.#unique[f]!.add(change.row);
        if (r >= 0) touched.add(`${r}:${f}`);
      }
      for (const f of fields) {
        this.#recheck(change.row, f);
        rechecked?.push(change.row, f);
      }
      for (const key of touched) {
        const [r, f] = key.split(':').map(Number) as [number, number];
        this.#recheck(r, f);
        rechecked?.push(r, f);
      }
    }
    this.#delivery = undefined;
  }

  #setDeleted(rows: Int32Array, deleted: 0 | 1): void {
    for (const row of rows) {
      if (this.#deleted[row] === deleted) continue;
      if (deleted) {
        for (let f = 0; f < this.#columns.length; f++) this.#count(row, f, this.#codes[f]![row]!, -1);
        this.#deleted[row] = 1;
        this.#deletedCount++;
        for (let f = 0; f < this.#columns.length; f++) {
          // A row leaving may leave a single holder of a value behind, which is then valid.
          const other = this.#unique[f]?.remove(row) ?? -1;
          if (other >= 0) this.#recheck(other, f);
        }
      } else {
        this.#deleted[row] = 0;
        this.#deletedCount--;
        for (let f = 0; f < this.#columns.length; f++) this.#count(row, f, this.#codes[f]![row]!, 1);
        for (let f = 0; f < this.#columns.length; f++) {
          const index = this.#unique[f];
          if (!index) continue;
          const other = index.add(row);
          if (other >= 0) this.#recheck(other, f);
          this.#recheck(row, f);
        }
      }
    }
    this.#delivery = undefined;
    this.#rebuildView();
  }

  /** The store column a field writes to; a field mapped to nothing gets a new, empty column. */
  #columnFor(field: number): number {
    let source = this.#sources[field]!;
    if (source < 0) {
      source = this.#store.addColumn();
      this.#sources[field] = source;
      this.#mapping = { ...this.#mapping, [this.#columns[field]!.spec.key]: source };
      this.#indexSources();
    }
    return source;
  }

  /** Sets one cell's text and re-validates it (and, for unique fields, the cells it collides with). */
  edit(row: number, fieldKey: string, value: string): EditResult {
    const field = this.#fieldIndex(fieldKey);
    this.#assertRow(row);
    const before = this.#raw(row, field);
    const rechecked: number[] = [];
    if (before !== value) {
      const change = { row, column: this.#columnFor(field), before, after: value };
      this.#history.push({ kind: 'cells', changes: [change] });
      this.#write([change], 'after', rechecked);
    }
    const others: CellChange[] = [];
    for (let i = 0; i < rechecked.length && others.length <= MAX_EDIT_PATCH; i += 2) {
      const [r, f] = [rechecked[i]!, rechecked[i + 1]!];
      if (r !== row || f !== field) others.push({ row: r, field: f, cell: this.#cell(r, f) });
    }
    return {
      summary: this.summary(),
      row,
      field: fieldKey,
      cell: this.#cell(row, field),
      before,
      others: others.length > MAX_EDIT_PATCH ? null : others,
    };
  }

  /**
   * How many cells of a field (rows not deleted) hold exactly `value`: after a fix, the grid
   * offers to apply it to the others. Apart from `edit` so that the edit shows at once.
   */
  countValue(fieldKey: string, value: string): number {
    const field = this.#fieldIndex(fieldKey);
    if (value.trim() === '') return 0;
    let n = 0;
    for (let r = 0; r < this.#rowCount; r++) if (!this.#deleted[r] && this.#raw(r, field) === value) n++;
    return n;
  }

  /** Cells that a find would change, among rows that are not deleted. */
  findCount(query: FindQuery): number {
    let count = 0;
    this.#eachMatch(query, () => {
      count++;
    });
    return count;
  }

  /** Replaces every match of `query` with `replacement`, as one step of the history. */
  replaceAll(query: FindQuery, replacement: string): { summary: ValidationSummary; replaced: number } {
    const changes: Change[] = [];
    const matchCase = query.matchCase ?? false;
    const pattern = new RegExp(escapeRegExp(query.text), matchCase ? 'g' : 'gi');
    this.#eachMatch(query, (row, field, text) => {
      const after = query.wholeCell ? replacement : text.replace(pattern, () => replacement);
      if (after !== text) changes.push({ row, column: this.#columnFor(field), before: text, after });
    });
    if (changes.length > 0) {
      this.#history.push({ kind: 'cells', changes });
      this.#write(changes, 'after');
    }
    return { summary: this.summary(), replaced: changes.length };
  }

  #eachMatch(query: FindQuery, visit: (row: number, field: number, text: string) => void): void {
    if (query.text === '' && !query.wholeCell) return;
    const matchCase = query.matchCase ?? false;
    const needle = matchCase ? query.text : query.text.toLowerCase();
    const fields = query.field === null ? this.#columns.map((_, f) => f) : [this.#fieldIndex(query.field)];
    for (const f of fields) {
      for (let r = 0; r < this.#rowCount; r++) {
        if ((r & BEAT_MASK) === 0) this.#beat();
        if (this.#deleted[r]) continue;
        const text = this.#raw(r, f);
        const hay = matchCase ? text : text.toLowerCase();
        if (query.wholeCell ? hay === needle : hay.includes(needle)) visit(r, f, text);
      }
    }
  }

  /** Deletes rows (by data row index); undo brings them back. */
  deleteRows(rows: readonly number[]): ValidationSummary {
    const live = Int32Array.from(rows.filter((r) => r >= 0 && r < this.#rowCount && !this.#deleted[r]));
    if (live.length > 0) {
      this.#history.push({ kind: 'delete', rows: live });
      this.#setDeleted(live, 1);
    }
    return this.summary();
  }

  /** Deletes every row that has at least one error. */
  deleteInvalidRows(): ValidationSummary {
    const rows: number[] = [];
    for (let r = 0; r < this.#rowCount; r++) if (this.#rowErrors[r]! > 0 && !this.#deleted[r]) rows.push(r);
    return this.deleteRows(rows);
  }

  undo(): ValidationSummary {
    const step = this.#history.undo();
    if (step?.kind === 'cells') this.#write([...step.changes].reverse(), 'before');
    if (step?.kind === 'delete') this.#setDeleted(step.rows, 0);
    return this.summary();
  }

  redo(): ValidationSummary {
    const step = this.#history.redo();
    if (step?.kind === 'cells') this.#write(step.changes, 'after');
    if (step?.kind === 'delete') this.#setDeleted(step.rows, 1);
    return this.summary();
  }

  // ---- the view ----------------------------------------------------------------------------------

  setFilter(filter: Filter): ValidationSummary {
    this.#filter = filter;
    this.#rebuildView();
    return this.summary();
  }

  #rebuildView(): void {
    const { errorsOnly, field } = this.#filter;
    const codes = errorsOnly && field ? this.#codes[this.#fieldIndex(field)]! : undefined;
    const view = new Int32Array(this.#rowCount - this.#deletedCount);
    let n = 0;
    for (let r = 0; r < this.#rowCount; r++) {
      if (this.#deleted[r]) continue;
      if (errorsOnly) {
        if (codes ? this.#codeTable[codes[r]!]!.level !== 'error' || codes[r] === VALID : !this.#rowErrors[r])
          continue;
      }
      view[n++] = r;
    }
    this.#view = n === view.length ? view : view.slice(0, n);
  }

  /** Rows `start` to `start + count` of the view, with the cells of fields `fieldStart`… only. */
  window(start: number, count: number, fieldStart = 0, fieldCount = this.#columns.length): GridWindow {
    const rows: GridRow[] = [];
    const end = Math.min(this.#view.length, Math.max(0, start) + count);
    const fieldEnd = Math.min(this.#columns.length, fieldStart + fieldCount);
    for (let position = Math.max(0, start); position < end; position++) {
      const index = this.#view[position]!;
      const cells: GridCell[] = [];
      for (let f = fieldStart; f < fieldEnd; f++) cells.push(this.#cell(index, f));
      rows.push({ position, index, cells });
    }
    return { total: this.#view.length, rows };
  }

  #cell(row: number, field: number): GridCell {
    const text = this.#raw(row, field);
    const code = this.#codes[field]![row]!;
    if (code === VALID) return { text };
    const { code: name, level } = this.#codeTable[code]!;
    const params = this.#params.get(row * this.#columns.length + field);
    return { text, issue: params ? { code: name, level, params } : { code: name, level } };
  }

  /**
   * The next cell with an error after `from` in the view (before it with `backwards`), wrapping
   * around; `null` when the view has none.
   */
  nextError(from: CellAddress | null, backwards = false): CellAddress | null {
    const total = this.#view.length;
    const fields = this.#columns.length;
    if (total === 0 || fields === 0) return null;
    const isError = (p: number, f: number) => {
      const code = this.#codes[f]![this.#view[p]!]!;
      return code !== VALID && this.#codeTable[code]!.level === 'error';
    };
    const step = backwards ? -1 : 1;
    const startP = from ? from.position : backwards ? 0 : total - 1;
    const startF = from ? from.field : backwards ? 0 : fields - 1;
    for (let f = startF + step; f >= 0 && f < fields; f += step) {
      if (isError(startP, f)) return { position: startP, field: f };
    }
    for (let i = 1; i <= total; i++) {
      const p = (((startP + step * i) % total) + total) % total;
      if (!this.#rowErrors[this.#view[p]!]) continue;
      for (let f = backwards ? fields - 1 : 0; f >= 0 && f < fields; f += step) {
        if (isError(p, f)) return { position: p, field: f };
      }
    }
    return null;
  }

  /** Position of a data row in the current view, or -1. */
  positionOf(row: number): number {
    let lo = 0;
    let hi = this.#view.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const value = this.#view[mid]!;
      if (value === row) return mid;
      if (value < row) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  // ---- output ------------------------------------------------------------------------------------

  /**
   * The rows with errors as CSV, the fields' labels as header and a last column naming each
   * row's problems (those delivered with it, the host's included) with `templates` (issue code
   * to the locale's message, `{param}` placeholders filled from the issue's params; an unknown
   * code shows the host's own `message`, else the `invalid` message).
   */
  exportInvalidCsv(labels: readonly string[], errorsHeader: string, templates: Record<string, string>): Blob {
    const labelOf = new Map(
      this.#columns.map((column, f) => [column.spec.key, labels[f] ?? column.spec.key]),
    );
    const describe = ({ code, params = {} }: Issue): string => {
      const own = typeof params.message === 'string' && params.message !== '' ? params.message : undefined;
      const template = templates[code] ?? own ?? templates.invalid ?? code;
      return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole));
    };
    const parts: string[] = [csvLine([...labels, errorsHeader])];
    let chunk = '';
    for (let r = 0; r < this.#rowCount; r++) {
      if ((r & BEAT_MASK) === 0) this.#beat();
      if (this.#deleted[r] || !this.#rowErrors[r]) continue;
      const values: string[] = [];
      for (let f = 0; f < this.#columns.length; f++) values.push(this.#raw(r, f));
      const problems = this.#rowIssues(r, r).map(
        (issue) => `${labelOf.get(issue.column)}: ${describe(issue)}`,
      );
      chunk += csvLine([...values, problems.join('; ')]);
      if (chunk.length > 1 << 20) {
        parts.push(chunk);
        chunk = '';
      }
    }
    parts.push(chunk);
    return new Blob(parts, { type: 'text/csv' });
  }

  /** What submitting would deliver under the application's policy. */
  submitSummary(): SubmitSummary {
    const policy = this.#options.invalidRows ?? 'include';
    const live = this.#rowCount - this.#deletedCount;
    return {
      policy,
      deliverCount: policy === 'exclude' ? live - this.#invalidRows : live,
      excludedInvalid: policy === 'exclude' ? this.#invalidRows : 0,
      deleted: this.#deletedCount,
      invalidIncluded: policy === 'include' ? this.#invalidRows : 0,
      invalidRows: this.#invalidRows,
      blocked: policy === 'block' && this.#invalidRows > 0,
    };
  }

  /**
   * Typed records `start` to `start + count` of what submit delivers: rows not deleted, and under
   * the `exclude` policy only rows without errors. Under `block` nothing is delivered while an
   * error remains.
   */
  rowsForDelivery(start: number, count: number): DeliveryWindow {
    const order = this.#deliveryOrder();
    const rows: Record<string, unknown>[] = [];
    const issues: Issue[] = [];
    const unmatched = this.#options.includeUnmatched ? this.#unmatchedColumns() : [];
    const end = Math.min(order.length, Math.max(0, start) + count);
    for (let i = Math.max(0, start); i < end; i++) {
      const r = order[i]!;
      const record = this.#record(r);
      for (const [header, column] of unmatched) {
        if (!(header in record)) record[header] = this.#store.get(r + this.#base, column);
      }
      rows.push(record);
      issues.push(...this.#rowIssues(r, i));
    }
    return { total: order.length, rows, issues };
  }

  /**
   * Delivered rows `start` to `start + count` (in the order of `rowsForDelivery`) as one batch
   * for the host, in the host's `encoding`: records, one array per field (`columns`), or the
   * same with text and number columns packed into one string or typed array each (`packed`,
   * whose buffers are transferred, not copied). Issues are numbered among delivered rows, and
   * with `unmatched` the unmatched file columns go beside each record. Submit asks for batch
   * n + 1 while the host handles batch n, so building it costs no time.
   */
  deliveryBatch(
    start: number,
    count: number,
    options: { encoding?: InitOptions['rowEncoding']; unmatched?: boolean } = {},
  ): DeliveryBatch {
    const order = this.#deliveryOrder();
    const from = Math.max(0, start);
    const end = Math.min(order.length, from + count);
    const issues: Issue[] = [];
    const unmatchedColumns = options.unmatched ? this.#unmatchedColumns() : undefined;
    const unmatched: Record<string, string>[] = [];
    let invalid = 0;
    for (let i = from; i < end; i++) {
      const r = order[i]!;
      if (this.#rowErrors[r]) invalid++;
      for (const issue of this.#rowIssues(r, i)) issues.push(issue);
      if (unmatchedColumns) {
        unmatched.push(
          Object.fromEntries(unmatchedColumns.map(([h, c]) => [h, this.#store.get(r + this.#base, c)])),
        );
      }
    }
    const batch = {
      count: Math.max(0, end - from),
      issues,
      invalid,
      ...(unmatchedColumns ? { unmatched } : {}),
    };
    const encoding = options.encoding ?? 'records';
    const columns = encoding === 'records' ? undefined : this.#valueColumns(order, from, end);
    if (columns && encoding === 'packed') {
      const rows: RowColumns = { fields: columns.fields, values: columns.values.map(packColumn) };
      return Comlink.transfer({ ...batch, rows }, transferList(rows));
    }
    if (columns) return { ...batch, rows: columns };
    const rows: Record<string, unknown>[] = [];
    for (let i = from; i < end; i++) rows.push(this.#record(order[i]!));
    return { ...batch, rows };
  }

  /**
   * Sends what submit delivers straight to the host on `port`, the rows channel the frame opened
   * (see `row-channel.ts`), in batches of `deliveryBatch`.
   */
  deliverOnPort(
    port: MessagePort,
    options: ChannelDelivery,
    onProgress: (delivered: number) => void,
  ): Promise<ChannelOutcome> {
    const { batchSize, encoding, unmatched } = options;
    const batchAt = (start: number) => this.deliveryBatch(start, batchSize, { encoding, unmatched });
    return deliverOnPort(port, batchAt, options, onProgress);
  }

  /**
   * The typed values of delivered rows `from` to `end`, one array per field; `undefined` when a
   * host hook gave a row a key that is no field (columns cannot say "absent"), so the batch goes
   * as records.
   */
  #valueColumns(
    order: Int32Array,
    from: number,
    end: number,
  ): { fields: string[]; values: CellValue[][] } | undefined {
    const columns = this.#columns;
    const values: CellValue[][] = columns.map(() => []);
    for (let i = from; i < end; i++) {
      const r = order[i]!;
      const host = this.#hostValues.get(r);
      if (host && Object.keys(host).some((key) => !columns.some((c) => c.key === key))) return undefined;
      for (let f = 0; f < columns.length; f++) {
        const key = columns[f]!.key;
        values[f]!.push((host && key in host ? host[key] : this.#typedValue(r, f)) as CellValue);
      }
    }
    return { fields: columns.map((c) => c.key), values };
  }

  /** Data rows in delivery order, under the invalid-rows policy; rebuilt after any change. */
  #deliveryOrder(): Int32Array {
    if (!this.#delivery) {
      const summary = this.submitSummary();
      const order = new Int32Array(summary.blocked ? 0 : summary.deliverCount);
      let n = 0;
      if (!summary.blocked) {
        for (let r = 0; r < this.#rowCount; r++) {
          if (this.#deleted[r]) continue;
          if (summary.policy === 'exclude' && this.#rowErrors[r]) continue;
          order[n++] = r;
        }
      }
      this.#delivery = order;
    }
    return this.#delivery;
  }

  /** The typed record of a data row: each field's checked value, the host's replacements on top. */
  #record(r: number): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (let f = 0; f < this.#columns.length; f++) record[this.#columns[f]!.key] = this.#typedValue(r, f);
    const values = this.#hostValues.get(r);
    return values ? { ...record, ...values } : record;
  }

  /** One cell's checked value (select values mapped first); an empty one is `null`. */
  #typedValue(r: number, f: number): unknown {
    const column = this.#columns[f]!;
    const raw = this.#raw(r, f);
    const values = this.#valueMapping[column.key];
    // A cell that passed without a note, in a column whose value is its text, needs no second
    // check when nothing could have been trimmed from it: most cells of a million-row file.
    if (!values && column.keepsText && this.#codes[f]![r] === VALID && isBare(raw)) return raw;
    const result = checkCell(column, values, raw);
    return result.value === '' ? null : result.value;
  }

  /**
   * The issues of a data row's cells, numbered `as` (its index among delivered rows). A cell
   * shows one issue, the importer's own before the host's; a host finding held back behind the
   * importer's issue on the same cell is delivered after it, so the application loses neither.
   */
  #rowIssues(r: number, as: number): Issue[] {
    const issues: Issue[] = [];
    const held = this.#host.get(r);
    for (let f = 0; f < this.#columns.length; f++) {
      const code = this.#codes[f]![r]!;
      if (code !== VALID)
        issues.push(this.#issue(as, f, code, this.#params.get(r * this.#columns.length + f)));
      const finding = held?.get(f);
      if (finding && finding.code !== code) issues.push(this.#issue(as, f, finding.code, finding.params));
    }
    return issues;
  }

  /** An issue of field `f` in delivered row `as`, from an entry of the code table. */
  #issue(as: number, f: number, entry: number, params?: Readonly<Record<string, string | number>>): Issue {
    const { code, level } = this.#codeTable[entry]!;
    return {
      row: as,
      column: this.#columns[f]!.spec.key,
      code: code as Issue['code'],
      level,
      ...(params ? { params } : {}),
    };
  }

  /**
   * Data rows `start` to `start + count` in file order (deleted ones included, flagged), typed,
   * with their issues: what the host's validate and edit hooks are shown. `index` is the data
   * row index that `applyHostFindings` takes back.
   */
  records(start: number, count: number, includeUnmatched = false): ResultRow[] {
    const out: ResultRow[] = [];
    const unmatched = includeUnmatched ? this.#unmatchedColumns() : [];
    const end = Math.min(this.#rowCount, Math.max(0, start) + count);
    for (let r = Math.max(0, start); r < end; r++) {
      const row: ResultRow = {
        index: r,
        record: this.#record(r),
        issues: this.#rowIssues(r, r),
        ...(this.#deleted[r] ? { deleted: true } : {}),
      };
      if (!includeUnmatched) out.push(row);
      else
        out.push({
          ...row,
          unmatched: Object.fromEntries(unmatched.map(([h, c]) => [h, this.#store.get(r + this.#base, c)])),
        });
    }
    return out;
  }

  /**
   * Replaces the host's findings for data rows `start` to `end` (exclusive) and returns the new
   * counts. A finding shows on a cell the engine finds valid; the engine's own finding wins. The
   * host's findings are dropped by `validate` (a new mapping) and kept through edits.
   */
  applyHostFindings(
    start: number,
    end: number,
    issues: readonly Issue[],
    values: readonly { row: number; column: string; value: unknown }[],
  ): ValidationSummary {
    const fields = this.#columns.length;
    const touched = new Set<number>();
    const from = Math.max(0, start);
    const to = Math.min(this.#rowCount, end);
    for (let r = from; r < to; r++) {
      const old = this.#host.get(r);
      if (old) for (const f of old.keys()) touched.add(r * fields + f);
      this.#host.delete(r);
      this.#hostValues.delete(r);
    }
    for (const issue of issues) {
      const f = this.#columns.findIndex((c) => c.spec.key === issue.column);
      if (issue.row < from || issue.row >= to || f < 0) continue;
      const findings = this.#host.get(issue.row) ?? new Map<number, HostFinding>();
      findings.set(f, {
        code: this.#codeOf(issue.code, issue.level),
        ...(issue.params ? { params: issue.params } : {}),
      });
      this.#host.set(issue.row, findings);
      touched.add(issue.row * fields + f);
    }
    for (const { row, column, value } of values) {
      if (row < from || row >= to) continue;
      this.#hostValues.set(row, { ...this.#hostValues.get(row), [column]: value });
    }
    for (const key of touched) this.#recheck(Math.floor(key / fields), key % fields);
    this.#delivery = undefined;
    return this.summary();
  }

  #unmatchedColumns(): [string, number][] {
    const headers = this.#summary?.headers ?? [];
    const used = new Set(this.#sources);
    const keys = new Set(this.#columns.map((c) => c.spec.key));
    return headers.flatMap((header, column) =>
      used.has(column) || header === '' || keys.has(header) ? [] : [[header, column] as [string, number]],
    );
  }

  /** Every delivered row and its issues at once; kept for the single-message delivery. */
  result(): { rows: Record<string, string | null>[]; issues: Issue[] } {
    const { rows, issues } = this.rowsForDelivery(0, Number.MAX_SAFE_INTEGER);
    return { rows: rows as Record<string, string | null>[], issues };
  }

  #fieldIndex(key: string): number {
    const index = this.#columns.findIndex((c) => c.spec.key === key);
    if (index < 0) throw new RangeError(`unknown field "${key}"`);
    return index;
  }

  #assertRow(row: number): void {
    if (!Number.isInteger(row) || row < 0 || row >= this.#rowCount || this.#deleted[row]) {
      throw new RangeError(`row ${row} does not exist`);
    }
  }
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

function isUnique(spec: ColumnSpec): boolean {
  const unique = (spec as { unique?: boolean | object }).unique;
  return unique === true || (typeof unique === 'object' && unique !== null);
}

/**
 * One cell checked by its column, after the user's value mapping for the field (if any) mapped
 * it: own keys only, so that a cell reading `constructor` is not mapped to a function of
 * `Object.prototype`.
 */
function checkCell(
  column: CompiledColumn,
  values: Readonly<Record<string, string>> | undefined,
  raw: string,
): ReturnType<CompiledColumn['check']> {
  if (values === undefined) return column.check(raw);
  const key = raw.trim();
  return column.check(Object.hasOwn(values, key) ? values[key]! : raw);
}

/** Text that is not empty and starts and ends with a visible ASCII character, so trims to itself. */
function isBare(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
