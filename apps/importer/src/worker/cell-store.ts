import { batchRecords, type ColumnBatch } from '@csv-importer/core';

/** Most rows in one packed run. */
const MAX_RUN_ROWS = 4096;
/**
 * Fewest rows an `append` packs at its end; fewer wait for the next call. Packing each call's rows
 * at once lets the parser's strings (its chunk, and the cells cut from it) die young, instead of
 * surviving into the old generation while a run fills and waiting there for a full collection.
 */
const MIN_RUN_ROWS = 256;
/** Edits held apart for one run of one column before they are packed into it. */
const REPACK_EDITS = 256;

/**
 * One column's cells of one run of rows: their texts joined, and where each cell ends in the
 * joined text (UTF-16 offsets). A string per cell costs a header and a pointer besides its
 * characters (several times the characters for short cells); joined, a cell costs its characters
 * and an offset. The text is kept as UTF-8 bytes, outside the V8 heap: the file's text then never
 * fills the worker's young generation on its way in, nor its old one once stored. Text that
 * UTF-8 cannot hold (a lone surrogate) stays a string.
 */
interface Packed {
  readonly utf8: Uint8Array | undefined;
  readonly text: string | undefined;
  readonly ends: Uint16Array | Uint32Array;
}

const encoder = new TextEncoder();
/** A byte order mark at the start of a run is the first cell's text, not an encoding's mark. */
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * ES2024's `String.prototype.isWellFormed` (the project's `lib` is ES2023; Chromium and Node 20
 * have it): about five times faster than a `/\p{Cs}/u` test at finding a lone surrogate.
 */
type WellFormed = string & { isWellFormed(): boolean };

/** Consecutive rows, packed column by column; `undefined` for a column empty in all of them. */
interface Run {
  readonly start: number;
  readonly count: number;
  readonly columns: (Packed | undefined)[];
  /** Per column, how many of the column's held edits fall in this run. */
  readonly edits: number[];
}

/**
 * The file's records, stored column by column. Rows are packed in runs of up to 4,096: each run
 * keeps one buffer of UTF-8 text per column and an array of end offsets, so a million rows cost a
 * few thousand buffers rather than ten million strings. Reading a cell cuts it out of its run's
 * decoded text (two runs read in turn, a row at a time, each decode again). Edits to packed rows
 * are held in a small map per column that is read first, and packed into the run once it has
 * collected many. Rows short of a run wait as plain arrays. Rows that are shorter than the widest
 * row read back as empty cells.
 */
export class CellStore {
  readonly #runs: Run[] = [];
  /** The first row of each run, for finding a row's run by bisection. */
  #starts = new Int32Array(64);
  /** The run the last read found, which the next read (usually the next row) tries first. */
  #recent: Run | undefined;
  /** Per column: the cells of the rows after the packed runs. */
  readonly #open: string[][] = [];
  /** Per column: edited cells of packed rows, by row. */
  readonly #edits: Map<number, string>[] = [];
  /**
   * Per column: the run whose text was decoded last, and that text. Reads go row after row or
   * column after column, so each run's bytes are decoded about once per pass over the file.
   */
  readonly #decodedRun: (Packed | undefined)[] = [];
  readonly #decodedText: string[] = [];
  #packedRows = 0;
  #length = 0;

  /** Number of records, the header row and any rows above it included. */
  get length(): number {
    return this.#length;
  }

  /** Number of columns of the widest record so far. */
  get width(): number {
    return this.#open.length;
  }

