// Over 400 lines: the virtualized grid is one keyboard and focus model (roving cell focus, editing,
// selection, scrolling by window) that its parts share state through; the seams to split along
// are the cell editor and the window fetching, not yet done.
import type { ColumnSpec } from '@csv-importer/core';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { i18n } from '../i18n/i18n.ts';
import { LatestCall } from '../latest-call.ts';
import type { SessionHandle } from '../session-handle.ts';
import { controls } from '../styles/shared-styles.ts';
import type {
  CellChange,
  EditResult,
  GridCell,
  GridRow,
  ValidationSummary,
} from '../worker/session-types.ts';

const ROW_HEIGHT = 32;
const HEADER_HEIGHT = 44;
const COLUMN_WIDTH = 168;
const ROW_HEADER_WIDTH = 92;
/** Browsers cap an element's height (Chromium near 33.5 million px); scroll is scaled above this. */
const MAX_SCROLL_HEIGHT = 8_000_000;
const OVERSCAN_ROWS = 20;
const OVERSCAN_FIELDS = 2;
/** The row header column, as a field index. */
const ROW_HEADER = -1;

/** The cell the keyboard is on: a position in the view and a field index (-1: the row header). */
export interface ActiveCell {
  readonly position: number;
  readonly field: number;
}

export interface GridEditDetail {
  readonly row: number;
  readonly position: number;
  readonly field: string;
  readonly value: string;
}

/**
 * The review grid, virtualized over rows and columns: it renders only the cells in view and asks
 * the worker for them as the user scrolls, so the main thread never holds more than a screenful
 * of a file with a million rows. It follows the ARIA grid pattern: the grid element keeps the
 * focus and points at the active cell with `aria-activedescendant`; arrows, Home/End,
 * Ctrl+Home/End and Page Up/Down move, Enter or F2 edits, Escape cancels, Space on a row number
 * selects the row.
 *
 * @event grid-edit - The user committed an edit; `detail` is a `GridEditDetail`.
 * @event grid-select - A row was selected or unselected; `detail` is `{ row, selected }`.
 * @event grid-active - The active cell moved; `detail` is an `ActiveCell`.
 */
@customElement('csv-data-grid')
export class DataGrid extends LitElement {
  static override styles = [
    controls,
    css`
      .viewport {
        position: relative;
        overflow: auto;
        height: var(--grid-height, 360px);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        overscroll-behavior: contain;
      }
      .viewport:focus-visible {
        outline: none;
        box-shadow: var(--_focus);
      }
      .layer {
        position: sticky;
        top: 0;
        inset-inline-start: 0;
        overflow: hidden;
      }
      .row {
        display: flex;
        position: absolute;
        inset-inline-start: 0;
        height: ${ROW_HEIGHT}px;
        width: 100%;
      }
      .row.head {
        top: 0;
        height: ${HEADER_HEIGHT}px;
        z-index: 2;
        background: var(--_surface);
        border-bottom: 1px solid var(--_border);
        font-weight: 600;
      }
      .row[aria-selected='true'] .cell {
        background: color-mix(in srgb, var(--_primary) 12%, var(--_bg));
      }
      .cells {
        display: flex;
        position: relative;
      }
      .cell {
        flex: none;
        width: ${COLUMN_WIDTH}px;
        padding: 0 8px;
        border-bottom: 1px solid var(--_border);
        border-inline-end: 1px solid var(--_border);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        line-height: ${ROW_HEIGHT - 1}px;
        background: var(--_bg);
        /* Each cell takes its direction from its own text, so "linus@" stays "linus@" in Arabic. */
        unicode-bidi: plaintext;
      }
      .head .cell {
        line-height: 1.2;
        display: flex;
        flex-direction: column;
        justify-content: center;
        background: var(--_surface);
        border-bottom: none;
      }
      .badge {
        font-size: 0.8em;
        font-weight: 500;
        color: var(--_error);
      }
      .badge.warn {
        color: var(--_warning);
      }
      .rowheader {
        flex: none;
        position: sticky;
        inset-inline-start: 0;
        z-index: 1;
        width: ${ROW_HEADER_WIDTH}px;
        display: flex;
        gap: 6px;
        align-items: center;
        padding: 0 8px;
        background: var(--_surface);
        border-bottom: 1px solid var(--_border);
        border-inline-end: 1px solid var(--_border);
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
        overflow: hidden;
      }
      .rowheader input {
        margin: 0;
      }
      .cell.invalid {
        background: var(--_error-bg);
        box-shadow: inset 3px 0 0 var(--_error);
      }
      .cell.warn {
        background: var(--_warning-bg);
        box-shadow: inset 3px 0 0 var(--_warning);
      }
      :host(:dir(rtl)) .cell.invalid {
        box-shadow: inset -3px 0 0 var(--_error);
      }
      .active {
        outline: 2px solid var(--_primary);
        outline-offset: -2px;
      }
      .cell input {
        width: 100%;
        height: ${ROW_HEIGHT - 4}px;
        min-height: 0;
        padding: 0 4px;
        border-radius: 2px;
      }
      .empty {
        position: absolute;
        top: ${HEADER_HEIGHT + 12}px;
        inset-inline-start: 12px;
        color: var(--_muted);
      }
    `,
  ];

