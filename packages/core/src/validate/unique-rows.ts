import type { CellValue } from '../columns/column-spec.ts';

const EMPTY = -1;
const GONE = -2;
const OUT = -1;

/** Bits of a slot number sorted per pass of `addAll` (a 2,048-entry count table). */
const RADIX_BITS = 11;
/** `addAll` calls its heartbeat once per this many rows plus one. */
const BEAT_MASK = 0x3fff;

/**
 * The comparison key of a value for uniqueness: the typed value's canonical text (so `7`, `07`
 * and `7.0` read into a number column are one value, `7`), the options of a multi-select sorted,
 * case-folded only when the column asks. `null` (an empty value) is never a duplicate.
 */
export function uniqueKey(value: CellValue | undefined, caseInsensitive: boolean): string | null {
  if (value === null || value === undefined || value === '') return null;
  const text = Array.isArray(value) ? [...value].sort().join('\u0000') : String(value);
  return caseInsensitive ? text.toLowerCase() : text;
}

/**
 * The rows of one unique column, grouped by value, kept current through edits and deletions:
 * the one implementation of the uniqueness rule, for `validateTable` and for the importer's
 * worker alike. The first holder of a value (the lowest row) is valid; every later holder is a
 * duplicate of it (`firstOf`). Removing the first holder (deleted, or its value changed) makes
 * the next one first.
 *
 * Values are not kept: a row's key is read back with `keyOf` when needed, so a million rows cost
 * a few typed arrays (about 24 bytes a row) rather than a map holding a string per row. Rows of
 * one value form a ring (`next`, `prev`); an open-addressing table of hashes finds a value's
 * ring, and names its first holder. A row whose key is `null` or empty is never held, so it is
 * never a duplicate. Adding or removing a row costs constant time, except removing a first
 * holder, which walks its value's ring for the next.
 *
 * `keyOf(row)` must give the key the row was added with until the row is removed: remove a row
 * before its value changes and add it again after.
 */
export class UniqueRows {
  readonly #keyOf: (row: number) => string | null;
  readonly #next: Int32Array;
  readonly #prev: Int32Array;
  /** Per held row, the slot of its value: the first holder is found without reading any value. */
  readonly #slot: Int32Array;
  /** Per slot, the first holder of a value, or `EMPTY`, or `GONE` for a value that left. */
  #table: Int32Array;
  /** Per slot, the value's hash: a probe reads a key back only when the hashes agree. */
  #hashes: Int32Array;
  /** Slots: a value's home slot is its hash modulo this. */
  readonly #size: number;
  /** Slots that are not `EMPTY`; past three quarters of the table it is rebuilt. */
  #used = 0;

  constructor(rows: number, keyOf: (row: number) => string | null) {
    this.#keyOf = keyOf;
    this.#next = new Int32Array(rows).fill(OUT);
    this.#prev = new Int32Array(rows).fill(OUT);
    this.#slot = new Int32Array(rows).fill(OUT);
    // At most `rows` values: half as many slots again keeps the table at most two thirds full of
    // values (probes short, a rebuild every eighth of `rows` new slots at worst), and it never has
    // to grow. Any size, not a power of two: a million rows take 1.5 million slots, not 2^21.
    const size = Math.max(16, Math.ceil(rows * 1.5));
    this.#table = new Int32Array(size).fill(EMPTY);
    this.#hashes = new Int32Array(size);
    this.#size = size;
  }

  /** Whether the row is held and a row before it holds the same value. */
  isDuplicate(row: number): boolean {
    const next = this.#next[row]!;
    return next !== OUT && next !== row && this.#table[this.#slot[row]!] !== row;
  }

  /** The first holder of the row's value (the row itself when it is first), or -1 if not held. */
  firstOf(row: number): number {
    const next = this.#next[row]!;
    if (next === OUT) return -1;
    if (next === row) return row;
    return this.#table[this.#slot[row]!]!;
  }

