import { type DateKind, formatDateKind, serialValue } from '../spreadsheet/number-format.ts';
import {
  count,
  DEFAULT_SPREADSHEET_LIMITS,
  SheetGrid,
  type SpreadsheetLimits,
} from '../spreadsheet/sheet-grid.ts';
import {
  runSteps,
  type SheetInfo,
  type SheetReadOptions,
  type SheetValue,
  WorkbookError,
} from '../xlsx/xlsx.ts';
import { codePageDecoder, latin1, readSharedStrings, utf16le } from './biff-strings.ts';
import { CompoundFile } from './compound-file.ts';

// Record types of [MS-XLS] 2.3 that the reader uses.
const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const CODEPAGE = 0x0042;
const DATEMODE = 0x0022;
const BOUNDSHEET = 0x0085;
const FORMAT = 0x041e;
const XF = 0x00e0;
const SST = 0x00fc;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;

/** Records read between two chances for the caller to yield or cancel. */
const STEP_MASK = 0xfff;
const BIFF8 = 0x0600;
const BIFF5 = 0x0500;
/** The grid BIFF5 and BIFF8 can address: rows are 16-bit, columns 8-bit (A to IV). */
const XLS_GRID = { rows: 65_536, columns: 256 };

const ERRORS: Readonly<Record<number, string>> = {
  0: '#NULL!',
  7: '#DIV/0!',
  15: '#VALUE!',
  23: '#REF!',
  29: '#NAME?',
  36: '#NUM!',
  42: '#N/A',
  43: '#GETTING_DATA',
};

const damaged = (why: string) =>
  new WorkbookError('corrupt', `The workbook is damaged and cannot be read (${why}).`);

/** One record of a BIFF stream: its type and where its data lies. */
interface BiffRecord {
  readonly type: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The records of a BIFF stream from `at`, each checked to end inside the stream (a record's
 * length is 16-bit, so a huge one is at most 64 KiB, but it must still be there).
 */
function* records(stream: Uint8Array, at: number): Generator<BiffRecord> {
  const view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
  let pos = at;
  while (pos + 4 <= stream.length) {
    const type = view.getUint16(pos, true);
    const length = view.getUint16(pos + 2, true);
    const start = pos + 4;
    const end = start + length;
    if (end > stream.length)
      throw damaged(
        `a record of ${count(length)} bytes at offset ${count(pos)} runs past the end of the workbook stream`,
      );
    yield { type, start, end };
    pos = end;
  }
}

/** A sheet as BOUNDSHEET lists it, with where its substream starts. */
interface SheetEntry extends SheetInfo {
  readonly offset: number;
}

/**
 * An Excel 97-2003 workbook (`.xls`, BIFF8; BIFF5 from Excel 5 and 95 too), read in a worker or
 * in Node without a DOM: the worksheets (chart and macro sheets are not listed), hidden ones
 * marked, then the cell values of the sheet the user picks. Numbers stay numbers, booleans
 * booleans, date-formatted numbers become ISO 8601 strings (1900 and 1904 date systems),
 * formulas give their cached result and error cells their text (`#N/A`). Merged cells keep their
 * value in the top-left cell, as the XLSX reader does. The compound-file envelope and every
 * record are bounds-checked (see `CompoundFile`, `SheetGrid`); a password-protected file is
 * refused with `encrypted`.
 */
export class XlsWorkbook {
  readonly format = 'xls';
  readonly sheets: readonly SheetInfo[];
  readonly #stream: Uint8Array;
  readonly #view: DataView;
  readonly #limits: Required<SpreadsheetLimits>;
  readonly #entries: readonly SheetEntry[];
  readonly #biff8: boolean;
  /** BIFF5's 8-bit text decoder; CODEPAGE comes before the records whose text it decodes. */
  #decoder = codePageDecoder(1252);
  readonly #strings: readonly string[];
  readonly #xfDates: readonly (DateKind | null)[];
  readonly #date1904: boolean;

