import { BEAT_MASK, type Dataset } from './dataset.ts';
import { type Change, History } from './history.ts';
import type { CellChange, FindQuery } from './session-types.ts';
import type { Validation } from './validation.ts';

/** Past this many other cells changed by one edit, the grid reads its window again instead. */
const MAX_EDIT_PATCH = 200;

/** What one edit changed: the cell's text before it, and the other cells it re-checked. */
export interface EditOutcome {
  readonly before: string;
  /** Other cells re-checked, by data row and field; `null` when more than the grid patches. */
  readonly others: readonly CellChange[] | null;
}

/**
 * The user's changes to the rows: edits, find and replace, deletions, and undo and redo over a
 * `History`. Every cell write goes through `#write`, which keeps the unique indexes and the
 * counts of `Validation` current for edits, replacements, undo and redo alike. `changed` is told
 * after every change (so the view and the delivery order are rebuilt), with `rows` true when
 * rows were deleted or restored.
 */
export class Edits {
  readonly #data: Dataset;
  readonly #validation: Validation;
  readonly #beat: () => void;
  readonly #changed: (rows: boolean) => void;
  #history = new History();

  constructor(data: Dataset, validation: Validation, beat: () => void, changed: (rows: boolean) => void) {
    this.#data = data;
    this.#validation = validation;
    this.#beat = beat;
    this.#changed = changed;
  }

  /** Forgets every step (a new file or a new mapping). */
  reset(): void {
    this.#history = new History();
  }

  get canUndo(): boolean {
    return this.#history.canUndo;
  }

  get canRedo(): boolean {
    return this.#history.canRedo;
  }

