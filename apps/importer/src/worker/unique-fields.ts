import { type CompiledColumn, type TypedCells, UniqueRows, uniqueKey } from '@csv-importer/core';
import type { CellCodes } from './cell-codes.ts';
import type { Dataset } from './dataset.ts';
import { type IssueCodes, VALID } from './issue-codes.ts';

/**
 * The unique fields of an import, each with core's `UniqueRows` over its data rows: the first
 * holder of a value is valid, each later one a duplicate of it. A cell's key is core's
 * `uniqueKey` of its typed value, `null` for an invalid cell (which has no typed value, as
 * `validateTable` leaves it out), so the grid, delivery and `validateRecords` agree.
 */
export class UniqueFields {
  readonly #data: Dataset;
  readonly #beat: () => void;
  #indexes: (UniqueRows | null)[] = [];

  constructor(data: Dataset, beat: () => void) {
    this.#data = data;
    this.#beat = beat;
  }

  /** Forgets every index (a new mapping); `fields` fields, none unique until `build`. */
  reset(fields: number): void {
    this.#indexes = new Array<UniqueRows | null>(fields).fill(null);
  }

  /**
   * Builds the index of a unique field over every data row (none is deleted yet). `codes` hold
   * the field's checked codes, which say which cells are invalid, and `typed` the checked cells'
   * values, so no cell is checked again. Rows added later (an edit) are checked as they join.
   */
  build(
    field: number,
    column: CompiledColumn,
    typed: TypedCells,
    codes: CellCodes,
    table: IssueCodes,
  ): UniqueRows {
    const unique = (column.spec as { unique?: boolean | { caseInsensitive?: boolean } }).unique;
    const fold = typeof unique === 'object' && unique.caseInsensitive === true;
    let building = true;
    const keyOf = (row: number): string | null => {
      if (building) {
        const code = codes.get(row);
        if (code !== VALID && table.levelOf(code) === 'error') return null;
        if (typed.has(row)) {
          return uniqueKey(typed.value(row, typed.readsText(row) ? this.#data.raw(row, field) : ''), fold);
        }
      }
      const raw = this.#data.raw(row, field);
      const result = column.check(raw);
      if (!result.ok) return null;
      return uniqueKey(column.keepsText && isBare(raw) ? raw : result.value, fold);
    };
    const index = new UniqueRows(this.#data.rowCount, keyOf);
    index.addAll(this.#beat);
    building = false;
    this.#indexes[field] = index;
    return index;
  }

  has(field: number): boolean {
    return Boolean(this.#indexes[field]);
  }

  /** Whether a cell (of a row not deleted) repeats a value held by a row before it. */
  isDuplicate(row: number, field: number): boolean {
    const index = this.#indexes[field];
    return index !== null && index !== undefined && !this.#data.isDeleted(row) && index.isDuplicate(row);
  }

  /**
   * Takes a row out of a field's index (before its value changes, or as it is deleted). Returns
   * the one other row whose state this changes, else -1.
   */
  leave(row: number, field: number): number {
    return this.#indexes[field]?.remove(row) ?? -1;
  }

  /** Puts a row back in a field's index; returns the other row this changes, else -1. */
  join(row: number, field: number): number {
    return this.#indexes[field]?.add(row) ?? -1;
  }

  /** Up to `limit` rows holding the same value as `row` (`row` included). */
  holdersOf(row: number, field: number, limit: number): number[] {
    const rows = this.#indexes[field]?.holdersOf(row) ?? [];
    return rows.length > limit ? rows.slice(0, limit) : rows;
  }

  /** The first holder of the value a cell holds (a data row), or -1. */
  firstOf(row: number, field: number): number {
    return this.#indexes[field]?.firstOf(row) ?? -1;
  }
}

/** Text that is not empty and starts and ends with a visible ASCII character, so trims to itself. */
export function isBare(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}
