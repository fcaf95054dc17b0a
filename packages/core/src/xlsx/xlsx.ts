import { type Unzipped, unzipSync } from 'fflate';
import { excelSerialToIso } from '../types/date.ts';
import { attributes, stringItemText, unescapeXml } from './xml-text.ts';

/** Why a workbook could not be read. */
export type WorkbookErrorCode =
  | 'not_xlsx'
  | 'xls_unsupported'
  | 'too_large'
  | 'corrupt'
  | 'no_such_sheet'
  /** A cell or row reference outside the grid its file format can address. */
  | 'cell_out_of_range'
  /** A cell beyond `maxColumns`, the limit CSV files have too. */
  | 'too_many_columns'
  /** A cell longer than `maxCellLength`, the limit CSV files have too. */
  | 'cell_too_long'
  /** The sheet's rows times its width pass `maxCells`. */
  | 'too_many_cells'
  /** More archive or directory entries, or more sheets, than the limits allow. */
  | 'too_many_parts'
  /** A character reference that is no Unicode character. */
  | 'invalid_character'
  /** A password-protected workbook (XLS FILEPASS, an encrypted OLE2 package, an encrypted ODS). */
  | 'encrypted'
  /** An XLS, XLSB or ODS file in a build without their readers (the default script-tag bundle). */
  | 'needs_full_build';

export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A value as a spreadsheet cell holds it; dates are ISO 8601 strings. */
export type SheetValue = string | number | boolean | null;

/** One sheet of a workbook, as listed for the user to pick. */
export interface SheetInfo {
  readonly name: string;
  readonly index: number;
  readonly hidden: boolean;
}

/** How much of a sheet to read. */
export interface SheetReadOptions {
  /** Stop after the first row with a value beyond this many such rows. */
  readonly maxRows?: number;
  /** Rows read so far, every 4,096 rows. */
  readonly onProgress?: (rows: number) => void;
}

const PROGRESS_ROWS_MASK = 0xfff;

/** Caps that keep a hostile or broken workbook from exhausting memory. */
export interface WorkbookLimits {
  /** Largest declared uncompressed size of one part (default 256 MiB). */
  readonly maxPartBytes?: number;
  /** Largest declared uncompressed size of all parts this workbook inflates (default 512 MiB). */
  readonly maxTotalBytes?: number;
  /** Largest ratio of uncompressed to compressed size for a part above 1 MiB (default 1000, deflate's own ceiling being about 1032). */
  readonly maxRatio?: number;
}

const DEFAULT_LIMITS: Required<WorkbookLimits> = {
  maxPartBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 1000,
};

// Number formats Excel builds in that show dates or times (ECMA-376 18.8.30).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
// A custom format shows a date when, outside quotes, brackets and escapes, it has d, m, y, h or s.
const FORMAT_NOISE = /"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g;
const DATE_TOKENS = /[dmyhs]/i;
const DATE_PART = /[dy]/i;

type DateKind = 'date' | 'datetime' | 'time';

function dateKind(formatCode: string): DateKind | null {
  const bare = formatCode.replace(FORMAT_NOISE, '');
  if (!DATE_TOKENS.test(bare)) return null;
  const hasTime = /[hs]/i.test(bare);
  if (!DATE_PART.test(bare)) return hasTime ? 'time' : 'date';
  return hasTime ? 'datetime' : 'date';
}

const decoder = new TextDecoder('utf-8');
const text = (bytes: Uint8Array | undefined) => (bytes ? decoder.decode(bytes) : '');

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

/** `B12` to the 0-based column index 1. */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

