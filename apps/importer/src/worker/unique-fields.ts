import { type CompiledColumn, type TypedCells, UniqueRows, uniqueKey } from '@csv-importer/core';
import type { Dataset } from './dataset.ts';

/** What a field's index is built from, kept to build it again after `settle`. */
interface Source {
  readonly column: CompiledColumn;
  readonly typed: TypedCells;
}

/**
 * A settled field: its repeats (rows, ascending) and the first holder each repeats, all that
 * delivery asks of an index (8 bytes a repeat, where the index takes about 24 a row).
 */
interface Settled {
  readonly rows: Int32Array;
  readonly firsts: Int32Array;
}

/**
 * The unique fields of an import, each with core's `UniqueRows` over its data rows: the first
 * holder of a value is valid, each later one a duplicate of it. A cell's key is core's
 * `uniqueKey` of its typed value, `null` for an invalid cell (which has no typed value, as
 * `validateTable` leaves it out) or a deleted row, so the grid, delivery and `validateRecords`
 * agree.
 *
 * `settle` trades the indexes for the list of repeats while rows are delivered (the peak of an
 * import's memory: the page holds every record then); the first call that needs an index again
 * (an edit after a delivery that failed) builds it again from the kept typed values, about half
 * a second at a million rows. `Edits` calls `revive` before it changes anything.
 */
export class UniqueFields {
  readonly #data: Dataset;
  readonly #beat: () => void;
  #indexes: (UniqueRows | null)[] = [];
  #sources: (Source | null)[] = [];
  #settled: (Settled | null)[] = [];

  constructor(data: Dataset, beat: () => void) {
    this.#data = data;
    this.#beat = beat;
  }

  /** Forgets every index (a new mapping); `fields` fields, none unique until `build`. */
  reset(fields: number): void {
    this.#indexes = new Array<UniqueRows | null>(fields).fill(null);
    this.#sources = new Array<Source | null>(fields).fill(null);
    this.#settled = new Array<Settled | null>(fields).fill(null);
  }

  /**
   * Builds the index of a unique field over every data row not deleted: `typed` holds the
   * field's checked cells, which say which are invalid and give the others' values, so no cell
   * is checked again. Rows added later (an edit) are checked as they join.
   */
  build(field: number, column: CompiledColumn, typed: TypedCells): UniqueRows {
    const unique = (column.spec as { unique?: boolean | { caseInsensitive?: boolean } }).unique;
    const fold = typeof unique === 'object' && unique.caseInsensitive === true;
    const data = this.#data;
    let building = true;
    const keyOf = (row: number): string | null => {
      if (building) {
        if (data.isDeleted(row)) return null;
        if (typed.has(row)) {
          if (typed.isInvalid(row)) return null;
          return uniqueKey(typed.value(row, typed.readsText(row) ? data.raw(row, field) : ''), fold);
        }
      }
      const raw = data.raw(row, field);
      const result = column.check(raw);
      if (!result.ok) return null;
      return uniqueKey(column.keepsText && isBare(raw) ? raw : result.value, fold);
    };
    const index = new UniqueRows(data.rowCount, keyOf);
    index.addAll(this.#beat);
    building = false;
    this.#indexes[field] = index;
    this.#sources[field] = { column, typed };
    this.#settled[field] = null;
    return index;
  }

  has(field: number): boolean {
    return Boolean(this.#sources[field]);
  }

  /**
   * Keeps of each index only its repeats and their first holders, until `revive` (or any call
   * but `firstOf` and `has`) builds it again.
   */
  settle(): void {
    this.#indexes.forEach((index, field) => {
      if (!index) return;
      const rows: number[] = [];
      const firsts: number[] = [];
      for (let r = 0; r < this.#data.rowCount; r++) {
        if (!index.isDuplicate(r)) continue;
        rows.push(r);
        firsts.push(index.firstOf(r));
      }
      this.#settled[field] = { rows: Int32Array.from(rows), firsts: Int32Array.from(firsts) };
      this.#indexes[field] = null;
    });
  }

  /** Builds again every index `settle` dropped, before rows or values change. */
  revive(): void {
    for (let field = 0; field < this.#settled.length; field++) this.#index(field);
  }

  /** A field's index, built again if it was settled; `null` if the field is not unique. */
  #index(field: number): UniqueRows | null {
    const index = this.#indexes[field];
    if (index) return index;
    const source = this.#sources[field];
    if (!source || !this.#settled[field]) return null;
    return this.build(field, source.column, source.typed);
  }

  /** Whether a cell (of a row not deleted) repeats a value held by a row before it. */
  isDuplicate(row: number, field: number): boolean {
    const index = this.#index(field);
    return index !== null && !this.#data.isDeleted(row) && index.isDuplicate(row);
  }

  /**
   * Takes a row out of a field's index (before its value changes, or as it is deleted). Returns
   * the one other row whose state this changes, else -1.
   */
  leave(row: number, field: number): number {
    return this.#index(field)?.remove(row) ?? -1;
  }

  /** Puts a row back in a field's index; returns the other row this changes, else -1. */
  join(row: number, field: number): number {
    return this.#index(field)?.add(row) ?? -1;
  }

  /** Up to `limit` rows holding the same value as `row` (`row` included). */
  holdersOf(row: number, field: number, limit: number): number[] {
    const rows = this.#index(field)?.holdersOf(row) ?? [];
    return rows.length > limit ? rows.slice(0, limit) : rows;
  }

  /** The first holder of the value a cell holds (a data row), or -1. */
  firstOf(row: number, field: number): number {
    const settled = this.#settled[field];
    if (settled) {
      const at = search(settled.rows, row);
      return at < 0 ? -1 : settled.firsts[at]!;
    }
    return this.#indexes[field]?.firstOf(row) ?? -1;
  }
}

/** The position of `value` in `sorted` (ascending), or -1. */
function search(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = sorted[mid]!;
    if (at === value) return mid;
    if (at < value) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Text that is not empty and starts and ends with a visible ASCII character, so trims to itself. */
export function isBare(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}
