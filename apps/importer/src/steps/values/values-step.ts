import type { ColumnSpec } from '@csv-importer/core';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { i18n } from '../../i18n/i18n.ts';
import type { SessionHandle } from '../../session-handle.ts';
import { controls } from '../../styles/shared-styles.ts';
import type { Mapping, ValueMapping } from '../../worker/session-types.ts';
import { type SelectOption, selectOptions, suggestOption } from './select-options.ts';

interface FieldValues {
  readonly field: ColumnSpec;
  readonly options: readonly SelectOption[];
  readonly values: readonly { value: string; count: number }[];
}

/**
 * Map values: for each select field that is matched to a column, each distinct value of that
 * column beside the option it stands for, preselected where the value, label or an alternate
 * spelling matches.
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
    `,
  ];

  @property({ attribute: false }) accessor session: SessionHandle | undefined;
  @property({ attribute: false }) accessor fields: readonly ColumnSpec[] = [];
  @property({ attribute: false }) accessor mapping: Mapping = {};
  @property({ attribute: false }) accessor onNext: (values: ValueMapping) => void = () => {};
  @property({ attribute: false }) accessor onBack: () => void = () => {};

  @state() private accessor groups: readonly FieldValues[] = [];
  @state() private accessor chosen: Record<string, Record<string, string>> = {};

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
      const values = await session.distinctValues(column);
      groups.push({ field, options, values });
      chosen[field.key] = {};
      for (const { value } of values) {
        const option = suggestOption(value, options);
        if (option !== undefined) chosen[field.key]![value] = option;
      }
    }
    this.groups = groups;
    this.chosen = chosen;
  }

  override render() {
    return html`<h2 tabindex="-1">${i18n.t('values.title')}</h2>
      <p>${i18n.t('values.intro')}</p>
      ${this.groups.map(
        ({ field, options, values }) => html`<section>
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
              ${values.map(
                ({ value, count }) => html`<tr>
                  <th scope="row">${value}</th>
                  <td class="count">${i18n.number(count)}</td>
                  <td>
                    <select
                      aria-label=${`${field.label}: ${value}`}
                      @change=${(e: Event) => {
                        const option = (e.target as HTMLSelectElement).value;
                        const next = { ...this.chosen[field.key] };
                        if (option === '') delete next[value];
                        else next[value] = option;
                        this.chosen = { ...this.chosen, [field.key]: next };
                      }}
                    >
                      <option value="">${i18n.t('values.keep')}</option>
                      ${options.map(
                        (o) =>
                          html`<option value=${o.value} ?selected=${this.chosen[field.key]?.[value] === o.value}>
                            ${o.label}
                          </option>`,
                      )}
                    </select>
                  </td>
                </tr>`,
              )}
            </tbody>
          </table>
        </section>`,
      )}
      <div class="actions">
        <button @click=${() => this.onBack()}>${i18n.t('common.back')}</button>
        <span class="spacer"></span>
        <button class="primary" @click=${() => this.onNext(this.chosen)}>${i18n.t('common.continue')}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csv-values-step': ValuesStep;
  }
}
