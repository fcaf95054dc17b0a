import { headerNames, type Issue } from '@csv-importer/core';
import type { CellStore } from './cell-store.ts';
import type { SourceInfo } from './file-reader.ts';
import {
  type CheckPlan,
  LARGE_FILE_BYTES,
  type LargeSource,
  PREVIEW_RECORDS,
  type Scanned,
  scanLargeFile,
  validRowBatches,
} from './large-file.ts';
import type { ChannelDelivery, DeliveryBatch, GridWindow, SubmitSummary } from './session-types.ts';

/**
 * One file imported in large-file mode, as `ImportSession` sees it (the passes are in
 * `large-file.ts`): the first records read for the steps before review, then the rows kept for
 * review once `scan` has read every row, and at submit the batches of every row: first the valid
 * rows, read again from the file, then the reviewed ones, numbered after them.
 */
export class LargeFileImport {
  /** The records a file's first read keeps when it is imported this way, else `undefined`. */
  static wanted(file: Blob, forced: boolean | undefined): number | undefined {
    return forced === true || file.size >= LARGE_FILE_BYTES ? PREVIEW_RECORDS : undefined;
  }

  readonly #file: Blob;
  readonly #source: SourceInfo;
  readonly #beat: () => void;
  /** The first records of the file, which the steps before review read. */
  readonly preview: CellStore;
  /** The header row among them and its cell count, as the user last chose it. */
  headerRow = 0;
  headerWidth = 0;
  #plan: CheckPlan | undefined;
  #scanned: Scanned | undefined;

  constructor(file: Blob, source: SourceInfo, preview: CellStore, beat: () => void) {
    this.#file = file;
    this.#source = source;
    this.preview = preview;
    this.#beat = beat;
  }

  /** The header names of the chosen header row. */
  get headers(): readonly string[] {
    return headerNames(this.#header());
  }

  #header(): string[] {
    return this.preview.record(this.headerRow).slice(0, this.headerWidth);
  }

  #largeSource(): LargeSource {
    const header = this.#header();
    return {
      file: this.#file,
      encoding: this.#source.encoding,
      delimiter: this.#source.delimiter,
      headerRow: this.headerRow,
      header,
      headers: headerNames(header),
    };
  }

  /** Reads every row under `plan` and returns the ones kept for review. */
  async scan(plan: CheckPlan, maxRows: number | undefined): Promise<Scanned> {
    this.#plan = plan;
    this.#scanned = await scanLargeFile(this.#largeSource(), plan, this.#beat, maxRows);
    return this.#scanned;
  }

  /** What the review's summary says of the rows it does not hold, once the file is checked. */
  summary(): { largeFile: { validRows: number } } | undefined {
    const scanned = this.#scanned;
    return scanned && { largeFile: { validRows: scanned.dataRows - scanned.records.length } };
  }

  /**
   * `window` (of the review's rows) with each row numbered, and each first holder of a repeated
   * value named, by its data row in the file, as the grid shows them in the default mode.
   */
  numbered(window: GridWindow): GridWindow {
    const records = this.#scanned?.records;
    if (!records) return window;
    const dataRow = (index: number) => records[index]! - this.headerRow - 1;
    const rows = window.rows.map((row) => ({
      ...row,
      number: dataRow(row.index) + 1,
      cells: row.cells.map((cell) => {
        const first = cell.issue?.params?.firstRow;
        if (cell.issue?.code !== 'duplicate' || typeof first !== 'number') return cell;
        return {
          ...cell,
          issue: { ...cell.issue, params: { ...cell.issue.params, firstRow: dataRow(first) } },
        };
      }),
    }));
    return { ...window, rows };
  }

  /** What submitting delivers: the review's rows (`review`) and every row not kept. */
  submitSummary(review: SubmitSummary): SubmitSummary {
    const scanned = this.#scanned;
    if (!scanned || review.blocked) return review;
    return { ...review, deliverCount: review.deliverCount + scanned.dataRows - scanned.records.length };
  }

  /**
   * The batches of delivery for `deliverOnPort`, asked for in turn: the rows not kept, read
   * again from the file, then `review`'s (the kept rows' batches, numbered from 0), every row
   * and issue numbered among all delivered rows.
   */
  batches(
    review: (start: number) => DeliveryBatch,
    options: ChannelDelivery,
  ): (start: number) => Promise<DeliveryBatch> {
    const scanned = this.#scanned;
    const plan = this.#plan;
    if (!scanned || !plan) throw new Error('the file has not been validated');
    const { batchSize, encoding, unmatched, packedNotes } = options;
    const valid = validRowBatches(
      this.#largeSource(),
      plan,
      scanned.records,
      batchSize,
      { encoding, unmatched, packedNotes: packedNotes === true },
      this.#beat,
    );
    let streamed = 0;
    let done = false;
    return async (start) => {
      if (!done) {
        const next = await valid.next();
        if (!next.done) {
          streamed += next.value.count;
          return numbered(next.value, start);
        }
        done = true;
      }
      return numbered(review(start - streamed), streamed);
    };
  }
}

/** `batch` with its issues (and the first holders they name) numbered `offset` rows later. */
function numbered(batch: DeliveryBatch, offset: number): DeliveryBatch {
  if (offset === 0) return batch;
  for (const issue of batch.issues as { -readonly [K in keyof Issue]: Issue[K] }[]) {
    issue.row += offset;
    const first = issue.params?.firstRow;
    if (issue.code === 'duplicate' && typeof first === 'number')
      issue.params = { ...issue.params, firstRow: first + offset };
  }
  return batch;
}
