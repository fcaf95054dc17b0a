// Just over 400 lines: one byte-level state machine (quotes, line ends, limits, UTF-8 checks)
// and the packed columns it writes into; the parts only make sense together, and splitting the
// record loop from its column builders would put a call between them on every cell.
import { DecodeError } from '../decode/decode.ts';
import type { RecordIssue } from './parse.ts';

/**
 * How large a table the importer reads before refusing the file with a specific error: a file
 * beyond these is hostile or a mistake, and would otherwise exhaust the worker or the page.
 */
export interface ReadLimits {
  /** Cells in one record; Excel's own limit is 16,384 columns. */
  readonly maxColumns: number;
  /** Characters in one cell; Excel's own limit is 32,767. */
  readonly maxCellLength: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxColumns: 2_000, maxCellLength: 100_000 };

/**
 * One column of a batch of records: the cells' text as UTF-8, one after another, and where each
 * record's cell ends in that text once decoded (UTF-16 offsets, one per record of the batch; a
 * record without this cell ends where the one before it did).
 */
export interface PackedColumn {
  readonly utf8: Uint8Array;
  readonly ends: Uint16Array | Uint32Array;
}

/** Records read from CSV text, stored column by column. */
export interface ColumnBatch {
  /** Number of records. */
  readonly rows: number;
  /** Per column, up to the last one with text in the batch; `undefined` where every cell is empty. */
  readonly columns: readonly (PackedColumn | undefined)[];
  /** Each record's cell count. */
  readonly widths: Uint32Array;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;

const count = (n: number) => n.toLocaleString('en-US');

/** A column's cells of the batch being read. */
class ColumnBuilder {
  bytes = new Uint8Array(16 * 1024);
  /** Bytes of committed cells. */
  length = 0;
  /** UTF-16 length of committed cells. */
  chars = 0;
  ends: Uint32Array;
  /** A column that appears in the middle of a batch is empty in the records before (zeros). */
  constructor(batchRows: number) {
    this.ends = new Uint32Array(batchRows);
  }

  /** Room for `more` bytes past `at`. */
  reserve(at: number, more: number): Uint8Array {
    if (at + more <= this.bytes.length) return this.bytes;
    let size = this.bytes.length * 2;
    while (size < at + more) size *= 2;
    const grown = new Uint8Array(size);
    grown.set(this.bytes.subarray(0, at));
    this.bytes = grown;
    return grown;
  }

  /** The batch's column, and a fresh start for the next batch. */
  take(rows: number): PackedColumn | undefined {
    const { chars } = this;
    const packed =
      chars === 0
        ? undefined
        : {
            utf8: this.bytes.slice(0, this.length),
            ends: chars <= 0xffff ? new Uint16Array(this.ends.subarray(0, rows)) : this.ends.slice(0, rows),
          };
    this.length = 0;
    this.chars = 0;
    this.ends.fill(0, 0, rows);
    return packed;
  }
}

/**
 * The CSV grammar of the importer: reads records from text into UTF-8 columns, without a string
 * per cell. A record runs to its line's end (LF, CRLF or CR); a cell that opens with a quote is
 * quoted when its closing quote (the first one not doubled) is followed, spaces aside, by the
 * delimiter, a line end or the end of the text: its text is what lies between, `""` read as `"`
 * and its line ends as LF. Any other cell, a malformed quoted one included, runs to the next
 * delimiter or line end with its quotes kept as text, and its record is `malformed_quotes`; a
 * quote that never closes (within `maxCellLength` characters) is malformed too, so it takes no
 * more than its own line. Records of one empty cell (blank lines) are skipped. A record holding
 * U+FFFD (bytes the encoding does not define) or a lone surrogate (written as U+FFFD) is
 * `invalid_bytes`. Limits are checked per record, in record order (`too_many_columns` before
 * `cell_too_long` in one record).
 *
 * Feed it text with `read`, which consumes every whole record and returns where the unfinished
 * rest begins (to be given again, longer, with the next text); full batches of `batchRows`
 * records come out of `take`.
 */
export class CsvTokenizer {
  readonly #delimiter: number;
  readonly #limits: ReadLimits;
  readonly #batchRows: number;
  readonly #columns: ColumnBuilder[] = [];
  /** Per column, the record being read: where its cell's bytes end, and its UTF-16 length. */
  #cellEnd: Uint32Array = new Uint32Array(64);
  #cellChars: Uint32Array = new Uint32Array(64);
  #widths: Uint32Array;
  /** Records in the batch being read. */
  #rows = 0;
  /** Records read before the batch being read. */
  #records = 0;
  #batches: ColumnBatch[] = [];
  #issues: RecordIssue[] = [];
  #damaged: RecordIssue[] = [];
  #batchIssues: (readonly RecordIssue[])[] = [];

