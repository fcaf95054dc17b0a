import { type DateKind, formatDateKind, serialValue } from '../spreadsheet/number-format.ts';
import {
  count,
  DEFAULT_SPREADSHEET_LIMITS,
  SheetGrid,
  type SpreadsheetLimits,
} from '../spreadsheet/sheet-grid.ts';
import { ZipParts } from '../spreadsheet/zip-parts.ts';
import {
  runSteps,
  type SheetInfo,
  type SheetReadOptions,
  type SheetValue,
  WorkbookError,
} from '../xlsx/xlsx.ts';
import { RecordData, xlsbRecords } from './xlsb-records.ts';

// Record types of [MS-XLSB] 2.3.
/** Records read between two chances for the caller to yield or cancel. */
const STEP_MASK = 0xfff;
const ROW_HDR = 0;
const CELL_RK = 2;
const CELL_ERROR = 3;
const CELL_BOOL = 4;
const CELL_REAL = 5;
const CELL_ST = 6;
const CELL_ISST = 7;
const FMLA_STRING = 8;
const FMLA_NUM = 9;
const FMLA_BOOL = 10;
const FMLA_ERROR = 11;
// The short forms (Excel 2010 and later) leave out the column: the one after the previous cell.
const SHORT_BLANK = 12;
const SHORT_RK = 13;
const SHORT_ERROR = 14;
const SHORT_BOOL = 15;
const SHORT_REAL = 16;
const SHORT_ST = 17;
const SHORT_ISST = 18;
const SST_ITEM = 19;
const FMT = 44;
const XF = 47;
const WB_PROP = 153;
const BUNDLE_SH = 156;
const BEGIN_CELL_XFS = 617;
const END_CELL_XFS = 618;

/** Excel's grid: columns A to XFD, rows 1 to 1,048,576. */
const XLSB_GRID = { rows: 1_048_576, columns: 16_384 };

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

const RELATIONSHIP = /<(?:\w+:)?Relationship\b([^>]*)\/?>/g;
const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) out[m[1]!] = m[2] ?? m[3] ?? '';
  return out;
}

/** Resolves a relationship target against the folder of the part that names it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.') parts.push(piece);
  }
  return parts.join('/');
}

/** An RK number: a 30-bit integer or the high 30 bits of a double, optionally divided by 100. */
export function rkNumber(rk: number): number {
  let value: number;
  if (rk & 2) value = (rk | 0) >> 2;
  else {
    const scratch = new DataView(new ArrayBuffer(8));
    scratch.setUint32(4, rk & 0xfffffffc, true);
    value = scratch.getFloat64(0, true);
  }
  return rk & 1 ? value / 100 : value;
}

/**
 * An Excel binary workbook (`.xlsb`), read in a worker or in Node without a DOM: the sheets,
 * hidden ones marked, then the cell values of the sheet the user picks, with the XLSX reader's
 * rules (numbers, booleans, dates as ISO 8601 by their number format, formulas' cached results,
 * error text, merged cells' value in their top-left cell). Parts are inflated one at a time
 * within the limits (see `ZipParts`); every record is checked to end inside its part and every
 * cell reference against Excel's grid and the importer's limits (see `SheetGrid`).
 */
export class XlsbWorkbook {
  readonly format = 'xlsb';
  readonly sheets: readonly SheetInfo[];
  readonly #zip: ZipParts;
  readonly #limits: Required<SpreadsheetLimits>;
  readonly #targets: readonly string[];
  readonly #strings: readonly string[];
  readonly #xfDates: readonly (DateKind | null)[];
  readonly #date1904: boolean;

  private constructor(
    zip: ZipParts,
    limits: Required<SpreadsheetLimits>,
    meta: {
      readonly workbook: Uint8Array | undefined;
      readonly rels: Uint8Array | undefined;
      readonly strings: Uint8Array | undefined;
      readonly styles: Uint8Array | undefined;
    },
  ) {
    this.#zip = zip;
    this.#limits = limits;
    const workbook = meta.workbook;
    if (!workbook)
      throw new WorkbookError('not_xlsx', 'The file is a ZIP archive but not an Excel workbook.');
    const rels = new Map<string, string>();
    const relsText = new TextDecoder('utf-8').decode(meta.rels ?? new Uint8Array(0));
    for (const m of relsText.matchAll(RELATIONSHIP)) {
      const a = attributes(m[1]!);
      if (a.Id && a.Target) rels.set(a.Id, resolvePart('xl/workbook.bin', a.Target));
    }
    const sheets: SheetInfo[] = [];
    const targets: string[] = [];
    let date1904 = false;
    for (const record of xlsbRecords(workbook)) {
      const data = new RecordData(workbook, record);
      if (record.type === WB_PROP) date1904 = (data.u32() & 1) === 1;
      else if (record.type === BUNDLE_SH) {
        if (sheets.length >= limits.maxSheets)
          throw new WorkbookError(
            'too_many_parts',
            `The workbook lists more than ${count(limits.maxSheets)} sheets, more than the importer reads.`,
          );
        const state = data.u32();
        data.u32();
        const relId = data.wideString(true);
        const name = data.wideString();
        const target = rels.get(relId);
        if (target === undefined) continue;
        sheets.push({ name, index: sheets.length, hidden: state !== 0 });
        targets.push(target);
      }
    }
    this.sheets = sheets;
    this.#targets = targets;
    this.#date1904 = date1904;
    const strings: string[] = [];
    const sst = meta.strings;
    if (sst)
      for (const record of xlsbRecords(sst))
        if (record.type === SST_ITEM) {
          const data = new RecordData(sst, record);
          data.u8();
          strings.push(data.wideString());
        }
    this.#strings = strings;
    this.#xfDates = readXfDates(meta.styles);
  }

