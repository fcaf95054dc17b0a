import { PING } from './worker/heartbeat.ts';

/** How often the frame pings its worker, and how long the worker may stay silent. */
export interface WatchdogTiming {
  readonly pingIntervalMs: number;
  readonly silenceLimitMs: number;
}

/**
 * A worker answers a ping within milliseconds when idle and beats every 250 ms from inside long
 * work, so only a dead or hung worker stays silent for ten seconds; the margin covers garbage
 * collection and a loaded machine, where a false alarm would cost the user the work in the worker.
 */
export const WATCHDOG_TIMING: WatchdogTiming = { pingIntervalMs: 1_000, silenceLimitMs: 10_000 };
/** Unanswered pings in a row before the silence counts, so throttled timers never add up to it. */
const MISSED_PINGS = 3;

/** Why a worker was given up: its own error, or silence. */
export type WorkerFailure =
  | { readonly kind: 'error'; readonly detail: string }
  | { readonly kind: 'silent'; readonly seconds: number };

/**
 * Watches a worker until `stop()` or until it fails: an uncaught error, a message that cannot be
 * read, or silence. A worker that the browser ends without an event (terminated from outside,
 * killed for memory, closed by its own code) fires nothing at all, so the frame pings it and
 * counts any message from it, the session's answers included, as a sign of life. `onFailure` runs
 * at most once; the worker is left to the caller to terminate.
 */
export function watchWorker(
  worker: Worker,
  onFailure: (failure: WorkerFailure) => void,
  { pingIntervalMs, silenceLimitMs }: WatchdogTiming = WATCHDOG_TIMING,
): () => void {
  let heard = true;
  let missed = 0;
  let pingedAt = performance.now();
  let silentSince = 0;
  const fail = (failure: WorkerFailure) => {
    stop();
    onFailure(failure);
  };
  const onMessage = () => {
    heard = true;
  };
  const onError = (event: ErrorEvent) => {
    event.preventDefault();
    fail({ kind: 'error', detail: event.message || 'the worker crashed' });
  };
  const onMessageError = () => fail({ kind: 'error', detail: 'a message could not be read' });
  const tick = () => {
    const now = performance.now();
    if (heard) {
      heard = false;
      missed = 0;
    } else if (++missed === 1) {
      silentSince = pingedAt;
    } else if (missed >= MISSED_PINGS && now - silentSince >= silenceLimitMs) {
      fail({ kind: 'silent', seconds: Math.round((now - silentSince) / 1000) });
      return;
    }
    pingedAt = now;
    worker.postMessage({ type: PING });
  };
  worker.addEventListener('message', onMessage);
  worker.addEventListener('error', onError);
  worker.addEventListener('messageerror', onMessageError);
  const timer = setInterval(tick, pingIntervalMs);
  worker.postMessage({ type: PING });
  function stop(): void {
    clearInterval(timer);
    worker.removeEventListener('message', onMessage);
    worker.removeEventListener('error', onError);
    worker.removeEventListener('messageerror', onMessageError);
  }
  return stop;
}