  constructor(delimiter: string, limits: ReadLimits, batchRows = 4096) {
    if (delimiter.length !== 1)
      throw new RangeError(`the delimiter must be one character, not "${delimiter}"`);
    this.#delimiter = delimiter.charCodeAt(0);
    this.#limits = limits;
    this.#batchRows = batchRows;
    this.#widths = new Uint32Array(batchRows);
  }

  /** Records read so far, in batches taken or not. */
  get records(): number {
    return this.#records + this.#rows;
  }

  /**
   * Reads the whole records of `bytes` (UTF-8, `n` of them, as `TextEncoder` writes text); `done`
   * says no more text follows; reading stops once `maxRecords` records are read in all. Returns
   * the index where the first unfinished record starts (`n` when none is).
   */
  read(bytes: Uint8Array, n: number, done: boolean, maxRecords = Number.POSITIVE_INFINITY): number {
    let at = 0;
    while (at < n && this.records < maxRecords) {
      const end = this.#record(bytes, n, at, done);
      if (end < 0) break;
      at = end;
    }
    if (done) this.#finishBatch();
    return at;
  }

  /** The batches completed so far, and the issues of each (in record order per code). */
  take(): { batch: ColumnBatch; issues: readonly RecordIssue[] }[] {
    const out = this.#batches.map((batch, i) => ({ batch, issues: this.#batchIssues[i]! }));
    this.#batches = [];
    this.#batchIssues = [];
    return out;
  }

