import type { Issue } from '@csv-importer/core';
import type { CellValue } from '@csv-importer/protocol';
// Not the package's index: its schemas would come into the worker's bundle with it.
import {
  type NoteColumn,
  packColumn,
  packNotes,
  type RowColumns,
  transferList,
} from '@csv-importer/protocol/row-columns';
import type { Dataset } from './dataset.ts';
import type { DeliveredRows, OriginalNotes } from './delivered-rows.ts';
import { transfer } from './session-rpc.ts';
import type {
  BatchOptions,
  DeliveryBatch,
  InvalidRowsPolicy,
  ResultRow,
  SubmitSummary,
} from './session-types.ts';
import type { Validation } from './validation.ts';

/**
 * What submit delivers: the rows not deleted and, under the application's `invalidRows` policy,
 * with or without the rows that have errors (none at all under `block` while an error remains),
 * as typed records or columns in batches, each row with its issues numbered among the delivered
 * rows. Also the typed rows by data row that the host's hooks are shown.
 */
export class Delivery {
  readonly #data: Dataset;
  readonly #validation: Validation;
  readonly #rows: DeliveredRows;
  #policy: InvalidRowsPolicy = 'include';
  /**
   * Data rows in delivery order, or their count when that is every data row in file order (none
   * deleted or left out: no list, 4 bytes a row saved); rebuilt after any change.
   */
  #order: Int32Array | number | undefined;

  constructor(data: Dataset, validation: Validation, rows: DeliveredRows) {
    this.#data = data;
    this.#validation = validation;
    this.#rows = rows;
  }

  set policy(policy: InvalidRowsPolicy) {
    this.#policy = policy;
    this.#order = undefined;
  }

  /** Drops the delivery order after a change; the next batch builds it again. */
  invalidate(): void {
    this.#order = undefined;
  }

  /** What submitting would deliver under the application's policy. */
  submitSummary(): SubmitSummary {
    const policy = this.#policy;
    const invalidRows = this.#validation.invalidRows;
    const live = this.#data.rowCount - this.#data.deletedCount;
    return {
      policy,
      deliverCount: policy === 'exclude' ? live - invalidRows : live,
      excludedInvalid: policy === 'exclude' ? invalidRows : 0,
      deleted: this.#data.deletedCount,
      invalidIncluded: policy === 'include' ? invalidRows : 0,
      invalidRows,
      blocked: policy === 'block' && invalidRows > 0,
    };
  }

