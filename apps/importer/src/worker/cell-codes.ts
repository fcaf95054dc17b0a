/**
 * One field's issue codes by data row (`IssueCodes` entries, 0 for none). While few cells have
 * one, a bit per row says which do and a map holds their codes: about 16 KB per 100,000 rows
 * where a byte per row takes 100 KB. Past one cell in 64 with a code, it becomes a byte per row.
 * At the bench's million rows and ten fields (2% of rows with one invalid cell) that is about
 * 2 MB instead of 10.
 */
export class CellCodes {
  readonly #length: number;
  /** A byte per row once many rows have a code. */
  #dense: Uint8Array | undefined;
  /** Until then, a bit per row: whether it has a code, in `#sparse`. */
  #marks: Uint32Array;
  #sparse = new Map<number, number>();

  /** Rows `0` to `length - 1`, none with a code. */
  constructor(length: number) {
    this.#length = length;
    this.#marks = new Uint32Array((length + 31) >>> 5);
  }

  /** The code of row `row`, 0 when it has none. */
  get(row: number): number {
    const dense = this.#dense;
    if (dense !== undefined) return dense[row]!;
    return (this.#marks[row >>> 5]! & (1 << (row & 31))) === 0 ? 0 : this.#sparse.get(row)!;
  }

  /** Sets the code of row `row` (0 for none). */
  set(row: number, code: number): void {
    const dense = this.#dense;
    if (dense !== undefined) {
      dense[row] = code;
      return;
    }
    const word = row >>> 5;
    const bit = 1 << (row & 31);
    if (code === 0) {
      if ((this.#marks[word]! & bit) === 0) return;
      this.#marks[word]! &= ~bit;
      this.#sparse.delete(row);
      return;
    }
    this.#marks[word]! |= bit;
    this.#sparse.set(row, code);
    if (this.#sparse.size > this.#length >>> 6) this.#densify();
  }

  #densify(): void {
    const dense = new Uint8Array(this.#length);
    for (const [row, code] of this.#sparse) dense[row] = code;
    this.#dense = dense;
    this.#sparse = new Map();
    this.#marks = new Uint32Array(0);
  }
}
