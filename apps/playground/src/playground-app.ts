import '@csv-importer/element';
import type {
  CsvImporterCompleteEvent,
  CsvImporterErrorEvent,
  CsvImporterMessageEvent,
  ImportedRow,
  ImportIssue,
} from '@csv-importer/element';
import { encodeEmbedConfig, PROTOCOL_VERSION } from '@csv-importer/protocol';
import { html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { playgroundStyles } from './playground-styles.ts';
import { renderReceivedRows } from './received-rows.ts';
import { SNIPPET_KINDS, type SnippetKind, snippet } from './snippets.ts';
import { checkSpec } from './spec-check.ts';

const DEFAULT_SPEC = [
  { key: 'firstName', label: 'First name', required: true, synonyms: ['given name'] },
  { key: 'lastName', label: 'Last name', required: true },
  { key: 'email', label: 'E-mail', type: 'email', required: true, unique: true },
  { key: 'phone', label: 'Phone', type: 'phone' },
  { key: 'dateOfBirth', label: 'Date of birth', type: 'date' },
  { key: 'country', label: 'Country' },
  {
    key: 'plan',
    label: 'Plan',
    type: 'select',
    options: [{ value: 'free' }, { value: 'starter' }, { value: 'pro' }, { value: 'enterprise' }],
  },
  { key: 'seats', label: 'Seats', type: 'number', integer: true, min: 0 },
  { key: 'active', label: 'Active', type: 'boolean' },
  { key: 'notes', label: 'Notes' },
];

const LOCALES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'sv', 'da', 'nb', 'fi', 'ar'] as const;
const SAMPLES = [
  'contacts.csv',
  'customers-two-sheets.xlsx',
  'sales-de-windows1252.csv',
  'inventory-bom-preamble.csv',
  'unicode-text-utf16le.txt',
];
const THEMES: Record<'light' | 'dark', Record<string, string>> = {
  light: {},
  dark: { colorScheme: 'dark' },
};

type Mode = 'srcdoc' | 'hosted' | 'embed';
interface LogLine {
  readonly time: string;
  readonly text: string;
}

/**
 * The demo host page: a column spec editor, switches for every option, the importer in the
 * chosen mode, the rows it delivered, every protocol message, and a snippet of the current
 * configuration for each way of embedding.
 */
@customElement('playground-app')
export class PlaygroundApp extends LitElement {
  static override styles = playgroundStyles;

  @property({ attribute: false }) accessor specText = JSON.stringify(DEFAULT_SPEC, null, 2);
  @state() accessor locale = 'en';
  @state() accessor themeName: 'light' | 'dark' | 'custom' = 'light';
  @state() accessor primary = '#8250df';
  @state() accessor display: 'inline' | 'modal' = 'inline';
  @state() accessor mode: Mode = 'srcdoc';
  @state() accessor invalidRows: 'include' | 'exclude' | 'block' = 'include';
  @state() accessor snippetKind: SnippetKind = 'script';
  @state() accessor rows: readonly ImportedRow[] = [];
  @state() accessor issues: readonly ImportIssue[] = [];
  @state() accessor summary = 'Nothing imported yet.';
  @state() accessor log: readonly LogLine[] = [];
  @state() accessor copied = false;
  /** Bumped to start a fresh importer after a configuration change. */
  @state() accessor generation = 0;

  #columns = DEFAULT_SPEC as never;

  /** The second origin that serves the hosted importer (`npm start` runs it on port + 1). */
  get hostedUrl(): string {
    return `http://127.0.0.1:${Number(location.port || 80) + 1}/`;
  }

  get theme(): Record<string, string> {
    if (this.themeName === 'custom') return { colorPrimary: this.primary, radius: '12px' };
    return THEMES[this.themeName];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('message', this.#onEmbedMessage);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.#onEmbedMessage);
  }

  #logLine(text: string): void {
    this.log = [...this.log.slice(-199), { time: new Date().toLocaleTimeString(), text }];
  }