  /** Sets one cell's text and re-validates it (and, for unique fields, the cells it collides with). */
  edit(row: number, field: number, value: string): EditOutcome {
    this.#assertRow(row);
    const before = this.#data.raw(row, field);
    const rechecked: number[] = [];
    if (before !== value) {
      const change = { row, column: this.#data.columnFor(field), before, after: value };
      this.#history.push({ kind: 'cells', changes: [change] });
      this.#write([change], 'after', rechecked);
    }
    const others: CellChange[] = [];
    const seen = new Set<string>([`${row}:${field}`]);
    for (let i = 0; i < rechecked.length && others.length <= MAX_EDIT_PATCH; i += 2) {
      const [r, f] = [rechecked[i]!, rechecked[i + 1]!];
      if (seen.has(`${r}:${f}`)) continue;
      seen.add(`${r}:${f}`);
      others.push({ row: r, field: f, cell: this.#validation.cell(r, f) });
    }
    return { before, others: others.length > MAX_EDIT_PATCH ? null : others };
  }

  /** How many cells of a field (rows not deleted) hold exactly `value`. */
  countValue(field: number, value: string): number {
    if (value.trim() === '') return 0;
    let n = 0;
    for (let r = 0; r < this.#data.rowCount; r++)
      if (!this.#data.isDeleted(r) && this.#data.raw(r, field) === value) n++;
    return n;
  }

  /**
   * How many cells of a field (rows not deleted) hold `value` or the same text with other case
   * or other spaces around it, and not `replacement` already: the cells a "fix all like this"
   * changes.
   */
  countLike(field: number, value: string, replacement: string): number {
    let n = 0;
    this.#eachLike(field, value, replacement, () => {
      n++;
    });
    return n;
  }

  /** Sets every cell `countLike` counts to `replacement`, as one step of the history. */
  replaceLike(field: number, value: string, replacement: string): number {
    const column = this.#data.columnFor(field);
    const changes: Change[] = [];
    this.#eachLike(field, value, replacement, (row, text) => {
      changes.push({ row, column, before: text, after: replacement });
    });
    if (changes.length > 0) {
      this.#history.push({ kind: 'cells', changes });
      this.#write(changes, 'after');
    }
    return changes.length;
  }

  #eachLike(
    field: number,
    value: string,
    replacement: string,
    visit: (row: number, text: string) => void,
  ): void {
    const like = likeKey(value);
    if (like === '') return;
    for (let r = 0; r < this.#data.rowCount; r++) {
      if ((r & BEAT_MASK) === 0) this.#beat();
      if (this.#data.isDeleted(r)) continue;
      const text = this.#data.raw(r, field);
      if (text !== replacement && likeKey(text) === like) visit(r, text);
    }
  }

  /** Cells that a find would change, among rows that are not deleted. */
  findCount(query: FindQuery): number {
    let count = 0;
    this.#eachMatch(query, () => {
      count++;
    });
    return count;
  }

  /** Replaces every match of `query` with `replacement`, as one step of the history. */
  replaceAll(query: FindQuery, replacement: string): number {
    const changes: Change[] = [];
    const matchCase = query.matchCase ?? false;
    const pattern = new RegExp(escapeRegExp(query.text), matchCase ? 'g' : 'gi');
    this.#eachMatch(query, (row, field, text) => {
      const after = query.wholeCell ? replacement : text.replace(pattern, () => replacement);
      if (after !== text) changes.push({ row, column: this.#data.columnFor(field), before: text, after });
    });
    if (changes.length > 0) {
      this.#history.push({ kind: 'cells', changes });
      this.#write(changes, 'after');
    }
    return changes.length;
  }

  #eachMatch(query: FindQuery, visit: (row: number, field: number, text: string) => void): void {
    if (query.text === '' && !query.wholeCell) return;
    const matchCase = query.matchCase ?? false;
    const needle = matchCase ? query.text : query.text.toLowerCase();
    const fields =
      query.field === null
        ? this.#validation.columns.map((_, f) => f)
        : [this.#validation.fieldIndex(query.field)];
    for (const f of fields) {
      for (let r = 0; r < this.#data.rowCount; r++) {
        if ((r & BEAT_MASK) === 0) this.#beat();
        if (this.#data.isDeleted(r)) continue;
        const text = this.#data.raw(r, f);
        const hay = matchCase ? text : text.toLowerCase();
        if (query.wholeCell ? hay === needle : hay.includes(needle)) visit(r, f, text);
      }
    }
  }

  /** Deletes rows (by data row index); undo brings them back. */
  deleteRows(rows: readonly number[]): void {
    const data = this.#data;
    const live = Int32Array.from(rows.filter((r) => r >= 0 && r < data.rowCount && !data.isDeleted(r)));
    if (live.length > 0) {
      this.#history.push({ kind: 'delete', rows: live });
      this.#setDeleted(live, true);
    }
  }

  /** Deletes every row that has at least one error. */
  deleteInvalidRows(): void {
    const rows: number[] = [];
    for (let r = 0; r < this.#data.rowCount; r++)
      if (this.#validation.hasErrors(r) && !this.#data.isDeleted(r)) rows.push(r);
    this.deleteRows(rows);
  }

  undo(): void {
    const step = this.#history.undo();
    if (step?.kind === 'cells') this.#write([...step.changes].reverse(), 'before');
    if (step?.kind === 'delete') this.#setDeleted(step.rows, false);
  }

  redo(): void {
    const step = this.#history.redo();
    if (step?.kind === 'cells') this.#write(step.changes, 'after');
    if (step?.kind === 'delete') this.#setDeleted(step.rows, true);
  }

  /** Writes cells and re-validates what they touch; `rechecked` collects row, field pairs. */
  #write(changes: readonly Change[], direction: 'after' | 'before', rechecked?: number[]): void {
    const validation = this.#validation;
    // Indexes settled for a delivery are built again before any value changes under them.
    validation.unique.revive();
    for (const change of changes) {
      const fields = this.#data.fieldsOf(change.column);
      const deleted = this.#data.isDeleted(change.row);
      const uniqueFields = fields.filter((f) => validation.unique.has(f) && !deleted);
      const touched = new Set<string>();
      // Only a value's first holder changing (a row before it joins, or it leaves) changes state.
      for (const f of uniqueFields) {
        const r = validation.unique.leave(change.row, f);
        if (r >= 0) touched.add(`${r}:${f}`);
      }
      this.#data.write(change.row, change.column, change[direction]);
      for (const f of uniqueFields) {
        const r = validation.unique.join(change.row, f);
        if (r >= 0) touched.add(`${r}:${f}`);
      }
      for (const f of fields) {
        validation.recheck(change.row, f);
        rechecked?.push(change.row, f);
      }
      for (const key of touched) {
        const [r, f] = key.split(':').map(Number) as [number, number];
        validation.recheck(r, f);
        rechecked?.push(r, f);
        // A new first holder: the value's other repeats now name it (their `firstRow` changed).
        if (rechecked)
          for (const other of validation.unique.holdersOf(r, f, MAX_EDIT_PATCH + 1))
            if (other !== r && other !== change.row) rechecked.push(other, f);
      }
    }
    this.#changed(false);
  }

  #setDeleted(rows: Int32Array, deleted: boolean): void {
    const validation = this.#validation;
    validation.unique.revive();
    const fields = validation.columns.length;
    for (const row of rows) {
      if (this.#data.isDeleted(row) === deleted) continue;
      if (deleted) {
        validation.countRow(row, -1);
        this.#data.setDeleted(row, true);
        for (let f = 0; f < fields; f++) {
          // A row leaving may leave a single holder of a value behind, which is then valid.
          const other = validation.unique.leave(row, f);
          if (other >= 0) validation.recheck(other, f);
        }
      } else {
        this.#data.setDeleted(row, false);
        validation.countRow(row, 1);
        for (let f = 0; f < fields; f++) {
          if (!validation.unique.has(f)) continue;
          const other = validation.unique.join(row, f);
          if (other >= 0) validation.recheck(other, f);
          validation.recheck(row, f);
        }
      }
    }
    this.#changed(true);
  }

  #assertRow(row: number): void {
    if (!Number.isInteger(row) || row < 0 || row >= this.#data.rowCount || this.#data.isDeleted(row)) {
      throw new RangeError(`row ${row} does not exist`);
    }
  }
}

/** Text as "fix all like this" compares it: trimmed, case folded. */
function likeKey(text: string): string {
  return text.trim().toLowerCase();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
