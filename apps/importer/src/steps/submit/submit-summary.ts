import { css, html, LitElement, nothing } from 'lit';
import { i18n } from '../../i18n/i18n.ts';
import { controls } from '../../styles/shared-styles.ts';
import type { SubmitSummary } from '../../worker/session-types.ts';

/**
 * What submitting will do, under the application's policy for invalid rows: how many rows go to
 * the application and which are left out and why. Under the `block` policy the import button
 * stays disabled while a row has errors.
 */
export class SubmitSummaryView extends LitElement {
  static override styles = [
    controls,
    css`
      :host {
        /* The review step's footer: it stays in view at the bottom of the frame. */
        position: sticky;
        bottom: 0;
        z-index: 2;
        background: var(--_bg);
        border-top: 1px solid var(--_border);
        margin-top: 12px;
        padding-top: 8px;
        padding-bottom: calc(8px * var(--_density));
      }
      .actions {
        position: static;
        margin-top: 8px;
        padding: 0;
        border: 0;
      }
      ul {
        margin: 0;
        padding-inline-start: 20px;
      }
    `,
  ];

  static override properties = {
    summary: { attribute: false },
    onBack: { attribute: false },
    onSubmit: { attribute: false },
  };
  declare summary: SubmitSummary | undefined;
  declare onBack: () => void;
  declare onSubmit: () => void;

  constructor() {
    super();
    this.onBack = () => {};
    this.onSubmit = () => {};
  }

  override render() {
    const s = this.summary;
    if (!s) return nothing;
    // Under `block` with rows in error nothing will be imported yet: the list says what is ready
    // and what stands in the way, never a count "will be imported" beside a disabled button.
    return html`<ul>
        ${
          s.blocked
            ? html`<li>${i18n.t('submit.ready', { count: s.deliverCount - s.invalidRows })}</li>`
            : html`<li>${i18n.t('submit.toImport', { count: s.deliverCount })}</li>`
        }
        ${s.excludedInvalid ? html`<li>${i18n.t('submit.excluded', { count: s.excludedInvalid })}</li>` : nothing}
        ${s.deleted ? html`<li>${i18n.t('submit.deleted', { count: s.deleted })}</li>` : nothing}
        ${s.invalidIncluded ? html`<li>${i18n.t('submit.includedInvalid', { count: s.invalidIncluded })}</li>` : nothing}
      </ul>
      ${
        s.blocked
          ? html`<p class="error" id="blocked">
              ${i18n.t('submit.blocked', { count: s.invalidRows })}
            </p>`
          : nothing
      }
      <div class="actions">
        <button @click=${() => this.onBack()}>${i18n.t('common.back')}</button>
        <span class="spacer"></span>
        <button
          class="primary"
          ?disabled=${s.blocked}
          aria-describedby=${s.blocked ? 'blocked' : nothing}
          @click=${() => this.onSubmit()}
        >
          ${i18n.t('review.submit', { rowCount: s.deliverCount })}
        </button>
      </div>`;
  }
}
customElements.define('csv-submit-summary', SubmitSummaryView);

declare global {
  interface HTMLElementTagNameMap {
    'csv-submit-summary': SubmitSummaryView;
  }
}