  /** The worker's session that holds the rows. */
  @property({ attribute: false }) accessor session: SessionHandle | undefined;
  /** The application's fields, one grid column each. */
  @property({ attribute: false }) accessor fields: readonly ColumnSpec[] = [];
  /** Counts for the column headers; `viewCount` is the number of rows in the grid. */
  @property({ attribute: false }) accessor summary: ValidationSummary | undefined;
  /** Bumped by the owner whenever the rows may have changed, to fetch the window again. */
  @property({ type: Number }) accessor revision = 0;
  /** Data row indices of the selected rows. */
  @property({ attribute: false }) accessor selected: ReadonlySet<number> = new Set();

  @state() accessor active: ActiveCell = { position: 0, field: 0 };
  @state() private accessor editing: { position: number; field: number; value: string } | null = null;
  @state() private accessor rows: readonly GridRow[] = [];
  @state() private accessor fieldStart = 0;
  @state() private accessor metrics = { top: 0, left: 0, width: 600, height: 360 };

  @query('.viewport') private accessor viewport!: HTMLElement;

  /** The window of rows asked for last: only it commits, an older one would show stale rows. */
  readonly #windows = new LatestCall();
  #window = { start: 0, end: 0, fieldStart: 0, fieldEnd: 0, revision: -1 };
  /** Counts that arrived with an edit already patched in, so they need no new window. */
  #patchedSummary: ValidationSummary | undefined;
  #resize = new ResizeObserver(() => this.#measure());
  #frame = 0;

