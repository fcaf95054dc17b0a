/** One cell written: data row, store column, and its text before and after. */
export interface Change {
  readonly row: number;
  readonly column: number;
  readonly before: string;
  readonly after: string;
}

/** One undoable step: cells written (an edit, a replace-all) or rows deleted. */
export type Step =
  | { readonly kind: 'cells'; readonly changes: readonly Change[] }
  | { readonly kind: 'delete'; readonly rows: Int32Array };

/**
 * A linear undo/redo history. Pushing a step after undoing drops the steps that were undone, as
 * every editor does. The oldest steps fall off past `limit`.
 */
export class History {
  readonly #steps: Step[] = [];
  #done = 0;

  constructor(readonly limit = 500) {}

  get canUndo(): boolean {
    return this.#done > 0;
  }

  get canRedo(): boolean {
    return this.#done < this.#steps.length;
  }

  push(step: Step): void {
    this.#steps.length = this.#done;
    this.#steps.push(step);
    if (this.#steps.length > this.limit) this.#steps.shift();
    this.#done = this.#steps.length;
  }

  /** The step to revert, or `undefined` when there is none. */
  undo(): Step | undefined {
    if (!this.canUndo) return undefined;
    return this.#steps[--this.#done];
  }

  /** The step to apply again, or `undefined` when there is none. */
  redo(): Step | undefined {
    if (!this.canRedo) return undefined;
    return this.#steps[this.#done++];
  }
}