  /**
   * Delivered rows `start` to `start + count` as one batch for the host, in the host's
   * `encoding`: records, one array per field (`columns`), or the same with text and number
   * columns packed into one string or typed array each (`packed`, whose buffers are transferred,
   * not copied). Issues are numbered among delivered rows, and with `unmatched` the unmatched
   * file columns go beside each record. With `packedNotes`, the notes that only say what a
   * cell's text was travel as packed columns of originals (`notes`), not as issue objects. Submit
   * asks for batch n + 1 while the host handles batch n, so building it costs no time.
   */
  batch(start: number, count: number, options: BatchOptions = {}): DeliveryBatch {
    const order = this.#deliveryOrder();
    const validation = this.#validation;
    const columns = validation.columns;
    const from = Math.max(0, start);
    const end = Math.min(lengthOf(order), from + count);
    const issues: Issue[] = [];
    const unmatchedColumns = options.unmatched ? this.#data.unmatchedColumns() : undefined;
    const unmatched: Record<string, string>[] = [];
    const deliveredAs = (row: number) => indexIn(order, row);
    const values: CellValue[][] = columns.map(() => new Array(Math.max(0, end - from)));
    const row: unknown[] = new Array(columns.length);
    const notes = options.packedNotes ? new NoteColumns(from, Math.max(0, end - from)) : undefined;
    const delivered = this.#rows;
    // Columns cannot say "absent": a host value under a key that is no field sends the batch as records.
    let asRecords = (options.encoding ?? 'records') === 'records';
    let invalid = 0;
    for (let i = from; i < end; i++) {
      const r = rowAt(order, i);
      if (validation.hasErrors(r)) invalid++;
      delivered.deliverRow(r, i, row, issues, deliveredAs, notes);
      for (let f = 0; f < columns.length; f++) values[f]![i - from] = row[f] as CellValue;
      const host = validation.host.values(r);
      if (host && !asRecords && Object.keys(host).some((key) => !columns.some((c) => c.key === key)))
        asRecords = true;
      if (unmatchedColumns) unmatched.push(this.#data.unmatchedOf(r, unmatchedColumns));
    }
    const packedNotes = notes?.pack(columns.map((c) => c.key));
    const batch = {
      count: Math.max(0, end - from),
      issues,
      ...(packedNotes ? { notes: packedNotes } : {}),
      invalid,
      ...(unmatchedColumns ? { unmatched } : {}),
    };
    if (asRecords) {
      const rows: Record<string, unknown>[] = [];
      for (let i = from; i < end; i++) {
        const record: Record<string, unknown> = {};
        for (let f = 0; f < columns.length; f++) record[columns[f]!.key] = values[f]![i - from];
        const host = validation.host.values(rowAt(order, i));
        rows.push(host ? { ...record, ...host } : record);
      }
      return { ...batch, rows };
    }
    const fields = columns.map((c) => c.key);
    if (options.encoding === 'packed') {
      const rows: RowColumns = { fields, values: values.map(packColumn) };
      return transfer({ ...batch, rows }, transferList(rows, packedNotes));
    }
    return { ...batch, rows: { fields, values } };
  }

  /** Data rows in delivery order, under the invalid-rows policy. */
  #deliveryOrder(): Int32Array | number {
    if (this.#order === undefined) {
      const summary = this.submitSummary();
      if (!summary.blocked && summary.deliverCount === this.#data.rowCount) {
        this.#order = summary.deliverCount;
        return this.#order;
      }
      const order = new Int32Array(summary.blocked ? 0 : summary.deliverCount);
      let n = 0;
      if (!summary.blocked) {
        for (let r = 0; r < this.#data.rowCount; r++) {
          if (this.#data.isDeleted(r)) continue;
          if (summary.policy === 'exclude' && this.#validation.hasErrors(r)) continue;
          order[n++] = r;
        }
      }
      this.#order = order;
    }
    return this.#order;
  }

  /**
   * Data rows `start` to `start + count` in file order (deleted ones included, flagged), typed,
   * with their issues: what the host's validate and edit hooks are shown. `index` is the data
   * row index that `applyHostFindings` takes back.
   */
  records(start: number, count: number, includeUnmatched: boolean): ResultRow[] {
    const out: ResultRow[] = [];
    const data = this.#data;
    const unmatched = includeUnmatched ? data.unmatchedColumns() : [];
    const end = Math.min(data.rowCount, Math.max(0, start) + count);
    for (let r = Math.max(0, start); r < end; r++) {
      const row: ResultRow = {
        index: r,
        record: this.#rows.record(r),
        issues: this.#rows.rowIssues(r),
        ...(data.isDeleted(r) ? { deleted: true } : {}),
      };
      out.push(includeUnmatched ? { ...row, unmatched: data.unmatchedOf(r, unmatched) } : row);
    }
    return out;
  }
}

/** The notes of one batch that only say what a cell's text was, by field and code. */
class NoteColumns implements OriginalNotes {
  readonly #from: number;
  readonly #count: number;
  /** Per field, its columns of originals by code (a field has one or two codes at most). */
  readonly #byField: { code: string; originals: (string | null)[] }[][] = [];

  /** Rows `from` to `from + count` of the delivery. */
  constructor(from: number, count: number) {
    this.#from = from;
    this.#count = count;
  }

  add(as: number, field: number, code: string, original: string): void {
    // Called for a million notes at a million rows: no key string, no map lookup.
    let columns = this.#byField[field];
    if (!columns) {
      columns = [];
      this.#byField[field] = columns;
    }
    let column = columns.find((c) => c.code === code);
    if (!column) {
      column = { code, originals: new Array<string | null>(this.#count).fill(null) };
      columns.push(column);
    }
    column.originals[as - this.#from] = original;
  }

  /** The packed columns, in field order, or `undefined` when no cell had such a note. */
  pack(keys: readonly string[]): NoteColumn[] | undefined {
    const packed: NoteColumn[] = [];
    this.#byField.forEach((columns, field) => {
      for (const { code, originals } of columns) packed.push(packNotes(keys[field]!, code, originals));
    });
    return packed.length > 0 ? packed : undefined;
  }
}

/** How many rows a delivery order holds. */
function lengthOf(order: Int32Array | number): number {
  return typeof order === 'number' ? order : order.length;
}

/** The data row delivered at position `i`. */
function rowAt(order: Int32Array | number, i: number): number {
  return typeof order === 'number' ? i : order[i]!;
}

/** The position of `row` in `order` (ascending data rows), or `row` itself when it is not there. */
function indexIn(order: Int32Array | number, row: number): number {
  if (typeof order === 'number') return row;
  let lo = 0;
  let hi = order.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const value = order[mid]!;
    if (value === row) return mid;
    if (value < row) lo = mid + 1;
    else hi = mid - 1;
  }
  return row;
}
