import type { ColumnSpec } from '@csv-importer/core';
import { css, html, LitElement, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { OptionChooser } from '../../chooser/option-chooser.ts';
import type { ChooserOption } from '../../chooser/option-filter.ts';
import { RowWindow } from '../../chooser/row-window.ts';
import { LIST_ROW_HEIGHT, rowWindowTableStyles } from '../../chooser/row-window-styles.ts';
import { i18n } from '../../i18n/i18n.ts';
import { icon } from '../../icons/icons.ts';
import type { SessionHandle } from '../../session-handle.ts';
import { controls } from '../../styles/shared-styles.ts';
import type { Mapping, ValueMapping, ValueSuggestion } from '../../worker/session-types.ts';
import { type SelectOption, selectOptions } from './select-options.ts';
import { initialChoices, setChoice, type ValueChoices } from './value-choices.ts';

interface FieldValues {
  readonly field: ColumnSpec;
  readonly column: number;
  readonly options: readonly SelectOption[];
  /** The options as the chooser lists them, "keep as it is" first; made once per field. */
  readonly choices: readonly ChooserOption[];
  readonly values: readonly ValueSuggestion[];
}

/** Most characters of a file value shown in its row (a cell may hold 100,000). */
const SHOWN_VALUE_LENGTH = 200;

const shown = (value: string) =>
  value.length > SHOWN_VALUE_LENGTH ? `${value.slice(0, SHOWN_VALUE_LENGTH)}…` : value;

/**
 * Map values: for each select field that is matched to a column, each distinct value of that
 * column beside the option it stands for. The engine's suggestions (exact, normalized, or close:
 * `Enterprize`, `fre`) are preselected, the close ones marked as suggestions with how sure they
 * are. What the user leaves here is kept in `choices` on Back and Continue and given back when
 * the same field is matched to the same column again. Options saved by an earlier import (the
 * host's remembered mappings) come before the suggestions and are marked as remembered.
 *
 * Its size is set by the file (up to 200 distinct values a field) and the spec (any number of
 * options), so only the values in view are rendered (each field's list scrolls), and every
 * value's combobox opens one shared, searchable list that holds a bounded number of options:
 * typing narrows it; Enter or a click chooses.
 */
export class ValuesStep extends LitElement {
  static override styles = [
    controls,
    OptionChooser.styles,
    rowWindowTableStyles(LIST_ROW_HEIGHT, 10),
    css`
      section {
        margin-bottom: 20px;
      }
      th.value {
        width: 35%;
      }
      th.count {
        width: 5em;
      }
      td.count {
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      td.option {
        display: flex;
        gap: 8px;
        align-items: center;
      }
      .remembered {
        color: var(--_success);
        font-size: 0.9em;
        flex: none;
      }
      .suggested {
        color: var(--_warning);
        font-size: 0.9em;
        flex: none;
      }
    `,
  ];

  static override properties = {
    session: { attribute: false },
    fields: { attribute: false },
    mapping: { attribute: false },
    choices: { attribute: false },
    saved: { attribute: false },
    onNext: { attribute: false },
    onBack: { attribute: false },
    groups: { state: true },
    chosen: { state: true },
  };
  declare session: SessionHandle | undefined;
  declare fields: readonly ColumnSpec[];
  declare mapping: Mapping;
  /** The user's choices per field, kept by the app across steps. */
  declare choices: ValueChoices | undefined;
  /** Per field, file value to option, from an earlier import (the host's remembered mappings). */
  declare saved: Readonly<Record<string, Readonly<Record<string, string>>>>;
  declare onNext: (values: ValueMapping) => void;
  declare onBack: () => void;

  declare private groups: readonly FieldValues[];
  declare private chosen: Record<string, Record<string, string>>;

  constructor() {
    super();
    this.fields = [];
    this.mapping = {};
    this.saved = {};
    this.onNext = () => {};
    this.onBack = () => {};
    this.groups = [];
    this.chosen = {};
  }
  /** Per field, the file values whose option the user set by hand. */
  #touched = new Map<string, Set<string>>();
  /** Per field, the saved options that apply (those the field still has). */
  #saved = new Map<string, Readonly<Record<string, string>>>();
  /** Per field, which of its values are in view. */
  #windows = new Map<string, RowWindow>();
  /** The one option list every value's combobox opens; owners are `group:row`. */
  #chooser = new OptionChooser(this, {
    id: 'values',
    options: (owner) => this.groups[Number(owner.split(':')[0])]?.choices ?? [],
    commit: (owner, option) => {
      const [g, r] = owner.split(':').map(Number);
      const group = this.groups[g!];
      const row = group?.values[r!];
      if (group && row) this.#choose(group.field.key, row.value, option);
    },
  });

  override async connectedCallback(): Promise<void> {
    super.connectedCallback();
    const session = this.session?.remote;
    if (!session) return;
    const groups: FieldValues[] = [];
    const chosen: Record<string, Record<string, string>> = {};
    for (const field of this.fields) {
      const options = selectOptions(field);
      const column = this.mapping[field.key];
      if (options.length === 0 || column === null || column === undefined) continue;
      const values = await session.suggestValues(column, field.key);
      const remembered = this.choices?.get(field.key, column);
      const choices = [
        { value: '', label: i18n.t('values.keep') },
        ...options.map((o) => ({ value: o.value, label: o.label, aliases: o.alternates })),
      ];
      groups.push({ field, column, options, choices, values });
      this.#windows.set(field.key, new RowWindow(this, LIST_ROW_HEIGHT));
      const saved: Record<string, string> = {};
      const known = new Set(options.map((o) => o.value));
      const fromHost = Object.hasOwn(this.saved, field.key) ? this.saved[field.key]! : {};
      for (const [value, option] of Object.entries(fromHost))
        if (known.has(option)) setChoice(saved, value, option);
      this.#saved.set(field.key, saved);
      chosen[field.key] = initialChoices(values, remembered, saved);
      this.#touched.set(field.key, new Set(remembered?.touched));
    }
    this.groups = groups;
    this.chosen = chosen;
  }

  /** Hands the choices to the app's memory, so Back and Continue both keep them. */
  #keep(): ValueMapping {
    for (const { field, column } of this.groups)
      this.choices?.set(field.key, {
        column,
        chosen: this.chosen[field.key] ?? {},
        touched: [...(this.#touched.get(field.key) ?? [])],
      });
    return this.chosen;
  }

  #choose(field: string, value: string, option: string): void {
    const next = { ...this.chosen[field] };
    if (option === '') delete next[value];
    else setChoice(next, value, option);
    this.#touched.get(field)?.add(value);
    this.chosen = { ...this.chosen, [field]: next };
  }

  /** The value's option came from an earlier import and the user has not changed it: marked as remembered. */
  #isRemembered(field: string, row: ValueSuggestion): boolean {
    const saved = this.#saved.get(field) ?? {};
    const chosen = this.chosen[field] ?? {};
    return (
      Object.hasOwn(saved, row.value) &&
      Object.hasOwn(chosen, row.value) &&
      chosen[row.value] === saved[row.value] &&
      !this.#touched.get(field)?.has(row.value)
    );
  }

  /** A close match the user has not confirmed or changed: it is shown as a suggestion. */
  #isSuggestion(field: string, row: ValueSuggestion): boolean {
    return (
      !this.#isRemembered(field, row) &&
      row.suggestion !== null &&
      row.confidence < 1 &&
      Object.hasOwn(this.chosen[field] ?? {}, row.value) &&
      this.chosen[field]![row.value] === row.suggestion &&
      !this.#touched.get(field)?.has(row.value)
    );
  }

  #renderGroup({ field, values, options }: FieldValues, g: number, percent: Intl.NumberFormat) {
    const view = this.#windows.get(field.key)!;
    const { start, end, before, after } = view.range(values.length);
    const chosen = this.chosen[field.key] ?? {};
    const labelOf = new Map(options.map((o) => [o.value, o.label]));
    return html`<section>
      <h3 id=${`field-${g}`}>${field.label}</h3>
      <div class="rows" @scroll=${view.onScroll}>
        <table class="plain" aria-labelledby=${`field-${g}`} aria-rowcount=${values.length + 1}>
          <thead>
            <tr aria-rowindex="1">
              <th scope="col" class="value">${i18n.t('values.fileValue')}</th>
              <th scope="col" class="count">${i18n.t('values.count')}</th>
              <th scope="col">${i18n.t('values.option')}</th>
            </tr>
          </thead>
          <tbody>
            ${before > 0 ? html`<tr class="gap" aria-hidden="true" style="height:${before}px"><td colspan="3"></td></tr>` : nothing}
            ${repeat(
              values.slice(start, end),
              (row) => row.value,
              (row, i) => {
                const r = start + i;
                const remembered = this.#isRemembered(field.key, row);
                const note = remembered
                  ? i18n.t('match.remembered')
                  : this.#isSuggestion(field.key, row)
                    ? i18n.t('values.suggested', { percent: percent.format(row.confidence) })
                    : '';
                const option = Object.hasOwn(chosen, row.value) ? chosen[row.value]! : '';
                return html`<tr aria-rowindex=${r + 2}>
                  <th scope="row" title=${shown(row.value)}><bdi>${shown(row.value)}</bdi></th>
                  <td class="count">${i18n.number(row.count)}</td>
                  <td class="option">
                    ${this.#chooser.combobox(`${g}:${r}`, {
                      label: `${field.label}: ${shown(row.value)}`,
                      value: option,
                      text: option === '' ? i18n.t('values.keep') : (labelOf.get(option) ?? option),
                      describedBy: note ? `note-${g}-${r}` : undefined,
                    })}
                    ${note ? html`<span class=${remembered ? 'remembered' : 'suggested'} id=${`note-${g}-${r}`}>${note}</span>` : nothing}
                  </td>
                </tr>`;
              },
            )}
            ${after > 0 ? html`<tr class="gap" aria-hidden="true" style="height:${after}px"><td colspan="3"></td></tr>` : nothing}
          </tbody>
        </table>
      </div>
    </section>`;
  }

  override render() {
    const percent = new Intl.NumberFormat(i18n.locale, { style: 'percent' });
    return html`<h2 tabindex="-1">${i18n.t('values.title')}</h2>
      <p>${i18n.t('values.intro')}</p>
      ${this.groups.map((group, g) => this.#renderGroup(group, g, percent))}
      ${this.#chooser.popup()}
      <div class="actions">
        <button
          @click=${() => {
            this.#keep();
            this.onBack();
          }}
        >
          ${icon('back')}${i18n.t('common.back')}
        </button>
        <span class="spacer"></span>
        <button class="primary" @click=${() => this.onNext(this.#keep())}>${i18n.t('common.continue')}${icon('forward')}</button>
      </div>`;
  }
}
customElements.define('csv-values-step', ValuesStep);

declare global {
  interface HTMLElementTagNameMap {
    'csv-values-step': ValuesStep;
  }
}
