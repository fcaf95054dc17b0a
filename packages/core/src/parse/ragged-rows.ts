import type { Issue } from '../issues/issue.ts';
import type { RecordIssue } from './parse.ts';

/**
 * Whether a record of `length` cells is ragged against a header of `width`: it is short (cells
 * are missing: they read as empty), or it has text past the header's last column (those cells
 * are kept, in a column of their own named `Column N`). Empty cells past the header, from a
 * trailing delimiter, lose nothing and are not reported. `cell(c)` reads the record's cell `c`.
 */
function ragged(length: number, width: number, cell: (column: number) => string): boolean {
  if (length < width) return true;
  for (let c = width; c < length; c++) if (cell(c) !== '') return true;
  return false;
}

/**
 * Records whose cells do not line up with the header's, as table-level `ragged_row` warnings
 * (`row` is the index among data rows; `params.expected` the header's width, `params.actual` the
 * record's). The cells are kept as they are: short rows read as empty cells, extra cells stay
 * available.
 */
export function findRaggedRows(rows: readonly (readonly string[])[], width: number, firstRow = 0): Issue[] {
  const issues: Issue[] = [];
  rows.forEach((row, i) => {
    if (ragged(row.length, width, (c) => row[c] ?? ''))
      issues.push({
        row: firstRow + i,
        column: '',
        code: 'ragged_row',
        level: 'warning',
        params: { expected: width, actual: row.length },
      });
  });
  return issues;
}

/**
 * The cell count of every record of a file, kept while it is parsed, for `findRaggedRows` once
 * the header row is known (it is chosen after reading, and the user may choose another). Counts
 * are kept as runs of equal counts, so a file whose records are all as wide as its header costs
 * a few numbers however long it is.
 */
export class RecordWidths {
  /** Per run: its first record and its records' cell count. */
  #starts: number[] = [];
  #widths: number[] = [];
  #records = 0;

  /** Number of records counted. */
  get length(): number {
    return this.#records;
  }

  add(rows: readonly (readonly unknown[])[]): void {
    this.#count(rows.length, (r) => rows[r]!.length);
  }

  /** Counts the first `count` of records whose cell counts are `widths` (a `ColumnBatch`'s). */
  addWidths(widths: ArrayLike<number>, count = widths.length): void {
    this.#count(count, (r) => widths[r]!);
  }

  #count(records: number, widthOf: (record: number) => number): void {
    const widths = this.#widths;
    let last = widths.length === 0 ? -1 : widths[widths.length - 1]!;
    for (let r = 0; r < records; r++) {
      const width = widthOf(r);
      if (width !== last) {
        this.#starts.push(this.#records + r);
        widths.push(width);
        last = width;
      }
    }
    this.#records += records;
  }

  /** The cell count of `record`. */
  widthOf(record: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.#starts[mid]! <= record) low = mid;
      else high = mid - 1;
    }
    return this.#widths[low] ?? 0;
  }

  /**
   * `ragged_row` warnings for the records below `header`, against the header's cell count;
   * `cell(record, column)` reads a cell of a record wider than the header, to tell text from
   * the empty cells of a trailing delimiter.
   */
  raggedBelow(header: number, cell: (record: number, column: number) => string): RecordIssue[] {
    const issues: RecordIssue[] = [];
    const expected = this.widthOf(header);
    const starts = this.#starts;
    for (let run = 0; run < starts.length; run++) {
      const actual = this.#widths[run]!;
      if (actual === expected) continue;
      const end = run + 1 < starts.length ? starts[run + 1]! : this.#records;
      for (let record = Math.max(starts[run]!, header + 1); record < end; record++) {
        if (ragged(actual, expected, (c) => cell(record, c)))
          issues.push({ record, code: 'ragged_row', level: 'warning', params: { expected, actual } });
      }
    }
    return issues;
  }
}
