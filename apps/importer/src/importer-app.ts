// Over 400 lines: the flow's transitions (reading, matching with remembered mappings, values,
// validation, delivery), each short. The views (flow/step-view.ts), the state (flow/flow-state.ts),
// the edit checks (flow/edit-checks.ts) and the frame's chrome (shell/) are modules of their own;
// the seam left is reading (load, reread, cancel) and its hints answers, as a controller.
import type { ColumnSpec } from '@csv-importer/core';
import type { Init, SavedMappings } from '@csv-importer/protocol';
import * as Comlink from 'comlink';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { deliverRows } from './delivery.ts';
import { EditChecks } from './flow/edit-checks.ts';
import { type ReviewState, type Skipped, type State, unsaved } from './flow/flow-state.ts';
import { renderStep, type StepContext } from './flow/step-view.ts';
import { mappingFromHost, validateWithHost } from './hooks.ts';
import { type HostConnection, HostHookError, HostTimeoutError } from './host-connection.ts';
import { i18n, missingLocale, setTranslator, Translator } from './i18n/i18n.ts';
import { LatestCall } from './latest-call.ts';
import { renderBusy, renderHeaderBar, shellStyles } from './shell/app-shell.ts';
import './shell/confirm-dialog.ts';
import type { SessionHandle } from './session-handle.ts';
import type { ConfirmDialog } from './shell/confirm-dialog.ts';
import { applySavedColumns, mergeSaved, savedMappings } from './steps/match/saved-mappings.ts';
import {
  HintAnswers,
  type HintReader,
  type HintValue,
  type HintView,
  readHintViews,
} from './steps/review/hint-views.ts';
import { statement } from './steps/review/reading-hints.ts';
import { summaryText } from './steps/review/review-step.ts';
import { DEFAULT_ACCEPT, refusal, type UploadLimits } from './steps/upload/upload-step.ts';
import { selectOptions } from './steps/values/select-options.ts';
import { ValueChoices } from './steps/values/value-choices.ts';
import { controls, tokens } from './styles/shared-styles.ts';
import type {
  EditResult,
  ImportSessionApi,
  LoadProgress,
  LoadResult,
  LoadSummary,
  Mapping,
  ReadOptions,
  ValidationSummary,
  ValueMapping,
} from './worker/session-types.ts';

/**
 * The importer's user interface inside the frame: upload, header row and reading options, match
 * columns, map values, review and fix, submit. It holds only the rows in view; the dataset lives
 * in the worker behind `session`. It moves the focus to each step's heading and announces
 * status changes in a live region; it follows the host's locale (right to left for Arabic) and
 * color scheme (`data-color-scheme="dark"` on the document root). The steps' views are in
 * flow/step-view.ts, the frame around them in shell/app-shell.ts; this class holds the transitions.
 * A step with nothing to decide (a select column whose values all are options already) is passed
 * through, with a note the user can open to go back to it.
 */
export class ImporterApp extends LitElement {
  static override styles = [tokens, controls, shellStyles, css``];

  static override properties = {
    state: { attribute: false },
    scheme: { reflect: true },
    closable: { type: Boolean },
    announcement: { state: true },
    skipped: { state: true },
  };
  declare state: State;
  /** `dark` when the document root carries `data-color-scheme="dark"`. */
  declare scheme: 'light' | 'dark';
  /** Whether the host can close the importer (not in embed URL mode, where the page runs no code of ours). */
  declare closable: boolean;
  declare private announcement: string;
  /** Steps passed through for the current file, with what was decided. */
  declare private skipped: readonly Skipped[];

  constructor() {
    super();
    this.state = { step: 'waiting' };
    this.scheme = 'light';
    this.closable = true;
    this.announcement = '';
    this.skipped = [];
  }
  private get confirmDialog(): ConfirmDialog {
    return this.renderRoot?.querySelector('csv-confirm-dialog') as ConfirmDialog;
  }

