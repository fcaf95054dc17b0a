import type { HostReply, HostToFrame } from '@csv-importer/protocol';
import * as Comlink from 'comlink';
import { embedTransport } from './embed-connection.ts';
import { HostConnection } from './host-connection.ts';
import { frameMode } from './hosted-config.ts';
import { i18n } from './i18n/i18n.ts';
import { applyTheme } from './theme.ts';
import type { ImportSession } from './worker/import-session.ts';
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
function startWorker(): { session: Comlink.Remote<ImportSession>; worker: Worker } {
  const url = URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: 'text/javascript' }));
  const worker = new Worker(scriptUrls?.createScriptURL(url) ?? url, { name: 'csv-importer' });
  URL.revokeObjectURL(url);
  return { session: Comlink.wrap<ImportSession>(worker), worker };
}

/**
 * A worker that fails (an uncaught error, a message it cannot read, or running out of memory,
 * which Chromium reports as an error) holds the user's rows no longer: it is ended, the user is
 * told in the frame, and the host gets a `worker_failed` error instead of a frame that waits
 * forever. Opening the importer again starts a new worker.
 */
function watchWorker(started: Worker): void {
  const failed = (detail: string) => {
    if (worker !== started) return;
    started.terminate();
    worker = undefined;
    const message = `The importer stopped working while reading or checking the file (${detail}). No rows were imported; please try again.`;
    app.fail(message);
    host?.send({ type: 'error', code: 'worker_failed', message: message.slice(0, 1000) });
  };
  started.addEventListener('error', (event) => {
    event.preventDefault();
    failed(event.message || 'the worker crashed');
  });
  started.addEventListener('messageerror', () => failed('a message could not be read'));
}

const count = (n: number) => n.toLocaleString('en-US');
const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} bytes`
    : bytes < 2 ** 20
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 2 ** 20).toFixed(1)} MB`;

/**
 * The session with the application's `maxFileSize` and `maxRows` enforced on `load`: a file
 * over the size is refused before the worker reads a byte, a file with more data rows than
 * allowed after reading; either way the user gets a specific message and the host an error
 * event with the matching code (`file_too_large`, `too_many_rows`).
 */
function withSizeLimits(
  session: Comlink.Remote<ImportSession>,
  options: { maxFileSize?: number; maxRows?: number },
): Comlink.Remote<ImportSession> {
  const refuse = (code: 'file_too_large' | 'too_many_rows', message: string) => {
    host?.send({ type: 'error', code, message });
    return { ok: false as const, code, message };
  };
  const load: ImportSession['load'] = async (file, onProgress, read) => {
    const { maxFileSize, maxRows } = options;
    const name = file instanceof File ? file.name : 'The file';
    if (maxFileSize !== undefined && file.size > maxFileSize)
      return refuse(
        'file_too_large',
        `"${name}" is ${size(file.size)}; this application accepts files up to ${size(maxFileSize)}.`,
      );
    const result = await session.load(file, onProgress as never, read);
    if (result.ok && maxRows !== undefined && result.summary.rowCount > maxRows)
      return refuse(
        'too_many_rows',
        `"${name}" has ${count(result.summary.rowCount)} rows; this application accepts at most ${count(maxRows)}.`,
      );
    return result;
  };
  return new Proxy(session, { get: (target, key) => (key === 'load' ? load : Reflect.get(target, key)) });
}

const app = document.querySelector<ImporterApp>('csv-importer-app')!;
let host: HostConnection | undefined;
let worker: Worker | undefined;

function onMessage(message: Exclude<HostToFrame, HostReply>): void {
  // Runs only after `host` is set: port messages are tasks, the connection's resolution a microtask.
  if (!host) return;
  switch (message.type) {
    case 'init': {
      applyTheme(message.options.theme);
      const started = startWorker();
      worker = started.worker;
      watchWorker(started.worker);
      // The worker starts on its own thread meanwhile; the first render gets a task of its own.
      const connection = host;
      setTimeout(() => app.start(connection, message, withSizeLimits(started.session, message.options)));
      return;
    }
    case 'theme':
      applyTheme(message.theme);
      return;
    case 'cancel':
      // The host is closing the importer: end the worker, and every row it held, now.
      worker?.terminate();
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
