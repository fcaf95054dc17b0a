import { ColumnSpecSchema, type FrameToHost } from '@csv-importer/protocol';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import * as v from 'valibot';
import { CsvImporterCloseEvent, CsvImporterCompleteEvent, CsvImporterErrorEvent } from './events.ts';
import { FrameConnection } from './frame-connection.ts';
import { FRAME_HTML } from './frame-html.generated.ts';

/** A field of the application, as `<csv-importer>` takes it. */
export type ImporterColumn = v.InferInput<typeof ColumnSpecSchema>;

const ColumnsSchema = v.pipe(v.array(ColumnSpecSchema), v.minLength(1));

/**
 * Lets an end user import a CSV file into the page: they pick a file, match its columns to the
 * application's fields, review invalid values and submit; the rows arrive in an event. The file
 * is read inside a sandboxed, opaque-origin iframe whose CSP forbids every connection.
 *
 * @summary A privacy-first spreadsheet importer.
 *
 * @event csv-importer-complete - The user submitted; the event carries `rows`, `issues` and `meta`.
 * @event csv-importer-error - The import cannot go on; the event carries `code` and `message`.
 * @event csv-importer-close - The importer closed.
 *
 * @slot trigger - A custom button that opens the importer.
 *
 * @csspart trigger - The default open button.
 * @csspart frame - The iframe that holds the importer.
 *
 * @cssprop --csv-importer-height - Height of the importer frame (default 560px).
 */
export class CsvImporter extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    iframe {
      display: block;
      width: 100%;
      height: var(--csv-importer-height, 560px);
      border: 1px solid #d0d7de;
      border-radius: 8px;
    }
  `;

  /** The application's fields; rows are delivered keyed by each field's `key`. */
  @property({ attribute: false }) accessor columns: readonly ImporterColumn[] = [];

  /** Whether the importer is open; reflects the `open` attribute. */
  @property({ type: Boolean, reflect: true, attribute: 'open' }) accessor isOpen = false;

  /** Locale of the importer's messages, a BCP 47 tag. */
  @property() accessor locale = 'en';

  #connection: FrameConnection | undefined;
  /** Bumped on every close, so that a reopened importer always gets a fresh frame and worker. */
  #generation = 0;

  /** Opens the importer, creating its frame. */
  open(): void {
    this.isOpen = true;
  }

  /** Closes the importer; its frame and worker end and every row they held is dropped. */
  close(): void {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.#generation++;
    this.dispatchEvent(new CsvImporterCloseEvent());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('isOpen') && this.isOpen) {
      const checked = v.safeParse(ColumnsSchema, this.columns);
      if (!checked.success) {
        this.isOpen = false;
        const issue = checked.issues[0];
        const path = issue.path?.map((p) => String(p.key)).join('.') ?? 'columns';
        this.dispatchEvent(new CsvImporterErrorEvent('invalid_columns', `columns.${path}: ${issue.message}`));
      }
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!changed.has('isOpen')) return;
    this.#disconnect();
    const frame = this.renderRoot.querySelector('iframe');
    if (!frame) return;
    this.#connection = new FrameConnection(
      frame,
      { columns: this.columns.map((c) => ({ ...c })), options: { locale: this.locale } },
      {
        message: (message) => this.#onMessage(message),
        error: (code, message) => this.dispatchEvent(new CsvImporterErrorEvent(code, message)),
      },
    );
  }

  #disconnect(): void {
    this.#connection?.dispose();
    this.#connection = undefined;
  }

  #onMessage(message: FrameToHost): void {
    switch (message.type) {
      case 'complete':
        this.dispatchEvent(new CsvImporterCompleteEvent(message.rows, message.issues, message.meta));
        return;
      case 'error':
        this.dispatchEvent(new CsvImporterErrorEvent(message.code, message.message));
        return;
      case 'close':
        this.close();
        return;
      case 'progress':
        return;
    }
  }

  override render() {
    return html`
      <slot name="trigger" @click=${() => this.open()} ?hidden=${this.isOpen}>
        <button part="trigger" type="button">Import a file</button>
      </slot>
      ${
        this.isOpen
          ? keyed(
              this.#generation,
              html`<iframe part="frame" title="Import a spreadsheet" sandbox="allow-scripts" srcdoc=${FRAME_HTML}></iframe>`,
            )
          : nothing
      }
    `;
  }
}