const SHEET_TAG = /<(?:\w+:)?sheet\b([^>]*)\/?>/g;
const RELATIONSHIP = /<(?:\w+:)?Relationship\b([^>]*)\/?>/g;
const STRING_ITEM = /<(?:\w+:)?si>([\s\S]*?)<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g;
const NUM_FMT = /<(?:\w+:)?numFmt\b([^>]*)\/?>/g;
const CELL_XFS = /<(?:\w+:)?cellXfs\b[^>]*>([\s\S]*?)<\/(?:\w+:)?cellXfs>/;
const XF = /<(?:\w+:)?xf\b([^>]*?)\/?>/g;
const ROW = /<(?:\w+:)?row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?row>)/g;
const CELL = /<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
const VALUE = /<(?:\w+:)?v(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?v>/;
const INLINE = /<(?:\w+:)?is>([\s\S]*?)<\/(?:\w+:)?is>/;
const ROW_NUMBER = /\br="(\d+)"/;
const CELL_REF = /\br="([A-Z]+)\d*"/;
const CELL_TYPE = /\bt="(\w+)"/;
const CELL_STYLE = /\bs="(\d+)"/;

/**
 * An XLSX workbook, read in a worker or in Node without a DOM: the sheet list, then the cell
 * values of the sheet the user picks. Numbers stay numbers, booleans booleans, date-formatted
 * numbers become ISO 8601 strings (1900 and 1904 date systems), formulas give their cached result,
 * error cells their text (`#N/A`). Only the parts needed are inflated, each after its declared
 * size was checked against `limits`, so a zip bomb is refused before it is expanded; fflate never
 * writes past a part's declared size.
 */
export class Workbook {
  readonly sheets: readonly SheetInfo[];
  readonly #bytes: Uint8Array;
  readonly #limits: Required<WorkbookLimits>;
  readonly #targets: readonly string[];
  readonly #strings: readonly string[];
  readonly #dateStyles: ReadonlyMap<number, DateKind>;
  readonly #date1904: boolean;
  /** Declared bytes inflated so far, against `maxTotalBytes`. */
  #inflated = 0;

  private constructor(bytes: Uint8Array, limits: WorkbookLimits) {
    this.#bytes = bytes;
    this.#limits = { ...DEFAULT_LIMITS, ...limits };
    const meta = this.#unzip(
      (name) =>
        name === 'xl/workbook.xml' ||
        name === 'xl/_rels/workbook.xml.rels' ||
        name === 'xl/sharedStrings.xml' ||
        name === 'xl/styles.xml',
    );
    const workbook = text(meta['xl/workbook.xml']);
    if (!workbook)
      throw new WorkbookError('not_xlsx', 'The file is a ZIP archive but not an Excel workbook.');
    const rels = new Map<string, string>();
    for (const m of text(meta['xl/_rels/workbook.xml.rels']).matchAll(RELATIONSHIP)) {
      const a = attributes(m[1]!);
      if (a.Id && a.Target) rels.set(a.Id, resolvePart('xl/workbook.xml', a.Target));
    }
    const sheets: SheetInfo[] = [];
    const targets: string[] = [];
    for (const m of workbook.matchAll(SHEET_TAG)) {
      const a = attributes(m[1]!);
      const target = rels.get(a['r:id'] ?? a.id ?? '');
      if (a.name === undefined || target === undefined) continue;
      sheets.push({
        name: a.name,
        index: sheets.length,
        hidden: a.state === 'hidden' || a.state === 'veryHidden',
      });
      targets.push(target);
    }
    this.sheets = sheets;
    this.#targets = targets;
    this.#date1904 = /<(?:\w+:)?workbookPr\b[^>]*\bdate1904="(?:1|true)"/.test(workbook);
    this.#strings = [...text(meta['xl/sharedStrings.xml']).matchAll(STRING_ITEM)].map((m) =>
      m[1] === undefined ? '' : stringItemText(m[1]),
    );
    this.#dateStyles = readDateStyles(text(meta['xl/styles.xml']));
  }

  /** Opens a workbook from its bytes; throws `WorkbookError` with a specific code. */
  static open(bytes: Uint8Array, limits: WorkbookLimits = {}): Workbook {
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
      throw new WorkbookError(
        'xls_unsupported',
        'This is an old Excel 97-2003 (.xls) workbook. Save it as .xlsx or CSV in Excel and try again.',
      );
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
      throw new WorkbookError('not_xlsx', 'The file is not an Excel workbook.');
    return new Workbook(bytes, limits);
  }

  /**
   * The cell values of one sheet, by name or index, as rows of cells; missing cells are `null`,
   * every row padded to the sheet's widest row. Blank rows are kept (header detection skips them).
   * With `maxRows`, reading stops at the first row with a value beyond that many, which is
   * returned too, so the caller knows the sheet has more; `onProgress` hears the rows read so
   * far every few thousand rows.
   */
  readSheet(sheet: string | number, options: SheetReadOptions = {}): SheetValue[][] {
    const { maxRows = Number.POSITIVE_INFINITY, onProgress } = options;
    const index = typeof sheet === 'number' ? sheet : this.sheets.findIndex((s) => s.name === sheet);
    const target = this.#targets[index];
    if (target === undefined)
      throw new WorkbookError('no_such_sheet', `The workbook has no sheet "${sheet}".`);
    const xml = text(this.#unzip((name) => name === target)[target]);
    if (!xml.includes('</sheetData>') && !/<(?:\w+:)?sheetData\s*\/>/.test(xml))
      throw new WorkbookError(
        'corrupt',
        `The sheet "${this.sheets[index]!.name}" is damaged and cannot be read.`,
      );
    const rows: SheetValue[][] = [];
    let width = 0;
    let filled = 0;
    for (const rowMatch of xml.matchAll(ROW)) {
      const number = ROW_NUMBER.exec(rowMatch[1]!);
      const rowIndex = number ? Number(number[1]) - 1 : rows.length;
      while (rows.length < rowIndex) rows.push([]);
      const cells: SheetValue[] = [];
      const body = rowMatch[2];
      if (body) {
        for (const cellMatch of body.matchAll(CELL)) {
          const attrs = cellMatch[1]!;
          const ref = CELL_REF.exec(attrs);
          const col = ref ? columnIndex(ref[1]!) : cells.length;
          while (cells.length < col) cells.push(null);
          cells[col] = this.#cellValue(attrs, cellMatch[2] ?? '');
        }
      }
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      width = Math.max(width, cells.length);
      rows.push(cells);
      if (cells.some((cell) => cell !== null && cell !== '') && ++filled > maxRows) break;
      if (onProgress && (rows.length & PROGRESS_ROWS_MASK) === 0) onProgress(rows.length);
    }
    for (const row of rows) while (row.length < width) row.push(null);
    return rows;
  }

  #cellValue(attrs: string, body: string): SheetValue {
    const type = CELL_TYPE.exec(attrs)?.[1] ?? 'n';
    if (type === 'inlineStr') {
      const inline = INLINE.exec(body);
      return inline ? stringItemText(inline[1]!) : null;
    }
    const raw = VALUE.exec(body)?.[1];
    if (raw === undefined) return null;
    switch (type) {
      case 's':
        return this.#strings[Number(raw)] ?? null;
      case 'b':
        return raw === '1' || raw === 'true';
      case 'str':
      case 'e':
      case 'd':
        return unescapeXml(raw);
      default: {
        const value = Number(raw);
        if (!Number.isFinite(value)) return unescapeXml(raw);
        const style = CELL_STYLE.exec(attrs);
        const kind = style ? this.#dateStyles.get(Number(style[1])) : undefined;
        if (kind === undefined) return value;
        const serial = this.#date1904 ? value + 1462 : value;
        if (kind === 'time') {
          const seconds = Math.round((value % 1) * 86_400);
          const pad = (n: number) => String(n).padStart(2, '0');
          return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
        }
        const iso = excelSerialToIso(serial, kind === 'datetime' && value % 1 !== 0);
        return iso ?? value;
      }
    }
  }

  /** Inflates the parts `wanted` selects, after checking their declared sizes against the limits. */
  #unzip(wanted: (name: string) => boolean): Unzipped {
    const { maxPartBytes, maxTotalBytes, maxRatio } = this.#limits;
    try {
      return unzipSync(this.#bytes, {
        filter: (file) => {
          if (!wanted(file.name)) return false;
          this.#inflated += file.originalSize;
          const ratio = file.originalSize / Math.max(1, file.size);
          if (
            file.originalSize > maxPartBytes ||
            this.#inflated > maxTotalBytes ||
            (file.originalSize > 1024 * 1024 && ratio > maxRatio)
          )
            throw new WorkbookError(
              'too_large',
              `The workbook part ${file.name} would expand to ${file.originalSize} bytes, more than the importer reads.`,
            );
          return true;
        },
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw new WorkbookError(
        'corrupt',
        `The workbook is damaged and cannot be read (${(error as Error).message}).`,
      );
    }
  }
}

