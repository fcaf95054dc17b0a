import { type ColumnHints, type ColumnSpec, type Issue, readWithHints } from '@csv-importer/core';
import { Dataset } from './dataset.ts';
import { DeliveredRows } from './delivered-rows.ts';
import { Delivery } from './delivery-batches.ts';
import { Edits } from './edits.ts';
import { exportInvalidCsv } from './error-export.ts';
import { fieldHints, suggestValues } from './field-hints.ts';
import {
  type ReadFindings,
  recordIssuesBelow,
  type SourceInfo,
  SourceReader,
  summarize,
} from './file-reader.ts';
import { GridView } from './grid-view.ts';
import { LargeFileImport } from './large-file-import.ts';
import { deliverOnPort } from './row-channel.ts';
import type {
  BatchOptions,
  CellAddress,
  ChannelDelivery,
  ChannelOutcome,
  DeliveryBatch,
  EditResult,
  FieldHints,
  Filter,
  FindQuery,
  GridWindow,
  HintReading,
  ImportSessionApi,
  LoadProgress,
  LoadResult,
  LoadSummary,
  Mapping,
  ReadOptions,
  ResultRow,
  SessionOptions,
  SubmitSummary,
  ValidationSummary,
  ValueMapping,
  ValueSuggestion,
} from './session-types.ts';
import { Validation } from './validation.ts';

/**
 * The dataset of one import, owned by the worker for the whole session and exposed to the frame
 * over `session-rpc.ts` (see `ImportSessionApi` in `session-types.ts` for each call). The frame's
 * main thread holds only the rows it shows and asks for windows of them.
 *
 * A thin facade: `SourceReader` reads the file, `Dataset` holds its rows and the mapping,
 * `Validation` the issue table and the checked values, `DeliveredRows` the rows as the host gets
 * them, `Edits` the changes and their history, `GridView` what the grid
 * shows, `Delivery` what submit sends, `exportInvalidCsv` the rows to fix.
 */
export class ImportSession implements ImportSessionApi {
  /** Called from inside long loops, so the frame hears from a busy worker (see `heartbeat.ts`). */
  readonly #beat: () => void;
  #specs: readonly ColumnSpec[] = [];
  readonly #reader: SourceReader;
  readonly #data = new Dataset();
  readonly #validation: Validation;
  readonly #edits: Edits;
  readonly #view: GridView;
  readonly #delivery: Delivery;
  readonly #rows: DeliveredRows;
  #source: SourceInfo | undefined;
  #hints: Readonly<Record<string, FieldHints>> = {};
  #found: ReadFindings | undefined;
  #options: SessionOptions = {};
  /** Set while the file is imported in large-file mode. */
  #large: LargeFileImport | undefined;

