import type { ReactiveControllerHost } from 'lit';

/** The rows of a list to render: `start` to `end` (exclusive), with the heights to leave around them. */
export interface RowRange {
  readonly start: number;
  readonly end: number;
  /** Pixels of rows before `start` and after `end`, kept as empty space so the scrollbar is true. */
  readonly before: number;
  readonly after: number;
}

/**
 * The rows of `count` rows of `rowHeight` pixels that a viewport of `height` pixels scrolled to
 * `top` shows, with `overscan` rows more on each side (so Tab reaches the next row before it is
 * scrolled in).
 */
export function visibleRange(
  top: number,
  height: number,
  rowHeight: number,
  count: number,
  overscan: number,
): RowRange {
  const first = Math.floor(Math.max(0, top) / rowHeight);
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.min(count, first + Math.ceil(height / rowHeight) + 1 + overscan);
  return {
    start,
    end: Math.max(start, end),
    before: start * rowHeight,
    after: (count - Math.max(start, end)) * rowHeight,
  };
}

/**
 * Which rows of a scrolling list are in view, so a list as long as a file makes it (2,000
 * columns, a select field's 200 values) keeps only a screenful of rows in the DOM. The list's
 * scroll container calls `onScroll`; rows are of one fixed height.
 */
export class RowWindow {
  #top = 0;
  #height: number | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    readonly rowHeight: number,
    readonly overscan = 8,
  ) {}

  readonly onScroll = (event: Event): void => {
    const view = event.currentTarget as HTMLElement;
    const moved = Math.floor(view.scrollTop / this.rowHeight) !== Math.floor(this.#top / this.rowHeight);
    const resized = view.clientHeight !== this.#height;
    this.#top = view.scrollTop;
    this.#height = view.clientHeight;
    if (moved || resized) this.host.requestUpdate();
  };

  /** Back to the top (a new list). */
  reset(): void {
    this.#top = 0;
  }

  range(count: number): RowRange {
    // Before the first scroll the container's height is not known: the window's height bounds it.
    const height = this.#height || globalThis.innerHeight || 800;
    return visibleRange(this.#top, height, this.rowHeight, count, this.overscan);
  }
}
