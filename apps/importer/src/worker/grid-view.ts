import type { Dataset } from './dataset.ts';
import type { CellAddress, Filter, GridCell, GridRow, GridWindow } from './session-types.ts';
import type { Validation } from './validation.ts';

/**
 * What the review grid shows: the rows the filter lets through (not deleted; with `errorsOnly`,
 * only rows with an error, in one field or any; with `validOnly`, only rows without), in file
 * order, read a window at a time, and the way from one error to the next. The view is a list of data row indexes, rebuilt after a
 * deletion or a change of filter; an edit leaves it as it is, so a fixed row stays in view. While
 * it shows every row (no filter, none deleted) it is no list at all: 4 bytes a row saved.
 */
export class GridView {
  readonly #data: Dataset;
  readonly #validation: Validation;
  #filter: Filter = { errorsOnly: false };
  /** Data rows in view; `undefined` for every row, in order. */
  #view: Int32Array | undefined = new Int32Array(0);

  constructor(data: Dataset, validation: Validation) {
    this.#data = data;
    this.#validation = validation;
  }

  /** Rows the view shows. */
  get length(): number {
    return this.#view?.length ?? this.#data.rowCount;
  }

  /** The data row at a position of the view. */
  #at(position: number): number {
    return this.#view === undefined ? position : this.#view[position]!;
  }

  setFilter(filter: Filter): void {
    this.#filter = filter;
    this.rebuild();
  }

  /** Shows every row again (a new mapping). */
  reset(): void {
    this.setFilter({ errorsOnly: false });
  }

  rebuild(): void {
    const { errorsOnly, field, validOnly } = this.#filter;
    const data = this.#data;
    const validation = this.#validation;
    const f = errorsOnly && field ? validation.fieldIndex(field) : -1;
    if (!errorsOnly && !validOnly && data.deletedCount === 0) {
      this.#view = undefined;
      return;
    }
    const view = new Int32Array(data.rowCount - data.deletedCount);
    let n = 0;
    for (let r = 0; r < data.rowCount; r++) {
      if (data.isDeleted(r)) continue;
      if (errorsOnly && !(f >= 0 ? validation.isError(r, f) : validation.hasErrors(r))) continue;
      if (!errorsOnly && validOnly && validation.hasErrors(r)) continue;
      view[n++] = r;
    }
    this.#view = n === view.length ? view : view.slice(0, n);
  }

  /** Rows `start` to `start + count` of the view, with the cells of fields `fieldStart`… only. */
  window(start: number, count: number, fieldStart: number, fieldCount: number): GridWindow {
    const fields = this.#validation.columns.length;
    const rows: GridRow[] = [];
    const total = this.length;
    const end = Math.min(total, Math.max(0, start) + count);
    const fieldEnd = Math.min(fields, fieldStart + fieldCount);
    for (let position = Math.max(0, start); position < end; position++) {
      const index = this.#at(position);
      const cells: GridCell[] = [];
      for (let f = fieldStart; f < fieldEnd; f++) cells.push(this.#validation.cell(index, f));
      const issues = this.#validation.rowFindings(index);
      rows.push(issues ? { position, index, cells, issues } : { position, index, cells });
    }
    return { total, rows };
  }

  /**
   * The next cell with an error after `from` in the view (before it with `backwards`), wrapping
   * around; `null` when the view has none.
   */
  nextError(from: CellAddress | null, backwards: boolean): CellAddress | null {
    const validation = this.#validation;
    const total = this.length;
    const fields = validation.columns.length;
    if (total === 0 || fields === 0) return null;
    const isError = (p: number, f: number) => validation.isError(this.#at(p), f);
    const step = backwards ? -1 : 1;
    const startP = from ? from.position : backwards ? 0 : total - 1;
    const startF = from ? from.field : backwards ? 0 : fields - 1;
    for (let f = startF + step; f >= 0 && f < fields; f += step) {
      if (isError(startP, f)) return { position: startP, field: f };
    }
    for (let i = 1; i <= total; i++) {
      const p = (((startP + step * i) % total) + total) % total;
      if (!validation.hasErrors(this.#at(p))) continue;
      for (let f = backwards ? fields - 1 : 0; f >= 0 && f < fields; f += step) {
        if (isError(p, f)) return { position: p, field: f };
      }
    }
    return null;
  }
}