  private constructor(stream: Uint8Array, limits: Required<SpreadsheetLimits>) {
    this.#stream = stream;
    this.#view = new DataView(stream.buffer, stream.byteOffset, stream.byteLength);
    this.#limits = limits;
    const all = records(stream, 0);
    const bof = all.next();
    if (bof.done || bof.value.type !== BOF || bof.value.end - bof.value.start < 4)
      throw new WorkbookError(
        'xls_unsupported',
        'This workbook was saved by Excel 4 or older, whose format the importer does not read. Save it as .xlsx or CSV and try again.',
      );
    const version = this.#u16(bof.value.start);
    if (version !== BIFF8 && version !== BIFF5)
      throw new WorkbookError(
        'xls_unsupported',
        'This workbook was saved by Excel 4 or older, whose format the importer does not read. Save it as .xlsx or CSV and try again.',
      );
    this.#biff8 = version === BIFF8;
    let date1904 = false;
    const entries: SheetEntry[] = [];
    const formats = new Map<number, string>();
    const xfFormats: number[] = [];
    let sst: Uint8Array[] | null = null;
    let inSst = false;
    for (const record of all) {
      const { type, start, end } = record;
      if (type === CONTINUE) {
        if (inSst) sst!.push(stream.subarray(start, end));
        continue;
      }
      inSst = false;
      if (type === EOF) break;
      if (type === FILEPASS)
        throw new WorkbookError(
          'encrypted',
          'This workbook is protected with a password. Save it without a password (or as .xlsx or CSV) and try again.',
        );
      if (end - start < 2) continue;
      if (type === CODEPAGE) this.#decoder = codePageDecoder(this.#u16(start));
      else if (type === DATEMODE) date1904 = this.#u16(start) === 1;
      else if (type === SST) {
        sst = [stream.subarray(start, end)];
        inSst = true;
      } else if (type === XF) xfFormats.push(end - start >= 4 ? this.#u16(start + 2) : 0);
      else if (type === FORMAT && end - start >= 3) {
        const id = this.#u16(start);
        formats.set(
          id,
          this.#biff8 ? this.#unicodeString(start + 2, end, 2).text : this.#byteString(start + 2, end),
        );
      } else if (type === BOUNDSHEET && end - start >= 7) {
        if (entries.length >= limits.maxSheets)
          throw new WorkbookError(
            'too_many_parts',
            `The workbook lists more than ${count(limits.maxSheets)} sheets, more than the importer reads.`,
          );
        // 0 worksheet; charts (2), macro sheets (1) and VBA modules (6) hold no table.
        if (stream[start + 5] !== 0) continue;
        const name = this.#biff8
          ? this.#unicodeString(start + 6, end, 1).text
          : this.#byteString(start + 6, end, 1);
        entries.push({
          name,
          index: entries.length,
          hidden: (stream[start + 4]! & 3) !== 0,
          offset: this.#u32(start),
        });
      }
    }
    this.#date1904 = date1904;
    this.#entries = entries;
    this.sheets = entries.map(({ name, index, hidden }) => ({ name, index, hidden }));
    try {
      this.#strings = sst ? readSharedStrings(sst) : [];
    } catch (error) {
      throw damaged((error as Error).message);
    }
    this.#xfDates = xfFormats.map((id) => formatDateKind(id, formats));
  }

  /** Opens a workbook from its bytes; throws `WorkbookError` with a specific code. */
  static open(bytes: Uint8Array, limits: SpreadsheetLimits = {}): XlsWorkbook {
    const all = { ...DEFAULT_SPREADSHEET_LIMITS, ...limits };
    const file = new CompoundFile(bytes, all.maxEntries);
    const stream = file.stream('Workbook', all.maxPartBytes) ?? file.stream('Book', all.maxPartBytes);
    if (!stream) {
      if (file.has('EncryptedPackage'))
        throw new WorkbookError(
          'encrypted',
          'This workbook is protected with a password. Save it without a password (or as .xlsx or CSV) and try again.',
        );
      throw new WorkbookError('not_xlsx', 'The file is an Office document but not an Excel workbook.');
    }
    return new XlsWorkbook(stream, all);
  }

  /**
   * The cell values of one sheet, by name or index, as rows of cells; missing cells are `null`,
   * every row with a value padded to the widest row, rows without one empty. With `maxRows`,
   * rows up to the first with a value beyond that many; `onProgress` hears the rows read so far.
   * Asynchronous like every reader's (`SpreadsheetBook`): it lets the event loop run every few
   * tens of milliseconds (a cancel, a ping).
   */
  readSheet(sheet: string | number, options: SheetReadOptions = {}): Promise<SheetValue[][]> {
    return runSteps(this.#read(sheet, options), options.signal);
  }

  /** The same as `readSheet`; kept for its callers. */
  readSheetAsync(sheet: string | number, options: SheetReadOptions = {}): Promise<SheetValue[][]> {
    return this.readSheet(sheet, options);
  }

  *#read(sheet: string | number, options: SheetReadOptions): Generator<void, SheetValue[][]> {
    const index = typeof sheet === 'number' ? sheet : this.#entries.findIndex((s) => s.name === sheet);
    const entry = this.#entries[index];
    if (entry === undefined)
      throw new WorkbookError('no_such_sheet', `The workbook has no sheet "${sheet}".`);
    let at = entry.offset;
    let steps = 0;
    const grid = new SheetGrid(entry.name, this.#limits, XLS_GRID, options, () => at / this.#stream.length);
    const stream = this.#stream;
    if (entry.offset + 4 > stream.length || this.#u16(entry.offset) !== BOF)
      throw damaged(`the sheet "${entry.name}" does not start where the workbook says`);
    let depth = 0;
    /** The cell of a FORMULA whose string result follows in a STRING record. */
    let pendingString: { row: number; column: number } | null = null;
    for (const { type, start, end } of records(stream, entry.offset)) {
      at = end;
      if ((++steps & STEP_MASK) === 0) yield;
      if (type === BOF) depth++;
      else if (type === EOF && --depth === 0) break;
      // Embedded charts are substreams of their own inside the sheet's.
      if (depth !== 1 || end - start < 6) {
        if (type === STRING && pendingString && end - start >= 2) {
          grid.set(pendingString.row, pendingString.column, this.#unicodeOrBytes(start, end));
          pendingString = null;
        }
        continue;
      }
      const row = this.#u16(start);
      const column = this.#u16(start + 2);
      const xf = this.#u16(start + 4);
      switch (type) {
        case LABELSST:
          if (end - start >= 10) grid.set(row, column, this.#strings[this.#u32(start + 6)] ?? null);
          break;
        case LABEL:
        case RSTRING:
          grid.set(row, column, this.#unicodeOrBytes(start + 6, end));
          break;
        case NUMBER:
          if (end - start >= 14)
            grid.set(row, column, this.#number(this.#view.getFloat64(start + 6, true), xf));
          break;
        case RK:
          if (end - start >= 10) grid.set(row, column, this.#number(rkNumber(this.#u32(start + 6)), xf));
          break;
        case MULRK: {
          // rw, colFirst, then (ixfe, RK) pairs of 6 bytes, then colLast.
          const pairs = Math.floor((end - start - 6) / 6);
          for (let i = 0; i < pairs; i++) {
            const at = start + 4 + i * 6;
            grid.set(row, column + i, this.#number(rkNumber(this.#u32(at + 2)), this.#u16(at)));
          }
          break;
        }
        case BOOLERR:
          if (end - start >= 8)
            grid.set(
              row,
              column,
              stream[start + 7] ? (ERRORS[stream[start + 6]!] ?? '#ERROR') : stream[start + 6] !== 0,
            );
          break;
        case FORMULA:
          if (end - start >= 14) {
            if (this.#u16(start + 12) !== 0xffff) {
              grid.set(row, column, this.#number(this.#view.getFloat64(start + 6, true), xf));
              break;
            }
            const kind = stream[start + 6];
            if (kind === 0) pendingString = { row, column };
            else if (kind === 1) grid.set(row, column, stream[start + 8] !== 0);
            else if (kind === 2) grid.set(row, column, ERRORS[stream[start + 8]!] ?? '#ERROR');
          }
          break;
        case STRING:
          if (pendingString) {
            grid.set(pendingString.row, pendingString.column, this.#unicodeOrBytes(start, end));
            pendingString = null;
          }
          break;
      }
    }
    return grid.rows(options.maxRows);
  }

  #number(value: number, xf: number): SheetValue {
    if (!Number.isFinite(value)) return null;
    return serialValue(value, this.#xfDates[xf], this.#date1904);
  }

  #u16(at: number): number {
    return this.#view.getUint16(at, true);
  }

  #u32(at: number): number {
    return this.#view.getUint32(at, true);
  }

  /** A BIFF8 XLUnicodeString (or, with `lengthBytes` 1, ShortXLUnicodeString) at `at`. */
  #unicodeString(at: number, end: number, lengthBytes: 1 | 2): { text: string; end: number } {
    if (at + lengthBytes + 1 > end) return { text: '', end };
    const cch = lengthBytes === 1 ? this.#stream[at]! : this.#u16(at);
    const flags = this.#stream[at + lengthBytes]!;
    let pos = at + lengthBytes + 1;
    if (flags & 8) pos += 2;
    if (flags & 4) pos += 4;
    const bytes = flags & 1 ? cch * 2 : cch;
    const stop = Math.min(end, pos + bytes);
    const text =
      flags & 1 ? utf16le(this.#stream, pos, stop - ((stop - pos) % 2)) : latin1(this.#stream, pos, stop);
    return { text, end: stop };
  }

  /** A BIFF5 string: a 1- or 2-byte count, then bytes in the workbook's code page. */
  #byteString(at: number, end: number, lengthBytes: 1 | 2 = 1): string {
    if (at + lengthBytes > end) return '';
    const cch = lengthBytes === 1 ? this.#stream[at]! : this.#u16(at);
    const pos = at + lengthBytes;
    return this.#decoder.decode(this.#stream.subarray(pos, Math.min(end, pos + cch)));
  }

  /** A cell's or formula result's text: XLUnicodeString in BIFF8, 16-bit-counted bytes in BIFF5. */
  #unicodeOrBytes(at: number, end: number): string {
    return this.#biff8 ? this.#unicodeString(at, end, 2).text : this.#byteString(at, end, 2);
  }
}

/** An RK number: a 30-bit integer or the high 30 bits of a double, optionally divided by 100. */
function rkNumber(rk: number): number {
  let value: number;
  if (rk & 2) value = (rk | 0) >> 2;
  else {
    const scratch = new DataView(new ArrayBuffer(8));
    scratch.setUint32(4, rk & 0xfffffffc, true);
    value = scratch.getFloat64(0, true);
  }
  return rk & 1 ? value / 100 : value;
}
