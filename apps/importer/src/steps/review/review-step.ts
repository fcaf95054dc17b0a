import type { ColumnSpec } from '@csv-importer/core';
import { html, LitElement, nothing } from 'lit';
import '../../grid/data-grid.ts';
import type { ActiveCell, DataGrid, GridEditDetail } from '../../grid/data-grid.ts';
import { cellMessage } from '../../grid/issue-text.ts';
import { i18n } from '../../i18n/i18n.ts';
import type { IconName } from '../../icons/icon-paths.ts';
import { icon } from '../../icons/icons.ts';
import type { SessionHandle } from '../../session-handle.ts';
import { controls } from '../../styles/shared-styles.ts';
import type { EditResult, SubmitSummary, ValidationSummary } from '../../worker/session-types.ts';
import '../submit/submit-summary.ts';
import './find-panel.ts';
import type { ReplacedDetail } from './find-panel.ts';
import type { HintValue, HintView } from './hint-views.ts';
import { reviewStepStyles } from './review-step-styles.ts';
import { RowActions, reviewShortcut } from './row-actions.ts';
import { summaryText } from './summary-text.ts';
import './reading-hints.ts';
import { type RowView, renderViewTabs } from './view-tabs.ts';

export { summaryText } from './summary-text.ts';

/** A fix the user made that could apply to other cells holding the same value. */
interface FixAll {
  readonly field: string;
  readonly from: string;
  readonly to: string;
  readonly count: number;
}

/**
 * Review and fix: the virtualized grid with error counts per column, All / Valid / With errors
 * tabs with their counts (with errors: in any column or one), jumps between errors (buttons and
 * F8 / Shift+F8), inline edits by type re-validated at once with the focused cell's issue beside
 * it, find and replace with a count of the cells it will change (`csv-find-panel`), a fix all
 * like this for the cells that held the same value (up to case and surrounding spaces), deleting
 * selected or all invalid rows, undo and redo (Ctrl+Z, Ctrl+Y), a download of the rows with
 * errors, and the submit summary. Above the grid, how numbers and dates are read, with the
 * questions the file leaves open (`csv-reading-hints`).
 */
export class ReviewStep extends LitElement {
  static override styles = [controls, reviewStepStyles];

  static override properties = {
    session: { attribute: false },
    fields: { attribute: false },
    validation: { attribute: false },
    submit: { attribute: false },
    hints: { attribute: false },
    hintBusy: { type: Boolean },
    onHint: { attribute: false },
    onChanged: { attribute: false },
    onAnnounce: { attribute: false },
    onSaveFile: { attribute: false },
    onBack: { attribute: false },
    onSubmit: { attribute: false },
    revision: { state: true },
    view: { state: true },
    errorField: { state: true },
    selected: { state: true },
    finding: { state: true },
    fixAll: { state: true },
    message: { state: true },
  };
  declare session: SessionHandle | undefined;
  declare fields: readonly ColumnSpec[];
  declare validation: ValidationSummary | undefined;
  declare submit: SubmitSummary | undefined;
  /** How numbers and dates are read, and what to ask; a choice calls `onHint`. */
  declare hints: readonly HintView[];
  declare hintBusy: boolean;
  declare onHint: (view: HintView, value: HintValue) => Promise<void>;
  /** Called after every change with the new counts (the host's edit hook hangs off this). */
  declare onChanged: (summary: ValidationSummary, edit?: EditResult) => void;
  declare onAnnounce: (message: string) => void;
  /** Hands a file to the host page to save (a sandboxed frame may not download). */
  declare onSaveFile: (fileName: string, text: string) => void;
  declare onBack: () => void;
  declare onSubmit: () => void;

  declare private revision: number;
  declare private view: RowView;
  declare private errorField: string;
  declare private selected: ReadonlySet<number>;
  declare private finding: boolean;
  declare private fixAll: FixAll | null;
  /** The outcome of the last action, until the keyboard moves on. */
  declare private message: string;

  constructor() {
    super();
    this.fields = [];
    this.hints = [];
    this.hintBusy = false;
    this.onHint = async () => {};
    this.onChanged = () => {};
    this.onAnnounce = () => {};
    this.onSaveFile = () => {};
    this.onBack = () => {};
    this.onSubmit = () => {};
    this.revision = 0;
    this.view = 'all';
    this.errorField = '';
    this.selected = new Set();
    this.finding = false;
    this.fixAll = null;
    this.message = '';
  }

  private get grid(): DataGrid {
    return this.renderRoot?.querySelector('csv-data-grid') as DataGrid;
  }

