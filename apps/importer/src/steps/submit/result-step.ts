import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { i18n } from '../../i18n/i18n.ts';
import { controls } from '../../styles/shared-styles.ts';

/** The end of the flow: rows handed over (then close), or the reason they were not, with a retry. */
@customElement('csv-result-step')
export class ResultStep extends LitElement {
  static override styles = [
    controls,
    css`
      h2.ok {
        color: var(--_success);
      }
    `,
  ];

  @property({ attribute: false }) accessor outcome:
    | { readonly ok: true; readonly rowCount: number }
    | { readonly ok: false; readonly message: string; readonly canRetry: boolean }
    | { readonly ok: 'pending' } = { ok: 'pending' };
  @property({ attribute: false }) accessor onClose: () => void = () => {};
  @property({ attribute: false }) accessor onRetry: () => void = () => {};

  override render() {
    const o = this.outcome;
    if (o.ok === 'pending') {
      return html`<h2 tabindex="-1">${i18n.t('review.title')}</h2>
        <p role="status">${i18n.t('submit.sending')}</p>
        <progress aria-label=${i18n.t('submit.sending')}></progress>`;
    }
    if (o.ok) {
      return html`<h2 class="ok" tabindex="-1">${i18n.t('done.title')}</h2>
        <p role="status">${i18n.t('done.summary', { rowCount: o.rowCount })}</p>
        <div class="actions"><button class="primary" @click=${() => this.onClose()}>${i18n.t('common.close')}</button></div>`;
    }
    return html`<h2 tabindex="-1">${i18n.t('failed.title')}</h2>
      <p class="error" role="alert">${o.message}</p>
      <div class="actions">
        ${o.canRetry ? html`<button class="primary" @click=${() => this.onRetry()}>${i18n.t('failed.retry')}</button>` : ''}
        <button @click=${() => this.onClose()}>${i18n.t('common.close')}</button>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csv-result-step': ResultStep;
  }
}
