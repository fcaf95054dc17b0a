import {
  ColumnSpecSchema,
  describeIssue,
  type FrameToHost,
  type InitOptions,
  InitOptionsSchema,
  type InvalidRows,
  type Rows,
  type SaveFile,
  THEME_TOKENS,
  type Theme,
  ThemeSchema,
  type ThemeToken,
} from '@csv-importer/protocol';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import * as v from 'valibot';
import {
  CsvImporterCloseEvent,
  CsvImporterCompleteEvent,
  CsvImporterDownloadEvent,
  CsvImporterErrorEvent,
  CsvImporterMessageEvent,
  CsvImporterProgressEvent,
  CsvImporterRowsEvent,
  type ImportedRow,
  type ImportIssue,
} from './events.ts';
import { FrameConnection } from './frame-connection.ts';
import { type ColumnValidator, HookRunner, type ImporterHooks } from './hooks.ts';

/** A field of the application, as `<csv-importer>` takes it; `validate` runs in the host page. */
export type ImporterColumn = v.InferInput<typeof ColumnSpecSchema> & {
  readonly validate?: ColumnValidator;
};

/** JSON-like data the host attaches to an import; it comes back in the complete event's `meta`. */
export type ImporterMetadata = Record<string, string | number | boolean | null>;

const ColumnsSchema = v.pipe(v.array(ColumnSpecSchema), v.minLength(1));

