// Over 400 lines: the element class is the API spec (its doc comments and the PROPERTIES table
// make the custom-elements manifest) and the typed listener overloads. Row delivery
// (row-receiver.ts), downloads (file-saver.ts), the modal (modal-shell.ts) and the styles are
// modules of their own; the seam left is the frame's lifecycle (open, close, liveness, navigation).
import type { ColumnSpec } from '@csv-importer/core/column-spec';
import {
  ColumnSpecSchema,
  describeIssue,
  type FrameToHost,
  type InitOptions,
  InitOptionsSchema,
  type InvalidRows,
  localeLanguage,
  type SavedMappings,
  SavedMappingsSchema,
  THEME_TOKENS,
  type Theme,
  ThemeSchema,
  type ThemeToken,
} from '@csv-importer/protocol';
import * as v from 'valibot';
import { STYLES } from './csv-importer.styles.ts';
import { elementLabels } from './element-labels.ts';
import {
  CsvImporterCancelEvent,
  CsvImporterCloseEvent,
  type CsvImporterCompleteEvent,
  CsvImporterErrorEvent,
  type CsvImporterEventMap,
  CsvImporterMessageEvent,
  CsvImporterProgressEvent,
  type CsvImporterRowsEvent,
} from './events.ts';
import { FileSaver } from './file-saver.ts';
import { FrameConnection, type LostCode } from './frame-connection.ts';
import { type ColumnValidator, HookRunner, type ImporterHooks } from './hooks.ts';
import { registeredLocale } from './locales.ts';
import { modalShell } from './modal-shell.ts';
import { PlainDataError, toPlainData } from './plain-data.ts';
import { RowReceiver } from './row-receiver.ts';

/**
 * A field of the application, as `<csv-importer>` takes it: core's `ColumnSpec`, so one list
 * (`defineColumns([...] as const)`) serves the element and `validateRecords` on the server.
 * `validate` runs in the host page.
 */
export type ImporterColumn = ColumnSpec;

/** The page's own row type, which the element cannot know: hooks typed for any rows are accepted. */
// biome-ignore lint/suspicious/noExplicitAny: see above; `unknown` or `object` would refuse `ImporterHooks<Contact>`.
export type AnyRow = any;

/** JSON-like data the host attaches to an import; it comes back in the complete event's `meta`. */
export type ImporterMetadata = Record<string, string | number | boolean | null>;

const ColumnsSchema = v.pipe(v.array(ColumnSpecSchema), v.minLength(1));

