import type { ColumnSpec } from '@csv-importer/core';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { i18n } from '../../i18n/i18n.ts';
import type { SessionHandle } from '../../session-handle.ts';
import { controls } from '../../styles/shared-styles.ts';
import type { Mapping, ValueMapping, ValueSuggestion } from '../../worker/session-types.ts';
import { type SelectOption, selectOptions } from './select-options.ts';
import { initialChoices, setChoice, type ValueChoices } from './value-choices.ts';

interface FieldValues {
  readonly field: ColumnSpec;
  readonly column: number;
  readonly options: readonly SelectOption[];
  readonly values: readonly ValueSuggestion[];
}

/**
 * Map values: for each select field that is matched to a column, each distinct value of that
 * column beside the option it stands for. The engine's suggestions (exact, normalized, or close:
 * `Enterprize`, `fre`) are preselected, the close ones marked as suggestions with how sure they
 * are. What the user leaves here is kept in `choices` on Back and Continue and given back when
 * the same field is matched to the same column again.
 */
@customElement('csv-values-step')
export class ValuesStep extends LitElement {
  static override styles = [
    controls,
    css`
      section {
        margin-bottom: 20px;
      }
      td.count {
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      td.option {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 8px;
        align-items: center;
      }
      .suggested {
        color: var(--_warning);
        font-size: 0.9em;
      }
    `,
  ];

  @property({ attribute: false }) accessor session: SessionHandle | undefined;
  @property({ attribute: false }) accessor fields: readonly ColumnSpec[] = [];
  @property({ attribute: false }) accessor mapping: Mapping = {};
  /** The user's choices per field, kept by the app across steps. */
  @property({ attribute: false }) accessor choices: ValueChoices | undefined;
  @property({ attribute: false }) accessor onNext: (values: ValueMapping) => void = () => {};
  @property({ attribute: false }) accessor onBack: () => void = () => {};

  @state() private accessor groups: readonly FieldValues[] = [];
  @state() private accessor chosen: Record<string, Record<string, string>> = {};
  /** Per field, the file values whose option the user set by hand. */
  #touched = new Map<string, Set<string>>();

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
      groups.push({ field, column, options, values });
      chosen[field.key] = initialChoices(values, remembered);
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

  /** A close match the user has not confirmed or changed: it is shown as a suggestion. */
  #isSuggestion(field: string, row: ValueSuggestion): boolean {
    return (
      row.suggestion !== null &&
      row.confidence < 1 &&
      Object.hasOwn(this.chosen[field] ?? {}, row.value) &&
      this.chosen[field]![row.value] === row.suggestion &&
      !this.#touched.get(field)?.has(row.value)
    );
  }

  override render() {
    const percent = new Intl.NumberFormat(i18n.locale, { style: 'percent' });
    return html`<h2 tabindex="-1">${i18n.t('values.title')}</h2>
      <p>${i18n.t('values.intro')}</p>
      ${this.groups.map(
        ({ field, options, values }, g) => html`<section>
          <h3>${field.label}</h3>
          <table class="plain">
            <thead>
              <tr>
                <th scope="col">${i18n.t('values.fileValue')}</th>
                <th scope="col">${i18n.t('values.count')}</th>
                <th scope="col">${i18n.t('values.option')}</th>
              </tr>
            </thead>
            <tbody>
              ${values.map((row, r) => {
                const note = this.#isSuggestion(field.key, row)
                  ? i18n.t('values.suggested', { percent: percent.format(row.confidence) })
                  : '';
                return html`<tr>
                  <th scope="row">${row.value}</th>
                  <td class="count">${i18n.number(row.count)}</td>
                  <td class="option">
                    <select
                      aria-label=${`${field.label}: ${row.value}`}
                      aria-describedby=${note ? `note-${g}-${r}` : nothing}
                      @change=${(e: Event) =>
                        this.#choose(field.key, row.value, (e.target as HTMLSelectElement).value)}
                    >
                      <option value="">${i18n.t('values.keep')}</option>
                      ${options.map(
                        (o) =>
                          html`<option value=${o.value} ?selected=${Object.hasOwn(this.chosen[field.key] ?? {}, row.value) && this.chosen[field.key]![row.value] === o.value}>
                            ${o.label}
                          </option>`,
                      )}
                    </select>
                    ${note ? html`<span class="suggested" id=${`note-${g}-${r}`}>${note}</span>` : nothing}
                  </td>
                </tr>`;
              })}
            </tbody>
          </table>
        </section>`,
      )}
      <div class="actions">
        <button
          @click=${() => {
            this.#keep();
            this.onBack();
          }}
        >
          ${i18n.t('common.back')}
        </button>
        <span class="spacer"></span>
        <button class="primary" @click=${() => this.onNext(this.#keep())}>${i18n.t('common.continue')}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csv-values-step': ValuesStep;
  }
}
