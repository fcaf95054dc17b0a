import { ENCODINGS, type Encoding } from '@csv-importer/core/encodings';
import { css, html, LitElement, nothing } from 'lit';
import { i18n } from '../../i18n/i18n.ts';
import { icon } from '../../icons/icons.ts';
import { controls } from '../../styles/shared-styles.ts';
import type { EncodingDoubt, LoadSummary, ReadingFinding, ReadOptions } from '../../worker/session-types.ts';
import { encodingName } from './encoding-names.ts';

/** The columns the header step's preview shows; the rest are counted. */
const SHOWN_COLUMNS = 60;

const DELIMITERS = [
  [',', 'header.comma'],
  [';', 'header.semicolon'],
  ['\t', 'header.tab'],
  ['|', 'header.pipe'],
] as const;

/**
 * How the file is read: a preview of its first records with the detected header row chosen
 * (the user can pick another), and the encoding and delimiter, which the user can change when
 * the preview looks wrong; a change reads the file again. When the encoding detection was
 * unsure, the likely encodings are offered, each with the file's first lines as it reads them;
 * what reading found about whole rows (malformed quotes, bytes that are not text, rows that do
 * not line up with the header) is named with the rows, which the review marks. A header row
 * with no rows below it cannot be continued from.
 */
export class HeaderStep extends LitElement {
  static override styles = [
    controls,
    css`
      .settings {
        display: flex;
        flex-wrap: wrap;
        gap: 12px 24px;
        margin-bottom: 12px;
      }
      .settings label {
        display: flex;
        flex-direction: column;
        gap: 4px;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        min-width: 0;
      }
      legend {
        font-weight: 600;
        margin-bottom: 6px;
      }
      td {
        white-space: nowrap;
        max-width: 220px;
        overflow: hidden;
        text-overflow: ellipsis;
      }
      tr.header td {
        font-weight: 600;
        background: color-mix(in srgb, var(--_primary) 10%, var(--_bg));
      }
      tr.above td {
        color: var(--_muted);
        text-decoration: line-through;
      }
      .notice {
        margin: 0 0 var(--_space-3);
      }
      .notice > div {
        min-width: 0;
      }
      .notice p,
      .notice ul {
        margin: 0 0 6px;
      }
      .readings {
        display: flex;
        flex-wrap: wrap;
        gap: 8px 16px;
        list-style: none;
        padding: 0;
      }
      .readings pre {
        margin: 4px 0 0;
        font: inherit;
        white-space: pre-wrap;
        max-width: 40ch;
      }
    `,
  ];

  static override properties = {
    summary: { attribute: false },
    onHeaderRow: { attribute: false },
    onReread: { attribute: false },
    onSheet: { attribute: false },
    onNext: { attribute: false },
    onBack: { attribute: false },
  };
  declare summary: LoadSummary | undefined;
  declare onHeaderRow: (row: number) => void;
  declare onReread: (options: ReadOptions) => void;
  declare onSheet: (sheet: string) => void;
  declare onNext: () => void;
  declare onBack: () => void;

  constructor() {
    super();
    this.onHeaderRow = () => {};
    this.onReread = () => {};
    this.onSheet = () => {};
    this.onNext = () => {};
    this.onBack = () => {};
  }

