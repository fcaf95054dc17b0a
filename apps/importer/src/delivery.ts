import { type DeliveredRecord, type ImportMeta, type RowColumns, transferList } from '@csv-importer/protocol';
import * as Comlink from 'comlink';
import { type HostConnection, HostHookError, HostTimeoutError } from './host-connection.ts';
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
 * one batch. The worker builds each batch whole (in the host's `rowEncoding`; issues numbered
 * among delivered rows), and builds batch n + 1 while the host handles batch n. For a host that
 * set `rowChannel`, the worker also sends them, on a port of their own; otherwise this thread
 * forwards them, handing packed columns' buffers on rather than copying them. Rows with errors
 * are delivered, left out or refused according to `invalidRows`. Ends with `complete`. A batch the host does not
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
  const encoding = options.rowEncoding ?? 'records';
  const timeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
  const submit = await session.submitSummary();
  if (submit.blocked) {
    throw new BlockedByErrorsError('Rows with errors cannot be imported; fix or delete them first.');
  }
  let delivered = 0;
  let invalidDelivered = 0;
  const timedOut = (count: number) => {
    // A host that never takes the batch must not leave the user (or itself) waiting forever.
    const message = `The application did not take rows ${delivered + 1} to ${delivered + count} within ${timeoutMs / 1000} seconds; ${delivered} rows were delivered before them. Nothing was lost: try again.`;
    host.send({ type: 'error', code: 'host_timeout', message });
    return new HostTimeoutError(message);
  };
  if (options.rowChannel) {
    // The worker sends the batches itself, on a port of their own that the host receives here.
    const { port1, port2 } = new MessageChannel();
    host.send({ type: 'rows-channel' }, [port2]);
    const outcome = await session.deliverOnPort(
      Comlink.transfer(port1, [port1]),
      { batchSize, encoding, unmatched, timeoutMs },
      Comlink.proxy((rows: number) => host.send({ type: 'progress', phase: 'submitting', rows })),
    );
    delivered = outcome.delivered;
    invalidDelivered = outcome.invalid;
    if (!outcome.ok && outcome.reason === 'timeout') throw timedOut(outcome.count);
    if (!outcome.ok && outcome.reason === 'hook-error') throw new HostHookError(outcome.message);
  } else {
    const batchAt = (start: number) => session.deliveryBatch(start, batchSize, { encoding, unmatched });
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
          transferList(batch.rows),
        )
        .catch((error: unknown) => {
          throw error instanceof HostTimeoutError ? timedOut(batch.count) : error;
        });
      if (reply.type !== 'ack') throw new Error(`The host answered a batch with ${reply.type}.`);
      delivered += batch.count;
      invalidDelivered += batch.invalid;
      host.send({ type: 'progress', phase: 'submitting', rows: delivered });
    }
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
