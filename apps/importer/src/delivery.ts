import type { DeliveredRecord, ImportMeta, WireIssue } from '@csv-importer/protocol';
import type * as Comlink from 'comlink';
import { type HostConnection, HostTimeoutError } from './host-connection.ts';
import type { ImportSession } from './worker/import-session.ts';

/** Rows per batch when the host does not choose: about a megabyte per structured clone. */
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
 * host's `ack` before the next is sent, so the host sets the pace and no structured clone holds
 * more than one batch. The next window is read from the worker while the host handles the
 * current one. Rows with errors are delivered, left out or refused according to `invalidRows`;
 * issue `row` indexes count delivered rows. Ends with `complete`. A batch the host does not
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
  const invalidRows = options.invalidRows ?? 'include';
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const unmatched = options.includeUnmatched === true;
  if (invalidRows === 'block' && (await session.summary()).invalidRowCount > 0) {
    throw new BlockedByErrorsError('Rows with errors cannot be imported; fix or delete them first.');
  }
  let delivered = 0;
  let invalidDelivered = 0;
  let excluded = 0;
  let source = 0;
  let next = session.records(source, batchSize, unmatched);
  for (;;) {
    const window = await next;
    if (window.length === 0) break;
    source += window.length;
    next = session.records(source, batchSize, unmatched);
    const rows: DeliveredRecord[] = [];
    const extra: Record<string, string>[] = [];
    const issues: WireIssue[] = [];
    for (const row of window) {
      if (row.deleted) continue;
      const invalid = row.issues.some((i) => i.level === 'error');
      if (invalid && invalidRows === 'exclude') {
        excluded++;
        continue;
      }
      if (invalid) invalidDelivered++;
      const index = delivered + rows.length;
      for (const issue of row.issues) issues.push({ ...issue, row: index });
      rows.push(row.record as DeliveredRecord);
      if (unmatched) extra.push(row.unmatched ?? {});
    }
    if (rows.length === 0) continue;
    const timeoutMs = options.ackTimeoutMs ?? DEFAULT_ACK_TIMEOUT_MS;
    const reply = await host
      .request(
        { type: 'rows', start: delivered, rows, issues, ...(unmatched ? { unmatched: extra } : {}) },
        timeoutMs,
      )
      .catch((error: unknown) => {
        if (!(error instanceof HostTimeoutError)) throw error;
        // A host that never takes the batch must not leave the user (or itself) waiting forever.
        const message = `The application did not take rows ${delivered + 1} to ${delivered + rows.length} within ${timeoutMs / 1000} seconds; ${delivered} rows were delivered before them. Nothing was lost: try again.`;
        host.send({ type: 'error', code: 'host_timeout', message });
        throw new HostTimeoutError(message);
      });
    if (reply.type !== 'ack') throw new Error(`The host answered a batch with ${reply.type}.`);
    delivered += rows.length;
    host.send({ type: 'progress', phase: 'submitting', rows: delivered });
  }
  const complete: ImportMeta = {
    ...meta,
    rowCount: delivered,
    validRowCount: delivered - invalidDelivered,
    invalidRowCount: invalidDelivered,
    excludedRowCount: excluded,
    timings: { ...meta.timings, deliver: Math.round(performance.now() - started) },
  };
  if (options.metadata) complete.metadata = options.metadata;
  host.send({ type: 'complete', meta: complete });
  return { rowCount: delivered };
}
