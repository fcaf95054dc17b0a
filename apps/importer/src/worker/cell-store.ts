/**
 * The file's records, stored column by column: one array of strings per file column, so a
 * million rows cost a few arrays rather than a million row objects. Rows that are shorter than
 * the widest row read back as empty cells.
 */
export class CellStore {
  readonly #columns: string[][] = [];
  #length = 0;

  /** Number of records, the header row and any rows above it included. */
  get length(): number {
    return this.#length;
  }

  /** Number of columns of the widest record so far. */
  get width(): number {
    return this.#columns.length;
  }

  append(rows: readonly (readonly string[])[]): void {
    for (const row of rows) {
      const at = this.#length;
      while (this.#columns.length < row.length) this.#columns.push(new Array<string>(at).fill(''));
      for (let c = 0; c < this.#columns.length; c++) this.#columns[c]!.push(row[c] ?? '');
      this.#length++;
    }
  }

  get(row: number, column: number): string {
    return this.#columns[column]?.[row] ?? '';
  }

  set(row: number, column: number, value: string): void {
    const cells = this.#columns[column];
    if (!cells || row < 0 || row >= this.#length) throw new RangeError(`no cell at ${row},${column}`);
    cells[row] = value;
  }

  /** One record as an array of cells, `width` long. */
  record(row: number): string[] {
    return this.#columns.map((cells) => cells[row] ?? '');
  }

  /** Adds an empty column (for a field the user fills in by hand) and returns its index. */
  addColumn(): number {
    this.#columns.push(new Array<string>(this.#length).fill(''));
    return this.#columns.length - 1;
  }
}
