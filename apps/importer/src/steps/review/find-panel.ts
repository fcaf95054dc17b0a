import type { ColumnSpec } from '@csv-importer/core';
import { css, html, LitElement } from 'lit';
import { i18n } from '../../i18n/i18n.ts';
import { LatestCall } from '../../latest-call.ts';
import type { SessionHandle } from '../../session-handle.ts';
import { controls } from '../../styles/shared-styles.ts';
import type { FindQuery, ValidationSummary } from '../../worker/session-types.ts';

/** What a Replace all changed. */
export interface ReplacedDetail {
  readonly summary: ValidationSummary;
  readonly replaced: number;
}

/**
 * Find and replace over the worker's rows: in one column or all, matching case or not, the
 * whole cell or part of it, with a live count of the cells a Replace all will change. A
 * replacement is one undo step.
 *
 * @event find-replaced - Cells were replaced; `detail` is a `ReplacedDetail`.
 */
export class FindPanel extends LitElement {
  static override styles = [
    controls,
    css`
      .panel {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        padding: 8px 10px;
        margin-bottom: 8px;
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: end;
      }
      label {
        display: inline-flex;
        gap: 6px;
        align-items: center;
      }
      label.field {
        display: flex;
        flex-direction: column;
        align-items: stretch;
        gap: 2px;
      }
    `,
  ];

  static override properties = {
    session: { attribute: false },
    fields: { attribute: false },
    find: { state: true },
    replacement: { state: true },
    matchCount: { state: true },
  };
  declare session: SessionHandle | undefined;
  declare fields: readonly ColumnSpec[];

  declare private find: FindQuery;
  declare private replacement: string;
  declare private matchCount: number | null;

  constructor() {
    super();
    this.fields = [];
    this.find = { text: '', field: null, matchCase: false, wholeCell: false };
    this.replacement = '';
    this.matchCount = null;
  }

  /** The match count asked for last: only it shows; an earlier answer may arrive after it. */
  readonly #finds = new LatestCall();

  async #updateFind(patch: Partial<FindQuery>): Promise<void> {
    this.find = { ...this.find, ...patch };
    const find = this.find;
    const count = await this.#finds.run(() =>
      find.text === '' ? null : this.session!.remote.findCount(find),
    );
    if (count.current) this.matchCount = count.value;
  }

  async #replaceAll(): Promise<void> {
    const { summary, replaced } = await this.session!.remote.replaceAll(this.find, this.replacement);
    this.matchCount = await this.session!.remote.findCount(this.find);
    this.dispatchEvent(
      new CustomEvent<ReplacedDetail>('find-replaced', {
        detail: { summary, replaced },
        bubbles: true,
        composed: true,
      }),
    );
  }

  override render() {
    return html`<div class="panel" role="search">
      <label class="field">
        ${i18n.t('review.inColumn')}
        <select @change=${(e: Event) => this.#updateFind({ field: (e.target as HTMLSelectElement).value || null })}>
          <option value="">${i18n.t('review.anyColumn')}</option>
          ${this.fields.map((f) => html`<option value=${f.key} ?selected=${this.find.field === f.key}>${f.label}</option>`)}
        </select>
      </label>
      <label class="field">
        ${i18n.t('review.find')}
        <input
          type="text"
          .value=${this.find.text}
          @input=${(e: Event) => this.#updateFind({ text: (e.target as HTMLInputElement).value })}
        />
      </label>
      <label class="field">
        ${i18n.t('review.replaceWith')}
        <input
          type="text"
          .value=${this.replacement}
          @input=${(e: Event) => {
            this.replacement = (e.target as HTMLInputElement).value;
          }}
        />
      </label>
      <label>
        <input
          type="checkbox"
          .checked=${this.find.matchCase ?? false}
          @change=${(e: Event) => this.#updateFind({ matchCase: (e.target as HTMLInputElement).checked })}
        />
        ${i18n.t('review.matchCase')}
      </label>
      <label>
        <input
          type="checkbox"
          .checked=${this.find.wholeCell ?? false}
          @change=${(e: Event) => this.#updateFind({ wholeCell: (e.target as HTMLInputElement).checked })}
        />
        ${i18n.t('review.wholeCell')}
      </label>
      <span role="status">${this.matchCount === null ? '' : i18n.t('review.matches', { count: this.matchCount })}</span>
      <button ?disabled=${!this.matchCount} @click=${this.#replaceAll}>${i18n.t('review.replaceAll')}</button>
    </div>`;
  }
}
customElements.define('csv-find-panel', FindPanel);

declare global {
  interface HTMLElementTagNameMap {
    'csv-find-panel': FindPanel;
  }
}
