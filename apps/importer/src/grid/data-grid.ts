import type { ColumnSpec } from '@csv-importer/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
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
import { type BodyView, renderBodyRow } from './grid-cells.ts';
import { Geometry } from './grid-geometry.ts';
import { renderHeadRow } from './grid-headers.ts';
import { cellKey, keyMove } from './grid-keys.ts';
import { gridStyles } from './grid-styles.ts';
import {
  type ActiveCell,
  cellId,
  type EditingCell,
  type EditorCommitDetail,
  type GridEditDetail,
  HEADER_HEIGHT,
  ROW_HEADER,
  ROW_HEIGHT,
} from './grid-types.ts';
import { placeIssue } from './issue-popover.ts';
import { cellMessage } from './issue-text.ts';
import { patchRows } from './patch-rows.ts';

export type { ActiveCell, GridEditDetail } from './grid-types.ts';

/**
 * The review grid, virtualized over rows and columns: it renders only the cells in view and asks
 * the worker for them as the user scrolls, so the main thread never holds more than a screenful
 * of a file with a million rows. It follows the ARIA grid pattern: the grid element keeps the
 * focus and points at the active cell with `aria-activedescendant`; arrows, Home/End,
 * Ctrl+Home/End and Page Up/Down move, Enter or F2 edits, Escape cancels, Space on a row number
 * selects the row. Each cell is edited by its field's type (`csv-cell-editor`). The active cell's
 * issue is shown beside it while the grid has the focus, and is the cell's description
 * (`aria-describedby`), so a screen reader reads it as the keyboard lands there.
 *
 * @event grid-edit - The user committed an edit; `detail` is a `GridEditDetail`.
 * @event grid-select - A row was selected or unselected; `detail` is `{ row, selected }`.
 * @event grid-active - The active cell moved; `detail` is an `ActiveCell`.
 */
export class DataGrid extends LitElement {
  static override styles = [controls, gridStyles];

  static override properties = {
    session: { attribute: false },
    fields: { attribute: false },
    summary: { attribute: false },
    revision: { type: Number },
    selected: { attribute: false },
    active: { state: true },
    editing: { state: true },
    focused: { state: true },
    rows: { state: true },
    fieldStart: { state: true },
    metrics: { state: true },
  };
  /** The worker's session that holds the rows. */
  declare session: SessionHandle | undefined;
  /** The application's fields, one grid column each. */
  declare fields: readonly ColumnSpec[];
  /** Counts for the column headers; `viewCount` is the number of rows in the grid. */
  declare summary: ValidationSummary | undefined;
  /** Bumped by the owner whenever the rows may have changed, to fetch the window again. */
  declare revision: number;
  /** Data row indices of the selected rows. */
  declare selected: ReadonlySet<number>;

  declare active: ActiveCell;
  declare private editing: EditingCell | null;
  declare private focused: boolean;
  declare private rows: readonly GridRow[];
  declare private fieldStart: number;
  declare private metrics: { top: number; left: number; width: number; height: number };

  constructor() {
    super();
    this.fields = [];
    this.revision = 0;
    this.selected = new Set();
    this.active = { position: 0, field: 0 };
    this.editing = null;
    this.focused = false;
    this.rows = [];
    this.fieldStart = 0;
    this.metrics = { top: 0, left: 0, width: 600, height: 360 };
  }

  private get viewport(): HTMLElement {
    return this.renderRoot?.querySelector('.viewport') as HTMLElement;
  }

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

  get #geometry(): Geometry {
    return new Geometry(this.#total, this.fields.length, this.metrics);
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
    this.#placeIssue();
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
    const next = this.#geometry.windowToFetch(this.#window, this.revision);
    if (!next) return;
    const { start, end, fieldStart, fieldEnd } = next;
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
    this.rows = patchRows(this.rows, [edited, ...result.others], this.fieldStart);
  }

  /** The cell at a position, if its row is in the fetched window. */
  cellAt(position: number, field: number): GridCell | undefined {
    return this.#rowAt(position)?.cells[field - this.fieldStart];
  }

  #rowAt(position: number): GridRow | undefined {
    const row = this.rows[position - this.#window.start];
    return row?.position === position ? row : undefined;
  }

  /** Moves the active cell, scrolls it into view and (unless `focus` is false) focuses the grid. */
  focusCell(position: number, field: number, focus = true): void {
    const total = this.#total;
    const p = Math.max(0, Math.min(total - 1, position));
    const f = Math.max(ROW_HEADER, Math.min(this.fields.length - 1, field));
    this.active = { position: p, field: f };
    this.#scrollIntoView(p, f);
    if (focus) this.viewport.focus({ preventScroll: true });
    this.dispatchEvent(
      new CustomEvent<ActiveCell>('grid-active', { detail: this.active, bubbles: true, composed: true }),
    );
  }

