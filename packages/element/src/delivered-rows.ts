import {
  type CellValue,
  columnCells,
  type PackedColumn,
  type RowColumns,
  rowColumnsToRecords,
} from '@csv-importer/protocol';

/**
 * Delivered rows by field: `columns[key][i]` is the value of field `key` in row `i` (text, number,
 * boolean, `null` when empty, or a list), the same value `rows[i][key]` holds.
 */
export type ImportedColumns = Readonly<Record<string, readonly CellValue[]>>;

/**
 * One delivered batch as the frame sent it (records, or columns, packed or not), made records or
 * columns only when one is read, each once. A page that reads `columns` never pays for a record
 * per row; one that reads `rows` never pays for the columns.
 */
export class RowBatch<Row = Record<string, CellValue>> {
  readonly length: number;
  #rows: readonly Row[] | undefined;
  #sent: RowColumns | undefined;
  #columns: ImportedColumns | undefined;

  constructor(rows: readonly Row[] | RowColumns) {
    if (Array.isArray(rows)) this.#rows = rows;
    else this.#sent = rows as RowColumns;
    this.length = this.#rows?.length ?? columnLength(this.#sent!.values[0]);
  }

  /** Whether `columns` was read. */
  get columnsRead(): boolean {
    return this.#columns !== undefined;
  }

  get rows(): readonly Row[] {
    if (!this.#rows) {
      this.#rows = rowColumnsToRecords(this.#sent!) as Row[];
      // The columns, if read, were made already; the records now stand for the batch.
      this.#sent = undefined;
    }
    return this.#rows;
  }

  get columns(): ImportedColumns {
    if (!this.#columns) {
      const columns: Record<string, CellValue[]> = {};
      if (this.#sent) {
        const { fields, values } = this.#sent;
        fields.forEach((field, f) => {
          columns[field] = columnCells(values[f]!);
        });
      } else {
        // Records (from a `transform` hook, or read first): their keys, in order of appearance.
        const rows = this.#rows as readonly Record<string, CellValue>[];
        rows.forEach((row, i) => {
          for (const key of Object.keys(row)) {
            columns[key] ??= new Array(rows.length).fill(null);
            columns[key][i] = row[key]!;
          }
        });
      }
      this.#columns = columns;
    }
    return this.#columns;
  }
}

/** The rows of `batches`, in order, as one list. */
export function batchRows<Row>(batches: readonly RowBatch<Row>[]): readonly Row[] {
  if (batches.length === 1) return batches[0]!.rows;
  // Into a list of the final length: `flatMap` over a million rows is several times slower.
  const rows: Row[] = new Array(batches.reduce((sum, batch) => sum + batch.length, 0));
  let at = 0;
  for (const batch of batches) for (const row of batch.rows) rows[at++] = row;
  return rows;
}

/** The columns of `batches`, in order, as one column per field (`null` where a batch lacks it). */
export function batchColumns(batches: readonly RowBatch<unknown>[]): ImportedColumns {
  if (batches.length === 1) return batches[0]!.columns;
  const total = batches.reduce((sum, batch) => sum + batch.length, 0);
  const columns: Record<string, CellValue[]> = {};
  let at = 0;
  for (const batch of batches) {
    for (const [key, values] of Object.entries(batch.columns)) {
      columns[key] ??= new Array(total).fill(null);
      const column = columns[key];
      for (let i = 0; i < values.length; i++) column[at + i] = values[i]!;
    }
    at += batch.length;
  }
  return columns;
}

/** The cells in a column as sent, without unpacking it. */
function columnLength(column: CellValue[] | PackedColumn | undefined): number {
  if (!column) return 0;
  if (Array.isArray(column)) return column.length;
  return column.kind === 'number'
    ? column.values.length
    : column.kind === 'words'
      ? column.codes.length
      : column.ends.length;
}