  #active: ActiveCell = { position: 0, field: 0 };
  readonly #actions = new RowActions({
    session: () => this.session!,
    fields: () => this.fields,
    changed: (summary) => this.#changed(summary),
    say: (message) => this.#say(message),
    saveFile: (fileName, text) => this.onSaveFile(fileName, text),
    focusGrid: () =>
      this.renderRoot
        .querySelector('csv-data-grid')
        ?.shadowRoot?.querySelector<HTMLElement>('[role=grid]')
        ?.focus(),
  });

  #changed(summary: ValidationSummary, edit?: EditResult): void {
    this.validation = summary;
    this.revision++;
    this.onChanged(summary, edit);
  }

  #say(message: string): void {
    this.message = message;
    this.onAnnounce(message);
  }

  async #onEdit(event: CustomEvent<GridEditDetail>): Promise<void> {
    const { row, number, field, value } = event.detail;
    const before = this.grid.cellAt(
      event.detail.position,
      this.fields.findIndex((f) => f.key === field),
    );
    const result = await this.session!.remote.edit(row, field, value);
    // One round trip: the result carries every cell the grid must repaint and the new counts.
    this.grid.applyEdit(result);
    this.validation = result.summary;
    this.onChanged(result.summary, result);
    const label = this.fields.find((f) => f.key === field)?.label ?? field;
    const issue = result.cell.issue;
    this.#say(
      issue
        ? i18n.t('review.cellError', {
            row: number,
            column: label,
            message: cellMessage(
              issue,
              this.fields.find((f) => f.key === field),
            ),
          })
        : i18n.t('review.cellSaved', { summary: summaryText(result.summary) }),
    );
    this.fixAll = null;
    if (before?.issue && result.before !== value) {
      const others = await this.session!.remote.countLike(field, result.before, value);
      if (others > 0) this.fixAll = { field, from: result.before, to: value, count: others };
    }
  }

  async #applyFixAll(): Promise<void> {
    const fix = this.fixAll;
    if (!fix) return;
    this.fixAll = null;
    const { summary, replaced } = await this.session!.remote.replaceLike(fix.field, fix.from, fix.to);
    this.#changed(summary);
    this.#say(i18n.t('review.replaced', { count: replaced }));
  }

  async #setFilter(view: RowView, field: string): Promise<void> {
    this.view = view;
    this.errorField = field;
    const errorsOnly = view === 'errors';
    const summary = await this.session!.remote.setFilter({
      errorsOnly,
      field: errorsOnly ? field || null : null,
      validOnly: view === 'valid',
    });
    this.#changed(summary);
    // The keyboard stays where the user chose the view (a tab, the column list).
    this.grid.focusCell(0, this.#active.field, false);
  }

  async #jump(backwards: boolean): Promise<void> {
    const next = await this.session!.remote.nextError(this.#active, backwards);
    if (!next) {
      this.#say(i18n.t('review.noErrors'));
      return;
    }
    this.grid.focusCell(next.position, next.field);
    await this.grid.updateComplete;
    const window = await this.session!.remote.window(next.position, 1, next.field, 1);
    const cell = window.rows[0];
    const issue = cell?.cells[0]?.issue;
    if (cell && issue) {
      this.#say(
        i18n.t('review.cellError', {
          row: cell.number ?? cell.index + 1,
          column: this.fields[next.field]?.label ?? '',
          message: cellMessage(issue, this.fields[next.field]),
        }),
      );
    }
  }

  #onReplaced(event: CustomEvent<ReplacedDetail>): void {
    this.#changed(event.detail.summary);
    this.#say(i18n.t('review.replaced', { count: event.detail.replaced }));
  }

  async #deleteSelected(): Promise<void> {
    await this.#actions.deleteRows([...this.selected]);
    this.selected = new Set();
  }

  #history(direction: 'undo' | 'redo'): Promise<void> {
    return this.#actions.history(direction, this.shadowRoot?.activeElement instanceof HTMLButtonElement);
  }

  #onKeyDown(event: KeyboardEvent): void {
    const target = event.composedPath()[0] as HTMLElement | undefined;
    const inText = target?.tagName === 'INPUT' && (target as HTMLInputElement).type === 'text';
    const shortcut = reviewShortcut(event, inText);
    if (!shortcut) return;
    event.preventDefault();
    if (shortcut === 'next-error' || shortcut === 'previous-error')
      void this.#jump(shortcut === 'previous-error');
    else void this.#history(shortcut);
  }

  /** A toolbar button shown as its icon: its name is its text (for screen readers) and its tooltip. */
  #tool(name: IconName, label: string, disabled: boolean, keys: string, run: () => void) {
    return html`<button class="tool" title=${label} ?disabled=${disabled} @click=${run} aria-keyshortcuts=${keys}>
      ${icon(name)}<span class="sr-only">${label}</span>
    </button>`;
  }

  override render() {
    const v = this.validation;
    if (!v) return html``;
    const fieldsWithErrors = this.fields.filter((f) => v.errorsByColumn[f.key]);
    return html`<div class="review" @keydown=${this.#onKeyDown}>
      <div class="head">
        <h2 tabindex="-1">${i18n.t('review.title')}</h2>
        <p role="status" class=${v.invalidRowCount > 0 ? 'count has-errors' : 'count'}>${icon(v.invalidRowCount > 0 ? 'warning' : 'success')}${summaryText(v)}</p>
      </div>
      <csv-reading-hints
        .views=${this.hints}
        ?busy=${this.hintBusy}
        ?resets=${v.deletedCount > 0 || v.canUndo}
        .onAnswer=${this.onHint}
      ></csv-reading-hints>
      <div class="bar">
      ${renderViewTabs(this.view, v, 'rows-panel', (view) => void this.#setFilter(view, ''))}
      <div class="toolbar">
        ${
          this.view === 'errors' && fieldsWithErrors.length > 0
            ? html`<label>
                ${i18n.t('review.inColumn')}
                <select @change=${(e: Event) => this.#setFilter('errors', (e.target as HTMLSelectElement).value)}>
                  <option value="">${i18n.t('review.anyColumn')}</option>
                  ${fieldsWithErrors.map(
                    (f) =>
                      html`<option value=${f.key} ?selected=${this.errorField === f.key}>
                        ${f.label} (${i18n.number(v.errorsByColumn[f.key] ?? 0)})
                      </option>`,
                  )}
                </select>
              </label>`
            : nothing
        }
        <span class="group">
          ${this.#tool('up', i18n.t('review.previousError'), v.errorCount === 0, 'Shift+F8', () => this.#jump(true))}
          ${this.#tool('down', i18n.t('review.nextError'), v.errorCount === 0, 'F8', () => this.#jump(false))}
        </span>
        <span class="group">
          ${this.#tool('undo', i18n.t('review.undo'), !v.canUndo, 'Control+Z', () => this.#history('undo'))}
          ${this.#tool('redo', i18n.t('review.redo'), !v.canRedo, 'Control+Y', () => this.#history('redo'))}
        </span>
        <button aria-expanded=${this.finding ? 'true' : 'false'} @click=${() => (this.finding = !this.finding)}>
          ${icon('search')}${i18n.t('review.findReplace')}
        </button>
      </div>
      </div>
      ${
        this.finding
          ? html`<csv-find-panel
              .session=${this.session}
              .fields=${this.fields}
              @find-replaced=${this.#onReplaced}
            ></csv-find-panel>`
          : nothing
      }
      <csv-data-grid
        id="rows-panel"
        role="tabpanel"
        aria-labelledby=${`tab-${this.view}`}
        .session=${this.session}
        .fields=${this.fields}
        .summary=${v}
        .revision=${this.revision}
        .selected=${this.selected}
        @grid-edit=${this.#onEdit}
        @grid-active=${(e: CustomEvent<ActiveCell>) => {
          // A message about another cell would go stale beside this one.
          if (e.detail.position !== this.#active.position || e.detail.field !== this.#active.field)
            this.message = '';
          this.#active = e.detail;
        }}
        @grid-select=${(e: CustomEvent<{ row: number; selected: boolean }>) => {
          const next = new Set(this.selected);
          if (e.detail.selected) next.add(e.detail.row);
          else next.delete(e.detail.row);
          this.selected = next;
        }}
      ></csv-data-grid>
      ${
        // Below the grid: an offer that appears after an edit must not move the rows under the
        // pointer (the user's next double-click would land on another row).
        this.fixAll
          ? html`<div class="panel" role="group" aria-label=${i18n.t('review.apply')}>
              <span
                >${i18n.t('review.fixAll', {
                  count: this.fixAll.count,
                  column: this.fields.find((f) => f.key === this.fixAll!.field)?.label ?? '',
                  from: this.fixAll.from,
                  to: this.fixAll.to,
                })}</span
              >
              <button class="primary" @click=${this.#applyFixAll}>${i18n.t('review.apply')}</button>
              <button @click=${() => (this.fixAll = null)}>${i18n.t('review.dismiss')}</button>
            </div>`
          : nothing
      }
      <div class="below">
        <p class="message muted">${this.message}</p>
        <div class="toolbar">
          <button ?disabled=${this.selected.size === 0} @click=${this.#deleteSelected}>
            ${icon('trash')}${i18n.t('review.deleteSelected', { count: this.selected.size })}
          </button>
          <button ?disabled=${v.invalidRowCount === 0} @click=${() => this.#actions.deleteInvalid(this.validation?.rowCount ?? 0)}>${icon('trash')}${i18n.t('review.deleteInvalid')}</button>
          <button ?disabled=${v.invalidRowCount === 0} @click=${() => this.#actions.exportInvalid()}>${icon('download')}${i18n.t('review.exportInvalid')}</button>
        </div>
      </div>
      <csv-submit-summary
        .summary=${this.submit}
        .onBack=${this.onBack}
        .onSubmit=${this.onSubmit}
      ></csv-submit-summary>
    </div>`;
  }
}
customElements.define('csv-review-step', ReviewStep);

declare global {
  interface HTMLElementTagNameMap {
    'csv-review-step': ReviewStep;
  }
}
