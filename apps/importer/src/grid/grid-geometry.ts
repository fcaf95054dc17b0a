import {
  COLUMN_WIDTH,
  HEADER_HEIGHT,
  MAX_SCROLL_HEIGHT,
  ROW_HEADER_WIDTH,
  ROW_HEIGHT,
} from './grid-types.ts';

/** Rows and fields fetched beyond those in view, so a short scroll needs no new window. */
const OVERSCAN_ROWS = 20;
const OVERSCAN_FIELDS = 2;

/** A window of rows and fields held, and the revision of the rows it was read at. */
export interface HeldWindow {
  readonly start: number;
  readonly end: number;
  readonly fieldStart: number;
  readonly fieldEnd: number;
  readonly revision: number;
}

/** The viewport's scroll offsets and size, as last measured (`left` is positive right to left too). */
export interface Metrics {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Where rows and columns are in a virtualized viewport of `total` rows and `fields` columns.
 * Above the browsers' element height cap the scroll height is scaled: one pixel of scroll then
 * moves more than one pixel of rows, and `virtualTop` is the first visible row's unscaled offset.
 */
export class Geometry {
  constructor(
    readonly total: number,
    readonly fields: number,
    readonly metrics: Metrics,
  ) {}

  get bodyHeight(): number {
    return Math.max(ROW_HEIGHT, this.metrics.height - HEADER_HEIGHT);
  }

  /** Scroll height of the rows, capped. */
  get scrollRange(): number {
    return Math.max(0, Math.min(this.total * ROW_HEIGHT, MAX_SCROLL_HEIGHT) - this.bodyHeight);
  }

  get realRange(): number {
    return Math.max(0, this.total * ROW_HEIGHT - this.bodyHeight);
  }

  get virtualTop(): number {
    const range = this.scrollRange;
    return range === 0 ? 0 : (Math.min(this.metrics.top, range) / range) * this.realRange;
  }

  get visibleRows(): number {
    return Math.ceil(this.bodyHeight / ROW_HEIGHT) + 1;
  }

  get visibleFields(): number {
    return Math.ceil(Math.max(0, this.metrics.width - ROW_HEADER_WIDTH) / COLUMN_WIDTH) + 1;
  }

  get contentWidth(): number {
    return ROW_HEADER_WIDTH + this.fields * COLUMN_WIDTH;
  }

  /** The rows and fields in view: first (inclusive) to last (exclusive), and the sub-cell offsets. */
  get range() {
    const virtualTop = this.virtualTop;
    const first = Math.floor(virtualTop / ROW_HEIGHT);
    const firstField = Math.min(Math.floor(this.metrics.left / COLUMN_WIDTH), Math.max(0, this.fields - 1));
    return {
      first,
      last: Math.min(this.total, first + this.visibleRows),
      offsetY: virtualTop - first * ROW_HEIGHT,
      firstField,
      lastField: Math.min(this.fields, firstField + this.visibleFields),
      offsetX: this.metrics.left - firstField * COLUMN_WIDTH,
    };
  }

  /** The scroll offsets that bring a cell into view with the least movement (`field` < 0: rows only). */
  scrollTo(position: number, field: number): { top: number; left: number } {
    const top = position * ROW_HEIGHT;
    let virtualTop = this.virtualTop;
    if (top < virtualTop) virtualTop = top;
    else if (top + ROW_HEIGHT > virtualTop + this.bodyHeight) virtualTop = top + ROW_HEIGHT - this.bodyHeight;
    const real = this.realRange;
    let left = this.metrics.left;
    if (field >= 0) {
      const x = field * COLUMN_WIDTH;
      const width = this.metrics.width - ROW_HEADER_WIDTH;
      if (x < left) left = x;
      else if (x + COLUMN_WIDTH > left + width) left = x + COLUMN_WIDTH - width;
    }
    return { top: real === 0 ? 0 : Math.round((virtualTop / real) * this.scrollRange), left };
  }

  /**
   * The window to read for what is in view (with a margin), or null when `held`, read at
   * `revision`, covers it.
   */
  windowToFetch(held: HeldWindow, revision: number): Omit<HeldWindow, 'revision'> | null {
    const { first, last, firstField, lastField } = this.range;
    if (
      held.revision === revision &&
      first >= held.start &&
      last <= held.end &&
      firstField >= held.fieldStart &&
      lastField <= held.fieldEnd
    )
      return null;
    return {
      start: Math.max(0, first - OVERSCAN_ROWS),
      end: Math.min(this.total, last + OVERSCAN_ROWS),
      fieldStart: Math.max(0, firstField - OVERSCAN_FIELDS),
      fieldEnd: Math.min(this.fields, lastField + OVERSCAN_FIELDS),
    };
  }
}
