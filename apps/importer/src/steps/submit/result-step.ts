import { css, html, LitElement, nothing } from 'lit';
import type { Delivered } from '../../flow/flow-state.ts';
import { i18n } from '../../i18n/i18n.ts';
import { controls } from '../../styles/shared-styles.ts';

/**
 * The end of the flow: rows handed over, with how many went in, how many with errors and how
 * many were left out (then Close); or why they were not, with Try again (which hands the same
 * rows over again: nothing was lost) and a way back to the review.
 */
export class ResultStep extends LitElement {
  static override styles = [
    controls,
    css`
      .head {
        display: flex;
        align-items: center;
        gap: 10px;
        margin-bottom: 8px;
      }
      .head h2 {
        margin: 0;
      }
      /* A mark in a tinted disc, drawn with CSS (the frame holds no SVG or image markup). */
      .icon {
        display: inline-grid;
        place-items: center;
        width: 28px;
        height: 28px;
        border-radius: 50%;
        background: color-mix(in srgb, currentColor 15%, transparent);
        font-weight: 700;
      }
      .ok .head {
        color: var(--_success);
      }
      .failed .head {
        color: var(--_error);
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 4px 16px;
        margin: 12px 0;
      }
      dt {
        font-variant-numeric: tabular-nums;
        font-weight: 650;
        text-align: end;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  static override properties = {
    outcome: { attribute: false },
    onClose: { attribute: false },
    onRetry: { attribute: false },
    onBack: { attribute: false },
  };
  declare outcome:
    | ({ readonly ok: true } & Delivered)
    | { readonly ok: false; readonly message: string; readonly canRetry: boolean }
    | { readonly ok: 'pending' };
  declare onClose: () => void;
  declare onRetry: () => void;
  /** Back to the review step, when there is one to go back to. */
  declare onBack: (() => void) | undefined;

  constructor() {
    super();
    this.outcome = { ok: 'pending' };
    this.onClose = () => {};
    this.onRetry = () => {};
  }

  override render() {
    const o = this.outcome;
    if (o.ok === 'pending') {
      return html`<h2 tabindex="-1">${i18n.t('review.title')}</h2>
        <p role="status">${i18n.t('submit.sending')}</p>
        <progress aria-label=${i18n.t('submit.sending')}></progress>`;
    }
    if (o.ok) {
      const clean = o.rowCount - o.withErrors;
      return html`<div class="ok">
        <div class="head"><span class="icon" aria-hidden="true">✓</span><h2 class="ok" tabindex="-1">${i18n.t('done.title')}</h2></div>
        <p role="status">${i18n.t('done.summary', { rowCount: o.rowCount })}</p>
        <dl>
          <dt>${i18n.number(clean)}</dt>
          <dd>${i18n.t('done.imported', { count: clean })}</dd>
          ${
            o.withErrors > 0
              ? html`<dt>${i18n.number(o.withErrors)}</dt>
                  <dd>${i18n.t('done.withErrors', { count: o.withErrors })}</dd>`
              : nothing
          }
          ${
            o.excluded > 0
              ? html`<dt>${i18n.number(o.excluded)}</dt>
                  <dd>${i18n.t('done.excluded', { count: o.excluded })}</dd>`
              : nothing
          }
        </dl>
        <div class="actions"><button class="primary" @click=${() => this.onClose()}>${i18n.t('common.close')}</button></div>
      </div>`;
    }
    return html`<div class="failed">
      <div class="head"><span class="icon" aria-hidden="true">!</span><h2 tabindex="-1">${i18n.t('failed.title')}</h2></div>
      <p role="alert">${o.message}</p>
      <div class="actions">
        ${o.canRetry ? html`<button class="primary" @click=${() => this.onRetry()}>${i18n.t('failed.retry')}</button>` : nothing}
        ${this.onBack ? html`<button @click=${() => this.onBack?.()}>${i18n.t('failed.back')}</button>` : nothing}
        <span class="spacer"></span>
        <button @click=${() => this.onClose()}>${i18n.t('common.close')}</button>
      </div>
    </div>`;
  }
}
customElements.define('csv-result-step', ResultStep);

declare global {
  interface HTMLElementTagNameMap {
    'csv-result-step': ResultStep;
  }
}
