import { type SharedString, SharedStringsReader } from './shared-strings.ts';
import { EnoughRows, SheetReader, type SheetValue } from './sheet-reader.ts';
import { type DateKind, StylesReader } from './styles.ts';
import { count, DEFAULT_WORKBOOK_LIMITS, WorkbookError, type WorkbookLimits } from './workbook-limits.ts';
import { attributes, InvalidCharacterError } from './xml-text.ts';
import { localName, type XmlHandler, XmlLimitError, XmlSyntaxError, XmlTokenizer } from './xml-tokenizer.ts';
import { type InflateLimit, ZipArchive } from './zip-archive.ts';

export type { SheetValue } from './sheet-reader.ts';
export {
  DEFAULT_WORKBOOK_LIMITS,
  WorkbookError,
  type WorkbookErrorCode,
  type WorkbookLimits,
} from './workbook-limits.ts';

/** One sheet of a workbook, as listed for the user to pick. */
export interface SheetInfo {
  readonly name: string;
  readonly index: number;
  readonly hidden: boolean;
}

/** How much of a sheet to read, and how to follow and stop the read. */
export interface SheetReadOptions {
  /** Stop after the first row with a value beyond this many such rows. */
  readonly maxRows?: number;
  /**
   * Called often during a read (after each piece of a part is inflated and read, at least every
   * few thousand rows): the rows read so far and the share of the sheet's compressed bytes
   * (shared strings included on a first read) read so far. A worker beats its heartbeat here.
   */
  readonly onProgress?: (rows: number, fraction: number) => void;
  /** Cancels the read: it throws `WorkbookError` `cancelled` at its next progress point. */
  readonly signal?: AbortSignal;
}

/** How long `readSheetAsync` works before it lets its event loop run (a cancel message, a ping). */
const SLICE_MS = 25;

const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** Longest tag the reader accepts; a long `sqref` list is legitimate, a megabyte of attributes is not. */
const MAX_TAG_LENGTH = 1024 * 1024;
/** Longest sheet name read; Excel's own limit is 31 characters. */
const MAX_SHEET_NAME = 255;
/** The longest entity, `&#0000000065;` or `&#x0010FFFF;`, is 13 characters for one character. */
const ENTITY_EXPANSION = 13;

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

/** Collects the start tags of some elements of a small part, with a cap on how many. */
class ElementCollector implements XmlHandler {
  readonly found: { readonly name: string; readonly attributes: Record<string, string> }[] = [];
  constructor(
    readonly names: ReadonlySet<string>,
    readonly max: number,
    readonly tooMany: () => WorkbookError,
  ) {}
  open(name: string, text: string): void {
    const local = localName(name);
    if (!this.names.has(local)) return;
    if (this.found.length >= this.max) throw this.tooMany();
    this.found.push({ name: local, attributes: attributes(text) });
  }
  close(): void {}
  text(): void {}
}

/**
 * An XLSX workbook, read in a worker or in Node without a DOM: the sheet list, then the cell
 * values of the sheet the user picks. Numbers stay numbers, booleans booleans, date-formatted
 * numbers become ISO 8601 strings (1900 and 1904 date systems), formulas give their cached
 * result, error cells their text (`#N/A`).
 *
 * Bounded against hostile files (see `WorkbookLimits`): the zip's entry count and each part's
 * declared size are checked before anything is inflated, parts are inflated in small pushes and
 * read as they come by a linear tokenizer (never held whole as XML text), the bytes inflated are
 * counted against each part's limit and the workbook's total, and every cell reference, row
 * number, column, cell length and the sheet's cell count is checked before a row is padded to
 * it. Each refusal is a `WorkbookError` whose code says which limit and whose message names the
 * part or cell. The shared strings are read on the first `readSheet`, not on `open`.
 */
export class Workbook {
  readonly #zip: ZipArchive;
  readonly #limits: Required<WorkbookLimits>;
  #sheets: readonly SheetInfo[] = [];
  #targets: readonly string[] = [];
  #dateStyles: ReadonlyMap<number, DateKind> = new Map();
  #date1904 = false;
  #strings: readonly SharedString[] | undefined;
  /** Bytes inflated so far, against `maxTotalBytes`. */
  #inflated = 0;

  private constructor(bytes: Uint8Array, limits: WorkbookLimits) {
    this.#limits = { ...DEFAULT_WORKBOOK_LIMITS, ...limits };
    this.#zip = new ZipArchive(bytes, this.#limits.maxEntries);
  }

  /** The sheets, in the workbook's order, hidden ones marked. */
  get sheets(): readonly SheetInfo[] {
    return this.#sheets;
  }

