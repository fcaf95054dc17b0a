import { DEFAULT_READ_LIMITS, type ReadLimits } from '../parse/parse.ts';
import { type SheetValue, WorkbookError } from '../xlsx/xlsx.ts';

/**
 * Caps that keep a hostile or broken XLS, XLSB or ODS file from exhausting memory or time, each
 * checked before the allocation it bounds. The column and cell-length limits are the ones CSV
 * files have.
 */
export interface SpreadsheetLimits extends Partial<ReadLimits> {
  /** Most cells of a sheet's rectangle, rows with a value times the widest row (default 2^25). */
  readonly maxCells?: number;
  /** Most sheets a workbook may list (default 1,000). */
  readonly maxSheets?: number;
  /** Largest uncompressed size of one stream or zip entry that is read (default 256 MiB). */
  readonly maxPartBytes?: number;
  /** Largest number of bytes inflated over all reads of one ODS or XLSB file (default 512 MiB). */
  readonly maxTotalBytes?: number;
  /** Largest ratio of uncompressed to compressed size for a zip entry above 1 MiB (default 1000). */
  readonly maxRatio?: number;
  /** Most entries in a zip archive or a compound file's directory (default 10,000). */
  readonly maxEntries?: number;
}

export const DEFAULT_SPREADSHEET_LIMITS: Required<SpreadsheetLimits> = {
  ...DEFAULT_READ_LIMITS,
  maxCells: 2 ** 25,
  maxSheets: 1_000,
  maxPartBytes: 256 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 1000,
  maxEntries: 10_000,
};

/** A count as a user reads it: `1,048,576`. */
export const count = (n: number): string => n.toLocaleString('en-US');

/** `0` to `A`, `27` to `AB`. */
export function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** How many rows and columns the file format itself can address. */
export interface FormatGrid {
  readonly rows: number;
  readonly columns: number;
}

const PROGRESS_CELLS_MASK = 0xffff;

/**
 * Collects the cells of one sheet as a reader finds them (in any order) and hands back rows of
 * values. Every cell is checked before it is stored: a reference outside the format's grid, a
 * column beyond `maxColumns` and a text beyond `maxCellLength` are refused naming the cell, and
 * the sheet's rectangle is checked against `maxCells` before any row is padded. Rows without a
 * value stay empty arrays, so a far row number costs one small array per skipped row.
 */
export class SheetGrid {
  readonly #sheet: string;
  readonly #limits: Required<SpreadsheetLimits>;
  readonly #grid: FormatGrid;
  readonly #onProgress: ((rows: number, fraction: number) => void) | undefined;
  readonly #signal: AbortSignal | undefined;
  readonly #fraction: () => number;
  readonly #rows = new Map<number, SheetValue[]>();
  #cells = 0;

  constructor(
    sheet: string,
    limits: Required<SpreadsheetLimits>,
    grid: FormatGrid,
    options: {
      readonly onProgress?: ((rows: number, fraction: number) => void) | undefined;
      readonly signal?: AbortSignal | undefined;
    } = {},
    /** How much of the sheet's data has been read, 0 to 1, for progress. */
    fraction: () => number = () => 0,
  ) {
    this.#sheet = sheet;
    this.#limits = limits;
    this.#grid = grid;
    this.#onProgress = options.onProgress;
    this.#signal = options.signal;
    this.#fraction = fraction;
  }

  /** Stores one cell's value; `null` and `''` are stored as nothing. */
  set(row: number, column: number, value: SheetValue): void {
    if (value === null || value === '') return;
    if (!(row >= 0 && row < this.#grid.rows && column >= 0 && column < this.#grid.columns))
      throw new WorkbookError(
        'cell_out_of_range',
        `The sheet "${this.#sheet}" has a cell at row ${count(row + 1)}, column ${count(column + 1)}, outside what the file format allows (${count(this.#grid.rows)} rows, ${count(this.#grid.columns)} columns).`,
      );
    const ref = () => `${columnName(column)}${row + 1}`;
    if (column >= this.#limits.maxColumns)
      throw new WorkbookError(
        'too_many_columns',
        `The sheet "${this.#sheet}" has a value in cell ${ref()}, beyond column ${count(this.#limits.maxColumns)}; the importer reads at most ${count(this.#limits.maxColumns)} columns.`,
      );
    if (typeof value === 'string' && value.length > this.#limits.maxCellLength)
      throw new WorkbookError(
        'cell_too_long',
        `The cell ${ref()} of the sheet "${this.#sheet}" has ${count(value.length)} characters; the importer accepts at most ${count(this.#limits.maxCellLength)}.`,
      );
    let cells = this.#rows.get(row);
    if (cells === undefined) {
      cells = [];
      this.#rows.set(row, cells);
    }
    while (cells.length < column) cells.push(null);
    cells[column] = value;
    if ((++this.#cells & PROGRESS_CELLS_MASK) === 0) {
      if (this.#signal?.aborted) throw new WorkbookError('cancelled', 'Reading the workbook was cancelled.');
      this.#onProgress?.(this.#rows.size, this.#fraction());
    }
  }

  /**
   * The rows from the first to the last with a value, each padded to the widest row; with
   * `maxRows`, up to and including the first row with a value beyond that many.
   */
  rows(maxRows = Number.POSITIVE_INFINITY): SheetValue[][] {
    const numbers = [...this.#rows.keys()].sort((a, b) => a - b);
    const kept = numbers.length > maxRows ? numbers.slice(0, maxRows + 1) : numbers;
    let width = 0;
    for (const n of kept) width = Math.max(width, this.#rows.get(n)!.length);
    if (kept.length * width > this.#limits.maxCells)
      throw new WorkbookError(
        'too_many_cells',
        `The sheet "${this.#sheet}" has ${count(kept.length)} rows of ${count(width)} columns, more than the ${count(this.#limits.maxCells)} cells the importer reads.`,
      );
    const out: SheetValue[][] = [];
    const last = kept.at(-1) ?? -1;
    for (let r = 0; r <= last; r++) {
      const cells = this.#rows.get(r);
      if (cells === undefined) {
        out.push([]);
        continue;
      }
      while (cells.length < width) cells.push(null);
      out.push(cells);
    }
    return out;
  }
}