/** Style index to the kind of date its number format shows, for the styles that show one. */
function readDateStyles(styles: string): Map<number, DateKind> {
  const custom = new Map<number, string>();
  for (const m of styles.matchAll(NUM_FMT)) {
    const a = attributes(m[1]!);
    if (a.numFmtId && a.formatCode) custom.set(Number(a.numFmtId), a.formatCode);
  }
  const out = new Map<number, DateKind>();
  const xfs = CELL_XFS.exec(styles)?.[1] ?? '';
  let index = 0;
  for (const m of xfs.matchAll(XF)) {
    const id = Number(attributes(m[1]!).numFmtId ?? 0);
    const code = custom.get(id);
    const kind = code !== undefined ? dateKind(code) : BUILTIN_DATE_FORMATS.has(id) ? builtinKind(id) : null;
    if (kind) out.set(index, kind);
    index++;
  }
  return out;
}

function builtinKind(id: number): DateKind {
  if (id === 22) return 'datetime';
  if ((id >= 18 && id <= 21) || id === 45 || id === 46 || id === 47) return 'time';
  return 'date';
}

/** Opens an XLSX file (a `Blob`, e.g. the user's `File`) for the sheet step. */
export async function readWorkbook(file: Blob, limits: WorkbookLimits = {}): Promise<Workbook> {
  return Workbook.open(new Uint8Array(await file.arrayBuffer()), limits);
}
