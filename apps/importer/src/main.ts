import type { Init } from '@csv-importer/protocol';
import { embedTransport } from './embed-connection.ts';
import { type HostCommand, HostConnection } from './host-connection.ts';
import { frameMode } from './hosted-config.ts';
import { i18n } from './i18n/i18n.ts';
import { applyTheme } from './theme.ts';
import { disconnect, type Remote, wrap } from './worker/session-rpc.ts';
import type { ImportSessionApi } from './worker/session-types.ts';
import { type WorkerFailure, watchWorker } from './worker-watchdog.ts';
import './importer-app.ts';
import type { ImporterApp } from './importer-app.ts';

declare const __WORKER_SOURCE__: string;

interface ScriptUrlPolicy {
  createScriptURL(url: string): string;
}

/**
 * The frame's one Trusted Types policy (the CSP requires Trusted Types for script sinks and
 * allows only this policy and Lit's): it passes the Blob URL of the worker's own source, which
 * this module has just made, and refuses every other URL.
 */
const scriptUrls = (
  globalThis as { trustedTypes?: { createPolicy(name: string, rules: ScriptUrlPolicy): ScriptUrlPolicy } }
).trustedTypes?.createPolicy('csv-importer', {
  createScriptURL(url) {
    if (url.startsWith(`blob:${location.origin}/`) || url.startsWith('blob:null/')) return url;
    throw new TypeError(`csv-importer: refused to load a script from ${url}`);
  },
});

/**
 * Starts the worker as a classic worker from a Blob URL: an opaque-origin frame can start no
 * other kind, and the worker inherits the frame's CSP, so it cannot open a connection either.
 */
function startWorker(): { session: Remote<ImportSessionApi>; worker: Worker } {
  const url = URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: 'text/javascript' }));
  const worker = new Worker(scriptUrls?.createScriptURL(url) ?? url, { name: 'csv-importer' });
  URL.revokeObjectURL(url);
  return { session: wrap<ImportSessionApi>(worker), worker };
}

const app = document.querySelector<ImporterApp>('csv-importer-app')!;
let host: HostConnection | undefined;
let worker: Worker | undefined;
let stopWatching: (() => void) | undefined;
let init: Init | undefined;

/**
 * Starts a worker for the host's `init` and hands it to the app, which shows the upload step (in
 * a task of its own with `deferRender`, so start-up stays in short tasks).
 */
function startSession(connection: HostConnection, options: Init, { deferRender = false } = {}): void {
  const started = startWorker();
  worker = started.worker;
  stopWatching = watchWorker(started.worker, (failure) => workerFailed(started.worker, failure));
  const start = () => app.start(connection, options, started.session);
  if (deferRender) setTimeout(start);
  else start();
}

/**
 * A worker that failed, or went silent, holds the user's rows no longer: it is ended, the host
 * gets `worker_failed` instead of a frame that waits forever, and the user is back at the upload
 * step with the reason and a new worker, so choosing the file again retries. Calls that were
 * waiting on the old worker reject with a `DisconnectedError`, which the callers that would show
 * an error or move the flow on pass over: the user hears the reason from here.
 */
function workerFailed(failed: Worker, failure: WorkerFailure): void {
  failed.terminate();
  disconnect(failed, 'The worker failed.');
  const message =
    failure.kind === 'silent'
      ? i18n.t('error.worker_silent', { seconds: failure.seconds })
      : i18n.t('error.worker_failed', { reason: failure.detail });
  host?.send({ type: 'error', code: 'worker_failed', message: message.slice(0, 1000) });
  if (!host || !init) return;
  startSession(host, init);
  app.state = { step: 'upload', error: message };
}

function onMessage(message: HostCommand): void {
  // Runs only after `host` is set: port messages are tasks, the connection's resolution a microtask.
  if (!host) return;
  switch (message.type) {
    case 'init':
      applyTheme(message.options.theme);
      init = message;
      // The worker starts on its own thread meanwhile; the first render gets a task of its own.
      startSession(host, message, { deferRender: true });
      return;
    case 'theme':
      applyTheme(message.theme);
      return;
    case 'close-request':
      // Escape or a click beside the modal in the host page: the app asks when work would be lost.
      void app.requestClose();
      return;
    case 'file':
      void app.takeFile(message.file);
      return;
    case 'cancel':
      // The host is closing the importer: end the worker, and every row it held, now.
      stopWatching?.();
      worker?.terminate();
      if (worker) disconnect(worker);
      host.close();
      return;
  }
}

// Start-up comes in short tasks (no main-thread task over 100 ms): this script's task evaluates
// the modules and says hello; while the host answers, a task of its own pays for the first
// Intl.NumberFormat of the process (it loads ICU's data: tens of ms that would otherwise land in
// the first render); `init` starts the worker, and the first render follows in another task.
setTimeout(() => i18n.number(0));

const mode = frameMode();
switch (mode.kind) {
  case 'refused':
    app.fail(mode.message);
    break;
  case 'embed':
    // The embedding page runs no code of ours and cannot close the frame: no close button.
    app.closable = false;
    host = new HostConnection(embedTransport(mode.config), onMessage);
    break;
  default:
    HostConnection.connect(onMessage, mode.kind === 'hosted' ? mode.allowedOrigins : undefined).then(
      (connection) => {
        host = connection;
      },
      (error: Error) => app.fail(error.message),
    );
}
