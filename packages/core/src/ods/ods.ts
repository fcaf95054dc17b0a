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
import { type XmlHandler, XmlLimitError, XmlSyntaxError, XmlTokenizer } from '../xlsx/xml-tokenizer.ts';

/** The grid of an OpenDocument spreadsheet as LibreOffice and Excel address it. */
const ODS_GRID = { rows: 1_048_576, columns: 16_384 };
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const CONTENT = 'content.xml';
/** Longest start tag read; a cell's tag with every attribute is far shorter. */
const MAX_TAG_LENGTH = 64 * 1024;

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its entities resolved; a reference to no Unicode character is refused. */
function unescapeOds(raw: string): string {
  if (!raw.includes('&')) return raw;
  return raw.replace(ENTITY, (_whole, hex?: string, dec?: string, name?: string) => {
    if (name) return NAMED[name]!;
    const code = hex ? Number.parseInt(hex, 16) : Number(dec);
    if (!(code <= 0x10ffff) || (code >= 0xd800 && code <= 0xdfff))
      throw new WorkbookError(
        'invalid_character',
        `The workbook has a character reference to no Unicode character (${_whole.slice(0, 20)}).`,
      );
    return String.fromCodePoint(code);
  });
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag's text, unescaped, namespace prefixes kept (`table:name`). */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) out[m[1]!] = unescapeOds(m[2] ?? m[3] ?? '');
  return out;
}

