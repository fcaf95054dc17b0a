import type { ColumnSpec } from '@csv-importer/core';
import type { Init } from '@csv-importer/protocol';
import * as Comlink from 'comlink';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { deliverRows } from './delivery.ts';
import { mappingFromHost, validateWithHost } from './hooks.ts';
import type { HostConnection } from './host-connection.ts';
import { type MessageKey, t } from './i18n/en.ts';
import type {
  ImportSession,
  LoadSummary,
  Mapping,
  ReviewRow,
  ValidationSummary,
} from './worker/import-session.ts';

const PAGE_SIZE = 50;

/** The one state of the flow; each step holds exactly what it needs. */
type State =
  | { readonly step: 'waiting' }
  | { readonly step: 'upload'; readonly error?: string }
  | { readonly step: 'reading'; readonly fileName: string; readonly rows: number }
  | { readonly step: 'match'; readonly summary: LoadSummary; readonly mapping: Mapping }
  | {
      readonly step: 'review';
      readonly summary: LoadSummary;
      readonly mapping: Mapping;
      readonly validation: ValidationSummary;
      readonly start: number;
      readonly rows: readonly ReviewRow[];
    }
  | { readonly step: 'submitting' }
  | { readonly step: 'done'; readonly rowCount: number }
  | { readonly step: 'failed'; readonly message: string };

/**
 * The importer's user interface inside the frame: upload, match columns, review, submit. It holds
 * only the rows in view; the dataset lives in the worker behind `session`.
 */
