import { type ColumnSpec, exportCsv } from '@csv-importer/core';
import { css, html, LitElement, nothing } from 'lit';
import { i18n } from '../../i18n/i18n.ts';
import { controls } from '../../styles/shared-styles.ts';

/** What the upload step shows while a file is being read. */
export interface ReadingState {
  readonly fileName: string;
  readonly rows: number;
  readonly fraction: number;
}

/** Limits the application sets, stated up front and checked before reading. */
export interface UploadLimits {
  /** `accept` attribute value: extensions and MIME types. */
  readonly accept: string;
  readonly maxFileSize?: number;
  readonly maxRows?: number;
}

// .xls, .xlsb and .ods are accepted in every build: the default one names the full build that reads them.
export const DEFAULT_ACCEPT =
  '.csv,.tsv,.txt,.xlsx,.xls,.xlsb,.ods,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.ms-excel,application/vnd.ms-excel.sheet.binary.macroEnabled.12,application/vnd.oasis.opendocument.spreadsheet';

/** The types the file input accepts, as the user reads them (".csv, .tsv"). */
function acceptedTypes(limits: UploadLimits): string {
  return limits.accept
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.startsWith('.'))
    .join(', ');
}

/**
 * Why a file is not read, in the user's words, or `undefined` to read it: a type the
 * application does not accept (`checkType`: a dropped, picked or host-given file; pasted cells
 * are always text), or a size over `maxFileSize` (`code`: the host is told too). The upload step
 * and a file the host hands over (`importFile`) go through this one check.
 */
export function refusal(
  file: File,
  limits: UploadLimits,
  checkType: boolean,
): { readonly message: string; readonly code?: 'file_too_large' } | undefined {
  if (checkType) {
    const accepted = limits.accept.split(',').map((s) => s.trim().toLowerCase());
    const name = file.name.toLowerCase();
    const ok = accepted.some((a) =>
      a.startsWith('.') ? name.endsWith(a) : file.type !== '' && a === file.type,
    );
    if (!ok) return { message: i18n.t('error.wrong_type', { types: acceptedTypes(limits) }) };
  }
  if (limits.maxFileSize !== undefined && file.size > limits.maxFileSize)
    return {
      message: i18n.t('error.too_large', { size: i18n.bytes(limits.maxFileSize) }),
      code: 'file_too_large',
    };
  return undefined;
}

/**
 * The first step: drop a file, pick one, or paste a range copied from a spreadsheet. It states
 * the accepted types and limits, offers a template of the expected columns, and shows a progress
 * bar with the rows read and a cancel button while a file loads.
 */
export class UploadStep extends LitElement {
  static override styles = [
    controls,
    css`
      .drop {
        border: 2px dashed var(--_border);
        border-radius: calc(var(--_radius) * 2);
        padding: calc(28px * var(--_density)) 16px;
        text-align: center;
        background: var(--_surface);
      }
      .drop.over {
        border-color: var(--_primary);
        background: color-mix(in srgb, var(--_primary) 10%, var(--_bg));
      }
      .pick {
        display: inline-block;
        position: relative;
      }
      .pick input {
        position: absolute;
        inset: 0;
        opacity: 0;
        width: 100%;
        cursor: pointer;
      }
      .pick span {
        display: inline-block;
        background: var(--_primary);
        color: var(--_on-primary);
        border-radius: var(--_radius);
        padding: 8px 16px;
        font-weight: 600;
      }
      .pick:focus-within span {
        box-shadow: var(--_focus);
      }
      .limits {
        list-style: none;
        padding: 0;
        margin: 12px 0 0;
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: 4px 16px;
      }
      textarea {
        width: 100%;
        min-height: 56px;
        resize: vertical;
      }
      label.block {
        display: block;
        margin: 16px 0 4px;
      }
      button.link {
        border: none;
        background: none;
        padding: 0;
        min-height: 0;
        color: var(--_primary);
        text-decoration: underline;
      }
      p.notice {
        border-inline-start: 3px solid var(--_border);
        padding-inline-start: 8px;
      }
      progress {
        width: 100%;
        height: 12px;
        accent-color: var(--_primary);
      }
    `,
  ];

  static override properties = {
    fields: { attribute: false },
    limits: { attribute: false },
    error: { attribute: false },
    notice: { attribute: false },
    reading: { attribute: false },
    onFile: { attribute: false },
    onRefused: { attribute: false },
    onCancel: { attribute: false },
    onSaveFile: { attribute: false },
    over: { state: true },
  };
  declare fields: readonly ColumnSpec[];
  declare limits: UploadLimits;
  declare error: string | undefined;
  /** A neutral word about the last action (the user cancelled reading), not an error. */
  declare notice: string | undefined;
  declare reading: ReadingState | null;
  declare onFile: (file: File) => void;
  /** A file refused before reading (over `maxFileSize`); the host is told with this code. */
  declare onRefused: (code: 'file_too_large', message: string) => void;
  declare onCancel: () => void;

