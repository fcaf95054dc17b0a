import { type DateKind, serialValue } from '../spreadsheet/number-format.ts';
import { columnName, parseCellRef, shownRef } from './cell-ref.ts';
import { LongString, type SharedString } from './shared-strings.ts';
import { count, WorkbookError } from './workbook-limits.ts';
import { attribute, InvalidCharacterError, unescapeXml } from './xml-text.ts';
import { localName, type XmlHandler } from './xml-tokenizer.ts';

/** A value as a spreadsheet cell holds it; dates are ISO 8601 strings. */
export type SheetValue = string | number | boolean | null;

/** What a sheet's cells are read with and against. */
export interface SheetContext {
  readonly sheetName: string;
  readonly strings: readonly SharedString[];
  readonly dateStyles: ReadonlyMap<number, DateKind>;
  readonly date1904: boolean;
  readonly maxColumns: number;
  readonly maxCellLength: number;
  readonly maxCells: number;
  /** Stop after the first row with a value beyond this many such rows. */
  readonly maxRows: number;
}

/** Thrown inside the tokenizer when `maxRows` is passed: the rows so far are the answer. */
export class EnoughRows extends Error {}

/**
 * Turns the tokens of one worksheet part into rows of cell values, checking every reference
 * before it is used: a cell or row beyond Excel's grid, a cell beyond `maxColumns`, a value
 * beyond `maxCellLength` and a sheet whose rectangle passes `maxCells` are refused with the cell
 * named, before any row is padded to it. Blank rows in gaps are empty arrays, so a far row
 * number costs one small array per skipped row, and no more than Excel's grid allows.
 * Unclosed or nested `<row>` and `<c>` tags are refused as damage.
 */
export class SheetReader implements XmlHandler {
  readonly rows: SheetValue[][] = [];
  readonly #context: SheetContext;
  #inData = false;
  #dataSeen = false;
  #row: SheetValue[] | null = null;
  #rowNumber = 0;
  /** The open cell: its column, reference, type and style attributes. */
  #cell: { column: number; ref: string; type: string; style: string | undefined } | null = null;
  #value: string | null = null;
  #inline: string[] | null = null;
  /** The element whose text is wanted: 'v' for `<v>`, 't' for an inline string's `<t>`. */
  #capture: 'v' | 't' | null = null;
  #phonetic = 0;
  #width = 0;
  /** Rows with a cell (padded to `#width` in the end), and rows with a value (against `maxRows`). */
  #nonEmpty = 0;
  #filled = 0;
  /** Characters of the open cell's value so far, checked as they come. */
  #length = 0;

  constructor(context: SheetContext) {
    this.#context = context;
  }