  /** The rows holding the row's value, the row itself included, in no order (none if not held). */
  holdersOf(row: number): number[] {
    if (this.#next[row] === OUT) return [];
    const rows = [row];
    for (let at = this.#next[row]!; at !== row; at = this.#next[at]!) rows.push(at);
    return rows;
  }

  /**
   * Adds a row under its value. Returns the one other row whose state this changes (the value's
   * first holder so far, when the row comes before it and so becomes first), else -1.
   */
  add(row: number): number {
    if (this.#next[row] !== OUT) return -1;
    const key = this.#keyOf(row);
    return key === null || key === '' ? -1 : this.#insert(row, hashOf(key), key);
  }

  /**
   * Adds every row not held yet, as `add` would one by one, but in the order of their slots, so
   * that the table is filled front to back: at a million rows, adding in row order would wait on
   * memory at nearly every row, the slots being spread at random over megabytes.
   */
  addAll(beat: () => void = () => {}): void {
    const rows = this.#next.length;
    let homes = new Int32Array(rows);
    let order = new Int32Array(rows);
    let count = 0;
    for (let row = 0; row < rows; row++) {
      if ((row & BEAT_MASK) === 0) beat();
      if (this.#next[row] !== OUT) continue;
      const key = this.#keyOf(row);
      if (key === null || key === '') continue;
      homes[count] = hashOf(key);
      order[count++] = row;
    }
    // Radix sort by home slot, a few bits a pass, hashes and rows moving together.
    const size = this.#size;
    const bits = Math.ceil(Math.log2(size));
    let hashesTo = new Int32Array(count);
    let orderTo = new Int32Array(count);
    const counts = new Int32Array((1 << RADIX_BITS) + 1);
    const digitMask = (1 << RADIX_BITS) - 1;
    for (let shift = 0; shift < bits; shift += RADIX_BITS) {
      counts.fill(0);
      for (let i = 0; i < count; i++) counts[((homeOf(homes[i]!, size) >>> shift) & digitMask) + 1]!++;
      for (let d = 1; d < counts.length; d++) counts[d]! += counts[d - 1]!;
      for (let i = 0; i < count; i++) {
        const at = counts[(homeOf(homes[i]!, size) >>> shift) & digitMask]!++;
        hashesTo[at] = homes[i]!;
        orderTo[at] = order[i]!;
      }
      [homes, hashesTo] = [hashesTo, homes];
      [order, orderTo] = [orderTo, order];
    }
    for (let i = 0; i < count; i++) {
      if ((i & BEAT_MASK) === 0) beat();
      this.#insert(order[i]!, homes[i]!, undefined);
    }
  }

  /**
   * Removes a row (deleted, or about to change). Returns the one other row whose state this
   * changes (the next holder, which becomes first when the row was first), else -1.
   */
  remove(row: number): number {
    const next = this.#next[row]!;
    if (next === OUT) return -1;
    const slot = this.#slot[row]!;
    const prev = this.#prev[row]!;
    this.#next[row] = OUT;
    this.#prev[row] = OUT;
    this.#slot[row] = OUT;
    if (next === row) {
      this.#table[slot] = GONE;
      return -1;
    }
    this.#next[prev] = next;
    this.#prev[next] = prev;
    if (this.#table[slot] !== row) return -1;
    let first = next;
    for (let at = this.#next[next]!; at !== next; at = this.#next[at]!) if (at < first) first = at;
    this.#table[slot] = first;
    return first;
  }

  /** Puts a row in its value's ring, or in a new slot; `key` is read when needed if not given. */
  #insert(row: number, hash: number, key: string | undefined): number {
    const table = this.#table;
    const hashes = this.#hashes;
    const size = this.#size;
    let free = -1;
    let i = homeOf(hash, size);
    for (let at = table[i]!; at !== EMPTY; at = table[i]!) {
      if (at === GONE) {
        if (free < 0) free = i;
      } else if (hashes[i] === hash) {
        // The row's own key is read once, and only when some slot's hash is its hash.
        if (key === undefined) key = this.#keyOf(row) ?? '';
        if (this.#keyOf(at) === key) {
          const next = this.#next[at]!;
          this.#next[row] = next;
          this.#prev[row] = at;
          this.#prev[next] = row;
          this.#next[at] = row;
          this.#slot[row] = i;
          if (row > at) return -1;
          table[i] = row;
          return at;
        }
      }
      i = i + 1 === size ? 0 : i + 1;
    }
    if (free < 0) {
      free = i;
      this.#used++;
    }
    table[free] = row;
    hashes[free] = hash;
    this.#next[row] = row;
    this.#prev[row] = row;
    this.#slot[row] = free;
    if (this.#used * 4 > size * 3) this.#rebuild();
    return -1;
  }

  /** Lays the live slots out again, dropping the `GONE` ones (the table never needs to grow). */
  #rebuild(): void {
    const old = this.#table;
    const oldHashes = this.#hashes;
    const size = this.#size;
    const table = new Int32Array(size).fill(EMPTY);
    const hashes = new Int32Array(size);
    this.#used = 0;
    for (let i = 0; i < size; i++) {
      const row = old[i]!;
      if (row < 0) continue;
      const hash = oldHashes[i]!;
      let j = homeOf(hash, size);
      while (table[j] !== EMPTY) j = j + 1 === size ? 0 : j + 1;
      table[j] = row;
      hashes[j] = hash;
      this.#used++;
      let at = row;
      do {
        this.#slot[at] = j;
        at = this.#next[at]!;
      } while (at !== row);
    }
    this.#table = table;
    this.#hashes = hashes;
  }
}

/** The slot a hash's probe starts at. */
function homeOf(hash: number, size: number): number {
  return (hash >>> 0) % size;
}

/** FNV-1a over the UTF-16 units, then mixed so that close values land far apart. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  return h ^ (h >>> 13);
}
