import { transferList } from '@csv-importer/protocol/row-columns';
// Not the package's index: its schemas would come into the worker's bundle with it.
import { messageId, PROTOCOL_VERSION, type RowsReply, RowsReplySchema } from '@csv-importer/protocol/wire';
import * as v from 'valibot';
import type { ChannelDelivery, ChannelOutcome, DeliveryBatch } from './session-types.ts';

/**
 * Sends every delivered row to the host on `port` (the rows channel, see `rowChannel` in the
 * protocol), one acknowledged batch at a time, from the worker itself: the batches never pass
 * through the frame's main thread. Batch n + 1 is built while the host handles batch n. Replies
 * are checked with their schema; anything else on the port is dropped. Ends at the first batch
 * the host does not take (timeout or failed hook), leaving the reporting to the frame.
 */
export async function deliverOnPort(
  port: MessagePort,
  batchAt: (start: number) => DeliveryBatch | Promise<DeliveryBatch>,
  options: ChannelDelivery,
  onProgress: (delivered: number) => void,
): Promise<ChannelOutcome> {
  const replies = new ReplyQueue(port);
  let delivered = 0;
  let invalid = 0;
  try {
    let batch: DeliveryBatch | undefined = await batchAt(0);
    while (batch.count > 0) {
      const id = messageId();
      const { count } = batch;
      const invalidInBatch = batch.invalid;
      post(port, id, delivered, batch);
      // Nothing here holds the batch sent while the next one is built: its rows die young, in
      // the worker's new space, and do not pile up in its old space until a full collection
      // (tens of megabytes of the worker's heap at the end of a million rows' delivery).
      batch = undefined;
      const next = batchAt(delivered + count);
      const reply = await replies.answer(id, options.timeoutMs);
      if (!reply) return { ok: false, reason: 'timeout', count, delivered, invalid };
      if (reply.type === 'hook-error')
        return { ok: false, reason: 'hook-error', message: reply.message, delivered, invalid };
      delivered += count;
      invalid += invalidInBatch;
      onProgress(delivered);
      batch = await next;
    }
    return { ok: true, delivered, invalid };
  } finally {
    port.close();
  }
}

/** Posts one batch as a `rows` message starting at row `start`, its packed buffers transferred. */
function post(port: MessagePort, id: string, start: number, batch: DeliveryBatch): void {
  const message = {
    type: 'rows',
    version: PROTOCOL_VERSION,
    id,
    start,
    rows: batch.rows,
    issues: batch.issues,
    ...(batch.notes ? { notes: batch.notes } : {}),
    ...(batch.unmatched ? { unmatched: batch.unmatched } : {}),
  };
  port.postMessage(message, transferList(batch.rows, batch.notes));
}

/** The host's replies on the port, matched to the batch they answer. */
class ReplyQueue {
  #waiting: { id: string; resolve(reply: RowsReply | undefined): void } | undefined;

  constructor(port: MessagePort) {
    port.addEventListener('message', (event: MessageEvent) => {
      const parsed = v.safeParse(RowsReplySchema, event.data);
      const waiting = this.#waiting;
      if (!parsed.success || parsed.output.replyTo !== waiting?.id) {
        console.warn(
          'csv-importer: the worker dropped a message on the rows channel that answers no batch',
          event.data,
        );
        return;
      }
      this.#waiting = undefined;
      waiting.resolve(parsed.output);
    });
    port.start();
  }

  /** The reply to batch `id`, or `undefined` when none came within `timeoutMs`. */
  answer(id: string, timeoutMs: number): Promise<RowsReply | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiting = undefined;
        resolve(undefined);
      }, timeoutMs);
      this.#waiting = {
        id,
        resolve: (reply) => {
          clearTimeout(timer);
          resolve(reply);
        },
      };
    });
  }
}