  /** Reads the record at `start`; its end, or -1 when it does not end within `n` bytes yet. */
  #record(src: Uint8Array, n: number, start: number, done: boolean): number {
    const D = this.#delimiter;
    const { maxColumns, maxCellLength } = this.#limits;
    let cellEnd = this.#cellEnd;
    let cellChars = this.#cellChars;
    let malformed = false;
    let damaged = false;
    let tooLong = -1;
    let tooLongAt = 0;
    let c = 0;
    let i = start;
    for (;;) {
      let column: ColumnBuilder | undefined;
      if (c < maxColumns) {
        column = this.#columns[c] ?? this.#addColumn(c);
        if (c >= cellEnd.length) [cellEnd, cellChars] = this.#growCells();
      }
      let at = column === undefined ? 0 : column.length;
      let chars = 0;
      let quoted = false;
      if (i < n && src[i] === QUOTE) {
        let close = -1;
        let j = i + 1;
        for (;;) {
          while (j < n && src[j] !== QUOTE) j++;
          if (j >= n) break;
          if (j + 1 < n && src[j + 1] === QUOTE) {
            j += 2;
            continue;
          }
          close = j;
          break;
        }
        if (close === -1 && !done && (n - i <= maxCellLength || utf16Length(src, i, n) <= maxCellLength))
          return -1;
        if (close !== -1) {
          let after = close + 1;
          if (D !== SPACE) while (after < n && src[after] === SPACE) after++;
          if (after === n && !done) return -1;
          const next = after < n ? src[after] : LF;
          if (next === D || next === LF || next === CR) {
            quoted = true;
            let wide = 0;
            if (column !== undefined) {
              const buf = column.reserve(at, close - i);
              for (let k = i + 1; k < close; k++) {
                let b = src[k]!;
                if (b === QUOTE) k++;
                else if (b === CR) {
                  if (src[k + 1] === LF) k++;
                  b = LF;
                }
                buf[at++] = b;
                wide |= b;
                chars++;
              }
              if (wide >= 0x80) {
                readWide(column, column.length, at);
                ({ at, units: chars } = wideCell);
                if (wideCell.damaged) damaged = true;
              }
            } else chars = close - i - 1;
            i = after;
          }
        }
        if (!quoted) malformed = true;
      }
      if (!quoted) {
        if (column !== undefined) {
          let wide = 0;
          let k = i;
          // Copied as far as the column's buffer has room, which grows as the cell needs.
          for (;;) {
            const buf = column.bytes;
            const limit = Math.min(n, k + buf.length - at);
            for (; k < limit; k++) {
              const b = src[k]!;
              if (b === D || b === LF || b === CR) break;
              buf[at++] = b;
              wide |= b;
            }
            if (k < limit || k === n) break;
            column.reserve(at, 64 * 1024);
          }
          if (k === n && !done) return -1;
          chars = k - i;
          if (wide >= 0x80) {
            readWide(column, column.length, at);
            ({ at, units: chars } = wideCell);
            if (wideCell.damaged) damaged = true;
          }
          i = k;
        } else {
          let k = i;
          while (k < n && src[k] !== D && src[k] !== LF && src[k] !== CR) k++;
          if (k === n && !done) return -1;
          chars = utf16Length(src, i, k);
          i = k;
        }
      }
      if (chars > maxCellLength && tooLong < 0) {
        tooLong = c;
        tooLongAt = chars;
      }
      if (column !== undefined) {
        cellEnd[c] = at;
        cellChars[c] = chars;
      }
      c++;
      let end = -1;
      if (i >= n) end = n;
      else {
        const b = src[i];
        if (b === LF) end = i + 1;
        else if (b === CR) end = i + 1 < n && src[i + 1] === LF ? i + 2 : i + 1;
      }
      if (end >= 0) {
        this.#commit(c, malformed, damaged, tooLong, tooLongAt);
        return end;
      }
      i++;
    }
  }

  /** Keeps the record just read (`width` cells), unless it is blank; checks the limits. */
  #commit(width: number, malformed: boolean, damaged: boolean, tooLong: number, tooLongAt: number): void {
    const record = this.#records + this.#rows;
    const { maxColumns, maxCellLength } = this.#limits;
    if (width > maxColumns)
      throw new DecodeError(
        'too_many_columns',
        `Row ${count(record + 1)} has ${count(width)} columns; the importer reads at most ${count(maxColumns)}.`,
      );
    if (tooLong >= 0)
      throw new DecodeError(
        'cell_too_long',
        `The cell in row ${count(record + 1)}, column ${count(tooLong + 1)} has ${count(tooLongAt)} characters; the importer accepts at most ${count(maxCellLength)}.`,
      );
    if (width === 1 && this.#cellChars[0] === 0) return;
    const columns = this.#columns;
    const r = this.#rows;
    for (let c = 0; c < columns.length; c++) {
      const column = columns[c]!;
      if (c < width) {
        column.length = this.#cellEnd[c]!;
        column.chars += this.#cellChars[c]!;
      }
      column.ends[r] = column.chars;
    }
    this.#widths[r] = width;
    if (malformed) this.#issues.push({ record, code: 'malformed_quotes', level: 'warning' });
    if (damaged) this.#damaged.push({ record, code: 'invalid_bytes', level: 'warning' });
    if (++this.#rows === this.#batchRows) this.#finishBatch();
  }

  #finishBatch(): void {
    const rows = this.#rows;
    if (rows === 0) return;
    const columns = this.#columns.map((column) => column.take(rows));
    while (columns.length > 0 && columns[columns.length - 1] === undefined) columns.pop();
    this.#batches.push({ rows, columns, widths: this.#widths.slice(0, rows) });
    this.#batchIssues.push(this.#damaged.length === 0 ? this.#issues : [...this.#issues, ...this.#damaged]);
    this.#issues = [];
    this.#damaged = [];
    this.#records += rows;
    this.#rows = 0;
  }

