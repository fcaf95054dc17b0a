import { type ColumnSpec, matchLevel } from '@csv-importer/core';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { i18n } from '../../i18n/i18n.ts';
import { controls } from '../../styles/shared-styles.ts';
import type { LoadSummary, Mapping } from '../../worker/session-types.ts';
import './match-summary.ts';

/**
 * Match columns: one line per column of the file, with its sample values, the field it is
 * matched to (preselected from the matcher's suggestion) and how sure that match is. A column
 * can be left out; a field takes at most one column. Unmatched required fields block the next
 * step with a message naming them.
 */
@customElement('csv-match-step')
export class MatchStep extends LitElement {
  static override styles = [
    controls,
    css`
      .samples {
        color: var(--_muted);
        max-width: 260px;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      .sure {
        color: var(--_success);
      }
      .likely {
        color: var(--_warning);
      }
      select {
        width: 100%;
        min-width: 140px;
      }
      @media (max-width: 520px) {
        .samples {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) accessor summary: LoadSummary | undefined;
  @property({ attribute: false }) accessor fields: readonly ColumnSpec[] = [];
  @property({ attribute: false }) accessor mapping: Mapping = {};
  /** Fields whose column the user chose by hand. */
  @property({ attribute: false }) accessor manual: ReadonlySet<string> = new Set();
  @property({ type: Boolean }) accessor includeUnmatched = false;
  /** The rows are being checked with this mapping; the step waits. */
  @property({ type: Boolean }) accessor busy = false;
  @property({ attribute: false }) accessor onChange: (mapping: Mapping, field: string | null) => void =
    () => {};
  @property({ attribute: false }) accessor onNext: () => void = () => {};
  @property({ attribute: false }) accessor onBack: () => void = () => {};
  @property({ attribute: false }) accessor onSettings: () => void = () => {};

  /** Assigns `field` (or nothing) to file column `column`, keeping the mapping one-to-one. */
  #assign(column: number, field: string): void {
    const next: Record<string, number | null> = { ...this.mapping };
    for (const [key, source] of Object.entries(next)) if (source === column) next[key] = null;
    if (field !== '') next[field] = column;
    this.onChange(next, field === '' ? null : field);
  }

  #confidence(column: number, field: string | undefined) {
    if (!field) return nothing;
    if (this.manual.has(field)) return html`<span>${i18n.t('match.manual')}</span>`;
    const suggestion = this.summary?.suggestions.find((s) => s.fileColumn === column && s.key === field);
    if (!suggestion) return html`<span>${i18n.t('match.manual')}</span>`;
    return matchLevel(suggestion.confidence) === 'sure'
      ? html`<span class="sure">${i18n.t('match.sure')}</span>`
      : html`<span class="likely"
          >${i18n.t('match.likely', {
            percent: new Intl.NumberFormat(i18n.locale, { style: 'percent' }).format(suggestion.confidence),
          })}</span
        >`;
  }

  override render() {
    const summary = this.summary;
    if (!summary) return html``;
    const fieldOf = new Map<number, string>();
    for (const [key, source] of Object.entries(this.mapping)) if (source !== null) fieldOf.set(source, key);
    const missing = this.fields.filter((f) => f.required && (this.mapping[f.key] ?? null) === null);
    const unmatched = summary.headers.filter((h, i) => h !== '' && !fieldOf.has(i));
    return html`<h2 tabindex="-1">${i18n.t('match.title')}</h2>
      <csv-match-summary .summary=${summary} .mapping=${this.mapping} .manual=${this.manual}></csv-match-summary>
      <div class="scroll-x">
        <table class="plain">
          <thead>
            <tr>
              <th scope="col">${i18n.t('match.column')}</th>
              <th scope="col" class="samples">${i18n.t('match.samples')}</th>
              <th scope="col">${i18n.t('match.field')}</th>
              <th scope="col">${i18n.t('match.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            ${summary.headers.map((header, column) => {
              const field = fieldOf.get(column);
              return html`<tr>
                <th scope="row">${header || `#${column + 1}`}</th>
                <td class="samples">${(summary.samples[column] ?? []).join(', ')}</td>
                <td>
                  <select
                    aria-label=${header || `#${column + 1}`}
                    data-column=${column}
                    @change=${(e: Event) => this.#assign(column, (e.target as HTMLSelectElement).value)}
                  >
                    <option value="" ?selected=${field === undefined}>${i18n.t('match.none')}</option>
                    ${this.fields.map(
                      (f) =>
                        html`<option value=${f.key} ?selected=${field === f.key}>
                          ${f.label}${f.required ? ` (${i18n.t('match.required')})` : ''}
                        </option>`,
                    )}
                  </select>
                </td>
                <td>${this.#confidence(column, field)}</td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>
      ${
        unmatched.length > 0
          ? html`<p class="muted">
              ${i18n.t(this.includeUnmatched ? 'match.unmatchedKept' : 'match.unmatched', {
                columns: unmatched.join(', '),
              })}
            </p>`
          : nothing
      }
      ${
        missing.length > 0
          ? html`<p class="error" role="alert">
              ${i18n.t('match.requiredMissing', { fields: missing.map((c) => c.label).join(', ') })}
            </p>`
          : nothing
      }
      <div class="actions">
        <button @click=${() => this.onBack()}>${i18n.t('common.back')}</button>
        <button @click=${() => this.onSettings()}>${i18n.t('header.settings')}</button>
        <span class="spacer"></span>
        <button class="primary" ?disabled=${missing.length > 0 || this.busy} @click=${() => this.onNext()}>
          ${i18n.t('common.continue')}
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

declare global {
  interface HTMLElementTagNameMap {
    'csv-match-step': MatchStep;
  }
}
