import { css, html, LitElement } from 'lit';
import { i18n } from '../i18n/i18n.ts';
import { controls } from '../styles/shared-styles.ts';

/**
 * Asks before the importer closes with work the user would lose: a modal dialog inside the frame
 * (not `window.confirm`, which a sandboxed frame may not show and which cannot be themed). `ask()`
 * resolves `true` when the user chose to discard, `false` for Keep working, Escape or a second ask
 * while the first is open. The focus starts on Keep working, the choice that loses nothing, and
 * returns where it was.
 */
export class ConfirmDialog extends LitElement {
  static override styles = [
    controls,
    css`
      dialog {
        max-width: min(420px, calc(100vw - 32px));
        border: 1px solid var(--_border);
        border-radius: calc(var(--_radius) * 2);
        background: var(--_bg);
        color: var(--_text);
        padding: 20px;
        box-shadow: 0 12px 32px rgb(0 0 0 / 25%);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 35%);
      }
      h2 {
        font-size: 1.15em;
      }
      .actions {
        justify-content: flex-end;
        margin-top: 16px;
      }
      button.danger {
        background: var(--_error);
        border-color: var(--_error);
        color: var(--_on-primary);
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    confirmLabel: { state: true },
  };

  private get dialog(): HTMLDialogElement {
    return this.renderRoot?.querySelector('dialog') as HTMLDialogElement;
  }
  #resolve: ((discard: boolean) => void) | undefined;
  /** What the discard button says for the current question. */
  declare private confirmLabel: string;

  constructor() {
    super();
    this.confirmLabel = '';
  }

  /** Whether the dialog is showing. */
  get isOpen(): boolean {
    return this.#resolve !== undefined;
  }

  /**
   * Shows the dialog; resolves with the user's choice. `confirm` names what discarding leads to
   * (default: closing the importer).
   */
  async ask(confirm = i18n.t('discard.confirm')): Promise<boolean> {
    if (this.#resolve) return false;
    this.confirmLabel = confirm;
    await this.updateComplete;
    const result = new Promise<boolean>((resolve) => {
      this.#resolve = resolve;
    });
    this.dialog.showModal();
    this.renderRoot.querySelector<HTMLButtonElement>('button[data-keep]')?.focus();
    return result;
  }

  #finish(discard: boolean): void {
    const resolve = this.#resolve;
    this.#resolve = undefined;
    if (this.dialog.open) this.dialog.close();
    resolve?.(discard);
  }

  override render() {
    return html`<dialog
      role="alertdialog"
      aria-labelledby="title"
      aria-describedby="body"
      @cancel=${(e: Event) => {
        e.preventDefault();
        this.#finish(false);
      }}
      @close=${() => this.#finish(false)}
    >
      <h2 id="title">${i18n.t('discard.title')}</h2>
      <p id="body">${i18n.t('discard.body')}</p>
      <div class="actions">
        <button data-keep @click=${() => this.#finish(false)}>${i18n.t('discard.keep')}</button>
        <button class="danger" @click=${() => this.#finish(true)}>${this.confirmLabel}</button>
      </div>
    </dialog>`;
  }
}
customElements.define('csv-confirm-dialog', ConfirmDialog);

declare global {
  interface HTMLElementTagNameMap {
    'csv-confirm-dialog': ConfirmDialog;
  }
}