  /** Reads the sheet list, the relationships and the date styles (not the shared strings). */
  async #load(): Promise<void> {
    const { maxSheets, maxMetaBytes } = this.#limits;
    const meta = (what: string): InflateLimit => ({
      maxBytes: maxMetaBytes,
      maxRatio: this.#limits.maxRatio,
      what,
    });
    const tooManySheets = () =>
      new WorkbookError(
        'too_many_parts',
        `The workbook lists more than ${count(maxSheets)} sheets; the importer reads workbooks of at most ${count(maxSheets)}.`,
      );
    if (!this.#zip.entry('xl/workbook.xml'))
      throw new WorkbookError('not_xlsx', 'The file is a ZIP archive but not an Excel workbook.');
    const book = new ElementCollector(new Set(['sheet', 'workbookPr']), maxSheets + 1, tooManySheets);
    await runSteps(this.#parse('xl/workbook.xml', meta('workbook list'), book));
    const rels = new ElementCollector(
      new Set(['Relationship']),
      maxSheets * 4 + 64,
      () => new WorkbookError('too_many_parts', 'The workbook names more parts than the importer reads.'),
    );
    if (this.#zip.entry('xl/_rels/workbook.xml.rels'))
      await runSteps(this.#parse('xl/_rels/workbook.xml.rels', meta('relationships'), rels));
    const targets = new Map<string, string>();
    for (const { attributes: a } of rels.found)
      if (a.Id && a.Target) targets.set(a.Id, resolvePart('xl/workbook.xml', a.Target));
    const sheets: SheetInfo[] = [];
    const sheetTargets: string[] = [];
    let date1904 = false;
    for (const { name, attributes: a } of book.found) {
      if (name === 'workbookPr') {
        date1904 = a.date1904 === '1' || a.date1904 === 'true';
        continue;
      }
      const target = targets.get(a['r:id'] ?? a.id ?? '');
      if (a.name === undefined || target === undefined) continue;
      if (sheets.length >= maxSheets) throw tooManySheets();
      // Excel allows 31 characters; a name past this is no sheet name, and it would be shown.
      if (a.name.length > MAX_SHEET_NAME)
        throw new WorkbookError(
          'corrupt',
          `The workbook is damaged: sheet ${sheets.length + 1} has a name of ${count(a.name.length)} characters (Excel allows 31).`,
        );
      sheets.push({
        name: a.name,
        index: sheets.length,
        hidden: a.state === 'hidden' || a.state === 'veryHidden',
      });
      sheetTargets.push(target);
    }
    this.#sheets = sheets;
    this.#targets = sheetTargets;
    this.#date1904 = date1904;
    const styles = new StylesReader();
    if (this.#zip.entry('xl/styles.xml'))
      await runSteps(this.#parse('xl/styles.xml', meta('styles'), styles));
    this.#dateStyles = styles.dateStyles();
  }

  /**
   * Opens a workbook from its bytes: reads the zip's directory, the sheet list and the styles.
   * Rejects with `WorkbookError` with a specific code.
   */
  static async open(bytes: Uint8Array, limits: WorkbookLimits = {}): Promise<Workbook> {
    if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)
      throw new WorkbookError(
        'xls_unsupported',
        'This is an old Excel 97-2003 (.xls) workbook. Save it as .xlsx or CSV in Excel and try again.',
      );
    if (!(bytes[0] === 0x50 && bytes[1] === 0x4b))
      throw new WorkbookError('not_xlsx', 'The file is not an Excel workbook.');
    const workbook = new Workbook(bytes, limits);
    await workbook.#load();
    return workbook;
  }

  /**
   * The cell values of one sheet, by name or index, as rows of cells; missing cells are `null`,
   * every row with a cell padded to the sheet's widest row, blank rows kept as empty arrays
   * (header detection skips them). With `maxRows`, reading stops at the first row with a value
   * beyond that many, which is returned too, so the caller knows the sheet has more.
   * Parts are inflated by the platform's `DecompressionStream`, so the read is asynchronous; it
   * lets the event loop run every few tens of milliseconds, so a worker answers messages (a
   * cancel, a ping), and an aborted `signal` stops it (`WorkbookError` `cancelled`).
   */
  readSheet(sheet: string | number, options: SheetReadOptions = {}): Promise<SheetValue[][]> {
    return runSteps(this.#read(sheet, options), options.signal);
  }

  /** The same as `readSheet` (which is asynchronous itself now); kept for its callers. */
  readSheetAsync(sheet: string | number, options: SheetReadOptions = {}): Promise<SheetValue[][]> {
    return this.readSheet(sheet, options);
  }

  async *#read(sheet: string | number, options: SheetReadOptions): AsyncGenerator<void, SheetValue[][]> {
    const { maxRows = Number.POSITIVE_INFINITY, onProgress } = options;
    const index = typeof sheet === 'number' ? sheet : this.#sheets.findIndex((s) => s.name === sheet);
    const target = this.#targets[index];
    const info = this.#sheets[index];
    if (target === undefined || info === undefined)
      throw new WorkbookError('no_such_sheet', `The workbook has no sheet "${sheet}".`);
    const part = this.#zip.entry(target);
    if (!part) throw new WorkbookError('corrupt', `The sheet "${info.name}" is missing from the workbook.`);
    const { maxCellLength, maxColumns, maxCells, maxPartBytes, maxSharedStringsBytes, maxRatio } =
      this.#limits;
    const stringsPart = this.#strings === undefined ? this.#zip.entry(SHARED_STRINGS) : undefined;
    const total = Math.max(1, part.compressedSize + (stringsPart?.compressedSize ?? 0));
    let done = 0;
    if (this.#strings === undefined) {
      const reader = new SharedStringsReader(maxCellLength);
      if (stringsPart) {
        const what = { maxBytes: maxSharedStringsBytes, maxRatio, what: 'shared strings' };
        for await (const at of this.#parse(SHARED_STRINGS, what, reader, () => reader.limitError())) {
          onProgress?.(0, at / total);
          yield;
        }
        done = stringsPart.compressedSize;
      }
      this.#strings = reader.end();
    }
    const rows = new SheetReader({
      sheetName: info.name,
      strings: this.#strings,
      dateStyles: this.#dateStyles,
      date1904: this.#date1904,
      maxColumns,
      maxCellLength,
      maxCells,
      maxRows,
    });
    try {
      const limit = { maxBytes: maxPartBytes, maxRatio, what: `sheet "${info.name}"` };
      for await (const at of this.#parse(target, limit, rows, (kind) => rows.limitError(kind))) {
        onProgress?.(rows.rows.length, (done + at) / total);
        yield;
      }
      return rows.end();
    } catch (error) {
      if (error instanceof EnoughRows) return rows.padded();
      throw error;
    }
  }

  /**
   * Inflates one part into `handler` through the tokenizer, yielding the compressed bytes read
   * so far after each piece. Limit errors of the tokenizer become `limitError`'s message.
   */
  async *#parse(
    name: string,
    limit: InflateLimit,
    handler: XmlHandler & { end?: () => unknown },
    limitError: (kind: 'tag' | 'text') => WorkbookError = (kind) =>
      new WorkbookError('corrupt', `The workbook part ${name} is damaged: an XML ${kind} runs on too long.`),
  ): AsyncGenerator<number, void> {
    const entry = this.#zip.entry(name);
    if (!entry) return;
    const { maxTotalBytes, maxCellLength } = this.#limits;
    // The part's own limit speaks first (its message is the more specific), when inflating starts.
    if (entry.size <= limit.maxBytes && this.#inflated + entry.size > maxTotalBytes)
      throw this.#tooMuch(name);
    const decoder = new TextDecoder('utf-8');
    const tokenizer = new XmlTokenizer(handler, {
      maxTagLength: MAX_TAG_LENGTH,
      maxTextLength: maxCellLength * ENTITY_EXPANSION + 64,
    });
    const sink = (bytes: Uint8Array) => {
      this.#inflated += bytes.length;
      if (this.#inflated > maxTotalBytes) throw this.#tooMuch(name);
      tokenizer.push(decoder.decode(bytes, { stream: true }));
    };
    try {
      yield* this.#zip.inflate(entry, limit, sink);
      tokenizer.push(decoder.decode());
      tokenizer.end();
    } catch (error) {
      if (error instanceof XmlLimitError) throw limitError(error.kind);
      if (error instanceof XmlSyntaxError)
        throw new WorkbookError('corrupt', `The workbook part ${name} is damaged: ${error.message}.`);
      if (error instanceof InvalidCharacterError)
        throw new WorkbookError(
          'invalid_character',
          `The workbook part ${name} has the character reference ${error.reference}, which is no Unicode character; the file is damaged.`,
        );
      throw error;
    }
  }

  #tooMuch(name: string): WorkbookError {
    return new WorkbookError(
      'too_large',
      `The workbook expands to more than ${count(this.#limits.maxTotalBytes)} bytes (reading ${name}); the importer reads no more.`,
    );
  }
}

function cancelled(): WorkbookError {
  return new WorkbookError('cancelled', 'Reading the workbook was cancelled.');
}

/**
 * Runs a read to its end, letting the event loop run every `SLICE_MS`; an aborted `signal`
 * stops it at its next step. A read left early is closed (`return`), so an inflater under it
 * is cancelled rather than left waiting.
 */
export async function runSteps<T>(
  steps: AsyncGenerator<unknown, T> | Generator<unknown, T>,
  signal?: AbortSignal,
): Promise<T> {
  let slice = performance.now();
  let done = false;
  try {
    for (;;) {
      if (signal?.aborted) throw cancelled();
      const step = await steps.next();
      if (step.done) {
        done = true;
        return step.value;
      }
      if (performance.now() - slice > SLICE_MS) {
        await new Promise((resolve) => setTimeout(resolve, 0));
        slice = performance.now();
      }
    }
  } finally {
    if (!done) await steps.return(undefined as T);
  }
}

/** Opens an XLSX file (a `Blob`, e.g. the user's `File`) for the sheet step. */
export async function readWorkbook(file: Blob, limits: WorkbookLimits = {}): Promise<Workbook> {
  return await Workbook.open(new Uint8Array(await file.arrayBuffer()), limits);
}