  /** Hands a file to the host page to save (a sandboxed frame may not download). */
  declare onSaveFile: (fileName: string, text: string) => void;

  declare private over: boolean;

  constructor() {
    super();
    this.fields = [];
    this.limits = { accept: DEFAULT_ACCEPT };
    this.reading = null;
    this.onFile = () => {};
    this.onRefused = () => {};
    this.onCancel = () => {};
    this.onSaveFile = () => {};
    this.over = false;
  }

  get #types(): string {
    return acceptedTypes(this.limits);
  }

  /** Checks type and size before reading; a refused file gets a specific message. */
  #take(file: File | undefined): void {
    if (!file) return;
    this.#read(file, true);
  }

  /** Hands the file on unless it is refused, which the user (and, over `maxFileSize`, the host) is told. */
  #read(file: File, checkType = false): void {
    const refused = refusal(file, this.limits, checkType);
    if (refused) {
      this.error = refused.message;
      if (refused.code) this.onRefused(refused.code, refused.message);
      return;
    }
    this.onFile(file);
  }

  /**
   * Enter on the (visually hidden) file input opens the picker, as Space does by itself: Chromium
   * opens a file input on Space only.
   */
  readonly #onPickKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    try {
      input.showPicker();
    } catch {
      input.click();
    }
  };

  #onPaste(event: ClipboardEvent): void {
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (text.trim() === '') return;
    event.preventDefault();
    // A range copied from a spreadsheet arrives as tab-separated text.
    this.#read(new File([text], 'pasted.tsv', { type: 'text/tab-separated-values' }));
  }

  #saveTemplate(): void {
    this.onSaveFile('template.csv', exportCsv([this.fields.map((f) => f.label)]));
  }

  override render() {
    if (this.reading) return this.#renderReading(this.reading);
    const { maxFileSize, maxRows } = this.limits;
    return html`<h2 tabindex="-1">${i18n.t('upload.title')}</h2>
      <div
        class="drop ${this.over ? 'over' : ''}"
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          this.over = true;
        }}
        @dragleave=${() => {
          this.over = false;
        }}
        @drop=${(e: DragEvent) => {
          e.preventDefault();
          this.over = false;
          this.#take(e.dataTransfer?.files[0]);
        }}
      >
        <p>${i18n.t('upload.hint')}</p>
        <label class="pick">
          <span>${i18n.t('upload.choose')}</span>
          <input
            type="file"
            accept=${this.limits.accept}
            @change=${(e: Event) => {
              const input = e.target as HTMLInputElement;
              this.#take(input.files?.[0]);
              input.value = '';
            }}
            @keydown=${this.#onPickKey}
          />
        </label>
        <p class="muted">${i18n.t('upload.drop')}</p>
        <ul class="limits muted">
          <li>${i18n.t('upload.accepted', { types: this.#types })}</li>
          ${maxFileSize !== undefined ? html`<li>${i18n.t('upload.maxSize', { size: i18n.bytes(maxFileSize) })}</li>` : nothing}
          ${maxRows !== undefined ? html`<li>${i18n.t('upload.maxRows', { rows: maxRows })}</li>` : nothing}
        </ul>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.notice && !this.error ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      <label class="block" for="paste">${i18n.t('upload.paste')}</label>
      <textarea
        id="paste"
        placeholder=${i18n.t('upload.pastePlaceholder')}
        @paste=${this.#onPaste}
      ></textarea>
      <p class="muted">${i18n.t('upload.fields', { fields: this.fields.map((f) => f.label).join(', ') })}</p>
      <p><button type="button" class="link" @click=${this.#saveTemplate}>${i18n.t('upload.template')}</button></p>`;
  }

  #renderReading(reading: ReadingState) {
    return html`<h2 tabindex="-1">${i18n.t('upload.title')}</h2>
      <p role="status">${i18n.t('upload.reading', { fileName: reading.fileName, rows: reading.rows })}</p>
      <progress
        max="1"
        .value=${reading.fraction}
        aria-label=${i18n.t('upload.reading', { fileName: reading.fileName, rows: reading.rows })}
      ></progress>
      <div class="actions">
        <button @click=${() => this.onCancel()}>${i18n.t('common.cancel')}</button>
      </div>`;
  }
}
customElements.define('csv-upload-step', UploadStep);

declare global {
  interface HTMLElementTagNameMap {
    'csv-upload-step': UploadStep;
  }
}
