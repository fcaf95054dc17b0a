import { css, html, LitElement, nothing } from 'lit';
import { i18n } from '../../i18n/i18n.ts';
import { icon } from '../../icons/icons.ts';
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
        margin-top: var(--_space-3);
        padding: var(--_space-3) 0;
      }
      .actions {
        position: static;
        margin: 0;
        padding: 0;
        border: 0;
        flex-wrap: nowrap;
      }
      /* What submitting will do, between Back and the import button. */
      ul {
        flex: 1;
        min-width: 0;
        margin: 0;
        padding: 0 var(--_space-2);
        list-style: none;
        font-size: var(--_text-sm);
        line-height: var(--_leading-tight);
        color: var(--_muted);
      }
      ul li:first-child {
        color: var(--_text);
        font-weight: 600;
      }
      p.error {
        display: flex;
        gap: var(--_space-2);
        align-items: center;
        margin: 0 0 var(--_space-2);
      }
      @media (max-width: 480px) {
        .actions {
          flex-wrap: wrap;
        }
        ul {
          order: -1;
          flex-basis: 100%;
          padding: 0 0 var(--_space-2);
        }
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
    return html`${
      s.blocked
        ? html`<p class="error" id="blocked">
            ${icon('warning')}${i18n.t('submit.blocked', { count: s.invalidRows })}
          </p>`
        : nothing
    }
      <div class="actions">
        <button @click=${() => this.onBack()}>${icon('back')}${i18n.t('common.back')}</button>
        <ul>
          ${
            s.blocked
              ? html`<li>${i18n.t('submit.ready', { count: s.deliverCount - s.invalidRows })}</li>`
              : html`<li>${i18n.t('submit.toImport', { count: s.deliverCount })}</li>`
          }
          ${s.excludedInvalid ? html`<li>${i18n.t('submit.excluded', { count: s.excludedInvalid })}</li>` : nothing}
          ${s.deleted ? html`<li>${i18n.t('submit.deleted', { count: s.deleted })}</li>` : nothing}
          ${s.invalidIncluded ? html`<li>${i18n.t('submit.includedInvalid', { count: s.invalidIncluded })}</li>` : nothing}
        </ul>
        <button
          class="primary"
          ?disabled=${s.blocked}
          aria-describedby=${s.blocked ? 'blocked' : nothing}
          @click=${() => this.onSubmit()}
        >
          ${i18n.t('review.submit', { rowCount: s.deliverCount })}${icon('forward')}
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
