/** Rows per block: a power of two, so a row's block and place in it are a shift and a mask. */
const BLOCK_SHIFT = 12;
const BLOCK_ROWS = 1 << BLOCK_SHIFT;
const BLOCK_MASK = BLOCK_ROWS - 1;
/** Edits held apart for one block of one column before they are packed into the block. */
const REPACK_EDITS = 256;

/**
 * One column's cells of one full block: their texts joined into one string, and where each cell
 * ends in it. A string per cell costs a header and a pointer besides its characters (several
 * times the characters for short cells); joined, a cell costs its characters and an offset.
 */
interface Block {
  readonly text: string;
  readonly ends: Uint16Array | Uint32Array;
}

/**
 * The file's records, stored column by column. Rows are gathered into blocks of 4,096; once a
 * block is full, each of its columns is packed into one string and an array of end offsets, so a
 * million rows cost a few hundred strings rather than ten million. Reading a cell cuts it out of
 * its block. Edits to packed rows are held in a small map per column that is read first, and
 * packed into the block once a block has collected many. The last, partly filled block stays as
 * plain arrays. Rows that are shorter than the widest row read back as empty cells.
 */
export class CellStore {
  /** Per column: the packed blocks; `undefined` for a block whose cells are all empty. */
  readonly #blocks: (Block | undefined)[][] = [];
  /** Per column: the cells of the rows after the packed blocks. */
  readonly #open: string[][] = [];
  /** Per column: edited cells of packed rows, by row. */
  readonly #edits: Map<number, string>[] = [];
  /** Per column and packed block: how many of `#edits` fall in it. */
  readonly #editCounts: number[][] = [];
  #sealedBlocks = 0;
  #length = 0;

  /** Number of records, the header row and any rows above it included. */
  get length(): number {
    return this.#length;
  }

  /** Number of columns of the widest record so far. */
  get width(): number {
    return this.#open.length;
  }

  append(rows: readonly (readonly string[])[]): void {
    const open = this.#open;
    for (const row of rows) {
      while (open.length < row.length) this.#pushColumn();
      const width = open.length;
      for (let c = 0; c < width; c++) open[c]!.push(row[c] ?? '');
      if (++this.#length - (this.#sealedBlocks << BLOCK_SHIFT) === BLOCK_ROWS) this.#seal();
    }
  }

  get(row: number, column: number): string {
    if (!(row >= 0 && row < this.#length) || (row | 0) !== row) return '';
    const block = row >>> BLOCK_SHIFT;
    if (block >= this.#sealedBlocks) return this.#open[column]?.[row & BLOCK_MASK] ?? '';
    const edits = this.#edits[column];
    if (edits === undefined) return '';
    if (edits.size > 0) {
      const edited = edits.get(row);
      if (edited !== undefined) return edited;
    }
    const packed = this.#blocks[column]![block];
    if (packed === undefined) return '';
    const i = row & BLOCK_MASK;
    return packed.text.substring(i === 0 ? 0 : packed.ends[i - 1]!, packed.ends[i]!);
  }

  set(row: number, column: number, value: string): void {
    if (!Number.isInteger(column) || column < 0 || column >= this.width || !Number.isInteger(row)) {
      throw new RangeError(`no cell at ${row},${column}`);
    }
    if (row < 0 || row >= this.#length) throw new RangeError(`no cell at ${row},${column}`);
    const block = row >>> BLOCK_SHIFT;
    if (block >= this.#sealedBlocks) {
      this.#open[column]![row & BLOCK_MASK] = value;
      return;
    }
    const edits = this.#edits[column]!;
    if (edits.has(row)) {
      edits.set(row, value);
      return;
    }
    edits.set(row, value);
    const counts = this.#editCounts[column]!;
    counts[block] = (counts[block] ?? 0) + 1;
    if (counts[block] >= REPACK_EDITS) this.#repack(column, block);
  }

  /** One record as an array of cells, `width` long. */
  record(row: number): string[] {
    const cells = new Array<string>(this.width);
    for (let c = 0; c < cells.length; c++) cells[c] = this.get(row, c);
    return cells;
  }

  /** Adds an empty column (for a field the user fills in by hand) and returns its index. */
  addColumn(): number {
    this.#pushColumn();
    return this.#open.length - 1;
  }

  /** A new column, empty in every row so far. */
  #pushColumn(): void {
    this.#blocks.push(new Array<Block | undefined>(this.#sealedBlocks).fill(undefined));
    this.#open.push(new Array<string>(this.#length - (this.#sealedBlocks << BLOCK_SHIFT)).fill(''));
    this.#edits.push(new Map());
    this.#editCounts.push([]);
  }

  /** Packs the open rows, a full block of them, column by column. */
  #seal(): void {
    for (let c = 0; c < this.#open.length; c++) {
      this.#blocks[c]!.push(pack(this.#open[c]!));
      this.#open[c] = [];
    }
    this.#sealedBlocks++;
  }

  /** Packs one block of one column again with its edits, and forgets them. */
  #repack(column: number, block: number): void {
    const cells = new Array<string>(BLOCK_ROWS);
    const first = block << BLOCK_SHIFT;
    for (let i = 0; i < BLOCK_ROWS; i++) cells[i] = this.get(first + i, column);
    this.#blocks[column]![block] = pack(cells);
    const edits = this.#edits[column]!;
    for (let i = 0; i < BLOCK_ROWS; i++) edits.delete(first + i);
    this.#editCounts[column]![block] = 0;
  }
}

/** One column of one block as a string and end offsets; `undefined` when every cell is empty. */
function pack(cells: readonly string[]): Block | undefined {
  const text = cells.join('');
  if (text.length === 0) return undefined;
  const ends = text.length <= 0xffff ? new Uint16Array(cells.length) : new Uint32Array(cells.length);
  let end = 0;
  for (let i = 0; i < cells.length; i++) {
    end += cells[i]!.length;
    ends[i] = end;
  }
  return { text, ends };
}
