// The worker's classic script, which the frame starts from a Blob URL (see `startWorker` in
// main.ts). The hosted site's build carries it as a string (`__WORKER_SOURCE__`). The srcdoc
// frame's build has no such string: its one inline script is the worker's script too, after the
// guard (which needs a document), and picks its role when it runs (scripts/frame-build.mjs,
// `buildSrcdocScript`), so the code both sides use is in the bundle once. There this module is
// the first of the app's modules to be evaluated, right after the guard: it reads the script's
// own text while that script runs (`document.currentScript` is null afterwards), before any
// other code could have replaced an accessor on the way.

declare const __WORKER_SOURCE__: string | null;
/** How many characters of the srcdoc script are the guard (its text and one line break). */
declare const __GUARD_LENGTH__: number;

function ownScriptAfterGuard(): string {
  const script = document.currentScript;
  if (!(script instanceof HTMLScriptElement) || script.src !== '')
    throw new Error('csv-importer: the frame app must run as its document’s inline script');
  return script.text.slice(__GUARD_LENGTH__);
}

export const workerSource: string = __WORKER_SOURCE__ ?? ownScriptAfterGuard();
