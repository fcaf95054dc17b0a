import {
  batchRecords,
  type ColumnHints,
  type ColumnSpec,
  parseEncodedColumnStream,
  type RecordIssue,
  RecordWidths,
  uniqueKey,
} from '@csv-importer/core';
import { CellStore } from './cell-store.ts';
import { Dataset } from './dataset.ts';
import { DeliveredRows } from './delivered-rows.ts';
import { Delivery } from './delivery-batches.ts';
import { KeyHashes } from './key-hashes.ts';
import type { BatchOptions, DeliveryBatch, Mapping, ValueMapping } from './session-types.ts';
import { isBare } from './unique-fields.ts';
import { Validation } from './validation.ts';

/**
 * Text files of this size and more are imported in large-file mode: about 1.4M rows of the
 * bench's 10 columns, which the default mode holds in about 1.2 GB (9.5x the file at 1M rows).
 */
export const LARGE_FILE_BYTES = 128 * 1024 * 1024;
/** Records a large file's first read keeps, for the header, matching and value steps. */
export const PREVIEW_RECORDS = 5_000;
/** Data rows checked together: one chunk's store and issue table at a time. */
const CHUNK_ROWS = 16_384;

/** The file of a large-file import and how its first read found it. */
export interface LargeSource {
  readonly file: Blob;
  readonly encoding: string;
  readonly delimiter: string;
  /** Index of the header row among the file's records, and the header record itself. */
  readonly headerRow: number;
  readonly header: readonly string[];
  /** The header names as the fields see them (`headerNames` of `header`). */
  readonly headers: readonly string[];
}

/** How every row is checked: the fields, the user's mapping and value mapping, the hints. */
export interface CheckPlan {
  readonly specs: readonly ColumnSpec[];
  readonly mapping: Mapping;
  readonly valueMapping: ValueMapping;
  readonly hints: Readonly<Record<string, ColumnHints>>;
}

/** What one pass over a large file kept for review. */
export interface Scanned {
  /** The header record, then every kept record, in file order. */
  readonly store: CellStore;
  /** The file record of each kept row (store record `i + 1`), ascending. */
  readonly records: Int32Array;
  /** Reading's findings about kept records, numbered as records of `store`. */
  readonly issues: readonly RecordIssue[];
  readonly widths: RecordWidths;
  /** Data rows in the file (below the header row). */
  readonly dataRows: number;
}

/**
 * Large-file mode: a file too big to hold is read three times at most, never whole. The first
 * read keeps `PREVIEW_RECORDS` records for the steps before review. `scanLargeFile` then reads
 * every row, checks it chunk by chunk with the worker's own `Validation` (so core's rules, the
 * hints and the value mapping are the same as in the default mode), and keeps only the rows with
 * an error or a warning, a reading finding, a width other than the header's, or a unique value
 * another row holds too (with the first holder of that value, found by a second read only when
 * there are repeats). `validRowBatches` reads the file once more at submit and delivers the
 * rows that were not kept, checked again chunk by chunk for their typed values and notes. The
 * kept rows are reviewed and delivered as in the default mode. What is held: the kept rows, the
 * hashes of each unique field's values (`KeyHashes`, 11 to 21 bytes a row), and one chunk.
 */
export async function scanLargeFile(
  source: LargeSource,
  plan: CheckPlan,
  beat: () => void,
  maxRows: number | undefined,
): Promise<Scanned> {
  const uniques = uniqueFields(plan.specs);
  let seen = uniques.map(() => new KeyHashes());
  const repeated = uniques.map(() => new Set<string>());
  // The kept rows go into a packed store chunk by chunk (about 1.2x their text, where arrays of
  // strings would be several times it), in file order.
  const kept = new Kept(source.header);
  let dataRows = 0;
  for await (const chunk of dataChunks(source, beat)) {
    dataRows += chunk.rows.length;
    if (maxRows !== undefined && dataRows > maxRows)
      throw new RangeError(`The file has more than ${maxRows.toLocaleString('en-US')} rows.`);
    const { data, validation } = checkChunk(source, plan, chunk.rows, beat);
    // Only the fields with a warning in this chunk are looked at for one, row by row.
    const { warningsByColumn } = validation.counts();
    const warned = validation.columns.flatMap((c, f) => (warningsByColumn[c.spec.key] ? [f] : []));
    const rows: KeptRow[] = [];
    for (let i = 0; i < chunk.rows.length; i++) {
      const record = chunk.first + i;
      const issues = chunk.issues.get(record);
      let keep = issues !== undefined || chunk.rows[i]!.length !== source.header.length;
      keep ||= validation.hasErrors(i) || (warned.length > 0 && hasWarning(validation, i, warned));
      uniques.forEach(({ field, fold }, u) => {
        const key = keyOf(data, validation, i, field, fold);
        if (key === null) return;
        if (seen[u]!.add(key)) {
          repeated[u]!.add(key);
          keep = true;
        }
      });
      if (keep) rows.push({ record, row: chunk.rows[i]!, issues: issues ?? [] });
    }
    kept.add(rows);
  }
  // The unique values are no longer needed; only the repeated ones are looked for again.
  seen = [];
  if (repeated.every((set) => set.size === 0)) return { ...kept.scanned(), dataRows };
  const holders = await firstHolders(source, plan, beat, kept.records, repeated);
  return { ...kept.with(holders).scanned(), dataRows };
}