  open(name: string, attributes: string, selfClosing: boolean): void {
    const local = localName(name);
    if (!this.#inData) {
      if (local === 'sheetData') {
        this.#dataSeen = true;
        this.#inData = !selfClosing;
      }
      return;
    }
    switch (local) {
      case 'row':
        this.#openRow(attributes);
        if (selfClosing) this.#closeRow();
        return;
      case 'c':
        this.#openCell(attributes);
        if (selfClosing) this.#closeCell();
        return;
      case 'v':
        if (this.#cell && !selfClosing) {
          this.#capture = 'v';
          this.#value = '';
        }
        return;
      case 'is':
        if (this.#cell) this.#inline = [];
        return;
      case 't':
        if (this.#inline && !selfClosing && this.#phonetic === 0) this.#capture = 't';
        return;
      case 'rPh':
        if (!selfClosing) this.#phonetic++;
        return;
    }
  }

  close(name: string): void {
    if (!this.#inData) return;
    switch (localName(name)) {
      case 'sheetData':
        if (this.#row) throw this.#damaged(`row ${count(this.#rowNumber)} is never closed`);
        this.#inData = false;
        return;
      case 'row':
        this.#closeRow();
        return;
      case 'c':
        this.#closeCell();
        return;
      case 'v':
      case 't':
        this.#capture = null;
        return;
      case 'rPh':
        this.#phonetic = Math.max(0, this.#phonetic - 1);
        return;
    }
  }

  text(raw: string, cdata: boolean): void {
    if (this.#capture === null) return;
    const text = cdata ? raw : this.#unescape(raw);
    this.#length += text.length;
    if (this.#length > this.#context.maxCellLength) throw this.#tooLong(this.#cell!.ref, this.#length);
    if (this.#capture === 'v') this.#value += text;
    else this.#inline!.push(text);
  }

  /** The part has ended: the rows, or an error if the sheet data was cut off. */
  end(): SheetValue[][] {
    if (this.#inData || !this.#dataSeen)
      throw this.#damaged(
        this.#row ? `row ${count(this.#rowNumber)} is never closed` : 'its cell data is cut off',
      );
    return this.padded();
  }

  /** The rows read so far, every row with a cell padded to the widest (within `maxCells`, checked row by row). */
  padded(): SheetValue[][] {
    const width = this.#width;
    for (const row of this.rows) if (row.length > 0) while (row.length < width) row.push(null);
    return this.rows;
  }

  #openRow(attributes: string): void {
    if (this.#row) throw this.#damaged(`row ${count(this.#rowNumber)} is never closed`);
    const r = attribute(attributes, 'r');
    let index = this.rows.length;
    if (r !== undefined) {
      const ref = parseCellRef(r);
      if (ref === undefined || ref.column !== -1 || ref.row === -1)
        throw this.#damaged(`a row has the number "${shownRef(r)}"`);
      if (ref.row === Number.POSITIVE_INFINITY)
        throw new WorkbookError(
          'cell_out_of_range',
          `The sheet "${this.#context.sheetName}" has a row numbered ${shownRef(r)}, outside Excel's grid (rows 1 to 1,048,576); the file is damaged or was not written by a spreadsheet program.`,
        );
      // Rows come in order; one that does not is read as the next.
      index = Math.max(ref.row, this.rows.length);
    }
    while (this.rows.length < index) this.rows.push([]);
    this.#rowNumber = index + 1;
    this.#row = [];
  }

  #closeRow(): void {
    const row = this.#row;
    if (!row) return;
    if (this.#cell) throw this.#damaged(`cell ${this.#cell.ref} is never closed`);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    this.rows.push(row);
    this.#row = null;
    if (row.length === 0) return;
    if (row.length > this.#width) this.#width = row.length;
    const { maxCells, maxRows } = this.#context;
    if (row.some((cell) => cell !== null && cell !== '')) this.#filled++;
    const withValues = ++this.#nonEmpty;
    if (withValues * this.#width > maxCells) {
      throw new WorkbookError(
        'too_many_cells',
        `The sheet "${this.#context.sheetName}" spans ${count(withValues)} rows by ${count(this.#width)} columns (up to cell ${columnName(this.#width - 1)}${count(this.#rowNumber).replaceAll(',', '')}), more than the ${count(maxCells)} cells the importer reads. Delete the cells outside your table (Ctrl+End in Excel shows the last one), or split the sheet.`,
      );
    }
    if (this.#filled > maxRows) throw new EnoughRows();
  }

  #openCell(attributes: string): void {
    const row = this.#row;
    if (!row) throw this.#damaged('a cell stands outside any row');
    if (this.#cell) throw this.#damaged(`cell ${this.#cell.ref} is never closed`);
    const r = attribute(attributes, 'r');
    let column = row.length;
    if (r !== undefined) {
      const ref = parseCellRef(r);
      if (ref === undefined || ref.column === -1)
        throw this.#damaged(`a cell has the reference "${shownRef(r)}"`);
      if (ref.column === Number.POSITIVE_INFINITY || ref.row === Number.POSITIVE_INFINITY)
        throw new WorkbookError(
          'cell_out_of_range',
          `The sheet "${this.#context.sheetName}" has a cell at ${shownRef(r)}, outside Excel's grid (columns A to XFD, rows 1 to 1,048,576); the file is damaged or was not written by a spreadsheet program.`,
        );
      column = ref.column;
    }
    const { maxColumns } = this.#context;
    if (column >= maxColumns)
      throw new WorkbookError(
        'too_many_columns',
        `The sheet "${this.#context.sheetName}" has a cell at ${r ?? `${columnName(column)}${this.#rowNumber}`}, in column ${count(column + 1)}; the importer reads at most ${count(maxColumns)} columns.`,
      );
    this.#cell = {
      column,
      ref: r ?? `${columnName(column)}${this.#rowNumber}`,
      type: attribute(attributes, 't') ?? 'n',
      style: attribute(attributes, 's'),
    };
    this.#value = null;
    this.#inline = null;
    this.#length = 0;
  }

  #closeCell(): void {
    const cell = this.#cell;
    if (!cell) return;
    this.#cell = null;
    this.#capture = null;
    const value = this.#cellValue(cell.type, cell.style, cell.ref);
    const row = this.#row!;
    if (typeof value === 'string' && value.length > this.#context.maxCellLength)
      throw this.#tooLong(cell.ref, value.length);
    while (row.length < cell.column) row.push(null);
    row[cell.column] = value;
  }

  #cellValue(type: string, style: string | undefined, ref: string): SheetValue {
    if (type === 'inlineStr') return this.#inline ? this.#inline.join('') : null;
    const raw = this.#value;
    if (raw === null) return null;
    switch (type) {
      case 's': {
        const shared = this.#context.strings[Number(raw)];
        if (shared instanceof LongString) throw this.#tooLong(ref, shared.length);
        return shared ?? null;
      }
      case 'b':
        return raw === '1' || raw === 'true';
      case 'str':
      case 'e':
      case 'd':
        return raw;
      default: {
        const value = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(value)) return raw;
        const kind = style === undefined ? undefined : this.#context.dateStyles.get(Number(style));
        return serialValue(value, kind, this.#context.date1904);
      }
    }
  }

  /** The tokenizer met a text or tag past its limits: a message naming the cell it was in. */
  limitError(kind: 'tag' | 'text'): WorkbookError {
    if (kind === 'text' && this.#cell)
      return this.#tooLong(this.#cell.ref, this.#context.maxCellLength, 'more than ');
    return this.#damaged(`an XML ${kind} ${this.#cell ? `in cell ${this.#cell.ref} ` : ''}runs on too long`);
  }

  #unescape(raw: string): string {
    try {
      return unescapeXml(raw);
    } catch (error) {
      if (!(error instanceof InvalidCharacterError)) throw error;
      throw new WorkbookError(
        'invalid_character',
        `The cell ${this.#cell?.ref ?? ''} of sheet "${this.#context.sheetName}" has the character reference ${error.reference}, which is no Unicode character; the file is damaged.`,
      );
    }
  }

  #tooLong(ref: string, length: number, more = ''): WorkbookError {
    return new WorkbookError(
      'cell_too_long',
      `The cell ${ref} of sheet "${this.#context.sheetName}" has ${more}${count(length)} characters; the importer accepts at most ${count(this.#context.maxCellLength)}.`,
    );
  }

  #damaged(why: string): WorkbookError {
    return new WorkbookError(
      'corrupt',
      `The sheet "${this.#context.sheetName}" is damaged and cannot be read: ${why}.`,
    );
  }
}