  append(rows: readonly (readonly string[])[]): void {
    const open = this.#open;
    for (const row of rows) {
      while (open.length < row.length) this.#pushColumn();
      const width = open.length;
      for (let c = 0; c < width; c++) open[c]!.push(row[c] ?? '');
      if (++this.#length - this.#packedRows === MAX_RUN_ROWS) this.#seal();
    }
    if (this.#length - this.#packedRows >= MIN_RUN_ROWS) this.#seal();
  }

  /**
   * Appends the first `count` records of a batch the CSV tokenizer packed (all of them by
   * default). A whole batch becomes a run as it is, its buffers kept: nothing is copied again.
   */
  appendPacked(batch: ColumnBatch, count = batch.rows): void {
    if (count < batch.rows || batch.rows > MAX_RUN_ROWS) {
      this.append(batchRecords(batch, 0, count));
      return;
    }
    if (count === 0) return;
    this.#seal();
    while (this.#open.length < batch.columns.length) this.#pushColumn();
    const columns: (Packed | undefined)[] = batch.columns.map((column) =>
      column === undefined ? undefined : { utf8: column.utf8, text: undefined, ends: column.ends },
    );
    this.#length += count;
    this.#addRun(columns, count);
  }

  get(row: number, column: number): string {
    if (!(row >= 0 && row < this.#length) || (row | 0) !== row) return '';
    if (row >= this.#packedRows) return this.#open[column]?.[row - this.#packedRows] ?? '';
    const edits = this.#edits[column];
    if (edits === undefined) return '';
    if (edits.size > 0) {
      const edited = edits.get(row);
      if (edited !== undefined) return edited;
    }
    const run = this.#runOf(row);
    const packed = run.columns[column];
    if (packed === undefined) return '';
    const i = row - run.start;
    return this.#textOf(packed, column).substring(i === 0 ? 0 : packed.ends[i - 1]!, packed.ends[i]!);
  }

  set(row: number, column: number, value: string): void {
    if (!Number.isInteger(column) || column < 0 || column >= this.width || !Number.isInteger(row)) {
      throw new RangeError(`no cell at ${row},${column}`);
    }
    if (row < 0 || row >= this.#length) throw new RangeError(`no cell at ${row},${column}`);
    if (row >= this.#packedRows) {
      this.#open[column]![row - this.#packedRows] = value;
      return;
    }
    const edits = this.#edits[column]!;
    const known = edits.has(row);
    edits.set(row, value);
    if (known) return;
    const run = this.#runOf(row);
    run.edits[column] = (run.edits[column] ?? 0) + 1;
    if (run.edits[column] >= REPACK_EDITS) this.#repack(run, column);
  }

  /** One record as an array of cells, `width` long. */
  record(row: number): string[] {
    const cells = new Array<string>(this.width);
    for (let c = 0; c < cells.length; c++) cells[c] = this.get(row, c);
    return cells;
  }

  /** Adds an empty column (for a field the user fills in by hand) and returns its index. */
  addColumn(): number {
    this.#pushColumn();
    return this.#open.length - 1;
  }

  /** A new column, empty in every row so far (packed runs read it as empty). */
  #pushColumn(): void {
    this.#open.push(new Array<string>(this.#length - this.#packedRows).fill(''));
    this.#edits.push(new Map());
  }

  /** The joined text of one column's packed run. */
  #textOf(packed: Packed, column: number): string {
    if (packed.text !== undefined) return packed.text;
    if (this.#decodedRun[column] === packed) return this.#decodedText[column]!;
    const text = decoder.decode(packed.utf8);
    this.#decodedRun[column] = packed;
    this.#decodedText[column] = text;
    return text;
  }

  /** The packed run that holds `row` (a packed row). */
  #runOf(row: number): Run {
    const recent = this.#recent;
    if (recent !== undefined && row >= recent.start && row < recent.start + recent.count) return recent;
    const starts = this.#starts;
    let low = 0;
    let high = this.#runs.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle]! <= row) low = middle;
      else high = middle - 1;
    }
    const run = this.#runs[low]!;
    this.#recent = run;
    return run;
  }

  /** Packs the open rows into a run, column by column. */
  #seal(): void {
    const count = this.#length - this.#packedRows;
    if (count === 0) return;
    const columns = this.#open.map(pack);
    for (let c = 0; c < this.#open.length; c++) this.#open[c] = [];
    this.#addRun(columns, count);
  }

  /** Keeps the packed columns of the `count` rows after the packed runs as a run. */
  #addRun(columns: (Packed | undefined)[], count: number): void {
    const n = this.#runs.length;
    if (n === this.#starts.length) {
      const grown = new Int32Array(n * 2);
      grown.set(this.#starts);
      this.#starts = grown;
    }
    this.#starts[n] = this.#packedRows;
    this.#runs.push({ start: this.#packedRows, count, columns, edits: [] });
    this.#packedRows += count;
  }

  /** Packs one run of one column again with its edits, and forgets them. */
  #repack(run: Run, column: number): void {
    const cells = new Array<string>(run.count);
    for (let i = 0; i < run.count; i++) cells[i] = this.get(run.start + i, column);
    run.columns[column] = pack(cells);
    const edits = this.#edits[column]!;
    for (let i = 0; i < run.count; i++) edits.delete(run.start + i);
    run.edits[column] = 0;
  }
}

/** One column of one run as a string and end offsets; `undefined` when every cell is empty. */
function pack(cells: readonly string[]): Packed | undefined {
  const text = cells.join('');
  if (text.length === 0) return undefined;
  const ends = text.length <= 0xffff ? new Uint16Array(cells.length) : new Uint32Array(cells.length);
  let end = 0;
  for (let i = 0; i < cells.length; i++) {
    end += cells[i]!.length;
    ends[i] = end;
  }
  if (!(text as WellFormed).isWellFormed()) return { utf8: undefined, text, ends };
  return { utf8: encoder.encode(text), text: undefined, ends };
}
