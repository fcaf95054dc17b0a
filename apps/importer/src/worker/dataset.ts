import { CellStore } from './cell-store.ts';
import type { RecordIssue } from './file-reader.ts';
import type { Mapping } from './session-types.ts';

/** Long loops call the heartbeat once per this many rows plus one (a cheap bit test). */
export const BEAT_MASK = 0x3fff;

/**
 * The rows of one import as the fields see them: the file's records (a `CellStore`), the header
 * row they sit below, which file column each field reads (the mapping), and which rows the user
 * deleted. Rows here are data rows (below the header row), 0-based. Deleted rows are flagged,
 * never moved, so undo is a flip of the flag.
 */
export class Dataset {
  #store = new CellStore();
  #headers: readonly string[] = [];
  /** Record index of the first data row (the header row plus one). */
  #base = 1;
  #rowCount = 0;
  #recordIssues: readonly RecordIssue[] = [];
  #keys: readonly string[] = [];
  #mapping: Mapping = {};
  /** Per field, the store column it reads, or -1 for none. */
  #sources: number[] = [];
  #fieldsOfColumn = new Map<number, number[]>();
  #deleted = new Uint8Array(0);
  #deletedCount = 0;

  /** Takes the records of a newly read file. */
  load(store: CellStore, recordIssues: readonly RecordIssue[]): void {
    this.#store = store;
    this.#recordIssues = recordIssues;
  }

  /** Makes `headerRow` (a record index) the header row; `headers` are its names. */
  setHeaderRow(headerRow: number, headers: readonly string[]): void {
    this.#base = headerRow + 1;
    this.#rowCount = this.#store.length - this.#base;
    this.#headers = headers;
  }

  get store(): CellStore {
    return this.#store;
  }

  /** Data rows, deleted ones included. */
  get rowCount(): number {
    return this.#rowCount;
  }

  get base(): number {
    return this.#base;
  }

  /** What reading found wrong with whole records, as read (record indexes of the file). */
  get recordIssues(): readonly RecordIssue[] {
    return this.#recordIssues;
  }

  get mapping(): Mapping {
    return this.#mapping;
  }

  /** Reads fields `keys` from the file columns `mapping` names; no row is deleted after it. */
  setMapping(keys: readonly string[], mapping: Mapping): void {
    this.#keys = keys;
    this.#mapping = { ...mapping };
    this.#sources = keys.map((key) => mapping[key] ?? -1);
    this.#indexSources();
    this.#deleted = new Uint8Array(this.#rowCount);
    this.#deletedCount = 0;
  }

  #indexSources(): void {
    this.#fieldsOfColumn.clear();
    this.#sources.forEach((source, f) => {
      if (source < 0) return;
      const list = this.#fieldsOfColumn.get(source) ?? [];
      list.push(f);
      this.#fieldsOfColumn.set(source, list);
    });
  }

  /** The store column field `f` reads, or -1. */
  sourceOf(field: number): number {
    return this.#sources[field]!;
  }

  /** The fields that read store column `column`. */
  fieldsOf(column: number): readonly number[] {
    return this.#fieldsOfColumn.get(column) ?? [];
  }

  /** The text of a field in a data row (empty for a field mapped to nothing). */
  raw(row: number, field: number): string {
    const source = this.#sources[field]!;
    return source < 0 ? '' : this.#store.get(row + this.#base, source);
  }

  /** The text of a store column in a data row. */
  cell(row: number, column: number): string {
    return this.#store.get(row + this.#base, column);
  }

  /** Writes a store column of a data row. */
  write(row: number, column: number, text: string): void {
    this.#store.set(row + this.#base, column, text);
  }

  /** The store column a field writes to; a field mapped to nothing gets a new, empty column. */
  columnFor(field: number): number {
    let source = this.#sources[field]!;
    if (source < 0) {
      source = this.#store.addColumn();
      this.#sources[field] = source;
      this.#mapping = { ...this.#mapping, [this.#keys[field]!]: source };
      this.#indexSources();
    }
    return source;
  }

  isDeleted(row: number): boolean {
    return this.#deleted[row] === 1;
  }

  setDeleted(row: number, deleted: boolean): void {
    if (this.isDeleted(row) === deleted) return;
    this.#deleted[row] = deleted ? 1 : 0;
    this.#deletedCount += deleted ? 1 : -1;
  }

  get deletedCount(): number {
    return this.#deletedCount;
  }

  /** File columns matched to no field (and not named like one), with their headers. */
  unmatchedColumns(): [string, number][] {
    const used = new Set(this.#sources);
    const keys = new Set(this.#keys);
    return this.#headers.flatMap((header, column) =>
      used.has(column) || header === '' || keys.has(header) ? [] : [[header, column] as [string, number]],
    );
  }

  /** Unmatched file columns of a data row, by header. */
  unmatchedOf(row: number, columns: readonly [string, number][]): Record<string, string> {
    const out: Record<string, string> = {};
    // Defined, not assigned: a header named `__proto__` is a column like any other.
    for (const [header, column] of columns)
      Object.defineProperty(out, header, {
        value: this.cell(row, column),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }

  /** Distinct values of one file column with how often each occurs, most frequent first. */
  distinctValues(column: number, limit = 200): { value: string; count: number }[] {
    const counts = new Map<string, number>();
    for (let r = 0; r < this.#rowCount; r++) {
      const value = this.cell(r, column).trim();
      if (value === '') continue;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
      .slice(0, limit);
  }
}