  /**
   * Opens a workbook from its bytes, reading its workbook, relationships, shared-strings and
   * styles parts; rejects with `WorkbookError` with a specific code.
   */
  static async open(bytes: Uint8Array, limits: SpreadsheetLimits = {}): Promise<XlsbWorkbook> {
    const all = { ...DEFAULT_SPREADSHEET_LIMITS, ...limits };
    const zip = new ZipParts(bytes, all);
    const meta = {
      workbook: await zip.bytes('xl/workbook.bin', 'workbook part'),
      rels: await zip.bytes('xl/_rels/workbook.bin.rels', 'relationships part'),
      strings: await zip.bytes('xl/sharedStrings.bin', 'shared strings'),
      styles: await zip.bytes('xl/styles.bin', 'styles part'),
    };
    return new XlsbWorkbook(zip, all, meta);
  }

  /**
   * The cell values of one sheet, by name or index, as rows of cells; missing cells are `null`,
   * every row with a value padded to the widest row, rows without one empty. With `maxRows`,
   * rows up to the first with a value beyond that many; `onProgress` hears the rows read so far.
   * Asynchronous (the part is inflated by the platform's `DecompressionStream`); it lets the
   * event loop run every few tens of milliseconds (a cancel, a ping).
   */
  readSheet(sheet: string | number, options: SheetReadOptions = {}): Promise<SheetValue[][]> {
    return runSteps(this.#read(sheet, options), options.signal);
  }

  /** The same as `readSheet`; kept for its callers. */
  readSheetAsync(sheet: string | number, options: SheetReadOptions = {}): Promise<SheetValue[][]> {
    return this.readSheet(sheet, options);
  }

  async *#read(sheet: string | number, options: SheetReadOptions): AsyncGenerator<void, SheetValue[][]> {
    const index = typeof sheet === 'number' ? sheet : this.sheets.findIndex((s) => s.name === sheet);
    const target = this.#targets[index];
    if (target === undefined)
      throw new WorkbookError('no_such_sheet', `The workbook has no sheet "${sheet}".`);
    const name = this.sheets[index]!.name;
    const part = await this.#zip.bytes(target, `sheet "${name}"`);
    if (!part) throw new WorkbookError('corrupt', `The sheet "${name}" is missing from the workbook.`);
    let at = 0;
    let steps = 0;
    const grid = new SheetGrid(name, this.#limits, XLSB_GRID, options, () => at / part.length);
    let row = -1;
    let column = -1;
    for (const record of xlsbRecords(part)) {
      const { type } = record;
      at = record.end;
      if ((++steps & STEP_MASK) === 0) yield;
      if (type === ROW_HDR) {
        row = new RecordData(part, record).u32();
        column = -1;
        continue;
      }
      if (type < CELL_RK || type > SHORT_ISST) continue;
      const data = new RecordData(part, record);
      const short = type >= SHORT_BLANK;
      column = short ? column + 1 : data.u32();
      const style = data.u32() & 0xffffff;
      if (row < 0) throw new WorkbookError('corrupt', `The sheet "${name}" has a cell before its first row.`);
      let value: SheetValue;
      switch (type) {
        case CELL_RK:
        case SHORT_RK:
          value = this.#number(rkNumber(data.u32()), style);
          break;
        case CELL_REAL:
        case FMLA_NUM:
        case SHORT_REAL:
          value = this.#number(data.f64(), style);
          break;
        case CELL_BOOL:
        case FMLA_BOOL:
        case SHORT_BOOL:
          value = data.u8() !== 0;
          break;
        case CELL_ERROR:
        case FMLA_ERROR:
        case SHORT_ERROR:
          value = ERRORS[data.u8()] ?? '#ERROR';
          break;
        case CELL_ST:
        case FMLA_STRING:
        case SHORT_ST:
          value = data.wideString();
          break;
        case CELL_ISST:
        case SHORT_ISST:
          value = this.#strings[data.u32()] ?? null;
          break;
        default:
          value = null;
      }
      grid.set(row, column, value);
    }
    return grid.rows(options.maxRows);
  }

  #number(value: number, style: number): SheetValue {
    if (!Number.isFinite(value)) return null;
    return serialValue(value, this.#xfDates[style], this.#date1904);
  }
}

/** The date kind of each cell style (the XFs of the cell-XF list, in order) from `xl/styles.bin`. */
function readXfDates(styles: Uint8Array | undefined): (DateKind | null)[] {
  if (!styles) return [];
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  for (const record of xlsbRecords(styles)) {
    if (record.type === BEGIN_CELL_XFS) inCellXfs = true;
    else if (record.type === END_CELL_XFS) inCellXfs = false;
    else if (record.type === FMT) {
      const data = new RecordData(styles, record);
      const id = data.u16();
      custom.set(id, data.wideString());
    } else if (record.type === XF && inCellXfs) {
      const data = new RecordData(styles, record);
      data.u16();
      formats.push(data.u16());
    }
  }
  return formats.map((id) => formatDateKind(id, custom));
}
