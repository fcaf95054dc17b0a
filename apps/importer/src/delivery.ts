import type { DeliveredRecord, ImportMeta, RowColumns } from '@csv-importer/protocol';
import type * as Comlink from 'comlink';
import { type HostConnection, HostTimeoutError } from './host-connection.ts';
import type { ImportSession } from './worker/import-session.ts';

/** Rows per batch when the host does not choose: about a megabyte per message. */
export const DEFAULT_BATCH_SIZE = 5000;

/** How long the host may take over one batch before delivery stops with `host_timeout`. */
export const DEFAULT_ACK_TIMEOUT_MS = 60_000;

/** What the UI knows about the import; delivery adds the counts, timings and host metadata. */
export type DeliveryMeta = Omit<
  ImportMeta,
  'rowCount' | 'validRowCount' | 'invalidRowCount' | 'excludedRowCount' | 'metadata'
>;

/** Thrown when `invalidRows` is `block` and rows still have errors. */
export class BlockedByErrorsError extends Error {
  override readonly name = 'BlockedByErrorsError';
}

/**
 * Hands the validated rows to the host in acknowledged batches: each `rows` message waits for the
 * host's `ack` before the next is sent, so the host sets the pace and no message holds more than
 * one batch. The worker builds each batch whole (records, or one array per field for a host that
 * asked for `rowEncoding: 'columns'`; issues numbered among delivered rows), and builds batch n + 1
 * while the host handles batch n; this thread only forwards it. Rows with errors are delivered,
 * left out or refused according to `invalidRows`. Ends with `complete`. A batch the host does not
 * acknowledge within `ackTimeoutMs` ends delivery with a `host_timeout` error to the host and a
 * rejection the UI shows. The UI calls only this.
 */
export async function deliverRows(
  host: HostConnection,
  session: Comlink.Remote<ImportSession>,
  meta: DeliveryMeta,
): Promise<{ rowCount: number }> {
  const started = performance.now();
  const options = host.init?.options ?? {};
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const unmatched = options.includeUnmatched === true;
  const columns = options.rowEncoding === 'columns';
  const timeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
  const submit = await session.submitSummary();
  if (submit.blocked) {
    throw new BlockedByErrorsError('Rows with errors cannot be imported; fix or delete them first.');
  }
  const batchAt = (start: number) => session.deliveryBatch(start, batchSize, { columns, unmatched });
  let delivered = 0;
  let invalidDelivered = 0;
  let next = batchAt(0);
  for (;;) {
    const batch = await next;
    if (batch.count === 0) break;
    next = batchAt(delivered + batch.count);
    const reply = await host
      .request(
        {
          type: 'rows',
          start: delivered,
          rows: batch.rows as DeliveredRecord[] | RowColumns,
          issues: batch.issues,
          ...(batch.unmatched ? { unmatched: batch.unmatched } : {}),
        },
        timeoutMs,
      )
      .catch((error: unknown) => {
        if (!(error instanceof HostTimeoutError)) throw error;
        // A host that never takes the batch must not leave the user (or itself) waiting forever.
        const message = `The application did not take rows ${delivered + 1} to ${delivered + batch.count} within ${timeoutMs / 1000} seconds; ${delivered} rows were delivered before them. Nothing was lost: try again.`;
        host.send({ type: 'error', code: 'host_timeout', message });
        throw new HostTimeoutError(message);
      });
    if (reply.type !== 'ack') throw new Error(`The host answered a batch with ${reply.type}.`);
    delivered += batch.count;
    invalidDelivered += batch.invalid;
    host.send({ type: 'progress', phase: 'submitting', rows: delivered });
  }
  const complete: ImportMeta = {
    ...meta,
    rowCount: delivered,
    validRowCount: delivered - invalidDelivered,
    invalidRowCount: invalidDelivered,
    excludedRowCount: submit.excludedInvalid,
    timings: { ...meta.timings, deliver: Math.round(performance.now() - started) },
  };
  if (options.metadata) complete.metadata = options.metadata;
  host.send({ type: 'complete', meta: complete });
  return { rowCount: delivered };
}
