import { type ColumnSpec, exportCsv } from '@csv-importer/core';
import { css, html, LitElement, nothing } from 'lit';
import { i18n } from '../../i18n/i18n.ts';
import { icon } from '../../icons/icons.ts';
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
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--_space-2);
        border: 2px dashed var(--_border);
        border-radius: var(--_radius-lg);
        padding: var(--_space-6) var(--_space-4);
        text-align: center;
        background: var(--_surface);
      }
      .drop.over {
        border-color: var(--_primary);
        background: var(--_primary-bg);
      }
      .drop p {
        margin: 0;
      }
      .drop .disc {
        margin-bottom: 0;
      }
      .lead {
        font-size: var(--_text-lg);
        font-weight: 600;
        max-width: 44ch;
      }
      .pick {
        display: inline-block;
        position: relative;
        margin-top: var(--_space-2);
      }
      .pick input {
        position: absolute;
        inset: 0;
        opacity: 0;
        width: 100%;
        cursor: pointer;
      }
      .pick span {
        display: inline-flex;
        align-items: center;
        gap: var(--_space-2);
        min-height: var(--_control-height);
        background: var(--_primary);
        color: var(--_on-primary);
        border-radius: var(--_radius);
        padding: var(--_space-2) var(--_space-5);
        font-weight: 600;
      }
      .pick:focus-within span {
        box-shadow: var(--_focus);
      }
      .limits {
        list-style: none;
        padding: 0;
        margin: var(--_space-2) 0 0;
        display: flex;
        flex-wrap: wrap;
        justify-content: center;
        gap: var(--_space-1) var(--_space-4);
        font-size: var(--_text-sm);
      }
      textarea {
        width: 100%;
        min-height: 56px;
        resize: vertical;
      }
      label.block {
        display: block;
        margin: var(--_space-5) 0 var(--_space-1);
        font-weight: 600;
      }
      .fields {
        font-size: var(--_text-sm);
        margin-top: var(--_space-2);
      }
      button.link {
        border: none;
        background: none;
        padding: 0;
        min-height: 0;
        color: var(--_primary);
        font-weight: 500;
      }
      button.link:hover:not(:disabled) {
        background: none;
        text-decoration: underline;
      }
      .reading {
        display: flex;
        gap: var(--_space-3);
        align-items: center;
        border: 1px solid var(--_border);
        border-radius: var(--_radius-lg);
        padding: var(--_space-4);
        background: var(--_surface);
      }
      .reading .disc {
        margin: 0;
        width: calc(var(--_text-md) * 2.75);
        height: calc(var(--_text-md) * 2.75);
      }
      .reading div {
        flex: 1;
        min-width: 0;
      }
      .reading p {
        margin: 0 0 var(--_space-2);
        overflow-wrap: anywhere;
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
        <span class="disc">${icon('upload')}</span>
        <p class="lead">${i18n.t('upload.hint')}</p>
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
      ${this.error ? html`<div class="callout error">${icon('error')}<p role="alert">${this.error}</p></div>` : nothing}
      ${this.notice && !this.error ? html`<div class="callout">${icon('info')}<p role="status">${this.notice}</p></div>` : nothing}
      <label class="block" for="paste">${i18n.t('upload.paste')}</label>
      <textarea
        id="paste"
        placeholder=${i18n.t('upload.pastePlaceholder')}
        @paste=${this.#onPaste}
      ></textarea>
      <p class="muted fields">${i18n.t('upload.fields', { fields: this.fields.map((f) => f.label).join(', ') })}</p>
      <p><button type="button" class="link" @click=${this.#saveTemplate}>${icon('download')}${i18n.t('upload.template')}</button></p>`;
  }

  #renderReading(reading: ReadingState) {
    const text = i18n.t('upload.reading', { fileName: reading.fileName, rows: reading.rows });
    return html`<h2 tabindex="-1">${i18n.t('upload.title')}</h2>
      <div class="reading">
        <span class="disc">${icon('file')}</span>
        <div>
          <p role="status">${text}</p>
          <progress max="1" .value=${reading.fraction} aria-label=${text}></progress>
        </div>
      </div>
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