/** `colorPrimary` -> `--csv-importer-color-primary`: the page's CSS custom property for a token. */
export function hostThemeProperty(token: ThemeToken): string {
  return `--csv-importer-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

const numberAttribute = {
  fromAttribute: (value: string | null) => (value === null || value === '' ? undefined : Number(value)),
};

/**
 * Lets an end user import a CSV, TSV or Excel file into the page: they pick a file, match its
 * columns to the application's fields, fix invalid values and submit; the rows arrive in events.
 * The file is read inside a sandboxed iframe whose CSP forbids every connection: a `srcdoc`
 * frame with an opaque origin by default, or, with `src`, the importer served from its own
 * origin (hosted mode). Functions (`hooks`, a column's `validate`) stay in this page and are
 * called over the frame's private port.
 *
 * @summary A privacy-first spreadsheet importer.
 *
 * @event csv-importer-complete - Every row was delivered; carries `rows`, `issues`, `meta`.
 * @event csv-importer-rows - One batch of rows, in order; `waitUntil(promise)` holds back the next.
 * @event csv-importer-progress - Progress inside the frame; carries `phase`, `rows`, `total`.
 * @event csv-importer-error - The import cannot go on, or a message was refused; carries `code`, `message`.
 * @event csv-importer-message - With `debug` set: one protocol message; carries `direction` and `message`.
 * @event csv-importer-close - The importer closed.
 * @event csv-importer-download - The user asked for a file; carries `fileName`, `mimeType`, `text`. Cancelable: `preventDefault()` stops the element from saving it.
 *
 * @slot trigger - A custom button that opens the importer.
 *
 * @csspart trigger - The default open button.
 * @csspart frame - The iframe that holds the importer.
 * @csspart dialog - The dialog around the frame when `display="modal"`.
 *
 * @cssprop --csv-importer-height - Height of the importer frame (default 560px).
 * @cssprop --csv-importer-width - Width of the modal dialog (default min(960px, 100vw - 32px)).
 * @cssprop --csv-importer-border - Border of the frame (default 1px solid #d0d7de).
 * @cssprop --csv-importer-radius - Corner radius of the frame and dialog, also sent as the `radius` theme token.
 * @cssprop --csv-importer-backdrop - Backdrop of the modal dialog (default rgb(0 0 0 / 40%)).
 * @cssprop --csv-importer-color-primary - Theme token `colorPrimary`, read when the importer opens; the other tokens likewise (`--csv-importer-color-scheme`, `-color-background`, `-color-surface`, `-color-text`, `-color-muted`, `-color-border`, `-color-error`, `-color-warning`, `-color-success`, `-font-family`, `-font-size`, `-density`).
 */
export class CsvImporter extends LitElement {
  /**
   * The importer document a srcdoc frame shows. The default registration
   * (`csv-importer.ts`) sets it; the hosted-mode loader leaves it out, so it needs `src`.
   */
  static frameHtml: string | undefined;

  static override styles = css`
    :host {
      display: block;
    }
    iframe {
      display: block;
      width: 100%;
      height: var(--csv-importer-height, 560px);
      border: var(--csv-importer-border, 1px solid #d0d7de);
      border-radius: var(--csv-importer-radius, 8px);
      box-sizing: border-box;
    }
    dialog {
      width: var(--csv-importer-width, min(960px, calc(100vw - 32px)));
      max-width: none;
      padding: 0;
      border: none;
      border-radius: var(--csv-importer-radius, 8px);
      background: transparent;
    }
    dialog::backdrop {
      background: var(--csv-importer-backdrop, rgb(0 0 0 / 40%));
    }
  `;

  /** The application's fields; rows are delivered keyed by each field's `key`. */
  @property({ attribute: false }) accessor columns: readonly ImporterColumn[] = [];

  /** Functions the importer calls in this page: validate, edit, mapping, transform. */
  @property({ attribute: false }) accessor hooks: ImporterHooks = {};

  /** Theme tokens; they win over the `--csv-importer-*` custom properties of the page. */
  @property({ attribute: false }) accessor theme: Theme = {};

  /** Data of the application echoed back in the complete event's `meta.metadata`. */
  @property({ attribute: false }) accessor metadata: ImporterMetadata | undefined;

  /** Message catalog overrides for the importer's text, by message key. */
  @property({ attribute: false }) accessor messages: Record<string, string> | undefined;

  /** Whether the importer is open; reflects the `open` attribute. */
  @property({ type: Boolean, reflect: true, attribute: 'open' }) accessor isOpen = false;

  /** Locale of the importer's messages, a BCP 47 tag. */
  @property() accessor locale = 'en';

  /** `inline` shows the importer in the page's flow, `modal` in a dialog over the page. */
  @property({ reflect: true }) accessor display: 'inline' | 'modal' = 'inline';

  /** Largest number of data rows accepted. */
  @property({ attribute: 'max-rows', converter: numberAttribute }) accessor maxRows: number | undefined;

  /** Largest file accepted, in bytes. */
  @property({ attribute: 'max-file-size', converter: numberAttribute }) accessor maxFileSize:
    | number
    | undefined;

  /** File types offered in the file picker, as in `<input accept>`. */
  @property() accessor accept: string | undefined;

  /** URL of a hosted importer (hosted mode); without it the importer runs in a srcdoc frame. */
  @property() accessor src: string | undefined;

  /** What happens to rows with errors on submit: `block` (default `include`), `exclude`, `include`. */
  @property({ attribute: 'invalid-rows' }) accessor invalidRows: InvalidRows | undefined;

  /** Also deliver file columns matched to no field, in the events' `unmatched`. */
  @property({ type: Boolean, attribute: 'include-unmatched' }) accessor includeUnmatched = false;

  /** Rows per delivered batch (default 5000). */
  @property({ attribute: 'batch-size', converter: numberAttribute }) accessor batchSize: number | undefined;

  /** Dispatch a `csv-importer-message` event for every protocol message (for learning and debugging). */
  @property({ type: Boolean }) accessor debug = false;

  /** Milliseconds the frame waits for a hook before reporting it as failed (default 10000). */
  @property({ attribute: false }) accessor hookTimeoutMs: number | undefined;

  /**
   * Milliseconds the frame waits for the page to take one batch of rows (a `csv-importer-rows`
   * listener's `waitUntil`) before it stops with a `host_timeout` error (default 60000).
   */
  @property({ attribute: false }) accessor ackTimeoutMs: number | undefined;

  #connection: FrameConnection | undefined;
  #connectedFrame: HTMLIFrameElement | undefined;
  #frameWatch: MutationObserver | undefined;
  #hooks: HookRunner | undefined;
  #generation = 0;
  /** Rows and issues delivered so far in this import, for the complete event. */
  #rows: ImportedRow[] = [];
  #issues: ImportIssue[] = [];
  #unmatched: Record<string, string>[] = [];
  /** Port messages are handled one after another, so batches keep their order. */
  #queue: Promise<void> = Promise.resolve();

  /** Opens the importer, creating its frame. */
  open(): void {
    this.isOpen = true;
  }

  /** Closes the importer; its frame and worker end and every row they held is dropped. */
  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    // A close and an open in one task must still give a fresh frame and worker.
    this.#generation++;
    this.dispatchEvent(new CsvImporterCloseEvent());
  }

  /** Starts over with a fresh frame (when open), dropping the current file and rows. */
  reset(): void {
    this.#disconnect();
    this.#generation++;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('isOpen') && this.isOpen) {
      const problem = this.#problem();
      if (problem) {
        this.isOpen = false;
        this.dispatchEvent(new CsvImporterErrorEvent(problem[0], problem[1]));
      }
    }
  }

  /** Why the importer cannot open with the current options, if it cannot. */
  #problem(): [code: 'invalid_columns' | 'invalid_options', message: string] | undefined {
    const columns = v.safeParse(ColumnsSchema, this.#wireColumns());
    if (!columns.success) return ['invalid_columns', `columns.${describeIssue(columns.issues[0])}`];
    const options = v.safeParse(InitOptionsSchema, this.#options());
    if (!options.success) return ['invalid_options', describeIssue(options.issues[0])];
    if (!this.src && CsvImporter.frameHtml === undefined) {
      return ['invalid_options', 'This build of <csv-importer> has no embedded importer: set `src`.'];
    }
    if (this.src) {
      let origin: string;
      try {
        origin = new URL(this.src, document.baseURI).origin;
      } catch {
        return ['invalid_options', `src: "${this.src}" is not a URL.`];
      }
      // A hosted frame gets allow-same-origin; on this page's own origin that would let it reach
      // into the page, so the importer must live on an origin of its own.
      if (origin === window.location.origin) {
        return [
          'invalid_options',
          `src: the importer must be served from another origin than this page (${origin}).`,
        ];
      }
    }
    return undefined;
  }

  /** The columns as they cross into the frame: without functions. */
  #wireColumns(): unknown[] {
    return this.columns.map((column) => {
      if (typeof column !== 'object' || column === null) return column;
      const { validate: _, ...rest } = column;
      return rest;
    });
  }

  /** Theme tokens from the page's CSS, overridden by the `theme` property; invalid ones dropped. */
  #theme(): Theme {
    const style = getComputedStyle(this);
    const theme: Record<string, string> = {};
    for (const token of THEME_TOKENS) {
      const value = style.getPropertyValue(hostThemeProperty(token)).trim();
      if (value !== '') theme[token] = value;
    }
    Object.assign(theme, this.theme);
    const out: Record<string, string> = {};
    for (const [token, value] of Object.entries(theme)) {
      const one = v.safeParse(ThemeSchema, { [token]: value });
      if (one.success) out[token] = value;
      else {
        this.dispatchEvent(
          new CsvImporterErrorEvent('invalid_options', `theme.${describeIssue(one.issues[0])} (ignored)`),
        );
      }
    }
    return out as Theme;
  }

  #options(): InitOptions {
    const options: InitOptions = { locale: this.locale };
    if (this.messages) options.messages = this.messages;
    if (this.maxRows !== undefined) options.maxRows = this.maxRows;
    if (this.maxFileSize !== undefined) options.maxFileSize = this.maxFileSize;
    if (this.accept) options.accept = this.accept;
    if (this.invalidRows) options.invalidRows = this.invalidRows;
    if (this.includeUnmatched) options.includeUnmatched = true;
    if (this.metadata) options.metadata = this.metadata;
    if (this.batchSize !== undefined) options.batchSize = this.batchSize;
    if (this.hookTimeoutMs !== undefined) options.hookTimeoutMs = this.hookTimeoutMs;
    if (this.ackTimeoutMs !== undefined) options.ackTimeoutMs = this.ackTimeoutMs;
    return options;
  }

  protected override updated(changed: PropertyValues<this>): void {
    const frame = this.renderRoot.querySelector('iframe');
    if (changed.has('theme') && this.#connection && !changed.has('isOpen')) {
      this.#connection.send({ type: 'theme', theme: this.#theme() });
    }
    if (this.display === 'modal') {
      const dialog = this.renderRoot.querySelector('dialog');
      if (dialog && !dialog.open) dialog.showModal();
    }
    if (!frame) {
      this.#disconnect();
      return;
    }
    if (this.#connection && this.#connectedFrame === frame) return;
    this.#disconnect();
    this.#connect(frame);
  }

  #connect(frame: HTMLIFrameElement): void {
    // A frame removed by anything but close() (a script of the page, a framework re-render)
    // takes the import with it: say so instead of leaving the page waiting for rows.
    this.#frameWatch = new MutationObserver(() => {
      if (frame.isConnected || !this.isOpen || this.#connectedFrame !== frame) return;
      const delivered = this.#rows.length;
      this.#disconnect();
      this.dispatchEvent(
        new CsvImporterErrorEvent(
          'frame_removed',
          `The importer's frame was removed before the import finished (${delivered} rows had been delivered); open the importer again to retry.`,
        ),
      );
      this.close();
    });
    this.#frameWatch.observe(this.renderRoot, { childList: true, subtree: true });
    const validators = new Map<string, ColumnValidator>();
    for (const column of this.columns) {
      if (typeof column.validate === 'function') validators.set(column.key, column.validate);
    }
    this.#hooks = new HookRunner(this.hooks, validators);
    this.#connectedFrame = frame;
    this.#rows = [];
    this.#issues = [];
    this.#unmatched = [];
    this.#queue = Promise.resolve();
    const options = { ...this.#options(), theme: this.#theme(), hooks: this.#hooks.flags };
    const origin = this.src ? new URL(this.src, document.baseURI).origin : undefined;
    this.#connection = new FrameConnection(
      frame,
      { columns: this.#wireColumns() as ImporterColumn[], options },
      {
        message: (message) => {
          const connection = this.#connection;
          // Batches and completion keep their order; hook requests are answered as they come, so
          // a hook that never settles holds up nothing but its own reply (the frame times it out).
          if (message.type === 'rows' || message.type === 'complete') {
            this.#queue = this.#queue
              .then(() => this.#onMessage(message, connection))
              .catch((error: Error) => {
                this.dispatchEvent(new CsvImporterErrorEvent('internal', error.message));
              });
          } else void this.#onMessage(message, connection);
        },
        error: (code, message) => this.dispatchEvent(new CsvImporterErrorEvent(code, message)),
        traffic: (direction, message) => {
          if (this.debug)
            this.dispatchEvent(new CsvImporterMessageEvent(direction, message as Record<string, unknown>));
        },
      },
      origin,
    );
  }

  #disconnect(): void {
    this.#frameWatch?.disconnect();
    this.#frameWatch = undefined;
    this.#connection?.send({ type: 'cancel' });
    this.#connection?.dispose();
    this.#connection = undefined;
    this.#connectedFrame = undefined;
  }

  async #onMessage(message: FrameToHost, connection: FrameConnection | undefined): Promise<void> {
    // A message from a frame that has since been closed or reset is not acted on.
    if (!connection || connection !== this.#connection) return;
    switch (message.type) {
      case 'rows':
        await this.#onRows(message, connection);
        return;
      case 'complete': {
        const event = new CsvImporterCompleteEvent(
          this.#rows,
          this.#issues,
          message.meta,
          this.includeUnmatched ? this.#unmatched : undefined,
        );
        this.#rows = [];
        this.#issues = [];
        this.#unmatched = [];
        this.dispatchEvent(event);
        return;
      }
      case 'validate-request':
      case 'edit-request':
      case 'mapping-request': {
        const reply = await this.#hooks!.answer(message);
        if (reply.type === 'hook-error') {
          this.dispatchEvent(new CsvImporterErrorEvent('hook_failed', reply.message));
        }
        connection.send(reply);
        return;
      }
      case 'progress':
        this.dispatchEvent(new CsvImporterProgressEvent(message.phase, message.rows, message.total));
        return;
      case 'error':
        this.dispatchEvent(new CsvImporterErrorEvent(message.code, message.message));
        return;
      case 'close':
        this.close();
        return;
      case 'close-request':
        // Escape inside the frame does what Escape in the page does: it closes a modal dialog.
        if (this.display === 'modal') this.close();
        return;
      case 'save-file':
        this.#save(message);
        return;
    }
  }

  /** Hands a file from the frame to the page, and saves it here unless the page took it. */
  #save(message: SaveFile): void {
    const event = new CsvImporterDownloadEvent(message.fileName, message.mimeType, message.text);
    if (!this.dispatchEvent(event)) return;
    const url = URL.createObjectURL(new Blob([message.text], { type: message.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = message.fileName;
    link.click();
    // The download has started from the URL by the next task; the Blob need not outlive it.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  async #onRows(message: Rows, connection: FrameConnection): Promise<void> {
    if (message.start !== this.#rows.length) {
      this.dispatchEvent(
        new CsvImporterErrorEvent(
          'invalid_message',
          `A batch starting at row ${message.start} arrived where row ${this.#rows.length} was due; it was dropped.`,
        ),
      );
      return;
    }
    let rows: readonly ImportedRow[] = message.rows;
    if (this.hooks.transform) {
      try {
        rows = await this.hooks.transform(rows, { start: message.start });
        if (!Array.isArray(rows) || rows.length !== message.rows.length) {
          throw new Error('transform must return an array with one row per row it was given.');
        }
      } catch (error) {
        const text = `The transform hook failed: ${(error as Error).message}`.slice(0, 1000);
        this.dispatchEvent(new CsvImporterErrorEvent('hook_failed', text));
        connection.send({ type: 'hook-error', replyTo: message.id, message: text });
        return;
      }
    }
    const event = new CsvImporterRowsEvent(rows, message.issues, message.start, message.unmatched);
    this.dispatchEvent(event);
    await event.settled();
    for (const row of rows) this.#rows.push(row);
    for (const issue of message.issues) this.#issues.push(issue);
    if (message.unmatched) for (const extra of message.unmatched) this.#unmatched.push(extra);
    connection.send({ type: 'ack', replyTo: message.id });
  }

  #renderFrame() {
    const frame = this.src
      ? html`<iframe
          part="frame"
          title="Import a spreadsheet"
          sandbox="allow-scripts allow-same-origin"
          src=${this.src}
        ></iframe>`
      : html`<iframe
          part="frame"
          title="Import a spreadsheet"
          sandbox="allow-scripts"
          srcdoc=${CsvImporter.frameHtml ?? ''}
        ></iframe>`;
    return keyed(this.#generation, frame);
  }

  override render() {
    const frame = this.isOpen ? this.#renderFrame() : nothing;
    return html`
      <slot name="trigger" @click=${() => this.open()} ?hidden=${this.isOpen && this.display === 'inline'}>
        <button part="trigger" type="button">Import a file</button>
      </slot>
      ${
        this.display === 'modal' && this.isOpen
          ? html`<dialog part="dialog" aria-label="Import a spreadsheet" @close=${() => this.close()}>
            ${frame}
          </dialog>`
          : frame
      }
    `;
  }
}