  #host: HostConnection | undefined;
  #init: Init | undefined;
  #session: Comlink.Remote<ImportSessionApi> | undefined;
  #handle: SessionHandle | undefined;
  #columns: readonly ColumnSpec[] = [];
  #edits: EditChecks | undefined;
  #schemeObserver = new MutationObserver(() => this.#readScheme());
  /** The user's answers about how to read numbers and dates, per field and file column. */
  #hintAnswers = new HintAnswers();
  /** The user's options for select values, per field and file column, across Back and Continue. */
  #valueChoices = new ValueChoices();
  /** What the host last heard about unsaved work (`work`). */
  #toldUnsaved = false;
  /** Fields whose column came from the host's remembered mappings (`init.options.mappings`), this file. */
  #remembered: ReadonlySet<string> = new Set();
  /** The user's column and value choices, kept when they go back to upload, for the next file. */
  #sessionMappings: SavedMappings | undefined;
  /** The remembered mappings this file starts from: the host's, then this session's. */
  #saved: SavedMappings | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.#schemeObserver.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['data-color-scheme'],
    });
    this.#readScheme();
    document.addEventListener('keydown', this.#onEscape);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#schemeObserver.disconnect();
    document.removeEventListener('keydown', this.#onEscape);
  }

  /**
   * Escape that no widget of the frame used (the grid's cell editor cancels its edit and stops
   * the key; the discard dialog answers Keep working) asks the host to close: a modal importer
   * closes, as on Escape in the page, after asking the user when work would be lost.
   */
  readonly #onEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
    if (this.confirmDialog?.isOpen) return;
    this.#host?.send({ type: 'close-request', reason: 'escape' });
  };

  #readScheme(): void {
    // theme.ts sets `color-scheme` on the root from the host's theme; `data-color-scheme` also works.
    const root = document.documentElement;
    const dark =
      root.dataset.colorScheme === 'dark' || root.style.getPropertyValue('color-scheme').trim() === 'dark';
    this.scheme = dark ? 'dark' : 'light';
  }

  /** Called once the host has sent `init`. */
  start(host: HostConnection, init: Init, session: Comlink.Remote<ImportSessionApi>): void {
    const { locale = 'en', messages = {}, catalog } = init.options;
    const translator = new Translator(locale, messages, catalog);
    if (translator.missing) {
      host.send({ type: 'error', code: 'locale_unavailable', message: missingLocale(translator.missing) });
    }
    setTranslator(translator);
    document.documentElement.lang = translator.locale;
    document.documentElement.dir = translator.dir;
    document.title = translator.t('app.title');
    this.#host = host;
    this.#init = init;
    // The init schema checked every column (regex flags against the same set the type lists).
    const columns = init.columns as readonly ColumnSpec[];
    this.#columns = columns;
    this.#session = session;
    this.#handle = { remote: session };
    this.#edits = new EditChecks(host, init, session, columns, {
      inReview: () => this.state.step === 'review',
      apply: (validation, submit) => {
        if (this.state.step === 'review') this.state = { ...this.state, validation, submit };
      },
      announce: (message) => this.#announce(message),
    });
    this.#toldUnsaved = false;
    const { invalidRows, includeUnmatched, maxRows, largeFile } = init.options;
    this.state = { step: 'upload' };
    session
      .configure(columns, {
        invalidRows: invalidRows ?? 'include',
        includeUnmatched: includeUnmatched ?? false,
        ...(maxRows !== undefined ? { maxRows } : {}),
        ...(largeFile ? { largeFile } : {}),
      })
      .catch((error: unknown) => {
        // A column the engine refuses to compile (a pattern that can take exponential time,
        // which the wire schema does not check): the host and the user hear which column.
        const message = (error as Error).message;
        host.send({ type: 'error', code: 'invalid_columns', message });
        this.fail(message);
      });
  }

  fail(message: string): void {
    this.state = { step: 'failed', message };
  }

  /**
   * The user asked to close (the close button, or Escape or a backdrop click the host passed on):
   * with work that closing would lose, the discard dialog asks first.
   */
  async requestClose(): Promise<void> {
    if (unsaved(this.state) && !(await this.confirmDialog.ask())) return;
    this.#host?.send({ type: 'close' });
  }

  /**
   * A file the host handed over (the element's `importFile`): read as if the user had chosen it
   * at the upload step, with the same checks and errors. Work a new file would discard is
   * discarded only if the user says so; a read in progress is superseded.
   */
  async takeFile(file: File): Promise<void> {
    if (unsaved(this.state) && !(await this.confirmDialog.ask(i18n.t('discard.open')))) return;
    const refused = refusal(file, this.#limits, true);
    if (!refused) {
      if (this.state.step === 'upload' && this.state.reading) void this.#session?.cancel();
      void this.#load(file);
      return;
    }
    this.state = { step: 'upload', error: refused.message };
    if (refused.code) this.#host?.send({ type: 'error', code: refused.code, message: refused.message });
  }

  protected override updated(changed: PropertyValues<this>): void {
    const previous = changed.get('state') as State | undefined;
    // The first step does not take the focus: opening the importer must not pull the keyboard
    // out of the host page (its modal dialog, say, keeps Escape).
    if (
      changed.has('state') &&
      previous !== undefined &&
      previous.step !== 'waiting' &&
      previous.step !== this.state.step
    )
      void this.#focusStep();
    const now = unsaved(this.state);
    if (now !== this.#toldUnsaved && this.#host) {
      this.#toldUnsaved = now;
      this.#host.send({ type: 'work', unsaved: now });
    }
  }

  /** Moves the focus to the new step's heading, so keyboard and screen reader users start there. */
  async #focusStep(): Promise<void> {
    const step = this.renderRoot.querySelector('.step') as LitElement | null;
    if (!step) return;
    await step.updateComplete;
    const heading = step.renderRoot.querySelector<HTMLElement>('h2');
    heading?.focus();
    if (heading) this.#announce(heading.textContent?.trim() ?? '');
  }

  #announce(message: string): void {
    // Cleared first, so the same message twice is announced twice.
    this.announcement = '';
    requestAnimationFrame(() => {
      this.announcement = message;
    });
  }

  get #limits(): UploadLimits {
    const { accept, maxFileSize, maxRows } = this.#init?.options ?? {};
    return {
      accept: accept ?? DEFAULT_ACCEPT,
      ...(maxFileSize !== undefined ? { maxFileSize } : {}),
      ...(maxRows !== undefined ? { maxRows } : {}),
    };
  }

  // ---- upload and reading ----------------------------------------------------------------------

  #progress = (fileName: string) =>
    Comlink.proxy((progress: LoadProgress) => {
      if (this.state.step === 'upload' && this.state.reading) {
        this.state = {
          step: 'upload',
          reading: { fileName, rows: progress.rows, fraction: progress.fraction },
        };
      }
    });

  /** The file read in progress: a newer read or Cancel supersedes it, so only the latest moves on. */
  readonly #reads = new LatestCall();

  async #load(file: File): Promise<void> {
    this.state = { step: 'upload', reading: { fileName: file.name, rows: 0, fraction: 0 } };
    try {
      const result = await this.#reads.run<LoadResult>(() =>
        this.#session!.load(file, this.#progress(file.name)),
      );
      if (result.current) this.#loaded(result.value);
    } catch (error) {
      console.warn('csv-importer: reading the file failed', error);
      this.state = { step: 'upload', error: i18n.t('error.internal', { message: (error as Error).message }) };
    }
  }

  #cancelRead(): void {
    this.#reads.cancel();
    void this.#session!.cancel();
    // The user's own choice: said plainly, not as an error.
    this.state = { step: 'upload', notice: i18n.t('upload.cancelled') };
    this.#host?.send({ type: 'cancelled', phase: 'reading' });
  }

  async #reread(options: ReadOptions): Promise<void> {
    const read = await this.#reads.run<LoadResult>(() => this.#session!.reread(options));
    if (!read.current) return;
    const result = read.value;
    if (result.ok) this.state = { step: 'header', summary: result.summary };
    else this.#loaded(result);
  }

  #loaded(result: LoadResult): void {
    if (!result.ok) {
      const key = `error.${result.code}`;
      const error =
        result.code === 'too_many_rows'
          ? i18n.t('error.too_many_rows', { maxRows: this.#init?.options.maxRows ?? 0 })
          : result.code === 'too_large'
            ? i18n.t('error.workbook_too_large')
            : i18n.has(key)
              ? i18n.t(key)
              : result.message;
      this.state = { step: 'upload', error };
      // The application set this limit; it hears about the refusal too.
      if (result.code === 'too_many_rows')
        this.#host?.send({ type: 'error', code: 'too_many_rows', message: error });
      return;
    }
    const { summary } = result;
    // A new file: what the user chose about the last one does not apply.
    this.#hintAnswers.clear();
    this.#valueChoices.clear();
    this.skipped = [];
    // The reading options open by themselves when there is something to check in them: a header
    // row core is not certain of (a preamble, blank lines above it, names that read like data),
    // several sheets, an unsure encoding, rows that could not be read cleanly.
    const toCheck =
      summary.encodingDoubt !== undefined ||
      (summary.readingFindings ?? []).some((f) => f.code !== 'ragged_row');
    if (!summary.headerCertain || (summary.sheets?.length ?? 0) > 1 || toCheck) {
      this.state = { step: 'header', summary };
      return;
    }
    const names = summary.headers.slice(0, 3).join(', ') + (summary.headers.length > 3 ? ', …' : '');
    const note = i18n.t('skipped.header', { row: summary.headerRow + 1, names });
    this.skipped = [{ step: 'header', note }];
    void this.#toMatch(summary);
  }

  async #toMatch(summary: LoadSummary): Promise<void> {
    const mapping: Record<string, number | null> = {};
    for (const column of this.#columns) mapping[column.key] = null;
    for (const match of summary.suggestions) mapping[match.key] = match.fileColumn;
    // Mappings the host remembered from an earlier import win over the engine's suggestion.
    this.#saved = mergeSaved(this.#init?.options.mappings, this.#sessionMappings);
    const saved = applySavedColumns(summary.headers, this.#columns, mapping, this.#saved);
    // Call site: the host's mapping hook may change the suggestion.
    const suggested = await mappingFromHost(this.#host!, this.#init!, summary, saved.mapping);
    this.#remembered = new Set([...saved.remembered].filter((k) => suggested[k] === saved.mapping[k]));
    this.state = { step: 'match', summary, mapping: suggested, manual: new Set() };
  }

  // ---- match, values, validation -----------------------------------------------------------------

  async #afterMatch(match: Extract<State, { step: 'match' }>): Promise<void> {
    const { summary, mapping, manual } = match;
    const selects = this.#columns.filter(
      (c) => selectOptions(c).length > 0 && (mapping[c.key] ?? null) !== null,
    );
    if (selects.length === 0) {
      this.skipped = this.skipped.filter((s) => s.step !== 'values');
      void this.#validate(summary, mapping, {});
      return;
    }
    this.state = { ...match, busy: true };
    const certain = await this.#valuesAllExact(selects, mapping);
    if (this.state.step !== 'match') return;
    if (!certain) {
      this.skipped = this.skipped.filter((s) => s.step !== 'values');
      this.state = { step: 'values', summary, mapping, manual };
      return;
    }
    const note = i18n.t('skipped.values', { fields: selects.map((c) => c.label).join(', ') });
    this.skipped = [...this.skipped.filter((s) => s.step !== 'values'), { step: 'values', note }];
    void this.#validate(summary, mapping, {});
  }

  /**
   * Whether every value of each select column is already one of its field's options, exactly: then
   * the values step holds no decision. Empty cells need none either.
   */
  async #valuesAllExact(selects: readonly ColumnSpec[], mapping: Mapping): Promise<boolean> {
    for (const field of selects) {
      const column = mapping[field.key];
      if (column === null || column === undefined) continue;
      const options = selectOptions(field);
      // One more than the options: a column with more distinct values cannot match them all.
      const values = await this.#session!.suggestValues(column, field.key, options.length + 2);
      if (values.length > options.length + 1) return false;
      const exact = values.every((v) => v.value.trim() === '' || v.value === v.suggestion);
      if (!exact) return false;
    }
    return true;
  }

  async #validate(summary: LoadSummary, mapping: Mapping, values: ValueMapping): Promise<void> {
    const session = this.#session!;
    if (this.state.step === 'match' || this.state.step === 'values')
      this.state = { ...this.state, busy: true };
    // The user's answers override what the worker detects from the column's values.
    const answers = this.#hintAnswers.forMapping(mapping);
    const checked = await session.validateFile(mapping, values, answers);
    // Call site: after validation, the host's validate hook checks every row.
    const validation = await validateWithHost(this.#host!, this.#init!, session, checked);
    const read = (...args: Parameters<HintReader>) => session.readWithHints(...args);
    const hints = await readHintViews(read, this.#columns, checked.hints ?? {}, answers);
    const submit = await session.submitSummary();
    this.state = { step: 'review', summary, mapping, values, validation, submit, hints };
  }

  /** The user chose how a field is read: every row is read again that way. */
  async #answerHint(review: ReviewState, view: HintView, value: HintValue): Promise<void> {
    const column = review.mapping[view.field.key];
    if (column === null || column === undefined) return;
    this.#hintAnswers.set(view.field.key, column, view.kind, value);
    this.state = { ...review, hintBusy: true };
    await this.#validate(review.summary, review.mapping, review.values);
    if (this.state.step !== 'review') return;
    const now = this.state.hints.find((h) => h.field.key === view.field.key && h.kind === view.kind);
    if (now) this.#announce(`${statement(now)} ${summaryText(this.state.validation)}`);
  }

  async #afterChange(review: ReviewState, validation: ValidationSummary, edit?: EditResult) {
    const submit = await this.#session!.submitSummary();
    if (this.state.step === 'review') this.state = { ...review, validation, submit };
    // The host's edit hook sees the row after the engine re-validated it; the user edits on
    // meanwhile, and its findings show when they come.
    if (edit) void this.#edits?.check(edit);
  }

  // ---- submit ----------------------------------------------------------------------------------

  async #submit(review: ReviewState): Promise<void> {
    this.state = { step: 'submitting', back: review };
    // The host's answers about the last edits land before any row leaves: a finding applied
    // during delivery would change which rows are delivered halfway through.
    await this.#edits?.settled();
    const mapping: Record<string, string> = {};
    for (const [key, source] of Object.entries(review.mapping)) {
      if (source !== null) mapping[key] = review.summary.headers[source] ?? '';
    }
    try {
      // Call site: on submit (rows go to the host through deliverRows only).
      const delivered = await deliverRows(this.#host!, this.#session!, {
        fileName: review.summary.fileName,
        encoding: review.summary.encoding,
        delimiter: review.summary.delimiter,
        ...(review.summary.sheet ? { sheet: review.summary.sheet } : {}),
        mapping,
        mappings: savedMappings(review.summary.headers, review.mapping, review.values),
      });
      this.state = { step: 'done', delivered };
    } catch (error) {
      // The user reads what happened and what to do; the developer's detail went to the host
      // (an error event) and goes to the console here.
      console.warn('csv-importer: delivery failed', error);
      const message =
        error instanceof HostTimeoutError
          ? i18n.t('failed.timeout')
          : error instanceof HostHookError
            ? i18n.t('failed.host')
            : i18n.t('failed.other');
      this.state = { step: 'failed', message, back: review };
    }
  }

  /** A sandboxed frame may not download: the host page saves the file. */
  readonly #saveFile = (fileName: string, text: string): void => {
    this.#host?.send({ type: 'save-file', fileName, mimeType: 'text/csv', text });
  };

  // ---- rendering -------------------------------------------------------------------------------

  #context(): StepContext {
    return {
      columns: this.#columns,
      limits: this.#limits,
      includeUnmatched: this.#init?.options.includeUnmatched ?? false,
      session: this.#handle,
      valueChoices: this.#valueChoices,
      remembered: this.#remembered,
      savedValues: this.#saved?.values ?? {},
      matchBack: (match) => {
        // Another file may follow: it starts from what the user chose for this one.
        const chosen = savedMappings(match.summary.headers, match.mapping, this.#valueChoices.chosen());
        this.#sessionMappings = mergeSaved(this.#sessionMappings, chosen);
        this.state = { step: 'upload' };
      },
      go: (state) => {
        // The user opened the header step: it is no longer passed through.
        if (state.step === 'header') this.skipped = this.skipped.filter((s) => s.step !== 'header');
        this.state = state;
      },
      load: (file) => void this.#load(file),
      refused: (code, message) => this.#host?.send({ type: 'error', code, message }),
      cancelRead: () => this.#cancelRead(),
      saveFile: this.#saveFile,
      setHeaderRow: async (row) => {
        this.state = { step: 'header', summary: await this.#session!.setHeaderRow(row) };
      },
      reread: (options) => void this.#reread(options),
      toMatch: (header) => void this.#toMatch(header.summary),
      afterMatch: (match) => void this.#afterMatch(match),
      validate: (values, chosen) => void this.#validate(values.summary, values.mapping, chosen),
      answerHint: (review, view, value) => void this.#answerHint(review, view, value),
      changed: (review, validation, edit) => void this.#afterChange(review, validation, edit),
      announce: (message) => this.#announce(message),
      submit: (review) => void this.#submit(review),
      close: () => void this.requestClose(),
    };
  }

  override render() {
    if (this.state.step === 'waiting') return nothing;
    const busy = this.state.step === 'values' && this.state.busy ? i18n.t('match.validating') : undefined;
    return html`${renderHeaderBar(this.state, this.closable ? () => void this.requestClose() : undefined)}
      ${renderBusy(busy)}
      <main>${this.#renderSkipped()}${renderStep(this.state, this.#context())}</main>
      <csv-confirm-dialog></csv-confirm-dialog>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  /**
   * The steps passed through, on the steps after them (the match step shows the header row's;
   * review shows all): what was decided, and a way back to it.
   */
  #renderSkipped() {
    const state = this.state;
    if (state.step !== 'match' && state.step !== 'review') return nothing;
    const shown = state.step === 'match' ? this.skipped.filter((s) => s.step === 'header') : this.skipped;
    if (shown.length === 0) return nothing;
    const open = (s: Skipped) => {
      this.skipped = this.skipped.filter((other) => other !== s);
      this.state =
        s.step === 'header'
          ? { step: 'header', summary: state.summary }
          : { step: 'values', summary: state.summary, mapping: state.mapping, manual: new Set() };
    };
    return html`<details class="skipped">
      <summary>${i18n.t('skipped.summary', { count: shown.length })}</summary>
      <ul>
        ${shown.map(
          (s) => html`<li>
            ${s.note}
            <button type="button" @click=${() => open(s)}>
              ${i18n.t(s.step === 'header' ? 'skipped.openHeader' : 'skipped.open')}
            </button>
          </li>`,
        )}
      </ul>
    </details>`;
  }
}
customElements.define('csv-importer-app', ImporterApp);

declare global {
  interface HTMLElementTagNameMap {
    'csv-importer-app': ImporterApp;
  }
}