  #restart(): void {
    this.generation++;
    this.#logLine(`configuration changed: ${this.mode} mode`);
  }

  #onComplete(rows: readonly ImportedRow[], issues: readonly ImportIssue[], fileName: string): void {
    this.rows = rows;
    this.issues = issues;
    this.summary = `${rows.length} rows from ${fileName}, ${issues.length} issues.`;
  }

  readonly #onEmbedMessage = (event: MessageEvent): void => {
    if (this.mode !== 'embed' || event.origin !== new URL(this.hostedUrl).origin) return;
    const data = event.data as {
      type?: string;
      rows?: ImportedRow[];
      issues?: ImportIssue[];
      meta?: { fileName?: string };
    };
    this.#logLine(`received ${data.type ?? '(no type)'}`);
    if (data.type === 'csv-importer:complete')
      this.#onComplete(data.rows ?? [], data.issues ?? [], data.meta?.fileName ?? '');
  };

  /** Fetches a sample file and hands it to the importer, as if the user had chosen it. */
  async #importSample(name: string): Promise<void> {
    const response = await fetch(`/fixtures/${name}`);
    if (!response.ok) {
      this.#logLine(`could not load ${name}: HTTP ${response.status}`);
      return;
    }
    const importer = this.renderRoot.querySelector('csv-importer');
    await importer?.importFile(await response.blob(), name);
    this.#logLine(`sample ${name} handed to importFile()`);
  }

  #renderImporter() {
    if (this.mode === 'embed') {
      const config = {
        version: PROTOCOL_VERSION,
        parentOrigin: location.origin,
        columns: this.#columns,
        options: { locale: this.locale, invalidRows: this.invalidRows, theme: this.theme },
      };
      return html`<iframe class="embed" title="Import a spreadsheet" src=${`${this.hostedUrl}#config=${encodeEmbedConfig(config as never)}`}></iframe>`;
    }
    return html`<csv-importer
      debug
      .columns=${this.#columns}
      .theme=${this.theme}
      locale=${this.locale}
      display=${this.display}
      invalid-rows=${this.invalidRows}
      src=${this.mode === 'hosted' ? this.hostedUrl : nothing}
      ?open=${this.display === 'inline'}
      @csv-importer-complete=${(e: CsvImporterCompleteEvent) => {
        this.#logLine(`event complete: ${e.rows.length} rows`);
        this.#onComplete(e.rows, e.issues, e.meta.fileName);
      }}
      @csv-importer-error=${(e: CsvImporterErrorEvent) => this.#logLine(`event error ${e.code}: ${e.message}`)}
      @csv-importer-close=${() => this.#logLine('event close')}
      @csv-importer-message=${(e: CsvImporterMessageEvent) => {
        const rows = Array.isArray(e.message.rows) ? ` (${e.message.rows.length} rows)` : '';
        this.#logLine(`${e.direction === 'sent' ? '→' : '←'} ${String(e.message.type)}${rows}`);
      }}
    ></csv-importer>`;
  }

  #renderControls() {
    const check = checkSpec(this.specText);
    const select = <T extends string>(label: string, value: T, options: readonly T[], set: (v: T) => void) =>
      html`<label
        >${label}
        <select
          @change=${(e: Event) => {
            set((e.target as HTMLSelectElement).value as T);
            this.#restart();
          }}
        >
          ${options.map((o) => html`<option ?selected=${o === value}>${o}</option>`)}
        </select></label
      >`;
    return html`<section aria-label="Configuration">
      <fieldset>
        <legend>Column spec (JSON)</legend>
        <textarea
          aria-label="Column spec"
          spellcheck="false"
          .value=${this.specText}
          @input=${(e: Event) => {
            this.specText = (e.target as HTMLTextAreaElement).value;
          }}
        ></textarea>
        ${
          check.ok
            ? html`<p class="ok" role="status">${check.columns.length} columns, valid.</p>`
            : html`<p class="error" role="alert">${check.message}</p>`
        }
        <button
          ?disabled=${!check.ok}
          @click=${() => {
            if (!check.ok) return;
            this.#columns = check.columns as never;
            this.#restart();
          }}
        >
          Apply spec
        </button>
      </fieldset>
      <fieldset>
        <legend>Options</legend>
        ${select('Locale', this.locale, LOCALES, (v) => (this.locale = v))}
        ${select('Theme', this.themeName, ['light', 'dark', 'custom'] as const, (v) => (this.themeName = v))}
        ${
          this.themeName === 'custom'
            ? html`<label
              >Primary color
              <input
                type="color"
                .value=${this.primary}
                @change=${(e: Event) => {
                  this.primary = (e.target as HTMLInputElement).value;
                  this.#restart();
                }}
            /></label>`
            : nothing
        }
        ${select('Display', this.display, ['inline', 'modal'] as const, (v) => (this.display = v))}
        ${select('Mode', this.mode, ['srcdoc', 'hosted', 'embed'] as const, (v) => (this.mode = v))}
        ${select('Invalid rows', this.invalidRows, ['include', 'exclude', 'block'] as const, (v) => (this.invalidRows = v))}
      </fieldset>
      <fieldset>
        <legend>Sample files</legend>
        <ul class="samples">
          ${SAMPLES.map((name) =>
            // The embed URL mode runs no code of ours in this page: there the samples are downloads.
            this.mode === 'embed'
              ? html`<li><a href=${`/fixtures/${name}`} download>${name}</a></li>`
              : html`<li><button type="button" @click=${() => this.#importSample(name)}>${name}</button></li>`,
          )}
        </ul>
      </fieldset>
    </section>`;
  }

  #renderSnippet() {
    const config = {
      columns: this.#columns,
      locale: this.locale,
      display: this.display,
      invalidRows: this.invalidRows,
      theme: this.theme,
      ...(this.mode === 'srcdoc' ? {} : { src: this.hostedUrl }),
    };
    const code = snippet(this.snippetKind, config);
    return html`<section aria-label="Snippet">
      <h2>Use this configuration</h2>
      <div class="tabs" role="tablist">
        ${SNIPPET_KINDS.map(
          (kind) =>
            html`<button role="tab" aria-selected=${kind === this.snippetKind} @click=${() => (this.snippetKind = kind)}>
              ${{ script: 'Script tag', vue: 'Vue', angular: 'Angular', svelte: 'Svelte', react: 'React' }[kind]}
            </button>`,
        )}
      </div>
      <pre><code data-kind=${this.snippetKind}>${code}</code></pre>
      <button
        @click=${async () => {
          await navigator.clipboard.writeText(code);
          this.copied = true;
          setTimeout(() => (this.copied = false), 1500);
        }}
      >
        ${this.copied ? 'Copied' : 'Copy snippet'}
      </button>
    </section>`;
  }

  override render() {
    return html`${this.#renderControls()}
      <div>
        ${
          this.display === 'modal' && this.mode !== 'embed'
            ? html`<p><button @click=${() => this.renderRoot.querySelector('csv-importer')?.open()}>Open the importer</button></p>`
            : nothing
        }
        ${keyed(`${this.generation}`, this.#renderImporter())} ${renderReceivedRows(this.#columns as readonly { key: string }[], this.rows, this.issues, this.summary)}
        <section aria-label="Event log">
          <h2>Events and protocol messages</h2>
          <pre id="log">${this.log.map((l) => `${l.time}  ${l.text}\n`)}</pre>
        </section>
        ${this.#renderSnippet()}
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'playground-app': PlaygroundApp;
  }
}