  #addColumn(c: number): ColumnBuilder {
    const column = new ColumnBuilder(this.#batchRows);
    this.#columns[c] = column;
    return column;
  }

  #growCells(): [Uint32Array, Uint32Array] {
    const ends = new Uint32Array(this.#cellEnd.length * 2);
    ends.set(this.#cellEnd);
    const chars = new Uint32Array(this.#cellChars.length * 2);
    chars.set(this.#cellChars);
    this.#cellEnd = ends;
    this.#cellChars = chars;
    return [ends, chars];
  }
}

const wideCell = { at: 0, units: 0, damaged: false };
const encoder = new TextEncoder();
/** A cell's text: a byte order mark at its start is a character of it. */
const cellDecoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Reads a cell with bytes past ASCII, at `column.bytes[from..to)`, into `wideCell`: where it ends,
 * its UTF-16 length, and whether it holds U+FFFD. Bytes that UTF-8 does not define (a file read
 * as UTF-8 without being decoded first) are replaced with U+FFFD as `TextDecoder` replaces them:
 * a cell is cut at ASCII bytes, which end any byte sequence, so it decodes as it would within
 * the file.
 */
function readWide(column: ColumnBuilder, from: number, to: number): void {
  const bytes = column.bytes;
  if (validUtf8(bytes, from, to)) {
    wideCell.at = to;
    wideCell.units = utf16Length(bytes, from, to);
    wideCell.damaged = hasReplacement(bytes, from, to);
    return;
  }
  const text = cellDecoder.decode(bytes.subarray(from, to));
  const room = column.reserve(from, text.length * 3);
  wideCell.at = from + encoder.encodeInto(text, room.subarray(from)).written;
  wideCell.units = text.length;
  wideCell.damaged = true;
}

/** Whether `bytes[from..to)` is UTF-8: no stray or missing continuation byte, no overlong form, no surrogate, nothing past U+10FFFF. */
function validUtf8(bytes: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k < to; ) {
    const lead = bytes[k]!;
    if (lead < 0x80) {
      k++;
      continue;
    }
    let more: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) more = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      more = 2;
      if (lead === 0xe0) low = 0xa0;
      else if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      more = 3;
      if (lead === 0xf0) low = 0x90;
      else if (lead === 0xf4) high = 0x8f;
    } else return false;
    if (k + more >= to) return false;
    const second = bytes[k + 1]!;
    if (second < low || second > high) return false;
    for (let m = 2; m <= more; m++) if ((bytes[k + m]! & 0xc0) !== 0x80) return false;
    k += more + 1;
  }
  return true;
}

/** UTF-16 units of the UTF-8 text `bytes[from..to)`: a unit per character, two past U+FFFF. */
export function utf16Length(bytes: Uint8Array, from: number, to: number): number {
  let count = 0;
  for (let k = from; k < to; k++) {
    const b = bytes[k]!;
    if ((b & 0xc0) !== 0x80) count += b >= 0xf0 ? 2 : 1;
  }
  return count;
}

/** Whether the UTF-8 text `bytes[from..to)` holds U+FFFD (EF BF BD). */
function hasReplacement(bytes: Uint8Array, from: number, to: number): boolean {
  for (let k = from; k + 2 < to; k++)
    if (bytes[k] === 0xef && bytes[k + 1] === 0xbf && bytes[k + 2] === 0xbd) return true;
  return false;
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The records `from` to `to` of a batch, as arrays of cells (each record its own width). */
export function batchRecords(batch: ColumnBatch, from = 0, to = batch.rows): string[][] {
  const texts = batch.columns.map((column) => (column === undefined ? '' : decoder.decode(column.utf8)));
  const rows: string[][] = [];
  for (let r = from; r < to; r++) {
    const width = batch.widths[r]!;
    const row = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const column = batch.columns[c];
      row[c] =
        column === undefined ? '' : texts[c]!.substring(r === 0 ? 0 : column.ends[r - 1]!, column.ends[r]!);
    }
    rows.push(row);
  }
  return rows;
}