  #scrollIntoView(position: number, field: number): void {
    const { top, left } = this.#geometry.scrollTo(position, field);
    this.viewport.scrollTop = top;
    if (field >= 0) this.viewport.scrollLeft = this.#isRtl ? -left : left;
    this.#measure();
  }

  get #isRtl(): boolean {
    return getComputedStyle(this).direction === 'rtl';
  }

  #onKeyDown(event: KeyboardEvent): void {
    if (this.editing) return;
    const { position, field } = this.active;
    const next = keyMove(event, this.active, {
      rtl: this.#isRtl,
      page: Math.max(1, this.#geometry.visibleRows - 2),
      total: this.#total,
      fields: this.fields.length,
    });
    if (next) {
      event.preventDefault();
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
    const edit = cellKey(event);
    if (!edit) return;
    event.preventDefault();
    if (edit === 'clear') this.#commit(position, field, '');
    else if (edit === 'type') this.#startEdit(position, field, event.key, true);
    else this.#startEdit(position, field, this.cellAt(position, field)?.text ?? '', false);
  }

  #toggle(row: number): void {
    const selected = !this.selected.has(row);
    this.dispatchEvent(
      new CustomEvent('grid-select', { detail: { row, selected }, bubbles: true, composed: true }),
    );
  }

  async #startEdit(position: number, field: number, value: string, typed: boolean): Promise<void> {
    if (!this.#rowAt(position)) return;
    this.editing = { position, field, value, typed };
    await this.updateComplete;
    this.renderRoot.querySelector('csv-cell-editor')?.focus();
  }

  #commit(position: number, field: number, value: string): void {
    const row = this.#rowAt(position);
    this.editing = null;
    this.viewport.focus({ preventScroll: true });
    if (!row || row.cells[field - this.fieldStart]?.text === value) return;
    const detail: GridEditDetail = {
      row: row.index,
      number: row.number ?? row.index + 1,
      position,
      field: this.fields[field]!.key,
      value,
    };
    this.dispatchEvent(new CustomEvent('grid-edit', { detail, bubbles: true, composed: true }));
  }

  #onEditorCommit(event: CustomEvent<EditorCommitDetail>): void {
    const editing = this.editing;
    if (!editing) return;
    const { value, move } = event.detail;
    this.#commit(editing.position, editing.field, value);
    if (move === 'down') this.focusCell(editing.position + 1, editing.field);
    else if (move !== 'stay')
      this.focusCell(editing.position, editing.field + (move === 'previous' ? -1 : 1));
  }

  #onEditorCancel(): void {
    this.editing = null;
    this.viewport.focus({ preventScroll: true });
  }

  /** The active cell's issue, if it has one and is rendered. */
  get #activeIssue(): { message: string; level: string } | undefined {
    const { position, field } = this.active;
    if (field === ROW_HEADER || this.#total === 0) return undefined;
    const issue = this.cellAt(position, field)?.issue;
    if (!issue || issue.level === 'info') return undefined;
    return { message: cellMessage(issue, this.fields[field]), level: issue.level };
  }

  #placeIssue(): void {
    const pop = this.renderRoot.querySelector<HTMLElement>('#cell-issue');
    if (!pop) return;
    const cell = this.renderRoot.querySelector<HTMLElement>(
      `#${cellId(this.active.position, this.active.field)}`,
    );
    placeIssue(pop, cell, this.viewport, this.focused && !this.editing, this.#isRtl);
  }

  override render() {
    const total = this.#total;
    const geometry = this.#geometry;
    const { first, last, offsetY, firstField, lastField, offsetX } = geometry.range;
    const shift = `translateX(${this.#isRtl ? offsetX : -offsetX}px)`;
    const fieldRange = Array.from({ length: Math.max(0, lastField - firstField) }, (_, i) => firstField + i);
    const contentWidth = geometry.contentWidth;
    const spacerHeight = geometry.scrollRange;
    const { position: activeRow, field: activeField } = this.active;
    const activeId = total > 0 ? cellId(activeRow, activeField) : '';
    const issue = this.#activeIssue;
    const body: BodyView = {
      fields: this.fields,
      fieldStart: this.fieldStart,
      fieldRange,
      shift,
      active: this.active,
      editing: this.editing,
      selected: this.selected,
      described: issue !== undefined,
      focus: (position, field) => this.focusCell(position, field),
      toggle: (row) => this.#toggle(row),
      edit: (position, field, text) => void this.#startEdit(position, field, text, false),
      commit: (event) => this.#onEditorCommit(event),
      cancel: () => this.#onEditorCancel(),
    };
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
        @focusin=${() => {
          this.focused = true;
        }}
        @focusout=${(e: FocusEvent) => {
          const next = e.relatedTarget as Node | null;
          if (!next || !this.renderRoot.contains(next)) this.focused = false;
        }}
      >
        <div class="layer" style="width:${this.metrics.width}px;height:${this.metrics.height}px">
          <div role="rowgroup">${renderHeadRow(this.fields, fieldRange, this.summary, shift)}</div>
          <div role="rowgroup">
            ${Array.from({ length: Math.max(0, last - first) }, (_, i) =>
              renderBodyRow(
                body,
                first + i,
                this.#rowAt(first + i),
                HEADER_HEIGHT + i * ROW_HEIGHT - offsetY,
              ),
            )}
          </div>
          ${total === 0 ? html`<p class="empty">${i18n.t('review.empty')}</p>` : nothing}
        </div>
        <div style="width:${contentWidth}px;height:${spacerHeight}px" aria-hidden="true"></div>
      </div>
      <p id="grid-help" class="sr-only">${i18n.t('review.editHint')}</p>
      ${
        issue
          ? html`<div id="cell-issue" class="issue ${issue.level === 'warning' ? 'warn' : ''}" popover="manual" role="tooltip">
              ${issue.message}
            </div>`
          : nothing
      }`;
  }
}
customElements.define('csv-data-grid', DataGrid);

declare global {
  interface HTMLElementTagNameMap {
    'csv-data-grid': DataGrid;
  }
}
