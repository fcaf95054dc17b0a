import type { Issue } from '@csv-importer/core';
import {
  type DeliveredRecord,
  type ImportMeta,
  messageId,
  type NoteColumn,
  PROTOCOL_VERSION,
  type RowColumns,
  transferList,
} from '@csv-importer/protocol';
import { type HostConnection, HostHookError, HostTimeoutError } from './host-connection.ts';
import { type Remote, transfer } from './worker/session-rpc.ts';
import type { ChannelOutcome, ImportSessionApi } from './worker/session-types.ts';

/** A batch as the worker's delivery loop posts it (see `row-channel.ts`). */
interface RowsMessage {
  readonly id: string;
  readonly start: number;
  readonly rows: DeliveredRecord[] | RowColumns;
  readonly issues: Issue[];
  readonly notes?: NoteColumn[];
  readonly unmatched?: Record<string, string>[];
}

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
 * one batch. The one send-and-acknowledge loop is the worker's (`row-channel.ts`): it builds each
 * batch whole (in the host's `rowEncoding`; issues numbered among delivered rows), and builds
 * batch n + 1 while the host handles batch n. For a host that set `rowChannel`, the worker's port
 * goes to the host, so the batches never pass through this thread; otherwise this thread relays
 * each batch to the host and its answer back (see `relayRows`), handing packed columns' buffers on
 * rather than copying them. Rows with errors are delivered, left out or refused according to
 * `invalidRows`. Ends with `complete`. A batch the host does not acknowledge within
 * `ackTimeoutMs` ends delivery with a `host_timeout` error to the host and a rejection the UI
 * shows. The UI calls only this.
 */
export async function deliverRows(
  host: HostConnection,
  session: Remote<ImportSessionApi>,
  meta: DeliveryMeta,
): Promise<{ rowCount: number; withErrors: number; excluded: number }> {
  const started = performance.now();
  const options = host.init?.options ?? {};
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const unmatched = options.includeUnmatched === true;
  const encoding = options.rowEncoding ?? 'records';
  const packedNotes = options.packedNotes === true;
  const timeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
  const submit = await session.submitSummary();
  if (submit.blocked) {
    throw new BlockedByErrorsError('Rows with errors cannot be imported; fix or delete them first.');
  }
  const { port1, port2 } = new MessageChannel();
  // The worker sends the batches on a port of their own: to the host itself, or to this thread.
  if (options.rowChannel) host.send({ type: 'rows-channel' }, [port2]);
  else relayRows(host, port2, timeoutMs);
  let outcome: ChannelOutcome;
  try {
    outcome = await session.deliverOnPort(
      transfer(port1, [port1]),
      { batchSize, encoding, unmatched, packedNotes, timeoutMs },
      (rows: number) => host.send({ type: 'progress', phase: 'submitting', rows }),
    );
  } finally {
    if (!options.rowChannel) port2.close();
  }
  const { delivered, invalid } = outcome;
  if (!outcome.ok && outcome.reason === 'timeout') {
    // A host that never takes the batch must not leave the user (or itself) waiting forever.
    const message = `The application did not take rows ${delivered + 1} to ${delivered + outcome.count} within ${timeoutMs / 1000} seconds; ${delivered} rows were delivered before them. Nothing was lost: try again.`;
    host.send({ type: 'error', code: 'host_timeout', message });
    throw new HostTimeoutError(message);
  }
  if (!outcome.ok && outcome.reason === 'hook-error') throw new HostHookError(outcome.message);
  const complete: ImportMeta = {
    ...meta,
    rowCount: delivered,
    validRowCount: delivered - invalid,
    invalidRowCount: invalid,
    excludedRowCount: submit.excludedInvalid,
    timings: { ...meta.timings, deliver: Math.round(performance.now() - started) },
  };
  if (options.metadata) complete.metadata = options.metadata;
  host.send({ type: 'complete', meta: complete });
  return { rowCount: delivered, withErrors: invalid, excluded: submit.excludedInvalid + submit.deleted };
}

/**
 * Passes each `rows` batch the worker sends on `port` on to the host, as a request on the host's
 * connection, and the host's answer back to the worker: `ack`, or `hook-error` when the host's
 * handler failed. A batch the host does not answer in time gets no answer here: the worker's own
 * timer (the same `timeoutMs`) ends the delivery.
 */
function relayRows(host: HostConnection, port: MessagePort, timeoutMs: number): void {
  port.onmessage = async (event: MessageEvent) => {
    const { id, start, rows, issues, notes, unmatched } = event.data as RowsMessage;
    const answer = (reply: { type: 'ack' } | { type: 'hook-error'; message: string }) =>
      port.postMessage({ ...reply, version: PROTOCOL_VERSION, id: messageId(), replyTo: id });
    try {
      const reply = await host.request(
        {
          type: 'rows',
          start,
          rows,
          issues,
          ...(notes ? { notes } : {}),
          ...(unmatched ? { unmatched } : {}),
        },
        // A little longer than the worker waits, so that the worker's timer decides.
        timeoutMs + 1000,
        transferList(rows, notes),
      );
      answer(
        reply.type === 'ack'
          ? { type: 'ack' }
          : { type: 'hook-error', message: `The host answered a batch with ${reply.type}.` },
      );
    } catch (error) {
      if (error instanceof HostHookError) answer({ type: 'hook-error', message: error.message });
    }
  };
}
