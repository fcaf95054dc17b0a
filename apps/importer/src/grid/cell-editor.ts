import type { ColumnSpec } from '@csv-importer/core';
import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { i18n } from '../i18n/i18n.ts';
import { controls } from '../styles/shared-styles.ts';
import { cellEditorStyles } from './cell-editor-styles.ts';
import type { EditorCommitDetail, EditorMove } from './grid-types.ts';
import { dateFormats } from './issue-text.ts';

/** Options the list shows at once; typing narrows it. */
const MAX_LISTED = 50;

interface Choice {
  readonly value: string;
  readonly label: string;
  /** Lower-cased label, value and alternate spellings, for filtering by what the user types. */
  readonly search: string;
}

/**
 * The editor of one grid cell, by the field's type: a combobox with a list of the options that
 * narrows as the user types (select; several options for a multi-select), a Yes/No toggle
 * (boolean), a text box with the expected format beside it (date, datetime), a text box for the
 * rest. It takes the keyboard while it is open: Enter commits (and in a list, first takes the
 * highlighted option), Tab commits and moves along the row, Escape cancels.
 *
 * @event editor-commit - `detail` is an `EditorCommitDetail`: the new text and where to move.
 * @event editor-cancel - The user left the cell as it was.
 */
export class CellEditor extends LitElement {
  static override styles = [controls, cellEditorStyles];

  static override properties = {
    field: { attribute: false },
    value: {},
    label: {},
    typed: { type: Boolean },
    text: { state: true },
    filtering: { state: true },
    highlight: { state: true },
    choice: { state: true },
  };
  /** The field of the cell. */
  declare field: ColumnSpec | undefined;
  /** The text the editor opens with. */
  declare value: string;
  /** The accessible name of the editor. */
  declare label: string;
  /** The editor was opened by typing: `value` is what was typed, and a list narrows to it. */
  declare typed: boolean;

  declare private text: string;
  declare private filtering: boolean;
  declare private highlight: number;
  declare private choice: boolean | null;

  constructor() {
    super();
    this.value = '';
    this.label = '';
    this.typed = false;
    this.text = '';
    this.filtering = false;
    this.highlight = -1;
    this.choice = null;
  }

  #done = false;