  get #total(): number {
    return this.summary?.viewCount ?? 0;
  }

  get #bodyHeight(): number {
    return Math.max(ROW_HEIGHT, this.metrics.height - HEADER_HEIGHT);
  }

  /** Scroll height of the rows, capped; beyond the cap one pixel of scroll moves more than one. */
  get #scrollRange(): number {
    return Math.max(0, Math.min(this.#total * ROW_HEIGHT, MAX_SCROLL_HEIGHT) - this.#bodyHeight);
  }

  get #realRange(): number {
    return Math.max(0, this.#total * ROW_HEIGHT - this.#bodyHeight);
  }

  /** The first visible row's offset in unscaled pixels. */
  get #virtualTop(): number {
    const range = this.#scrollRange;
    return range === 0 ? 0 : (Math.min(this.metrics.top, range) / range) * this.#realRange;
  }

  get #visibleRows(): number {
    return Math.ceil(this.#bodyHeight / ROW_HEIGHT) + 1;
  }

  get #visibleFields(): number {
    return Math.ceil(Math.max(0, this.metrics.width - ROW_HEADER_WIDTH) / COLUMN_WIDTH) + 1;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#resize.disconnect();
    cancelAnimationFrame(this.#frame);
  }

  protected override firstUpdated(): void {
    this.#resize.observe(this.viewport);
    this.#measure();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const keys = changed as Map<PropertyKey, unknown>;
    // New counts can come with new findings (the host's hooks), so the window is read again,
    // unless they are those of an edit whose cells `applyEdit` has patched in already.
    if (keys.has('summary') && this.summary !== this.#patchedSummary) {
      this.#window = { ...this.#window, revision: -1 };
    }
    if (keys.has('revision') || keys.has('summary') || keys.has('metrics')) void this.#fetch();
  }

  #measure(): void {
    const v = this.viewport;
    this.metrics = {
      top: v.scrollTop,
      left: Math.abs(v.scrollLeft),
      width: v.clientWidth,
      height: v.clientHeight,
    };
  }

  #onScroll(): void {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#measure());
  }

  /** Fetches the rows and fields in view (plus a margin) unless the current window covers them. */
  async #fetch(): Promise<void> {
    const session = this.session?.remote;
    if (!session) return;
    const first = Math.floor(this.#virtualTop / ROW_HEIGHT);
    const last = Math.min(this.#total, first + this.#visibleRows);
    const firstField = Math.floor(this.metrics.left / COLUMN_WIDTH);
    const lastField = Math.min(this.fields.length, firstField + this.#visibleFields);
    const w = this.#window;
    if (
      w.revision === this.revision &&
      first >= w.start &&
      last <= w.end &&
      firstField >= w.fieldStart &&
      lastField <= w.fieldEnd
    ) {
      return;
    }
    const start = Math.max(0, first - OVERSCAN_ROWS);
    const end = Math.min(this.#total, last + OVERSCAN_ROWS);
    const fieldStart = Math.max(0, firstField - OVERSCAN_FIELDS);
    const fieldEnd = Math.min(this.fields.length, lastField + OVERSCAN_FIELDS);
    const revision = this.revision;
    const latest = await this.#windows.run(() =>
      session.window(start, end - start, fieldStart, fieldEnd - fieldStart),
    );
    if (!latest.current) return;
    const window = latest.value;
    this.#window = { start, end, fieldStart, fieldEnd, revision };
    this.rows = window.rows;
    this.fieldStart = fieldStart;
  }

  /**
   * Shows an edit's outcome without a trip to the worker: the edited cell and the other cells it
   * changed replace theirs in the rows held, and its counts (set as `summary` next) fetch no
   * window. Only when the edit changed more cells than it lists is the window read again.
   */
  applyEdit(result: EditResult): void {
    this.#patchedSummary = result.summary;
    if (result.others === null) {
      this.#window = { ...this.#window, revision: -1 };
      void this.#fetch();
      return;
    }
    const edited: CellChange = {
      row: result.row,
      field: this.fields.findIndex((f) => f.key === result.field),
      cell: result.cell,
    };
    const byRow = new Map<number, CellChange[]>();
    for (const change of [edited, ...result.others]) {
      const list = byRow.get(change.row);
      if (list) list.push(change);
      else byRow.set(change.row, [change]);
    }
    this.rows = this.rows.map((row) => {
      const changes = byRow.get(row.index);
      if (!changes) return row;
      const cells = [...row.cells];
      for (const { field, cell } of changes) {
        const at = field - this.fieldStart;
        if (at >= 0 && at < cells.length) cells[at] = cell;
      }
      return { ...row, cells };
    });
  }

  /** The cell at a position, if its row is in the fetched window. */
  cellAt(position: number, field: number): GridCell | undefined {
    const row = this.rows[position - this.#window.start];
    return row?.position === position ? row.cells[field - this.fieldStart] : undefined;
  }

  #rowAt(position: number): GridRow | undefined {
    const row = this.rows[position - this.#window.start];
    return row?.position === position ? row : undefined;
  }

  /** Moves the active cell, scrolls it into view and focuses the grid. */
  focusCell(position: number, field: number): void {
    const total = this.#total;
    const p = Math.max(0, Math.min(total - 1, position));
    const f = Math.max(ROW_HEADER, Math.min(this.fields.length - 1, field));
    this.active = { position: p, field: f };
    this.#scrollIntoView(p, f);
    this.viewport.focus({ preventScroll: true });
    this.dispatchEvent(
      new CustomEvent<ActiveCell>('grid-active', { detail: this.active, bubbles: true, composed: true }),
    );
  }

  #scrollIntoView(position: number, field: number): void {
    const v = this.viewport;
    const top = position * ROW_HEIGHT;
    let virtualTop = this.#virtualTop;
    if (top < virtualTop) virtualTop = top;
    else if (top + ROW_HEIGHT > virtualTop + this.#bodyHeight)
      virtualTop = top + ROW_HEIGHT - this.#bodyHeight;
    const real = this.#realRange;
    v.scrollTop = real === 0 ? 0 : Math.round((virtualTop / real) * this.#scrollRange);
    if (field >= 0) {
      const left = field * COLUMN_WIDTH;
      const width = this.metrics.width - ROW_HEADER_WIDTH;
      let scrollLeft = this.metrics.left;
      if (left < scrollLeft) scrollLeft = left;
      else if (left + COLUMN_WIDTH > scrollLeft + width) scrollLeft = left + COLUMN_WIDTH - width;
      v.scrollLeft = this.#isRtl ? -scrollLeft : scrollLeft;
    }
    this.#measure();
  }

  get #isRtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (this.editing) return;
    const { position, field } = this.active;
    const rtl = this.#isRtl;
    const page = Math.max(1, this.#visibleRows - 2);
    const last = this.fields.length - 1;
    const moves: Record<string, () => ActiveCell> = {
      ArrowDown: () => ({ position: position + 1, field }),
      ArrowUp: () => ({ position: position - 1, field }),
      ArrowRight: () => ({ position, field: field + (rtl ? -1 : 1) }),
      ArrowLeft: () => ({ position, field: field + (rtl ? 1 : -1) }),
      PageDown: () => ({ position: position + page, field }),
      PageUp: () => ({ position: position - page, field }),
      Home: () => (event.ctrlKey || event.metaKey ? { position: 0, field } : { position, field: ROW_HEADER }),
      End: () =>
        event.ctrlKey || event.metaKey ? { position: this.#total - 1, field } : { position, field: last },
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const next = move();
      this.focusCell(next.position, next.field);
      return;
    }
    if (this.#total === 0) return;
    if (field === ROW_HEADER) {
      if (event.key === ' ') {
        event.preventDefault();
        const row = this.#rowAt(position);
        if (row) this.#toggle(row.index);
      }
      return;
    }
    if (event.key === 'Enter' || event.key === 'F2') {
      event.preventDefault();
      this.#startEdit(position, field, this.cellAt(position, field)?.text ?? '');
    } else if (event.key === 'Delete') {
      event.preventDefault();
      this.#commit(position, field, '');
    } else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      this.#startEdit(position, field, event.key);
    }
  }

  #toggle(row: number): void {
    const selected = !this.selected.has(row);
    this.dispatchEvent(
      new CustomEvent('grid-select', { detail: { row, selected }, bubbles: true, composed: true }),
    );
  }

  async #startEdit(position: number, field: number, value: string): Promise<void> {
    if (!this.#rowAt(position)) return;
    this.editing = { position, field, value };
    await this.updateComplete;
    const input = this.renderRoot.querySelector<HTMLInputElement>('.cell input');
    input?.focus();
    input?.setSelectionRange(input.value.length, input.value.length);
  }

  #commit(position: number, field: number, value: string): void {
    const row = this.#rowAt(position);
    this.editing = null;
    this.viewport.focus({ preventScroll: true });
    if (!row || row.cells[field - this.fieldStart]?.text === value) return;
    const detail: GridEditDetail = { row: row.index, position, field: this.fields[field]!.key, value };
    this.dispatchEvent(new CustomEvent('grid-edit', { detail, bubbles: true, composed: true }));
  }

  #onEditKey(event: KeyboardEvent): void {
    const editing = this.editing;
    if (!editing) return;
    const value = (event.target as HTMLInputElement).value;
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#commit(editing.position, editing.field, value);
      this.focusCell(editing.position + 1, editing.field);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      this.#commit(editing.position, editing.field, value);
      this.focusCell(editing.position, editing.field + (event.shiftKey ? -1 : 1));
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      this.editing = null;
      this.viewport.focus({ preventScroll: true });
    }
    event.stopPropagation();
  }

  override render() {
    const total = this.#total;
    const virtualTop = this.#virtualTop;
    const first = Math.floor(virtualTop / ROW_HEIGHT);
    const offsetY = virtualTop - first * ROW_HEIGHT;
    const last = Math.min(total, first + this.#visibleRows);
    const firstField = Math.min(
      Math.floor(this.metrics.left / COLUMN_WIDTH),
      Math.max(0, this.fields.length - 1),
    );
    const lastField = Math.min(this.fields.length, firstField + this.#visibleFields);
    const offsetX = this.metrics.left - firstField * COLUMN_WIDTH;
    const shift = `translateX(${this.#isRtl ? offsetX : -offsetX}px)`;
    const fieldRange = Array.from({ length: Math.max(0, lastField - firstField) }, (_, i) => firstField + i);
    const contentWidth = ROW_HEADER_WIDTH + this.fields.length * COLUMN_WIDTH;
    const spacerHeight = this.#scrollRange;
    const { position: activeRow, field: activeField } = this.active;
    const activeId = total > 0 ? cellId(activeRow, activeField) : '';
    const errors = this.summary?.errorsByColumn ?? {};
    const warnings = this.summary?.warningsByColumn ?? {};
    return html`<div
        class="viewport"
        role="grid"
        tabindex="0"
        aria-label=${i18n.t('review.grid')}
        aria-rowcount=${total + 1}
        aria-colcount=${this.fields.length + 1}
        aria-activedescendant=${activeId || nothing}
        aria-describedby="grid-help"
        @scroll=${this.#onScroll}
        @keydown=${this.#onKeyDown}
      >
        <div class="layer" style="width:${this.metrics.width}px;height:${this.metrics.height}px">
          <div role="rowgroup">
            <div class="row head" role="row" aria-rowindex="1">
              <div class="rowheader" role="columnheader" aria-colindex="1">${i18n.t('review.rowNumber')}</div>
              <div class="cells" style="transform:${shift}">
                ${fieldRange.map((f) => {
                  const field = this.fields[f]!;
                  const e = errors[field.key] ?? 0;
                  const w = warnings[field.key] ?? 0;
                  return html`<div class="cell" role="columnheader" aria-colindex=${f + 2} data-key=${field.key}>
                    <span>${field.label}${field.required ? ' *' : ''}</span>
                    ${e ? html`<span class="badge">${i18n.t('review.errors', { count: e })}</span>` : nothing}
                    ${w ? html`<span class="badge warn">${i18n.t('review.warnings', { count: w })}</span>` : nothing}
                  </div>`;
                })}
              </div>
            </div>
          </div>
          <div role="rowgroup">
            ${Array.from({ length: Math.max(0, last - first) }, (_, i) => {
              const position = first + i;
              const row = this.#rowAt(position);
              const top = HEADER_HEIGHT + i * ROW_HEIGHT - offsetY;
              const selected = row ? this.selected.has(row.index) : false;
              const number = row ? i18n.number(row.index + 1) : '';
              return html`<div
                class="row"
                role="row"
                style="top:${top}px"
                aria-rowindex=${position + 2}
                aria-selected=${selected ? 'true' : 'false'}
                data-row=${row?.index ?? ''}
              >
                <div
                  class="rowheader ${activeId === cellId(position, ROW_HEADER) ? 'active' : ''}"
                  role="rowheader"
                  aria-colindex="1"
                  id=${cellId(position, ROW_HEADER)}
                  @click=${() => this.focusCell(position, ROW_HEADER)}
                >
                  <input
                    type="checkbox"
                    tabindex="-1"
                    aria-label=${i18n.t('review.selectRow', { row: number })}
                    .checked=${selected}
                    ?disabled=${!row}
                    @click=${(e: Event) => {
                      e.stopPropagation();
                      if (row) this.#toggle(row.index);
                    }}
                  />${number}
                </div>
                <div class="cells" style="transform:${shift}">
                  ${fieldRange.map((f) => this.#renderCell(position, f, row))}
                </div>
              </div>`;
            })}
          </div>
          ${total === 0 ? html`<p class="empty">${i18n.t('review.empty')}</p>` : nothing}
        </div>
        <div style="width:${contentWidth}px;height:${spacerHeight}px" aria-hidden="true"></div>
      </div>
      <p id="grid-help" class="sr-only">${i18n.t('review.editHint')}</p>`;
  }

  #renderCell(position: number, f: number, row: GridRow | undefined) {
    const cell = row?.cells[f - this.fieldStart];
    const id = cellId(position, f);
    const isActive = this.active.position === position && this.active.field === f;
    const issue = cell?.issue;
    const message = issue ? i18n.issue(issue.code, issue.params) : '';
    const editing = this.editing && this.editing.position === position && this.editing.field === f;
    return html`<div
      class="cell ${issue?.level === 'error' ? 'invalid' : issue?.level === 'warning' ? 'warn' : ''} ${isActive ? 'active' : ''}"
      role="gridcell"
      id=${id}
      aria-colindex=${f + 2}
      aria-invalid=${issue?.level === 'error' ? 'true' : 'false'}
      aria-description=${message || nothing}
      title=${message || nothing}
      data-key=${this.fields[f]?.key ?? ''}
      @click=${() => this.focusCell(position, f)}
      @dblclick=${() => cell && this.#startEdit(position, f, cell.text)}
    >${
      editing
        ? html`<input
            type="text"
            aria-label=${`${i18n.t('review.edit')} ${this.fields[f]?.label ?? ''}`}
            .value=${this.editing!.value}
            @keydown=${this.#onEditKey}
            @blur=${(e: Event) => {
              if (this.editing) this.#commit(position, f, (e.target as HTMLInputElement).value);
            }}
          />`
        : (cell?.text ?? '')
    }</div>`;
  }
}

function cellId(position: number, field: number): string {
  return `cell-${position}-${field === ROW_HEADER ? 'h' : field}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'csv-data-grid': DataGrid;
  }
}