  override render() {
    const summary = this.summary;
    if (!summary) return html``;
    const columns = summary.preview.reduce((most, r) => Math.max(most, r.length), 1);
    // A row is recognized by its first cells; thousands of columns would only freeze the frame.
    const width = Math.min(columns, SHOWN_COLUMNS);
    return html`<h2 tabindex="-1">${i18n.t('header.title')}</h2>
      ${summary.encodingDoubt ? this.#renderDoubt(summary, summary.encodingDoubt) : nothing}
      ${summary.readingFindings ? this.#renderFindings(summary, summary.readingFindings) : nothing}
      <div class="settings">
        ${
          summary.sheets
            ? html`<label
                >${i18n.t('header.sheet')}
                <select @change=${(e: Event) => this.onSheet((e.target as HTMLSelectElement).value)}>
                  ${summary.sheets.map((name) => html`<option value=${name} ?selected=${summary.sheet === name}>${name}</option>`)}
                </select>
              </label>`
            : html`<label
                  >${i18n.t('header.encoding')}
                  <select
                    @change=${(e: Event) =>
                      this.onReread({
                        encoding: (e.target as HTMLSelectElement).value as Encoding,
                        delimiter: summary.delimiter,
                      })}
                  >
                    ${ENCODINGS.map((enc) => html`<option value=${enc} ?selected=${summary.encoding === enc}>${encodingName(enc, i18n.locale)}</option>`)}
                  </select>
                </label>
                <label
                  >${i18n.t('header.delimiter')}
                  <select
                    @change=${(e: Event) =>
                      this.onReread({
                        encoding: summary.encoding as Encoding,
                        delimiter: (e.target as HTMLSelectElement).value,
                      })}
                  >
                    ${DELIMITERS.map(
                      ([d, key]) =>
                        html`<option value=${d} ?selected=${summary.delimiter === d}>${i18n.t(key)}</option>`,
                    )}
                  </select>
                </label>`
        }
      </div>
      <fieldset>
        <legend>${i18n.t('header.pick')}</legend>
        <div class="scroll-x">
          <table class="plain">
            <tbody>
              ${summary.preview.map(
                (
                  record,
                  r,
                ) => html`<tr class=${r === summary.headerRow ? 'header' : r < summary.headerRow ? 'above' : ''}>
                  <td>
                    <label>
                      <input
                        type="radio"
                        name="header"
                        .checked=${r === summary.headerRow}
                        @change=${() => this.onHeaderRow(r)}
                      />
                      ${i18n.t('header.row', { row: r + 1 })}
                    </label>
                  </td>
                  ${Array.from({ length: width }, (_, c) => html`<td><bdi>${record[c] ?? ''}</bdi></td>`)}
                </tr>`,
              )}
            </tbody>
          </table>
        </div>
        ${
          columns > width
            ? html`<p class="muted">${i18n.t('header.someColumns', { shown: width, count: i18n.number(columns) })}</p>`
            : nothing
        }
      </fieldset>
      ${summary.rowCount === 0 ? html`<div class="callout error">${icon('error')}<p role="alert">${i18n.t('header.noRows')}</p></div>` : nothing}
      <div class="actions">
        <button @click=${() => this.onBack()}>${icon('back')}${i18n.t('common.back')}</button>
        <span class="spacer"></span>
        <button class="primary" ?disabled=${summary.rowCount === 0} @click=${() => this.onNext()}>
          ${i18n.t('common.continue')}${icon('forward')}
        </button>
      </div>`;
  }

  /** The detected encoding is unsure: each likely reading with the file's first lines in it. */
  #renderDoubt(summary: LoadSummary, doubt: EncodingDoubt) {
    return html`<div class="notice callout warning" role="status">${icon('warning')}<div>
      <p>${i18n.t('header.encodingDoubt', { encoding: encodingName(summary.encoding, i18n.locale) })}</p>
      <ul class="readings">
        ${doubt.alternatives.map(
          ({ encoding, sample }) => html`<li>
            ${
              encoding === summary.encoding
                ? html`<strong>${i18n.t('header.readAs', { encoding: encodingName(encoding, i18n.locale) })}</strong>`
                : html`<button
                    type="button"
                    @click=${() => this.onReread({ encoding, delimiter: summary.delimiter })}
                  >
                    ${i18n.t('header.readAs', { encoding: encodingName(encoding, i18n.locale) })}
                  </button>`
            }
            <pre>${sample}</pre>
          </li>`,
        )}
      </ul>
    </div></div>`;
  }

  /** What reading found about whole rows, each kind with its first rows. */
  #renderFindings(summary: LoadSummary, findings: readonly ReadingFinding[]) {
    return html`<div class="notice callout warning" role="status">${icon('warning')}
      <ul>
        ${findings.map(
          (f) =>
            html`<li>
              ${i18n.t(`header.${f.code}` as 'header.ragged_row', {
                count: f.count,
                rows: f.rows.map((r) => i18n.number(r)).join(', ') + (f.count > f.rows.length ? ', …' : ''),
                encoding: encodingName(summary.encoding, i18n.locale),
              })}
            </li>`,
        )}
      </ul>
    </div>`;
  }
}
customElements.define('csv-header-step', HeaderStep);

declare global {
  interface HTMLElementTagNameMap {
    'csv-header-step': HeaderStep;
  }
}