const local = (name: string) => name.slice(name.indexOf(':') + 1);
const DURATION = /^-?P(?:\d+D)?T?(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$/;

/** A repeat count as ODS writes it, at least 1. */
function repeat(value: string | undefined): number {
  const n = value === undefined ? 1 : Number(value);
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** The typed value of a cell from its `office:*` attributes, or undefined when its text decides. */
function typedValue(a: Record<string, string>): SheetValue | undefined {
  switch (a['office:value-type'] ?? a['calcext:value-type']) {
    case undefined:
      return null;
    case 'float':
    case 'percentage':
    case 'currency': {
      const n = Number(a['office:value']);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean':
      return a['office:boolean-value'] === 'true';
    case 'date': {
      const v = a['office:date-value'] ?? '';
      if (/^\d{4}-\d\d-\d\d$/.test(v)) return v;
      const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)/.exec(v);
      if (!m) return undefined;
      return m[1]!.endsWith('T00:00:00') ? m[1]!.slice(0, 10) : m[1]!;
    }
    case 'time': {
      const m = DURATION.exec(a['office:time-value'] ?? '');
      if (!m) return undefined;
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${pad(Number(m[1] ?? 0))}:${pad(Number(m[2] ?? 0))}:${pad(Math.round(Number(m[3] ?? 0)))}`;
    }
    default:
      // string, and anything unknown: the cell's text.
      return a['office:string-value'] !== undefined ? unescapeOds(a['office:string-value']) : undefined;
  }
}

/**
 * An OpenDocument spreadsheet (`.ods`, as LibreOffice, OpenOffice and Google Sheets write it),
 * read in a worker or in Node without a DOM: every table, hidden ones (whose table style has
 * `table:display="false"`) marked, then the cell values of the sheet the user picks. Floats,
 * percentages and currencies are numbers, booleans booleans, dates ISO 8601 strings, times
 * `HH:MM:SS`, formulas their cached value, other cells their text. A merged cell keeps its value
 * in the top-left cell; the cells it covers are empty. Repeated rows and columns
 * (`number-rows-repeated`, which LibreOffice writes by the million for empty rows) are expanded
 * only where they hold a value, after their count was checked against the limits.
 */
export class OdsWorkbook {
  readonly format = 'ods';
  readonly #zip: ZipParts;
  readonly #limits: Required<SpreadsheetLimits>;
  #sheets: readonly SheetInfo[] = [];

  private constructor(zip: ZipParts, limits: Required<SpreadsheetLimits>) {
    this.#zip = zip;
    this.#limits = limits;
  }

  /** The tables, in the document's order, hidden ones marked. */
  get sheets(): readonly SheetInfo[] {
    return this.#sheets;
  }

  /** Lists the tables and which are hidden, from one pass over content.xml. */
  async #load(): Promise<void> {
    const limits = this.#limits;
    const hiddenStyles = new Set<string>();
    const tables: { name: string; style: string }[] = [];
    let style: string | null = null;
    let depth = 0;
    await runSteps(
      this.#scan({
        open: (name, text) => {
          const tag = local(name);
          if (tag === 'style') {
            const a = attributes(text);
            style = a['style:family'] === 'table' ? (a['style:name'] ?? null) : null;
          } else if (tag === 'table-properties' && style !== null) {
            if (attributes(text)['table:display'] === 'false') hiddenStyles.add(style);
          } else if (name === 'table:table') {
            if (depth++ > 0) return;
            if (tables.length >= limits.maxSheets)
              throw new WorkbookError(
                'too_many_parts',
                `The workbook lists more than ${count(limits.maxSheets)} sheets, more than the importer reads.`,
              );
            const a = attributes(text);
            tables.push({
              name: a['table:name'] ?? `Sheet${tables.length + 1}`,
              style: a['table:style-name'] ?? '',
            });
          }
        },
        close: (name) => {
          if (name === 'table:table') depth--;
          else if (local(name) === 'style') style = null;
        },
        text: () => {},
      }),
    );
    this.#sheets = tables.map((t, index) => ({ name: t.name, index, hidden: hiddenStyles.has(t.style) }));
  }

  /**
   * Opens a workbook from its bytes, listing its tables (one pass over content.xml); rejects with
   * `WorkbookError` with a specific code.
   */
  static async open(bytes: Uint8Array, limits: SpreadsheetLimits = {}): Promise<OdsWorkbook> {
    const all = { ...DEFAULT_SPREADSHEET_LIMITS, ...limits };
    const zip = new ZipParts(bytes, all);
    const text = async (name: string) =>
      new TextDecoder('utf-8').decode((await zip.bytes(name, name)) ?? new Uint8Array(0));
    if ((await text('mimetype')).trim() !== ODS_MIMETYPE || !zip.has('content.xml'))
      throw new WorkbookError('not_xlsx', 'The file is a ZIP archive but not an OpenDocument spreadsheet.');
    if ((await text('META-INF/manifest.xml')).includes('encryption-data'))
      throw new WorkbookError(
        'encrypted',
        'This workbook is protected with a password. Save it without a password (or as .xlsx or CSV) and try again.',
      );
    const workbook = new OdsWorkbook(zip, all);
    await workbook.#load();
    return workbook;
  }

  /**
   * The cell values of one sheet, by name or index, as rows of cells; missing cells are `null`,
   * every row with a value padded to the widest row, rows without one empty. With `maxRows`,
   * rows up to the first with a value beyond that many; `onProgress` hears the rows read so far.
   * Asynchronous (content.xml is inflated by the platform's `DecompressionStream`); it lets the
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
    const index = typeof sheet === 'number' ? sheet : this.#sheets.findIndex((s) => s.name === sheet);
    const info = this.#sheets[index];
    if (info === undefined) throw new WorkbookError('no_such_sheet', `The workbook has no sheet "${sheet}".`);
    const limits = this.#limits;
    let fraction = 0;
    const compressed = Math.max(1, this.#zip.compressedSize(CONTENT));
    const grid = new SheetGrid(info.name, limits, ODS_GRID, options, () => fraction);
    let table = -1;
    let depth = 0;
    let row = 0;
    let rowRepeat = 1;
    let column = 0;
    let cells: { column: number; value: SheetValue }[] = [];
    /** The open cell: its repeat count, its typed value (undefined: its text decides), its text. */
    let cell: { repeat: number; value: SheetValue | undefined; text: string; paragraphs: number } | null =
      null;
    let annotation = 0;
    const addText = (more: string) => {
      if (!cell || annotation > 0) return;
      cell.text += more;
      if (cell.text.length > limits.maxCellLength)
        throw new WorkbookError(
          'cell_too_long',
          `A cell of the sheet "${info.name}" in row ${count(row + 1)} has more than ${count(limits.maxCellLength)} characters; the importer accepts at most ${count(limits.maxCellLength)}.`,
        );
    };
    const read = this.#scan({
      open: (name, text, selfClosing) => {
        if (name === 'table:table') {
          if (depth++ === 0) table++;
          return;
        }
        if (table !== index || depth !== 1) return;
        switch (name) {
          case 'table:table-row':
            rowRepeat = repeat(attributes(text)['table:number-rows-repeated']);
            column = 0;
            cells = [];
            break;
          case 'table:table-cell':
          case 'table:covered-table-cell': {
            const a = attributes(text);
            cell = {
              repeat: repeat(a['table:number-columns-repeated']),
              value: typedValue(a),
              text: '',
              paragraphs: 0,
            };
            break;
          }
          case 'office:annotation':
            if (!selfClosing) annotation++;
            break;
          case 'text:p':
          case 'text:h':
            if (cell && annotation === 0 && cell.paragraphs++ > 0) addText('\n');
            break;
          case 'text:s':
            addText(' '.repeat(Math.min(repeat(attributes(text)['text:c']), limits.maxCellLength + 1)));
            break;
          case 'text:tab':
            addText('\t');
            break;
          case 'text:line-break':
            addText('\n');
            break;
        }
      },
      close: (name) => {
        if (name === 'table:table') {
          depth--;
          return;
        }
        if (table !== index || depth !== 1) return;
        if (name === 'office:annotation') annotation = Math.max(0, annotation - 1);
        else if ((name === 'table:table-cell' || name === 'table:covered-table-cell') && cell) {
          const value = cell.value === undefined ? cell.text : cell.value;
          if (value !== null && value !== '') {
            // A repeated value past the column limit is refused by the grid at its first copy there.
            const copies = Math.min(cell.repeat, limits.maxColumns + 1);
            for (let k = 0; k < copies; k++) cells.push({ column: column + k, value });
          }
          column += cell.repeat;
          cell = null;
        } else if (name === 'table:table-row') {
          if (cells.length > 0) {
            if (rowRepeat * cells.length > limits.maxCells || row + rowRepeat > ODS_GRID.rows)
              throw new WorkbookError(
                'too_many_cells',
                `The sheet "${info.name}" repeats a row ${count(rowRepeat)} times from row ${count(row + 1)}, more than the importer reads.`,
              );
            for (let r = 0; r < rowRepeat; r++) for (const c of cells) grid.set(row + r, c.column, c.value);
          }
          row += rowRepeat;
        }
      },
      text: (raw, cdata) => {
        if (cell) addText(cdata ? raw : unescapeOds(raw));
      },
    });
    for await (const done of read) {
      fraction = done / compressed;
      yield;
    }
    return grid.rows(options.maxRows);
  }

  /**
   * Inflates content.xml through the shared tokenizer into `handler`, yielding the compressed
   * bytes read so far. A self-closing tag is also closed, so the handler needs one path for both.
   */
  async *#scan(handler: XmlHandler): AsyncGenerator<number, void> {
    const decoder = new TextDecoder('utf-8');
    const tokenizer = new XmlTokenizer(
      {
        open: (name, attributes, selfClosing) => {
          handler.open(name, attributes, selfClosing);
          if (selfClosing) handler.close(name);
        },
        close: (name) => handler.close(name),
        text: (raw, cdata) => handler.text(raw, cdata),
      },
      // Entities can make a cell's raw text up to about ten times its characters.
      { maxTagLength: MAX_TAG_LENGTH, maxTextLength: this.#limits.maxCellLength * 10 + 64 },
    );
    try {
      yield* this.#zip.inflate(CONTENT, 'content', (bytes) =>
        tokenizer.push(decoder.decode(bytes, { stream: true })),
      );
      tokenizer.push(decoder.decode());
      tokenizer.end();
    } catch (error) {
      if (error instanceof XmlLimitError)
        throw error.kind === 'text'
          ? new WorkbookError(
              'cell_too_long',
              `The workbook has a text longer than ${count(this.#limits.maxCellLength)} characters, the most the importer accepts in a cell.`,
            )
          : new WorkbookError(
              'corrupt',
              'The workbook is damaged and cannot be read (a tag in content.xml runs on too long).',
            );
      if (error instanceof XmlSyntaxError)
        throw new WorkbookError('corrupt', `The workbook is damaged and cannot be read (${error.message}).`);
      throw error;
    }
  }
}
