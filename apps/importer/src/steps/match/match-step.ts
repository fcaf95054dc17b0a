import { type ColumnSpec, matchLevel } from '@csv-importer/core';
import { html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { OptionChooser } from '../../chooser/option-chooser.ts';
import type { ChooserOption } from '../../chooser/option-filter.ts';
import { RowWindow } from '../../chooser/row-window.ts';
import { LIST_ROW_HEIGHT } from '../../chooser/row-window-styles.ts';
import { i18n } from '../../i18n/i18n.ts';
import { icon } from '../../icons/icons.ts';
import { controls } from '../../styles/shared-styles.ts';
import type { LoadSummary, Mapping } from '../../worker/session-types.ts';
import './match-summary.ts';
import { matchStepStyles } from './match-step-styles.ts';

/** Most characters of a header put in the DOM (a name, a label); the file may hold far longer ones. */
const SHOWN_HEADER_LENGTH = 1000;
/** Most characters of a header quoted inside a sentence ("held by column …"). */
const QUOTED_HEADER_LENGTH = 60;
/** Most unmatched columns named in the line under the table; the others are counted. */
const NAMED_UNMATCHED = 10;

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length)}…` : text);

/** The last time taking a field moved it away from another column: shown, announced, undoable. */
interface Move {
  readonly field: string;
  /** The column that held the field and lost it. */
  readonly from: number;
  /** The column that took it. */
  readonly to: number;
  /** The field the losing column took in exchange (the taker's old one), if any. */
  readonly other: string | undefined;
  readonly before: { readonly mapping: Mapping; readonly manual: ReadonlySet<string> };
}

/**
 * Match columns: one line per column of the file, with its sample values, the field it is
 * matched to (preselected from the matcher's suggestion, or remembered from an earlier import)
 * and how sure that match is. A column can be left out; a field takes at most one column.
 * Unmatched required fields block the next step with a message naming them.
 *
 * Each column's field is a combobox that opens one shared, searchable list; arrowing through
 * the list changes nothing, Enter or a click chooses. A field another column holds says so in
 * the list, and taking it is a swap the user sees: the other column gets the taker's old field
 * (or none), its row says where the field went, a status line announces it, and Undo puts both
 * back. The file sets how many columns there are (up to 2,000), so only the rows in view are
 * rendered.
 */
export class MatchStep extends LitElement {
  static override styles = [controls, OptionChooser.styles, ...matchStepStyles];

  static override properties = {
    summary: { attribute: false },
    fields: { attribute: false },
    mapping: { attribute: false },
    manual: { attribute: false },
    remembered: { attribute: false },
    includeUnmatched: { type: Boolean },
    busy: { type: Boolean },
    onChange: { attribute: false },
    onNext: { attribute: false },
    onBack: { attribute: false },
    onSettings: { attribute: false },
    move: { state: true },
    notice: { state: true },
  };
  declare summary: LoadSummary | undefined;
  declare fields: readonly ColumnSpec[];
  declare mapping: Mapping;
  /** Fields whose column the user chose by hand. */
  declare manual: ReadonlySet<string>;
  /** Fields whose column came from the mappings of an earlier import (the user can still change them). */
  declare remembered: ReadonlySet<string>;
  declare includeUnmatched: boolean;
  /** The rows are being checked with this mapping; the step waits. */
  declare busy: boolean;
  /** The user changed the mapping: the new one and the fields they have chosen by hand. */
  declare onChange: (mapping: Mapping, manual: ReadonlySet<string>) => void;
  declare onNext: () => void;
  declare onBack: () => void;
  declare onSettings: () => void;

  declare private move: Move | undefined;
  /** What the status line says when no move is shown (after Undo). */
  declare private notice: string;

  constructor() {
    super();
    this.fields = [];
    this.mapping = {};
    this.manual = new Set();
    this.remembered = new Set();
    this.includeUnmatched = false;
    this.busy = false;
    this.onChange = () => {};
    this.onNext = () => {};
    this.onBack = () => {};
    this.onSettings = () => {};
    this.notice = '';
  }

  #rows = new RowWindow(this, LIST_ROW_HEIGHT);
  #chooser = new OptionChooser(this, {
    id: 'fields',
    options: (owner) => this.#options(Number(owner)),
    commit: (owner, field) => this.#assign(Number(owner), field),
  });

  #header(column: number, length = SHOWN_HEADER_LENGTH): string {
    const header = this.summary?.headers[column] ?? '';
    return header === '' ? `#${column + 1}` : clip(header, length);
  }

  #label(field: string): string {
    return this.fields.find((f) => f.key === field)?.label ?? field;
  }

  /** The field list of column `column`'s combobox: none first, then every field, each held one saying by which column. */
  #options(column: number): ChooserOption[] {
    return [
      { value: '', label: i18n.t('match.none') },
      ...this.fields.map((f) => {
        const holder = this.mapping[f.key] ?? null;
        const notes = [
          f.required ? i18n.t('match.required') : '',
          holder !== null && holder !== column
            ? i18n.t('match.heldBy', { column: this.#header(holder, QUOTED_HEADER_LENGTH) })
            : '',
        ].filter((n) => n !== '');
        return {
          value: f.key,
          label: f.label,
          aliases: [f.key, ...(f.synonyms ?? [])],
          ...(notes.length > 0 ? { note: notes.join(' · ') } : {}),
        };
      }),
    ];
  }

  /**
   * Gives `field` (or none, `''`) to file column `column`. A field another column holds moves
   * here, and that column takes this one's old field in exchange: a swap, shown and undoable.
   */
  #assign(column: number, field: string): void {
    const previous = Object.entries(this.mapping).find(([, source]) => source === column)?.[0];
    if ((previous ?? '') === field) return;
    const next: Record<string, number | null> = { ...this.mapping };
    const manual = new Set(this.manual);
    if (previous !== undefined) next[previous] = null;
    let move: Move | undefined;
    if (field !== '') {
      const holder = this.mapping[field] ?? null;
      if (holder !== null && holder !== column) {
        if (previous !== undefined) {
          next[previous] = holder;
          manual.add(previous);
        }
        move = {
          field,
          from: holder,
          to: column,
          other: previous,
          before: { mapping: this.mapping, manual: this.manual },
        };
      }
      next[field] = column;
      manual.add(field);
    }
    this.move = move;
    this.notice = '';
    this.onChange(next, manual);
  }

  #undo(): void {
    const move = this.move;
    if (!move) return;
    this.move = undefined;
    this.notice = i18n.t('match.undone');
    this.onChange(move.before.mapping, move.before.manual);
    // The Undo button is gone: the keyboard goes back to the column that took the field.
    void this.updateComplete.then(() => {
      const box = this.renderRoot.querySelector<HTMLElement>(`[data-owner="${move.to}"]`);
      (box ?? this.renderRoot.querySelector<HTMLElement>('h2'))?.focus();
    });
  }

  #moveText(move: Move): string {
    const params = {
      field: this.#label(move.field),
      from: this.#header(move.from, QUOTED_HEADER_LENGTH),
      to: this.#header(move.to, QUOTED_HEADER_LENGTH),
    };
    return move.other === undefined
      ? i18n.t('match.moved', params)
      : i18n.t('match.swapped', { ...params, other: this.#label(move.other) });
  }

  #confidence(column: number, field: string | undefined) {
    const move = this.move;
    if (move && move.from === column) {
      const text = i18n.t('match.lostTo', {
        field: this.#label(move.field),
        column: this.#header(move.to, QUOTED_HEADER_LENGTH),
      });
      return html`<span class="lost" title=${text}>${text}</span>`;
    }
    if (!field) return nothing;
    if (this.manual.has(field)) return html`<span class="pill">${i18n.t('match.manual')}</span>`;
    if (this.remembered.has(field))
      return html`<span class="pill sure">${icon('check')}${i18n.t('match.remembered')}</span>`;
    const suggestion = this.summary?.suggestions.find((s) => s.fileColumn === column && s.key === field);
    if (!suggestion) return html`<span class="pill">${i18n.t('match.manual')}</span>`;
    return matchLevel(suggestion.confidence) === 'sure'
      ? html`<span class="pill sure">${icon('check')}${i18n.t('match.sure')}</span>`
      : html`<span class="pill likely"
          >${icon('warning')}${i18n.t('match.likely', {
            percent: new Intl.NumberFormat(i18n.locale, { style: 'percent' }).format(suggestion.confidence),
          })}</span
        >`;
  }

  #unmatchedLine(summary: LoadSummary, fieldOf: ReadonlyMap<number, string>) {
    const unmatched: number[] = [];
    summary.headers.forEach((h, i) => {
      if (h !== '' && !fieldOf.has(i)) unmatched.push(i);
    });
    if (unmatched.length === 0) return nothing;
    const named = unmatched.slice(0, NAMED_UNMATCHED).map((i) => this.#header(i, QUOTED_HEADER_LENGTH));
    const columns =
      unmatched.length > NAMED_UNMATCHED
        ? i18n.t('match.more', { columns: named.join(', '), hidden: unmatched.length - NAMED_UNMATCHED })
        : named.join(', ');
    return html`<p class="muted">
      ${i18n.t(this.includeUnmatched ? 'match.unmatchedKept' : 'match.unmatched', { columns })}
    </p>`;
  }

  override render() {
    const summary = this.summary;
    if (!summary) return html``;
    const fieldOf = new Map<number, string>();
    for (const [key, source] of Object.entries(this.mapping)) if (source !== null) fieldOf.set(source, key);
    const missing = this.fields.filter((f) => f.required && (this.mapping[f.key] ?? null) === null);
    const count = summary.headers.length;
    const { start, end, before, after } = this.#rows.range(count);
    const move = this.move;
    return html`<h2 tabindex="-1">${i18n.t('match.title')}</h2>
      <csv-match-summary
        .summary=${summary}
        .mapping=${this.mapping}
        .manual=${this.remembered.size > 0 ? new Set([...this.manual, ...this.remembered]) : this.manual}
      ></csv-match-summary>
      <div class="moved" role="status">${
        move
          ? html`<span>${this.#moveText(move)}</span>
              <button @click=${() => this.#undo()}>${i18n.t('match.undo')}</button>`
          : this.notice || nothing
      }</div>
      <div
        class="rows"
        @scroll=${(e: Event) => {
          this.#rows.onScroll(e);
        }}
      >
        <table class="plain" aria-rowcount=${count + 1}>
          <thead>
            <tr aria-rowindex="1">
              <th scope="col" class="column">${i18n.t('match.column')}</th>
              <th scope="col" class="samples">${i18n.t('match.samples')}</th>
              <th scope="col" class="field">${i18n.t('match.field')}</th>
              <th scope="col">${i18n.t('match.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            ${before > 0 ? html`<tr class="gap" aria-hidden="true" style="height:${before}px"><td colspan="4"></td></tr>` : nothing}
            ${repeat(
              Array.from({ length: end - start }, (_, i) => start + i),
              (column) => column,
              (column) => {
                const field = fieldOf.get(column);
                const header = this.#header(column);
                const samples = (summary.samples[column] ?? []).join(', ');
                return html`<tr aria-rowindex=${column + 2}>
                  <th scope="row" title=${header}>${header}</th>
                  <td class="samples" title=${samples}>
                    ${(summary.samples[column] ?? []).map((value, i) => html`${i > 0 ? ', ' : ''}<bdi>${value}</bdi>`)}
                  </td>
                  <td>
                    ${this.#chooser.combobox(String(column), {
                      label: header,
                      value: field ?? '',
                      text: field === undefined ? i18n.t('match.none') : this.#label(field),
                    })}
                  </td>
                  <td>${this.#confidence(column, field)}</td>
                </tr>`;
              },
            )}
            ${after > 0 ? html`<tr class="gap" aria-hidden="true" style="height:${after}px"><td colspan="4"></td></tr>` : nothing}
          </tbody>
        </table>
      </div>
      ${this.#chooser.popup()}
      ${this.#unmatchedLine(summary, fieldOf)}
      ${
        missing.length > 0
          ? html`<div class="callout error">${icon('error')}<p role="alert">
              ${i18n.t('match.requiredMissing', { fields: missing.map((c) => c.label).join(', ') })}
            </p></div>`
          : nothing
      }
      <div class="actions">
        <button @click=${() => this.onBack()}>${icon('back')}${i18n.t('common.back')}</button>
        <button class="quiet" @click=${() => this.onSettings()}>${icon('settings')}${i18n.t('header.settings')}</button>
        <span class="spacer"></span>
        <button class="primary" ?disabled=${missing.length > 0 || this.busy} @click=${() => this.onNext()}>
          ${i18n.t('common.continue')}${icon('forward')}
        </button>
      </div>
      ${
        this.busy
          ? html`<p role="status">${i18n.t('match.validating')}</p>
              <progress aria-label=${i18n.t('match.validating')}></progress>`
          : nothing
      }`;
  }
}
customElements.define('csv-match-step', MatchStep);

declare global {
  interface HTMLElementTagNameMap {
    'csv-match-step': MatchStep;
  }
}
