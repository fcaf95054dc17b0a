import * as Comlink from 'comlink';
import { HostConnection } from './host-connection.ts';
import type { ImportSession } from './worker/import-session.ts';
import './importer-app.ts';
import type { ImporterApp } from './importer-app.ts';

declare const __WORKER_SOURCE__: string;

/**
 * Starts the worker as a classic worker from a Blob URL: an opaque-origin frame can start no
 * other kind, and the worker inherits the frame's CSP, so it cannot open a connection either.
 */
function startWorker(): { session: Comlink.Remote<ImportSession>; worker: Worker } {
  const url = URL.createObjectURL(new Blob([__WORKER_SOURCE__], { type: 'text/javascript' }));
  const worker = new Worker(url, { name: 'csv-importer' });
  URL.revokeObjectURL(url);
  return { session: Comlink.wrap<ImportSession>(worker), worker };
}

const app = document.querySelector<ImporterApp>('csv-importer-app')!;
let host: HostConnection | undefined;
HostConnection.connect((message) => {
  // Runs only after `connect` resolved: port messages are tasks, the resolution a microtask.
  if (message.type === 'init' && host) app.start(host, message, startWorker().session);
}).then(
  (connection) => {
    host = connection;
  },
  (error: Error) => app.fail(error.message),
);
