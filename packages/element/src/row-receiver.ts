import { type Complete, isNoteColumns, type Rows } from '@csv-importer/protocol';
import { mergeIssues, type PackedNotes } from './delivered-issues.ts';
import { batchColumns, batchRows, RowBatch } from './delivered-rows.ts';
import {
  CsvImporterCompleteEvent,
  CsvImporterErrorEvent,
  CsvImporterRowsEvent,
  type ImportedRow,
  type ImportIssue,
} from './events.ts';
import type { ImporterHooks } from './hooks.ts';

/** The element's options the receiver reads, as they are when a batch comes. */
export interface RowReceiverOptions {
  readonly hooks: ImporterHooks<ImportedRow>;
  /** `stream-rows`: keep nothing, each batch goes only to the rows event. */
  readonly streamRows: boolean;
  readonly includeUnmatched: boolean;
}

/** The receiver's answer to a batch, sent on the connection the batch came from. */
export type RowsReply = (
  message: { type: 'ack'; replyTo: string } | { type: 'hook-error'; replyTo: string; message: string },
) => void;

/** What the receiver needs of the element: its events and its options. */
export interface RowReceiverHost {
  dispatch(event: Event): void;
  options(): RowReceiverOptions;
}

/**
 * The element's side of row delivery: each `rows` batch in order (through the transform hook, as
 * a rows event whose `waitUntil` promises set the pace), kept for the complete event unless the
 * page streams them, acknowledged, or answered with `hook-error` when the page could not take it
 * (the transform hook failed, a `waitUntil` promise rejected); the frame then shows the user a
 * failure with Try again, which delivers again from the first row. `complete` is accepted only
 * when its count is the rows delivered.
 */
export class RowReceiver {
  /** The rows so far, while the page reads them as records. */
  #rows: ImportedRow[] = [];
  /**
   * Once the page reads a batch by column (`columnar`): every batch so far, the records before it
   * as one; their records are made only if the complete event's `rows` are read.
   */
  #batches: RowBatch<ImportedRow>[] = [];
  #columnar = false;
  #issues: ImportIssue[] = [];
  /** The packed notes of the batches so far, made issues only if the complete event's are read. */
  #notes: PackedNotes[] = [];
  #unmatched: Record<string, string>[] = [];
  /** Rows delivered so far in this import (kept or not). */
  #delivered = 0;

  constructor(private readonly host: RowReceiverHost) {}

  /** Rows delivered so far. */
  get delivered(): number {
    return this.#delivered;
  }

  /** Forgets the rows of an import that will not complete. */
  reset(): void {
    this.#rows = [];
    this.#batches = [];
    this.#columnar = false;
    this.#issues = [];
    this.#notes = [];
    this.#unmatched = [];
    this.#delivered = 0;
  }

  async rows(message: Rows, reply: RowsReply): Promise<void> {
    const { host } = this;
    const options = host.options();
    // The user tried again after a failed delivery: it starts over from the first row.
    if (message.start === 0 && this.#delivered > 0) this.reset();
    if (message.start !== this.#delivered) {
      host.dispatch(
        new CsvImporterErrorEvent(
          'invalid_message',
          `Dropped a batch starting at row ${message.start}: row ${this.#delivered} was due.`,
        ),
      );
      return;
    }
    let batch = new RowBatch<ImportedRow>(message.rows);
    const notes = message.notes;
    if (notes && !isNoteColumns(notes, batch.length)) {
      host.dispatch(
        new CsvImporterErrorEvent(
          'invalid_message',
          `A batch of ${batch.length} rows carried notes of another length; it was dropped.`,
        ),
      );
      return;
    }
    if (options.hooks.transform) {
      try {
        const rows = await options.hooks.transform(batch.rows, { start: message.start });
        if (!Array.isArray(rows) || rows.length !== batch.length) {
          throw new Error('transform must return one row for each row it was given.');
        }
        batch = new RowBatch(rows);
      } catch (error) {
        this.#refuse(message, reply, `The transform hook failed: ${(error as Error).message}`);
        return;
      }
    }
    const packed = notes ? [{ start: message.start, notes }] : [];
    const issues = notes ? () => mergeIssues(message.issues, packed) : message.issues;
    const event = new CsvImporterRowsEvent(batch, issues, message.start, message.unmatched);
    host.dispatch(event);
    const failed = (await event.settled()).find((outcome) => outcome.status === 'rejected');
    if (failed) {
      // The page could not take the batch (its save failed): it does not count as delivered.
      const reason = failed.reason instanceof Error ? failed.reason.message : String(failed.reason);
      const last = message.start + batch.length;
      this.#refuse(
        message,
        reply,
        `A csv-importer-rows listener's waitUntil promise rejected for rows ${message.start + 1} to ${last}: ${reason}`,
      );
      return;
    }
    this.#delivered += batch.length;
    if (!options.streamRows) {
      // Records are made now, a batch at a time (so the complete event costs no long task),
      // unless the page reads the batches by column: then they stay columns.
      if (batch.columnsRead && !this.#columnar) {
        this.#columnar = true;
        if (this.#rows.length > 0) this.#batches.push(new RowBatch(this.#rows));
      }
      if (this.#columnar) this.#batches.push(batch);
      else for (const row of batch.rows) this.#rows.push(row);
      for (const issue of message.issues) this.#issues.push(issue);
      for (const batch of packed) this.#notes.push(batch);
      if (message.unmatched) for (const extra of message.unmatched) this.#unmatched.push(extra);
    }
    reply({ type: 'ack', replyTo: message.id });
  }

  /** The developer's detail goes to the page's error event; the frame tells the user in its words. */
  #refuse(message: Rows, reply: RowsReply, detail: string): void {
    const text = detail.slice(0, 1000);
    this.host.dispatch(new CsvImporterErrorEvent('hook_failed', text));
    reply({ type: 'hook-error', replyTo: message.id, message: text });
  }

  /** `accepted` runs when the completion is accepted, before the complete event. */
  complete(message: Complete, accepted: () => void = () => {}): void {
    if (message.meta.rowCount !== this.#delivered) {
      this.host.dispatch(
        new CsvImporterErrorEvent(
          'invalid_message',
          `Dropped a completion of ${message.meta.rowCount} rows: ${this.#delivered} were delivered.`,
        ),
      );
      return;
    }
    const [rows, batches, issues, notes] = [this.#rows, this.#batches, this.#issues, this.#notes];
    const columnar = this.#columnar;
    const event = new CsvImporterCompleteEvent(
      columnar ? () => batchRows(batches) : rows,
      notes.length > 0 ? () => mergeIssues(issues, notes) : issues,
      message.meta,
      this.host.options().includeUnmatched ? this.#unmatched : undefined,
      columnar ? () => batchColumns(batches) : undefined,
    );
    this.reset();
    accepted();
    this.host.dispatch(event);
  }
}
