/** What `LatestCall.run` resolves to: the task's value, or word that a later run superseded it. */
export type Latest<T> = { readonly current: true; readonly value: T } | { readonly current: false };

/**
 * The one idiom for "the latest request wins", in the frame's UI and in its worker: a file read,
 * a window of grid rows, a find count. Each `run` aborts the run before it (its task sees its
 * `AbortSignal` abort, and may stop early) and hands its own task a fresh signal; `cancel` aborts
 * the current run without starting another. Only the latest run, not cancelled, resolves as
 * `current` with its value; every other resolves `{current: false}` once its task settles, so a
 * stale answer is never committed. A task that throws rejects only while it is current.
 */
export class LatestCall {
  #controller: AbortController | undefined;

  /** Runs `task`, superseding the run before it. */
  async run<T>(task: (signal: AbortSignal) => Promise<T> | T): Promise<Latest<T>> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    try {
      const value = await task(controller.signal);
      return controller.signal.aborted ? { current: false } : { current: true, value };
    } catch (error) {
      if (controller.signal.aborted) return { current: false };
      throw error;
    }
  }

  /** Aborts the current run, if any: it resolves `{current: false}`. */
  cancel(): void {
    this.#controller?.abort();
  }
}