/** `colorPrimary` -> `--csv-importer-color-primary`: the page's CSS custom property for a token. */
export function hostThemeProperty(token: ThemeToken): string {
  return `--csv-importer-${token.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

/** Why the importer cannot open: an error code and its message. */
type Problem = [code: 'invalid_columns' | 'invalid_options', message: string];

/** How an attribute's text becomes its property's value (`null`: the attribute was removed). */
type FromAttribute = (value: string | null) => unknown;
/** How long a frame may take to load and greet the element (`startTimeoutMs`). */
const DEFAULT_START_TIMEOUT_MS = 30_000;

const text: FromAttribute = (value) => value ?? undefined;
const flag: FromAttribute = (value) => value !== null;
const numeric: FromAttribute = (value) => (value === null || value === '' ? undefined : Number(value));

interface PropertyOptions {
  /** The value before anything sets it; a removed attribute restores it. */
  readonly initial?: unknown;
  readonly attribute?: string;
  readonly from?: FromAttribute;
  /** The property is written back to its attribute. */
  readonly reflect?: boolean;
}

/**
 * Every public property of `<csv-importer>` (documented on the class): its initial value and,
 * for those an attribute sets, the attribute. scripts/element-manifest.mjs reads this table.
 */
const PROPERTIES = {
  columns: { initial: Object.freeze([]) },
  hooks: { initial: Object.freeze({}) },
  theme: { initial: Object.freeze({}) },
  metadata: {},
  messages: {},
  isOpen: { initial: false, attribute: 'open', from: flag, reflect: true },
  locale: { initial: 'en', attribute: 'locale', from: text },
  display: { initial: 'inline', attribute: 'display', from: text, reflect: true },
  maxRows: { attribute: 'max-rows', from: numeric },
  maxFileSize: { attribute: 'max-file-size', from: numeric },
  accept: { attribute: 'accept', from: text },
  src: { attribute: 'src', from: text },
  invalidRows: { attribute: 'invalid-rows', from: text },
  includeUnmatched: { initial: false, attribute: 'include-unmatched', from: flag },
  largeFile: { initial: false, attribute: 'large-file', from: flag },
  streamRows: { initial: false, attribute: 'stream-rows', from: flag },
  batchSize: { attribute: 'batch-size', from: numeric },
  debug: { initial: false, attribute: 'debug', from: flag },
  mappings: {},
  rememberMappings: { attribute: 'remember-mappings', from: text },
  hookTimeoutMs: {},
  ackTimeoutMs: {},
  startTimeoutMs: {},
} satisfies Record<string, PropertyOptions>;
type PropertyName = keyof typeof PROPERTIES;

/** The property each attribute sets. */
const ATTRIBUTES = new Map<string, PropertyName>();
for (const [name, options] of Object.entries(PROPERTIES) as [PropertyName, PropertyOptions][]) {
  if (options.attribute) ATTRIBUTES.set(options.attribute, name);
}

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
 * @event csv-importer-cancel - The user cancelled reading a file; carries `phase` (`reading`).
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
 * @csspart notice - Why the last frame was removed (it navigated away or stopped answering), shown until the importer opens again.
 *
 * @cssprop --csv-importer-height - Height of the importer frame (default: inline clamp(560px, 100vh - 96px, 960px), modal 100dvh - 32px, all of a screen under 480px).
 * @cssprop --csv-importer-width - Width of the modal dialog (default min(1280px, 100vw - 32px), all of a screen under 480px).
 * @cssprop --csv-importer-border - Border of the frame (default 1px solid #d0d7de).
 * @cssprop --csv-importer-radius - Corner radius of the frame and dialog, also sent as the `radius` theme token.
 * @cssprop --csv-importer-backdrop - Backdrop of the modal dialog (default rgb(0 0 0 / 40%)).
 * @cssprop --csv-importer-color-primary - Theme token `colorPrimary`, read when the importer opens; the other tokens likewise (`--csv-importer-color-scheme`, `-color-background`, `-color-surface`, `-color-text`, `-color-muted`, `-color-border`, `-color-error`, `-color-warning`, `-color-success`, `-font-family`, `-font-size`, `-density`).
 */
export class CsvImporter extends HTMLElement {
  /**
   * The importer document a srcdoc frame shows. The default registration
   * (`csv-importer.ts`) sets it; the hosted-mode loader leaves it out, so it needs `src`.
   */
  static frameHtml: string | undefined;

  static readonly observedAttributes = [...ATTRIBUTES.keys()];

  /** The shadow root's styles, one sheet shared by every instance (a page's CSP allows it). */
  static #sheet: CSSStyleSheet | undefined;

  /** The application's fields; rows are delivered keyed by each field's `key`. */
  declare columns: readonly ImporterColumn[];

  /**
   * Functions the importer calls in this page: validate, edit, mapping, transform. Typed for any
   * row type, so `ImporterHooks<RowOf<typeof columns>>` (or a hand-written row interface) is accepted.
   */
  declare hooks: ImporterHooks<AnyRow>;

  /** Theme tokens; they win over the `--csv-importer-*` custom properties of the page. */
  declare theme: Theme;

  /** Data of the application echoed back in the complete event's `meta.metadata`. */
  declare metadata: ImporterMetadata | undefined;

  /** Message catalog overrides for the importer's text, by message key. */
  declare messages: Record<string, string> | undefined;

  /** Whether the importer is open; reflects the `open` attribute. */
  declare isOpen: boolean;

  /**
   * Locale of the importer's messages, a BCP 47 tag. English is built in; another language needs
   * its catalog added (`registerLocale`, or its `locales/<language>.iife.js` script), else the
   * importer shows English and reports `locale_unavailable`.
   */
  declare locale: string;

  /** `inline` shows the importer in the page's flow, `modal` in a dialog over the page. */
  declare display: 'inline' | 'modal';

  /** Largest number of data rows accepted. */
  declare maxRows: number | undefined;

  /** Largest file accepted, in bytes. */
  declare maxFileSize: number | undefined;

  /** File types offered in the file picker, as in `<input accept>`. */
  declare accept: string | undefined;

  /** URL of a hosted importer (hosted mode); without it the importer runs in a srcdoc frame. */
  declare src: string | undefined;

  /** What happens to rows with errors on submit: `block` (default `include`), `exclude`, `include`. */
  declare invalidRows: InvalidRows | undefined;

  /** Also deliver file columns matched to no field, in the events' `unmatched`. */
  declare includeUnmatched: boolean;

  /**
   * Large-file mode for any file (files of 128 MiB and more get it anyway): rows are validated as the
   * file is read, only rows with issues are kept for review, valid rows are read again at submit.
   */
  declare largeFile: boolean;

  /**
   * Deliver rows only in `csv-importer-rows` batches: the element keeps none of them, and
   * `csv-importer-complete` carries empty `rows`, `issues` and `unmatched` (its `meta` as always).
   * For imports too large to hold in the page at once: each batch can be sent on and forgotten.
   */
  declare streamRows: boolean;

  /** Rows per delivered batch (default 5000). */
  declare batchSize: number | undefined;

  /** Dispatch a `csv-importer-message` event for every protocol message (for learning and debugging). */
  declare debug: boolean;

  /**
   * Column and value mappings of an earlier import (the complete event's `meta.mappings`): the
   * importer applies them where the new file has the same headers and values, marked as
   * remembered; the user can still change them. Wins over what `rememberMappings` stored.
   */
  declare mappings: SavedMappings | undefined;

  /**
   * A name under which this page keeps each import's mappings in its own `localStorage`
   * (`csv-importer:mappings:<name>`) and gives them to the next import with that name; the
   * frame stores nothing. Unset (the default), nothing is kept.
   */
  declare rememberMappings: string | undefined;

  /** Milliseconds the frame waits for a hook before reporting it as failed (default 10000). */
  declare hookTimeoutMs: number | undefined;

  /**
   * Milliseconds the frame waits for the page to take one batch of rows (a `csv-importer-rows`
   * listener's `waitUntil`) before it stops with a `host_timeout` error (default 60000).
   */
  declare ackTimeoutMs: number | undefined;

  /**
   * Milliseconds the element waits for its frame to load and greet it before it reports
   * `frame_unavailable` (default 30000): a `src` that serves no importer, a frame this page's
   * Content-Security-Policy stops. The frame stays; should it start later, the import goes on.
   */
  declare startTimeoutMs: number | undefined;

  #connection: FrameConnection | undefined;
  #startTimer: ReturnType<typeof setTimeout> | undefined;
  #connectedFrame: HTMLIFrameElement | undefined;
  #frameWatch: MutationObserver | undefined;
  #hooks: HookRunner | undefined;
  #generation = 0;
  /** The rows of this import: batches in order, acknowledged, kept for the complete event. */
  readonly #receiver = new RowReceiver({
    dispatch: (event) => this.dispatchEvent(event),
    options: () => ({
      hooks: this.hooks,
      streamRows: this.streamRows,
      includeUnmatched: this.includeUnmatched,
    }),
  });
  readonly #files = new FileSaver((event) => this.dispatchEvent(event));
  /** Port messages are handled one after another, so batches keep their order. */
  #queue: Promise<void> = Promise.resolve();
  /** The public properties' values, behind the accessors the static block below defines. */
  readonly #values: Partial<Record<PropertyName, unknown>> = {};
  /** Properties changed since the last update, which runs in a microtask (as Lit's would). */
  #changed = new Set<PropertyName>();
  #pending: Promise<boolean> | undefined;
  /** True while reflected properties are written to their attributes, which then are not read back. */
  #reflecting = false;
  #trigger: HTMLSlotElement | undefined;
  /** The iframe, or the dialog around it, and what it was made for (see `#render`). */
  #frameHolder: HTMLElement | undefined;
  #frameKey: string | undefined;
  /** Why the last frame was lost, shown until the importer opens again. */
  #notice: HTMLElement | undefined;
  /** The frame's last word on whether closing would lose the user's work (`work`). */
  #unsaved = false;

  static {
    for (const [name, options] of Object.entries(PROPERTIES) as [PropertyName, PropertyOptions][]) {
      Object.defineProperty(CsvImporter.prototype, name, {
        get(this: CsvImporter) {
          return name in this.#values ? this.#values[name] : options.initial;
        },
        set(this: CsvImporter, value: unknown) {
          if (Object.is(value, this[name])) return;
          this.#values[name] = value;
          this.#requestUpdate(name);
        },
        enumerable: true,
        configurable: true,
      });
    }
  }

  constructor() {
    super();
    // A page or framework may set properties before the element is defined; they became own
    // properties that hide the accessors, so they are moved behind them.
    const self = this as unknown as Record<string, unknown>;
    for (const name of Object.keys(PROPERTIES)) {
      if (!Object.hasOwn(this, name)) continue;
      const value = self[name];
      delete self[name];
      self[name] = value;
    }
    if (!CsvImporter.#sheet) {
      CsvImporter.#sheet = new CSSStyleSheet();
      CsvImporter.#sheet.replaceSync(STYLES);
    }
    this.attachShadow({ mode: 'open' }).adoptedStyleSheets = [CsvImporter.#sheet];
  }

  /** Resolves once the latest property changes are applied to the element's shadow DOM. */
  get updateComplete(): Promise<boolean> {
    return (async () => {
      while (this.#pending) await this.#pending;
      return true;
    })();
  }

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

  /**
   * Imports `file` as if the user had chosen it: opens the importer if needed and hands the file
   * to its frame, which checks it (`accept`, `maxFileSize`) and reads it the same way, with the
   * same errors. An import in progress is replaced only if the user agrees. `name` names a `Blob`
   * (a `File` keeps its own unless `name` is given).
   */
  async importFile(file: Blob, name?: string): Promise<void> {
    this.open();
    await this.updateComplete;
    const named =
      name === undefined && file instanceof File
        ? file
        : new File([file], name ?? 'file', { type: file.type });
    this.#connection?.send({ type: 'file', file: named });
  }

  /** Starts over with a fresh frame (when open), dropping the current file and rows. */
  reset(): void {
    this.#disconnect();
    this.#generation++;
    this.#requestUpdate();
  }

  connectedCallback(): void {
    this.#requestUpdate();
  }

  disconnectedCallback(): void {
    this.#disconnect();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const name = ATTRIBUTES.get(attribute);
    if (this.#reflecting || !name) return;
    const options: PropertyOptions = PROPERTIES[name];
    (this as unknown as Record<string, unknown>)[name] = options.from?.(value) ?? options.initial;
  }

  #requestUpdate(name?: PropertyName): void {
    if (name) this.#changed.add(name);
    this.#pending ??= Promise.resolve().then(() => this.#update());
  }

  /** Applies the changed properties: checks an opening, reflects attributes, renders, connects. */
  #update(): boolean {
    this.#pending = undefined;
    // Changes wait for the element to be in a document; connectedCallback asks again.
    if (!this.isConnected) return true;
    const changed = this.#changed;
    this.#changed = new Set();
    this.willUpdate(changed);
    this.#reflect();
    this.#render();
    this.updated(changed);
    return true;
  }

  #reflect(): void {
    this.#reflecting = true;
    for (const [name, options] of Object.entries(PROPERTIES) as [PropertyName, PropertyOptions][]) {
      if (!options.reflect || !options.attribute) continue;
      const value = this[name];
      const text = value === false || value == null ? null : value === true ? '' : String(value);
      if (this.getAttribute(options.attribute) === text) continue;
      if (text === null) this.removeAttribute(options.attribute);
      else this.setAttribute(options.attribute, text);
    }
    this.#reflecting = false;
  }

  protected willUpdate(changed: ReadonlySet<PropertyName>): void {
    if (changed.has('isOpen') && this.isOpen) {
      this.#notice?.remove();
      const problem = this.#problem();
      if (problem) {
        this.isOpen = false;
        this.dispatchEvent(new CsvImporterErrorEvent(problem[0], problem[1]));
      }
    }
  }

  /**
   * The columns and options as they cross into the frame, or, when one of them is not plain data,
   * the error that says so.
   */
  #wire(): { columns: unknown[]; options: InitOptions } | Problem {
    try {
      return { columns: this.#wireColumns(), options: this.#options() };
    } catch (error) {
      if (!(error instanceof PlainDataError)) throw error;
      return [error.path.startsWith('columns') ? 'invalid_columns' : 'invalid_options', error.message];
    }
  }

  /** Why the importer cannot open with the current options, if it cannot. */
  #problem(): Problem | undefined {
    const wire = this.#wire();
    if (Array.isArray(wire)) return wire;
    const columns = v.safeParse(ColumnsSchema, wire.columns);
    if (!columns.success) return ['invalid_columns', `columns.${describeIssue(columns.issues[0])}`];
    const options = v.safeParse(InitOptionsSchema, wire.options);
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
        return ['invalid_options', `src: the importer must be on another origin than this page (${origin}).`];
      }
    }
    return undefined;
  }

  /**
   * The columns as they cross into the frame: plain data (a framework's reactive proxies copied),
   * without the `validate` functions, which stay in this page. Throws `PlainDataError`.
   */
  #wireColumns(): unknown[] {
    const columns = toPlainData(
      this.columns,
      'columns',
      (path, key) => key === 'validate' && /^columns\[\d+\]$/.test(path),
    );
    if (!Array.isArray(columns)) throw new PlainDataError('columns', 'must be an array of column specs');
    return columns;
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

  /** The options as they cross into the frame, as plain data. Throws `PlainDataError`. */
  #options(): InitOptions {
    const options: InitOptions = { locale: this.locale };
    const catalog = registeredLocale(localeLanguage(this.locale));
    if (catalog) options.catalog = toPlainData(catalog, 'catalog') as NonNullable<InitOptions['catalog']>;
    if (this.messages) options.messages = toPlainData(this.messages, 'messages') as Record<string, string>;
    if (this.maxRows !== undefined) options.maxRows = this.maxRows;
    if (this.maxFileSize !== undefined) options.maxFileSize = this.maxFileSize;
    if (this.accept) options.accept = this.accept;
    if (this.invalidRows) options.invalidRows = this.invalidRows;
    if (this.includeUnmatched) options.includeUnmatched = true;
    if (this.largeFile) options.largeFile = true;
    if (this.metadata) options.metadata = toPlainData(this.metadata, 'metadata') as ImporterMetadata;
    if (this.batchSize !== undefined) options.batchSize = this.batchSize;
    if (this.hookTimeoutMs !== undefined) options.hookTimeoutMs = this.hookTimeoutMs;
    if (this.ackTimeoutMs !== undefined) options.ackTimeoutMs = this.ackTimeoutMs;
    const mappings = this.mappings ?? this.#storedMappings();
    if (mappings) options.mappings = toPlainData(mappings, 'mappings') as SavedMappings;
    return options;
  }

  /** Where `rememberMappings` keeps the mappings in this page's localStorage. */
  get #storageKey(): string | undefined {
    return this.rememberMappings ? `csv-importer:mappings:${this.rememberMappings}` : undefined;
  }

  /**
   * The mappings `rememberMappings` kept; none when there are none, when storage is not
   * available to this page, or when what is stored is not a form this version reads.
   */
  #storedMappings(): SavedMappings | undefined {
    const key = this.#storageKey;
    if (!key) return undefined;
    try {
      const text = localStorage.getItem(key);
      if (text === null) return undefined;
      const parsed = v.safeParse(SavedMappingsSchema, JSON.parse(text));
      return parsed.success ? parsed.output : undefined;
    } catch {
      return undefined;
    }
  }

  /** Keeps an import's mappings for the next one, when `rememberMappings` asks for it. */
  #storeMappings(mappings: SavedMappings | undefined): void {
    const key = this.#storageKey;
    if (!key || !mappings) return;
    try {
      localStorage.setItem(key, JSON.stringify(mappings));
    } catch (error) {
      // A full or refused storage costs the page only the convenience; it hears why.
      const text = `The mappings were not kept: ${(error as Error).message}`.slice(0, 1000);
      this.dispatchEvent(new CsvImporterErrorEvent('storage_failed', text));
    }
  }

  protected updated(changed: ReadonlySet<PropertyName>): void {
    const frame = this.shadowRoot!.querySelector('iframe');
    if (changed.has('theme') && this.#connection && !changed.has('isOpen')) {
      this.#connection.send({ type: 'theme', theme: this.#theme() });
    }
    if (this.display === 'modal') {
      const dialog = this.shadowRoot!.querySelector('dialog');
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
    const init = this.#wire();
    if (Array.isArray(init)) {
      // Checked when the importer opened; a value changed since (before a reset) is reported the same way.
      this.dispatchEvent(new CsvImporterErrorEvent(...init));
      this.close();
      return;
    }
    // A frame removed by anything but close() (a script of the page, a framework re-render)
    // takes the import with it: say so instead of leaving the page waiting for rows.
    this.#frameWatch = new MutationObserver(() => {
      if (frame.isConnected || !this.isOpen || this.#connectedFrame !== frame) return;
      const delivered = this.#receiver.delivered;
      this.#disconnect();
      this.dispatchEvent(
        new CsvImporterErrorEvent(
          'frame_removed',
          `The importer's frame was removed before the import finished (${delivered} rows had been delivered). Open it again to retry.`,
        ),
      );
      this.close();
    });
    this.#frameWatch.observe(this.shadowRoot!, { childList: true, subtree: true });
    const validators = new Map<string, ColumnValidator>();
    for (const column of this.columns) {
      if (typeof column.validate === 'function') validators.set(column.key, column.validate);
    }
    this.#hooks = new HookRunner(this.hooks, validators);
    this.#connectedFrame = frame;
    this.#receiver.reset();
    this.#queue = Promise.resolve();
    const options = { ...init.options, theme: this.#theme(), hooks: this.#hooks.flags };
    const origin = this.src ? new URL(this.src, document.baseURI).origin : undefined;
    this.#connection = new FrameConnection(
      frame,
      // #problem checked them against ColumnsSchema when the importer opened.
      { columns: init.columns as v.InferOutput<typeof ColumnsSchema>, options },
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
        lost: (code, message) => this.#frameLost(code, message),
        traffic: (direction, message) => {
          if (this.debug)
            this.dispatchEvent(new CsvImporterMessageEvent(direction, message as Record<string, unknown>));
        },
      },
      origin,
    );
    const connection = this.#connection;
    const waitMs = this.startTimeoutMs ?? DEFAULT_START_TIMEOUT_MS;
    this.#startTimer = setTimeout(() => {
      if (connection !== this.#connection || connection.greeted) return;
      this.dispatchEvent(new CsvImporterErrorEvent('frame_unavailable', this.#unavailable(waitMs)));
    }, waitMs);
  }

  /** Why the frame may not have started, for a `frame_unavailable` error. */
  #unavailable(waitMs: number): string {
    const start = `did not start within ${Math.round(waitMs / 100) / 10} s`;
    return this.src
      ? `The importer at ${this.src} ${start}: does the URL serve it, and do its frame-ancestors allow this page?`
      : `The importer ${start}: this page's Content-Security-Policy may stop its inline script; then set \`src\` (docs/self-hosting.md).`;
  }

  /**
   * The user asked the page to close the modal (Escape, the backdrop, Escape passed on by the
   * frame). With work to lose, the frame asks them and sends `close` if they confirm; otherwise
   * the importer closes now.
   */
  #dismiss(): void {
    if (this.#unsaved && this.#connection) this.#connection.send({ type: 'close-request' });
    else this.close();
  }

  #disconnect(): void {
    this.#unsaved = false;
    clearTimeout(this.#startTimer);
    this.#startTimer = undefined;
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
        await this.#receiver.rows(message, (reply) => connection.send(reply));
        return;
      case 'complete':
        this.#receiver.complete(message, () => this.#storeMappings(message.meta.mappings));
        return;
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
        // The importer runs on in English: a warning the developer sees even without a listener.
        if (message.code === 'locale_unavailable') console.warn(`<csv-importer>: ${message.message}`);
        this.dispatchEvent(new CsvImporterErrorEvent(message.code, message.message));
        return;
      case 'close':
        this.close();
        return;
      case 'cancelled':
        this.dispatchEvent(new CsvImporterCancelEvent(message.phase));
        return;
      case 'close-request':
        // Escape inside the frame does what Escape in the page does: it closes a modal dialog
        // (asking first, when the user has work to lose).
        if (this.display === 'modal') this.#dismiss();
        return;
      case 'work':
        this.#unsaved = message.unsaved;
        return;
      case 'save-file':
        this.#files.save(message);
        return;
    }
  }

  /**
   * A frame that navigated, lost its page or stopped answering is removed with its import, and
   * the reason is shown where it was: it can show nothing itself any more.
   */
  #frameLost(code: LostCode, message: string): void {
    this.#disconnect();
    this.dispatchEvent(new CsvImporterErrorEvent(code, message));
    this.close();
    this.#notice ??= document.createElement('p');
    this.#notice.part.add('notice');
    this.#notice.setAttribute('role', 'alert');
    this.#notice.textContent = message;
    this.shadowRoot!.append(this.#notice);
  }

  // The element's listeners, typed by event name. The complete and rows events are generic over
  // the row type, so a listener declared for the application's rows is accepted:
  // `addEventListener('csv-importer-complete', (e: CsvImporterCompleteEvent<RowOf<typeof columns>>) => …)`.
  // Those overloads take `type: K`, not the literal: TypeScript tries overloads with a literal
  // parameter first, which would give an unannotated listener `unknown` rows.
  override addEventListener<K extends keyof CsvImporterEventMap>(
    type: K,
    listener: (this: CsvImporter, event: CsvImporterEventMap[K]) => unknown,
    options?: ListenerOptions,
  ): void;
  override addEventListener<Row, K extends 'csv-importer-complete' = 'csv-importer-complete'>(
    type: K,
    listener: (this: CsvImporter, event: CsvImporterCompleteEvent<Row>) => unknown,
    options?: ListenerOptions,
  ): void;
  override addEventListener<Row, K extends 'csv-importer-rows' = 'csv-importer-rows'>(
    type: K,
    listener: (this: CsvImporter, event: CsvImporterRowsEvent<Row>) => unknown,
    options?: ListenerOptions,
  ): void;
  override addEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: CsvImporter, event: HTMLElementEventMap[K]) => unknown,
    options?: ListenerOptions,
  ): void;
  override addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: ListenerOptions,
  ): void;
  override addEventListener(type: string, listener: unknown, options?: ListenerOptions): void {
    // The overloads above typed the listener; the platform takes any.
    super.addEventListener(type, listener as EventListenerOrEventListenerObject, options);
  }
  override removeEventListener<K extends keyof CsvImporterEventMap>(
    type: K,
    listener: (this: CsvImporter, event: CsvImporterEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener<Row, K extends 'csv-importer-complete' = 'csv-importer-complete'>(
    type: K,
    listener: (this: CsvImporter, event: CsvImporterCompleteEvent<Row>) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener<Row, K extends 'csv-importer-rows' = 'csv-importer-rows'>(
    type: K,
    listener: (this: CsvImporter, event: CsvImporterRowsEvent<Row>) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener<K extends keyof HTMLElementEventMap>(
    type: K,
    listener: (this: CsvImporter, event: HTMLElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: unknown,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener as EventListenerOrEventListenerObject, options);
  }

  /**
   * Renders the trigger and, while open, the frame. Each opening, reset, mode (`src` or srcdoc)
   * and display gets a new iframe, so a new document and worker.
   */
  #render(): void {
    const root = this.shadowRoot!;
    const labels = elementLabels(this.locale, this.messages);
    if (!this.#trigger) {
      const button = document.createElement('button');
      button.part.add('trigger');
      button.type = 'button';
      this.#trigger = document.createElement('slot');
      this.#trigger.name = 'trigger';
      this.#trigger.addEventListener('click', () => this.open());
      this.#trigger.append(button);
      root.append(this.#trigger);
    }
    const button = this.#trigger.querySelector('button');
    if (button && button.textContent !== labels.trigger) button.textContent = labels.trigger;
    this.#trigger.hidden = this.isOpen && this.display === 'inline';
    const key = this.isOpen ? `${this.#generation} ${this.display} ${this.src ?? ''}` : undefined;
    if (key === this.#frameKey) return;
    this.#frameKey = key;
    this.#frameHolder?.remove();
    this.#frameHolder = undefined;
    if (key === undefined) return;
    const frame = document.createElement('iframe');
    frame.part.add('frame');
    frame.title = labels.title;
    // The sandbox is set before the frame has a document to load.
    if (this.src) {
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin');
      // The hosted importer's document gets no cookies of its own site and leaves none there:
      // its storage is a fresh partition that ends with the page (see docs/security.md).
      frame.setAttribute('credentialless', '');
      frame.src = this.src;
    } else {
      frame.setAttribute('sandbox', 'allow-scripts');
      frame.srcdoc = CsvImporter.frameHtml ?? '';
    }
    this.#frameHolder = frame;
    if (this.display === 'modal') {
      this.#frameHolder = modalShell(frame, labels.title, {
        dismiss: () => this.#dismiss(),
        stillOpen: () => this.isOpen && this.#frameHolder?.contains(frame) === true,
      });
    }
    root.append(this.#frameHolder);
  }
}

type ListenerOptions = boolean | AddEventListenerOptions;