  get #kind(): 'select' | 'boolean' | 'date' | 'text' {
    const type = this.field?.type;
    if (type === 'select') return 'select';
    if (type === 'boolean') return 'boolean';
    if (type === 'date' || type === 'datetime') return 'date';
    return 'text';
  }

  get #multiple(): boolean {
    return this.field?.type === 'select' && this.field.multiple === true;
  }

  get #separator(): string {
    return (this.field?.type === 'select' && this.field.separator) || ',';
  }

  get #choices(): Choice[] {
    if (this.field?.type !== 'select') return [];
    return this.field.options.map((o) => {
      const value = typeof o === 'string' ? o : o.value;
      const label = typeof o === 'string' ? o : (o.label ?? o.value);
      const alternates = typeof o === 'string' ? [] : (o.alternates ?? []);
      return { value, label, search: [label, value, ...alternates].join('\n').toLowerCase() };
    });
  }

  /** The pieces of a multi-select's text; the last one is what the user is typing. */
  get #pieces(): string[] {
    return this.text.split(this.#separator).map((p) => p.trim());
  }

  get #query(): string {
    if (!this.filtering) return '';
    return (this.#multiple ? (this.#pieces.at(-1) ?? '') : this.text).trim().toLowerCase();
  }

  get #listed(): Choice[] {
    const query = this.#query;
    return this.#choices.filter((c) => query === '' || c.search.includes(query)).slice(0, MAX_LISTED);
  }

  #isChosen(choice: Choice): boolean {
    const pieces = this.#multiple ? this.#pieces : [this.text.trim()];
    return pieces.some((p) => p === choice.value || p.toLowerCase() === choice.label.toLowerCase());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.text = this.value;
    this.filtering = this.typed;
    // A key typed on a yes/no cell picks the answer it begins (y or n, j or n, o or n …).
    if (this.#kind === 'boolean' && this.typed && this.value.trim() !== '') {
      const typed = this.value.trim().toLocaleLowerCase(i18n.locale);
      const starts = (key: 'review.yes' | 'review.no') =>
        i18n.t(key).toLocaleLowerCase(i18n.locale).startsWith(typed);
      this.choice = starts('review.yes') ? true : starts('review.no') ? false : null;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('value')) this.text = this.value;
    // A list opens on the option the cell holds; narrowed by typing, on the first one listed.
    if (!this.hasUpdated && this.#kind === 'select')
      this.highlight = this.typed
        ? this.#listed.length > 0
          ? 0
          : -1
        : this.#listed.findIndex((c) => this.#isChosen(c));
  }

  protected override updated(): void {
    this.#place();
  }

  /** Focuses the editor's control, the caret at the end of the text. */
  override focus(): void {
    const find = (selector: string) => this.renderRoot.querySelector<HTMLElement>(selector);
    const control = find('input') ?? find('[role=radio][aria-checked=true]') ?? find('[role=radio]');
    control?.focus();
    if (control instanceof HTMLInputElement)
      control.setSelectionRange(control.value.length, control.value.length);
  }

  /** Shows the list or the format hint just below the control, in the top layer. */
  #place(): void {
    const anchor = this.renderRoot.querySelector<HTMLElement>('input, .toggle');
    const pop = this.renderRoot.querySelector<HTMLElement>('[popover]');
    if (!anchor || !pop) return;
    if (!pop.matches(':popover-open')) pop.showPopover();
    const box = anchor.getBoundingClientRect();
    const below = box.bottom + pop.offsetHeight <= window.innerHeight || box.top < pop.offsetHeight;
    pop.style.top = `${below ? box.bottom + 2 : box.top - pop.offsetHeight - 2}px`;
    if (getComputedStyle(this).direction === 'rtl') {
      pop.style.left = 'auto';
      pop.style.right = `${window.innerWidth - box.right}px`;
    } else {
      pop.style.left = `${box.left}px`;
    }
  }

  #commit(value: string, move: EditorMove): void {
    if (this.#done) return;
    this.#done = true;
    this.dispatchEvent(new CustomEvent<EditorCommitDetail>('editor-commit', { detail: { value, move } }));
  }

  #cancel(): void {
    if (this.#done) return;
    this.#done = true;
    this.dispatchEvent(new CustomEvent('editor-cancel'));
  }

  /** Keys every editor shares; true when handled. */
  #commonKey(event: KeyboardEvent, value: string): boolean {
    if (event.key === 'Tab') {
      event.preventDefault();
      this.#commit(value, event.shiftKey ? 'previous' : 'next');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      this.#cancel();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.#commit(value, 'down');
    } else {
      return false;
    }
    return true;
  }

  #onKey(event: KeyboardEvent): void {
    // The grid must not see the editor's keys (an arrow would move the active cell).
    event.stopPropagation();
    if (this.#kind === 'select') this.#selectKey(event);
    else if (this.#kind === 'boolean') this.#booleanKey(event);
    else this.#commonKey(event, this.text);
  }

  #selectKey(event: KeyboardEvent): void {
    const listed = this.#listed;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.highlight = Math.max(0, Math.min(listed.length - 1, this.highlight + step));
      return;
    }
    const highlighted = listed[this.highlight];
    if (event.key === 'Enter' && highlighted && this.#multiple) {
      event.preventDefault();
      this.#toggleOption(highlighted);
      return;
    }
    if ((event.key === 'Enter' || event.key === 'Tab') && highlighted && !this.#multiple) {
      this.text = highlighted.value;
    }
    this.#commonKey(event, this.#multiple ? this.#joined(this.#pieces) : this.text);
  }

  #toggleOption(choice: Choice): void {
    const pieces = this.#pieces;
    // The piece being typed gives way to the option it was narrowing to.
    if (this.filtering && pieces.length > 0) pieces.pop();
    const kept = pieces.filter(
      (p) => p !== '' && p !== choice.value && p.toLowerCase() !== choice.label.toLowerCase(),
    );
    const chosen = kept.length === pieces.filter((p) => p !== '').length ? [...kept, choice.value] : kept;
    this.text = this.#joined(chosen) + (chosen.length > 0 ? `${this.#separator} ` : '');
    this.filtering = false;
    this.highlight = -1;
    this.renderRoot.querySelector('input')?.focus();
  }

  #joined(pieces: readonly string[]): string {
    return pieces.filter((p) => p !== '').join(`${this.#separator} `);
  }

  #booleanKey(event: KeyboardEvent): void {
    const key = event.key;
    if (
      key === 'ArrowLeft' ||
      key === 'ArrowRight' ||
      key === 'ArrowUp' ||
      key === 'ArrowDown' ||
      key === ' '
    ) {
      event.preventDefault();
      this.#choose(key === ' ' ? (this.choice ?? true) : !(this.choice ?? false));
      return;
    }
    if (this.choice === null && event.key === 'Enter') {
      event.preventDefault();
      this.#cancel();
      return;
    }
    this.#commonKey(event, this.choice === null ? this.value : String(this.choice));
  }

  async #choose(value: boolean): Promise<void> {
    this.choice = value;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[role=radio][aria-checked=true]')?.focus();
  }

  /** Leaving the editor (a click elsewhere) keeps what it holds. */
  #onFocusOut(event: FocusEvent): void {
    const next = event.relatedTarget as Node | null;
    if (next && this.renderRoot.contains(next)) return;
    if (this.#kind === 'boolean') {
      if (this.choice === null) this.#cancel();
      else this.#commit(String(this.choice), 'stay');
      return;
    }
    this.#commit(this.#multiple ? this.#joined(this.#pieces) : this.text, 'stay');
  }

  override render() {
    return html`<div @keydown=${this.#onKey} @focusout=${this.#onFocusOut}>${this.#renderControl()}</div>`;
  }

  #renderControl() {
    switch (this.#kind) {
      case 'select':
        return this.#renderSelect();
      case 'boolean':
        return html`<div class="toggle" role="radiogroup" aria-label=${this.label}>
            ${[true, false].map(
              (v) => html`<button
                type="button"
                role="radio"
                aria-checked=${this.choice === v ? 'true' : 'false'}
                tabindex=${this.choice === v || (this.choice === null && v) ? '0' : '-1'}
                @click=${() => this.#commit(String(v), 'stay')}
              >${i18n.t(v ? 'review.yes' : 'review.no')}</button>`,
            )}
          </div>`;
      case 'date':
        return html`<input
            type="text"
            aria-label=${this.label}
            aria-describedby="format"
            .value=${this.text}
            @input=${(e: Event) => {
              this.text = (e.target as HTMLInputElement).value;
            }}
          /><div id="format" class="hint" popover="manual">
            ${i18n.t('review.dateFormat', { formats: dateFormats(this.field) })}
          </div>`;
      default:
        return html`<input
          type="text"
          aria-label=${this.label}
          .value=${this.text}
          @input=${(e: Event) => {
            this.text = (e.target as HTMLInputElement).value;
          }}
        />`;
    }
  }

  #renderSelect() {
    const listed = this.#listed;
    const highlighted = listed[this.highlight];
    return html`<input
        type="text"
        role="combobox"
        aria-label=${this.label}
        aria-autocomplete="list"
        aria-expanded="true"
        aria-controls="options"
        aria-activedescendant=${highlighted ? `option-${this.highlight}` : nothing}
        .value=${this.text}
        @input=${(e: Event) => {
          this.text = (e.target as HTMLInputElement).value;
          this.filtering = true;
          this.highlight = this.#listed.length > 0 && this.#query !== '' ? 0 : -1;
        }}
      /><ul
        id="options"
        role="listbox"
        popover="manual"
        aria-label=${i18n.t('review.options', { column: this.field?.label ?? '' })}
        aria-multiselectable=${this.#multiple ? 'true' : nothing}
        @mousedown=${(e: Event) => e.preventDefault()}
      >
        ${listed.map(
          (c, i) => html`<li
            id=${`option-${i}`}
            role="option"
            class=${i === this.highlight ? 'highlight' : ''}
            aria-selected=${this.#isChosen(c) ? 'true' : 'false'}
            @click=${() => {
              if (this.#multiple) this.#toggleOption(c);
              else this.#commit(c.value, 'stay');
            }}
          >${c.label}</li>`,
        )}
        ${listed.length === 0 ? html`<li role="option" aria-disabled="true" aria-selected="false">${i18n.t('review.noOptions')}</li>` : nothing}
      </ul>`;
  }
}
customElements.define('csv-cell-editor', CellEditor);

declare global {
  interface HTMLElementTagNameMap {
    'csv-cell-editor': CellEditor;
  }
}