/** A kept row: its file record, its cells, reading's findings about it. */
interface KeptRow {
  readonly record: number;
  readonly row: string[];
  readonly issues: readonly RecordIssue[];
}

/** The rows kept for review, packed, with the header record first, in file order. */
class Kept {
  readonly #store = new CellStore();
  readonly #widths = new RecordWidths();
  readonly #issues: RecordIssue[] = [];
  #records: number[] = [];

  constructor(header: readonly string[]) {
    this.#store.append([header]);
    this.#widths.add([header]);
  }

  get records(): readonly number[] {
    return this.#records;
  }

  /** Appends rows that come after every row kept so far. */
  add(rows: readonly KeptRow[]): void {
    if (rows.length === 0) return;
    for (const { record, issues } of rows) {
      for (const issue of issues) this.#issues.push({ ...issue, record: this.#store.length });
      this.#records.push(record);
    }
    const cells = rows.map((k) => k.row);
    this.#store.append(cells);
    this.#widths.add(cells);
  }

  /** These rows and `more` (rows not kept yet, in file order) merged in file order. */
  with(more: readonly KeptRow[]): Kept {
    const merged = new Kept(this.#row(0));
    const issues = new Map<number, RecordIssue[]>();
    for (const issue of this.#issues) issues.set(issue.record, [...(issues.get(issue.record) ?? []), issue]);
    let j = 0;
    this.#records.forEach((record, i) => {
      while (j < more.length && more[j]!.record < record) merged.add([more[j++]!]);
      merged.add([{ record, row: this.#row(i + 1), issues: issues.get(i + 1) ?? [] }]);
    });
    merged.add(more.slice(j));
    return merged;
  }

  /** A stored record as it was read: as many cells as it had. */
  #row(index: number): string[] {
    return this.#store.record(index).slice(0, this.#widths.widthOf(index));
  }

  scanned(): Omit<Scanned, 'dataRows'> {
    return {
      store: this.#store,
      records: Int32Array.from(this.#records),
      issues: this.#issues,
      widths: this.#widths,
    };
  }
}

/**
 * The rows of a large file that `scanLargeFile` did not keep (`kept`, ascending file records),
 * read again in file order and delivered in batches of `batchSize`, each numbered from 0.
 */
export async function* validRowBatches(
  source: LargeSource,
  plan: CheckPlan,
  kept: Int32Array,
  batchSize: number,
  options: BatchOptions,
  beat: () => void,
): AsyncGenerator<DeliveryBatch> {
  let next = 0;
  let rows: string[][] = [];
  for await (const chunk of dataChunks(source, beat)) {
    for (let i = 0; i < chunk.rows.length; i++) {
      const record = chunk.first + i;
      while (next < kept.length && kept[next]! < record) next++;
      if (next < kept.length && kept[next] === record) continue;
      rows.push(chunk.rows[i]!);
      if (rows.length === batchSize) {
        yield deliver(source, plan, rows, options, beat);
        rows = [];
      }
    }
  }
  if (rows.length > 0) yield deliver(source, plan, rows, options, beat);
}

/** Delivered data rows `rows` as one batch, checked as the review's rows are. */
function deliver(
  source: LargeSource,
  plan: CheckPlan,
  rows: string[][],
  options: BatchOptions,
  beat: () => void,
): DeliveryBatch {
  const { data, validation } = checkChunk(source, plan, rows, beat);
  return new Delivery(data, validation, new DeliveredRows(data, validation)).batch(0, rows.length, options);
}

/** One chunk of data rows: the first one's file record, the rows, reading's findings by record. */
interface Chunk {
  readonly first: number;
  readonly rows: string[][];
  readonly issues: Map<number, RecordIssue[]>;
}

/** The file's data rows (below the header row), `CHUNK_ROWS` at a time. */
async function* dataChunks(source: LargeSource, beat: () => void): AsyncGenerator<Chunk> {
  let record = 0;
  let chunk: Chunk = { first: source.headerRow + 1, rows: [], issues: new Map() };
  // A UTF-8 file's bytes go to the tokenizer undecoded, as the first read's do.
  const bytes = source.file.stream();
  for await (const packed of parseEncodedColumnStream(bytes, source.encoding, {
    delimiter: source.delimiter,
  })) {
    beat();
    const batch = { rows: batchRecords(packed.records), issues: packed.issues };
    for (const issue of batch.issues) {
      if (issue.record <= source.headerRow) continue;
      const list = chunk.issues.get(issue.record) ?? [];
      list.push(issue);
      chunk.issues.set(issue.record, list);
    }
    for (const row of batch.rows) {
      if (record++ <= source.headerRow) continue;
      chunk.rows.push(row);
      if (chunk.rows.length === CHUNK_ROWS) {
        yield chunk;
        const first = chunk.first + CHUNK_ROWS;
        // A finding about a record of the next chunk (a batch can straddle two) goes with it.
        const issues = new Map([...chunk.issues].filter(([r]) => r >= first));
        chunk = { first, rows: [], issues };
      }
    }
  }
  if (chunk.rows.length > 0) yield chunk;
}

/** A chunk of data rows below the header record, mapped and checked as the review checks. */
function checkChunk(
  source: LargeSource,
  plan: CheckPlan,
  rows: readonly string[][],
  beat: () => void,
): { data: Dataset; validation: Validation } {
  const store = new RowsStore();
  store.append([source.header]);
  store.append(rows);
  const data = new Dataset();
  data.load(store, []);
  data.setHeaderRow(0, source.headers);
  data.setMapping(
    plan.specs.map((s) => s.key),
    plan.mapping,
  );
  const validation = new Validation(data, beat);
  validation.configure(plan.specs);
  validation.run(plan.valueMapping, plan.hints);
  return { data, validation };
}

/**
 * A chunk's rows as the parser made them, behind the store's interface: a chunk is checked once
 * and dropped, so packing it (as `CellStore` does, to hold rows for long) would cost more than it
 * saves: about a sixth of the scan's time, in packing and in reading the packed text back.
 */
class RowsStore extends CellStore {
  readonly #rows: string[][] = [];
  #width = 0;

  override get length(): number {
    return this.#rows.length;
  }

  override get width(): number {
    return this.#width;
  }

  override append(rows: readonly (readonly string[])[]): void {
    for (const row of rows) {
      this.#rows.push(row as string[]);
      if (row.length > this.#width) this.#width = row.length;
    }
  }

  override get(row: number, column: number): string {
    return this.#rows[row]?.[column] ?? '';
  }

  override set(row: number, column: number, value: string): void {
    const cells = this.#rows[row];
    if (!cells || !Number.isInteger(column) || column < 0 || column >= this.#width)
      throw new RangeError(`no cell at ${row},${column}`);
    const copy = [...cells];
    while (copy.length <= column) copy.push('');
    copy[column] = value;
    this.#rows[row] = copy;
  }

  override addColumn(): number {
    return this.#width++;
  }
}

/**
 * The first holder of each repeated unique value, unless it is kept already: found by reading
 * the file again, since a row is kept or let go before a later row repeats its value.
 */
async function firstHolders(
  source: LargeSource,
  plan: CheckPlan,
  beat: () => void,
  kept: readonly number[],
  repeated: readonly Set<string>[],
): Promise<KeptRow[]> {
  const uniques = uniqueFields(plan.specs);
  const keptRecords = new Set(kept);
  const found: KeptRow[] = [];
  for await (const chunk of dataChunks(source, beat)) {
    const { data, validation } = checkChunk(source, plan, chunk.rows, beat);
    for (let i = 0; i < chunk.rows.length; i++) {
      let first = false;
      uniques.forEach(({ field, fold }, u) => {
        const key = keyOf(data, validation, i, field, fold);
        // The first row met with a repeated value holds it first; it leaves the set.
        if (key !== null && repeated[u]!.delete(key)) first = true;
      });
      const record = chunk.first + i;
      if (first && !keptRecords.has(record)) found.push({ record, row: chunk.rows[i]!, issues: [] });
    }
    if (repeated.every((set) => set.size === 0)) break;
  }
  return found;
}

/** The unique fields among `specs`, with whether they compare case-insensitively. */
function uniqueFields(specs: readonly ColumnSpec[]): { field: number; fold: boolean }[] {
  return specs.flatMap((spec, field) => {
    const unique = (spec as { unique?: boolean | { caseInsensitive?: boolean } }).unique;
    if (unique !== true && (typeof unique !== 'object' || unique === null)) return [];
    return [{ field, fold: typeof unique === 'object' && unique.caseInsensitive === true }];
  });
}

/** A cell's unique key as `UniqueFields` makes it (core's `uniqueKey` of its typed value). */
function keyOf(
  data: Dataset,
  validation: Validation,
  row: number,
  field: number,
  fold: boolean,
): string | null {
  const column = validation.columns[field]!;
  const raw = data.raw(row, field);
  if (column.keepsText && isBare(raw)) return uniqueKey(raw, fold);
  const result = column.check(raw);
  return result.ok ? uniqueKey(result.value, fold) : null;
}

/** Whether a row has a warning in any of `fields`. */
function hasWarning(validation: Validation, row: number, fields: readonly number[]): boolean {
  for (const f of fields) if (validation.cell(row, f).issue?.level === 'warning') return true;
  return false;
}
