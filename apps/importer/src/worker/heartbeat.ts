/**
 * Signs of life between the frame and its worker, beside the session's calls on the same channel
 * (`session-rpc.ts` passes by every message that is not one of its own). The frame pings; the
 * worker answers whenever its event loop is free, and long synchronous work (validating a million
 * rows) beats from inside its loop, so a busy worker is never taken for a dead one.
 */

/** Sent by the frame. */
export const PING = 'csv-importer:ping';
/** Sent by the worker: the answer to a ping, or a beat from inside long work. */
export const ALIVE = 'csv-importer:alive';
/** The least time between two beats; the frame allows far longer (see `worker-watchdog.ts`). */
export const BEAT_INTERVAL_MS = 250;

interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  postMessage(message: unknown): void;
}

/**
 * In the worker: answers every ping, and returns `beat`, which a long loop calls as often as it
 * likes (it posts at most one message per `BEAT_INTERVAL_MS`).
 */
export function answerPings(scope: WorkerScope): () => void {
  scope.addEventListener('message', (event) => {
    if ((event.data as { type?: unknown } | null)?.type === PING) scope.postMessage({ type: ALIVE });
  });
  let last = 0;
  return () => {
    const now = performance.now();
    if (now - last < BEAT_INTERVAL_MS) return;
    last = now;
    scope.postMessage({ type: ALIVE });
  };
}