@customElement('csv-importer-app')
export class ImporterApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      font: 14px/1.4 system-ui, sans-serif;
      color: #1f2328;
      padding: 16px;
    }
    h2 {
      font-size: 18px;
      margin: 0 0 12px;
    }
    .drop {
      border: 2px dashed #8c959f;
      border-radius: 8px;
      padding: 32px;
      text-align: center;
    }
    .drop.over {
      border-color: #0969da;
      background: #ddf4ff;
    }
    .error {
      color: #cf222e;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      border: 1px solid #d0d7de;
      padding: 4px 8px;
      text-align: start;
      white-space: pre-wrap;
    }
    td.invalid {
      background: #ffebe9;
      outline: 1px solid #cf222e;
    }
    .actions {
      display: flex;
      gap: 8px;
      margin-top: 12px;
    }
    .samples {
      color: #57606a;
    }
  `;

  @property({ attribute: false }) accessor state: State = { step: 'waiting' };

  #host: HostConnection | undefined;
  #session: Comlink.Remote<ImportSession> | undefined;
  #columns: readonly ColumnSpec[] = [];
  #init: Init | undefined;

  /** Called once the host has sent `init`. */
  start(host: HostConnection, init: Init, session: Comlink.Remote<ImportSession>): void {
    const { columns } = init;
    this.#host = host;
    this.#init = init;
    this.#columns = columns;
    this.#session = session;
    void session.configure(columns);
    this.state = { step: 'upload' };
  }

  fail(message: string): void {
    this.state = { step: 'failed', message };
  }

  override render() {
    const state = this.state;
    switch (state.step) {
      case 'waiting':
        return nothing;
      case 'upload':
        return this.#renderUpload(state.error);
      case 'reading':
        return html`<p role="status">${t('upload.reading', { fileName: state.fileName, rows: state.rows })}</p>`;
      case 'match':
        return this.#renderMatch(state);
      case 'review':
        return this.#renderReview(state);
      case 'submitting':
        return html`<p role="status">…</p>`;
      case 'done':
        return html`<h2>${t('done.title')}</h2>
          <p role="status">${t('done.summary', { rowCount: state.rowCount })}</p>`;
      case 'failed':
        return html`<p class="error" role="alert">${state.message}</p>`;
    }
  }

  #renderUpload(error: string | undefined) {
    return html`<h2>${t('upload.title')}</h2>
      <div
        class="drop"
        @dragover=${(e: DragEvent) => {
          e.preventDefault();
          (e.currentTarget as HTMLElement).classList.add('over');
        }}
        @dragleave=${(e: DragEvent) => (e.currentTarget as HTMLElement).classList.remove('over')}
        @drop=${(e: DragEvent) => {
          e.preventDefault();
          const file = e.dataTransfer?.files[0];
          if (file) void this.#load(file);
        }}
      >
        <p>${t('upload.hint')}</p>
        <label>
          ${t('upload.choose')}
          <input
            type="file"
            accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain"
            @change=${(e: Event) => {
              const file = (e.target as HTMLInputElement).files?.[0];
              if (file) void this.#load(file);
            }}
          />
        </label>
        <p>${t('upload.drop')}</p>
      </div>
      ${error ? html`<p class="error" role="alert">${error}</p>` : nothing}`;
  }

  async #load(file: File): Promise<void> {
    const session = this.#session!;
    this.state = { step: 'reading', fileName: file.name, rows: 0 };
    try {
      const result = await session.load(
        file,
        Comlink.proxy((rows: number) => {
          if (this.state.step === 'reading') this.state = { ...this.state, rows };
        }),
      );
      if (!result.ok) {
        this.state = {
          step: 'upload',
          error: t(`error.${result.code}` as MessageKey, { message: result.message }),
        };
        return;
      }
      const mapping: Record<string, number | null> = {};
      for (const column of this.#columns) mapping[column.key] = null;
      for (const match of result.summary.suggestions) mapping[match.key] = match.fileColumn;
      const suggested = await mappingFromHost(this.#host!, this.#init!, result.summary, mapping);
      this.state = { step: 'match', summary: result.summary, mapping: suggested };
    } catch (error) {
      this.state = { step: 'upload', error: t('error.internal', { message: (error as Error).message }) };
    }
  }

  #renderMatch(state: Extract<State, { step: 'match' }>) {
    const missing = this.#columns.filter((c) => c.required && state.mapping[c.key] === null);
    return html`<h2>${t('match.title')}</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">${t('match.field')}</th>
            <th scope="col">${t('match.column')}</th>
            <th scope="col">${t('match.samples')}</th>
          </tr>
        </thead>
        <tbody>
          ${this.#columns.map((column) => {
            const source = state.mapping[column.key] ?? null;
            return html`<tr>
              <th scope="row">${column.label}${column.required ? ' *' : ''}</th>
              <td>
                <select
                  aria-label=${column.label}
                  data-key=${column.key}
                  @change=${(e: Event) => {
                    const value = (e.target as HTMLSelectElement).value;
                    this.state = {
                      ...state,
                      mapping: { ...state.mapping, [column.key]: value === '' ? null : Number(value) },
                    };
                  }}
                >
                  <option value="" ?selected=${source === null}>${t('match.none')}</option>
                  ${state.summary.headers.map(
                    (header, i) => html`<option value=${i} ?selected=${source === i}>${header}</option>`,
                  )}
                </select>
              </td>
              <td class="samples">${source === null ? '' : (state.summary.samples[source] ?? []).join(', ')}</td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${
        missing.length > 0
          ? html`<p class="error" role="alert">
            ${t('match.requiredMissing', { fields: missing.map((c) => c.label).join(', ') })}
          </p>`
          : nothing
      }
      <div class="actions">
        <button ?disabled=${missing.length > 0} @click=${() => this.#validate(state.summary, state.mapping)}>
          ${t('match.continue')}
        </button>
      </div>`;
  }

  async #validate(summary: LoadSummary, mapping: Mapping): Promise<void> {
    const session = this.#session!;
    const validation = await validateWithHost(
      this.#host!,
      this.#init!,
      session,
      await session.validate(mapping),
    );
    const rows = await session.getRows(0, PAGE_SIZE);
    this.state = { step: 'review', summary, mapping, validation, start: 0, rows };
  }

  async #goTo(state: Extract<State, { step: 'review' }>, start: number): Promise<void> {
    const rows = await this.#session!.getRows(start, PAGE_SIZE);
    this.state = { ...state, start, rows };
  }

  #renderReview(state: Extract<State, { step: 'review' }>) {
    const { validation, start, rows } = state;
    const to = Math.min(validation.rowCount, start + PAGE_SIZE);
    return html`<h2>${t('review.title')}</h2>
      <p role="status">${t('review.summary', {
        rowCount: validation.rowCount,
        invalidRowCount: validation.invalidRowCount,
        errorCount: validation.errorCount,
      })}</p>
      <table aria-rowcount=${validation.rowCount + 1}>
        <thead>
          <tr>
            <th scope="col">#</th>
            ${this.#columns.map(
              (c) =>
                html`<th scope="col">
                  ${c.label}${validation.errorsByColumn[c.key] ? ` (${validation.errorsByColumn[c.key]})` : ''}
                </th>`,
            )}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            (row) =>
              html`<tr aria-rowindex=${row.index + 2}>
                <th scope="row">${row.index + 1}</th>
                ${this.#columns.map((column, i) => {
                  const issue = row.issues.find((x) => x.column === column.key && x.level === 'error');
                  // Host findings carry their own text; the catalog knows only the engine's codes.
                  const message = !issue
                    ? ''
                    : typeof issue.params?.message === 'string'
                      ? issue.params.message
                      : t(`issue.${issue.code}` as MessageKey);
                  return html`<td
                    class=${issue ? 'invalid' : ''}
                    aria-invalid=${issue ? 'true' : 'false'}
                    title=${message}
                    data-key=${column.key}
                  >${row.cells[i] ?? ''}</td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
      <div class="actions">
        <button ?disabled=${start === 0} @click=${() => this.#goTo(state, Math.max(0, start - PAGE_SIZE))}>
          ${t('review.previous')}
        </button>
        <span>${t('review.range', { from: validation.rowCount === 0 ? 0 : start + 1, to, total: validation.rowCount })}</span>
        <button ?disabled=${to >= validation.rowCount} @click=${() => this.#goTo(state, start + PAGE_SIZE)}>
          ${t('review.next')}
        </button>
      </div>
      <div class="actions">
        <button @click=${() => (this.state = { step: 'match', summary: state.summary, mapping: state.mapping })}>
          ${t('review.back')}
        </button>
        <button class="submit" @click=${() => this.#submit(state)}>
          ${t('review.submit', { rowCount: validation.rowCount })}
        </button>
      </div>`;
  }

  async #submit(state: Extract<State, { step: 'review' }>): Promise<void> {
    this.state = { step: 'submitting' };
    const mapping: Record<string, string> = {};
    for (const [key, source] of Object.entries(state.mapping)) {
      if (source !== null) mapping[key] = state.summary.headers[source] ?? '';
    }
    try {
      const { rowCount } = await deliverRows(this.#host!, this.#session!, {
        fileName: state.summary.fileName,
        encoding: state.summary.encoding,
        delimiter: state.summary.delimiter,
        mapping,
      });
      this.state = { step: 'done', rowCount };
    } catch (error) {
      // Refused by `invalidRows: 'block'`, or the host's transform hook failed: say so, never hang.
      this.fail((error as Error).message);
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csv-importer-app': ImporterApp;
  }
}
