import { css, html, LitElement, nothing } from 'lit';
import type { Delivered } from '../../flow/flow-state.ts';
import { i18n } from '../../i18n/i18n.ts';
import { icon } from '../../icons/icons.ts';
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
      .ok h2 {
        color: var(--_success);
      }
      .failed h2 {
        color: var(--_error);
      }
      /* The breakdown: one tile per kind of row, the number large. */
      dl {
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: var(--_space-3);
        margin: var(--_space-4) 0 0;
      }
      dl > div {
        display: flex;
        flex-direction: column;
        min-width: 9em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-lg);
        padding: var(--_space-3) var(--_space-4);
        background: var(--_surface);
      }
      dd {
        margin: 0;
        color: var(--_muted);
        font-size: var(--_text-sm);
      }
      dt {
        font-size: var(--_text-2xl);
        line-height: var(--_leading-tight);
        font-weight: 650;
        font-variant-numeric: tabular-nums;
      }
      dl > .warn dt {
        color: var(--_warning);
      }
      .pending {
        width: min(100%, 360px);
        margin-top: var(--_space-3);
      }
      .state .actions {
        position: static;
        border: 0;
        justify-content: center;
        margin-top: var(--_space-4);
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
      return html`<div class="state">
        <span class="disc">${icon('upload')}</span>
        <h2 tabindex="-1">${i18n.t('review.title')}</h2>
        <p role="status">${i18n.t('submit.sending')}</p>
        <progress class="pending" aria-label=${i18n.t('submit.sending')}></progress>
      </div>`;
    }
    if (o.ok) {
      const clean = o.rowCount - o.withErrors;
      // A count and what it counts, read in that order on screen and by a screen reader.
      const tile = (count: number, label: string, kind = '') =>
        html`<div class=${kind}><dt>${i18n.number(count)}</dt><dd>${label}</dd></div>`;
      return html`<div class="state ok">
        <span class="disc success">${icon('success')}</span>
        <h2 class="ok" tabindex="-1">${i18n.t('done.title')}</h2>
        <p role="status">${i18n.t('done.summary', { rowCount: o.rowCount })}</p>
        <dl>
          ${tile(clean, i18n.t('done.imported', { count: clean }))}
          ${o.withErrors > 0 ? tile(o.withErrors, i18n.t('done.withErrors', { count: o.withErrors }), 'warn') : nothing}
          ${o.excluded > 0 ? tile(o.excluded, i18n.t('done.excluded', { count: o.excluded })) : nothing}
        </dl>
        <div class="actions"><button class="primary" @click=${() => this.onClose()}>${i18n.t('common.close')}</button></div>
      </div>`;
    }
    return html`<div class="state failed">
      <span class="disc error">${icon('error')}</span>
      <h2 tabindex="-1">${i18n.t('failed.title')}</h2>
      <p role="alert">${o.message}</p>
      <div class="actions">
        ${this.onBack ? html`<button @click=${() => this.onBack?.()}>${icon('back')}${i18n.t('failed.back')}</button>` : nothing}
        <button @click=${() => this.onClose()}>${i18n.t('common.close')}</button>
        ${o.canRetry ? html`<button class="primary" @click=${() => this.onRetry()}>${i18n.t('failed.retry')}</button>` : nothing}
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