  constructor(options: { readonly beat?: () => void } = {}) {
    this.#beat = options.beat ?? (() => {});
    this.#reader = new SourceReader(this.#beat);
    this.#validation = new Validation(this.#data, this.#beat);
    this.#view = new GridView(this.#data, this.#validation);
    this.#rows = new DeliveredRows(this.#data, this.#validation);
    this.#delivery = new Delivery(this.#data, this.#validation, this.#rows);
    this.#edits = new Edits(this.#data, this.#validation, this.#beat, (rows) => {
      this.#delivery.invalidate();
      if (rows) this.#view.rebuild();
    });
  }

  configure(columns: readonly ColumnSpec[], options: SessionOptions = {}): void {
    this.#specs = columns;
    this.#options = options;
    this.#validation.configure(columns);
    this.#reader.configure(columns, options.maxRows);
    this.#delivery.policy = options.invalidRows ?? 'include';
  }

  async load(file: Blob, onProgress?: (progress: LoadProgress) => void, read: ReadOptions = {}) {
    const large = LargeFileImport.wanted(file, this.#options.largeFile);
    const outcome = await this.#reader.read(file, read, onProgress, large);
    if (!outcome.ok) return outcome;
    const { store, headerRow, headerCertain, source, recordIssues, found, preview } = outcome.read;
    this.#large = preview ? new LargeFileImport(file, source, store, this.#beat) : undefined;
    this.#data.load(store, recordIssues);
    this.#source = source;
    this.#found = found;
    this.#edits.reset();
    const summary = this.#setHeader(headerRow);
    return { ok: true, summary: headerCertain ? { ...summary, headerCertain } : summary } as LoadResult;
  }

  cancel(): void {
    this.#reader.cancel();
  }

  reread(read: ReadOptions, onProgress?: (progress: LoadProgress) => void): Promise<LoadResult> {
    const file = this.#reader.file;
    if (!file) throw new Error('no file has been loaded');
    return this.load(file, onProgress, read);
  }

  setHeaderRow(headerRow: number): LoadSummary {
    if (!this.#source) throw new Error('no file has been loaded');
    if (!Number.isInteger(headerRow) || headerRow < 0 || headerRow >= this.#data.store.length) {
      throw new RangeError(`header row ${headerRow} is outside the file`);
    }
    return this.#setHeader(headerRow);
  }

  #setHeader(headerRow: number): LoadSummary {
    // After a large file's review, the store is the kept rows: the first records come back.
    if (this.#large) {
      this.#data.load(this.#large.preview, []);
      this.#large.headerRow = headerRow;
      this.#large.headerWidth = this.#found!.widths.widthOf(headerRow);
    }
    // Ragged rows are counted against the header row's width.
    const recordIssues = recordIssuesBelow(this.#data.store, this.#found!, headerRow);
    this.#data.load(this.#data.store, recordIssues);
    const summary = summarize(this.#data.store, headerRow, this.#source!, this.#specs, recordIssues);
    this.#data.setHeaderRow(headerRow, summary.headers);
    return summary;
  }

  distinctValues(column: number, limit = 200): { value: string; count: number }[] {
    return this.#data.distinctValues(column, limit);
  }

  suggestValues(column: number, fieldKey: string, limit = 200): ValueSuggestion[] {
    return suggestValues(this.#data, this.#specs[this.#validation.fieldIndex(fieldKey)]!, column, limit);
  }

  readWithHints(
    kind: 'number' | 'date',
    texts: readonly string[],
    choices: readonly ColumnHints[],
  ): HintReading[][] {
    return texts.map((text) => choices.map((hints) => readWithHints(kind, text, hints)));
  }

  validate(
    mapping: Mapping,
    valueMapping: ValueMapping = {},
    hints: Readonly<Record<string, ColumnHints>> = {},
  ): ValidationSummary {
    this.#data.setMapping(
      this.#specs.map((c) => c.key),
      mapping,
    );
    this.#edits.reset();
    this.#delivery.invalidate();
    const { compile, shown } = fieldHints(this.#data, this.#specs, hints);
    this.#hints = shown;
    this.#validation.run(valueMapping, compile);
    this.#view.reset();
    return this.summary();
  }

  async validateFile(
    mapping: Mapping,
    valueMapping: ValueMapping = {},
    hints: Readonly<Record<string, ColumnHints>> = {},
  ): Promise<ValidationSummary> {
    const large = this.#large;
    if (!large) return this.validate(mapping, valueMapping, hints);
    // The hints come from the first rows, as in the default mode, and check every chunk.
    if (this.#data.store !== large.preview) this.#setHeader(large.headerRow);
    this.#data.setMapping(
      this.#specs.map((c) => c.key),
      mapping,
    );
    const { compile, shown } = fieldHints(this.#data, this.#specs, hints);
    const plan = { specs: this.#specs, mapping, valueMapping, hints: compile };
    const kept = await large.scan(plan, this.#options.maxRows);
    this.#data.load(kept.store, recordIssuesBelow(kept.store, kept, 0));
    this.#data.setHeaderRow(0, large.headers);
    this.#data.setMapping(
      this.#specs.map((c) => c.key),
      mapping,
    );
    this.#edits.reset();
    this.#delivery.invalidate();
    this.#hints = shown;
    this.#validation.run(valueMapping, compile);
    this.#view.reset();
    return this.summary();
  }

  summary(): ValidationSummary {
    return {
      rowCount: this.#data.rowCount - this.#data.deletedCount,
      ...this.#validation.counts(),
      deletedCount: this.#data.deletedCount,
      viewCount: this.#view.length,
      canUndo: this.#edits.canUndo,
      canRedo: this.#edits.canRedo,
      hints: this.#hints,
      ...this.#large?.summary(),
    };
  }

  // ---- edits -------------------------------------------------------------------------------------

  edit(row: number, fieldKey: string, value: string): EditResult {
    const field = this.#validation.fieldIndex(fieldKey);
    const { before, others } = this.#edits.edit(row, field, value);
    return {
      summary: this.summary(),
      row,
      field: fieldKey,
      cell: this.#validation.cell(row, field),
      before,
      others,
    };
  }

  countValue(fieldKey: string, value: string): number {
    return this.#edits.countValue(this.#validation.fieldIndex(fieldKey), value);
  }

  countLike(fieldKey: string, value: string, replacement: string): number {
    return this.#edits.countLike(this.#validation.fieldIndex(fieldKey), value, replacement);
  }

  replaceLike(
    fieldKey: string,
    value: string,
    replacement: string,
  ): { summary: ValidationSummary; replaced: number } {
    const replaced = this.#edits.replaceLike(this.#validation.fieldIndex(fieldKey), value, replacement);
    return { summary: this.summary(), replaced };
  }

  findCount(query: FindQuery): number {
    return this.#edits.findCount(query);
  }

  replaceAll(query: FindQuery, replacement: string): { summary: ValidationSummary; replaced: number } {
    const replaced = this.#edits.replaceAll(query, replacement);
    return { summary: this.summary(), replaced };
  }

  deleteRows(rows: readonly number[]): ValidationSummary {
    this.#edits.deleteRows(rows);
    return this.summary();
  }

  deleteInvalidRows(): ValidationSummary {
    this.#edits.deleteInvalidRows();
    return this.summary();
  }

  undo(): ValidationSummary {
    this.#edits.undo();
    return this.summary();
  }

  redo(): ValidationSummary {
    this.#edits.redo();
    return this.summary();
  }

  // ---- the view ----------------------------------------------------------------------------------

  setFilter(filter: Filter): ValidationSummary {
    this.#view.setFilter(filter);
    return this.summary();
  }

  window(
    start: number,
    count: number,
    fieldStart = 0,
    fieldCount = this.#validation.columns.length,
  ): GridWindow {
    const window = this.#view.window(start, count, fieldStart, fieldCount);
    return this.#large ? this.#large.numbered(window) : window;
  }

  nextError(from: CellAddress | null, backwards = false): CellAddress | null {
    return this.#view.nextError(from, backwards);
  }

  // ---- output ------------------------------------------------------------------------------------

  exportInvalidCsv(labels: readonly string[], errorsHeader: string, templates: Record<string, string>): Blob {
    return exportInvalidCsv(
      this.#data,
      this.#validation,
      this.#rows,
      this.#beat,
      labels,
      errorsHeader,
      templates,
    );
  }

  submitSummary(): SubmitSummary {
    const summary = this.#delivery.submitSummary();
    return this.#large ? this.#large.submitSummary(summary) : summary;
  }

  deliveryBatch(start: number, count: number, options: BatchOptions = {}): DeliveryBatch {
    return this.#delivery.batch(start, count, options);
  }

  /**
   * Sends what submit delivers straight to the host on `port`, the rows channel the frame opened
   * (see `row-channel.ts`), in batches of `deliveryBatch`. The unique indexes are settled first
   * (`UniqueFields.settle`): the page holds every record by the end, and the indexes are needed
   * again only if the user edits after a delivery that failed.
   */
  deliverOnPort(
    port: MessagePort,
    options: ChannelDelivery,
    onProgress: (delivered: number) => void,
  ): Promise<ChannelOutcome> {
    const { batchSize, encoding, unmatched, packedNotes } = options;
    this.#validation.unique.settle();
    const batchAt = (start: number) =>
      this.deliveryBatch(start, batchSize, { encoding, unmatched, packedNotes: packedNotes === true });
    if (this.#large) return deliverOnPort(port, this.#large.batches(batchAt, options), options, onProgress);
    return deliverOnPort(port, batchAt, options, onProgress);
  }

  records(start: number, count: number, includeUnmatched = false): ResultRow[] {
    return this.#delivery.records(start, count, includeUnmatched);
  }

  applyHostFindings(
    start: number,
    end: number,
    issues: readonly Issue[],
    values: readonly { row: number; column: string; value: unknown }[],
  ): ValidationSummary {
    this.#validation.applyHostFindings(start, end, issues, values);
    this.#delivery.invalidate();
    return this.summary();
  }
}
