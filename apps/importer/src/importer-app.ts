// About 400 lines: the flow's transitions (matching, values, validation, hints, edits, submit),
// each short, and the wiring of the modules that hold the rest (the controllers with tests beside them):
// reading (flow/reading-controller.ts), remembered mappings (flow/remembered-mappings.ts), the
// values pass-through (flow/values-pass.ts), delivery (flow/submit-review.ts), the skipped-steps
// note (flow/skipped-note.ts), the views (flow/step-view.ts), the state (flow/flow-state.ts), the
// edit checks (flow/edit-checks.ts) and the frame's chrome (shell/).
import type { ColumnSpec } from '@csv-importer/core';
import type { Init } from '@csv-importer/protocol';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { EditChecks } from './flow/edit-checks.ts';
import { type ReviewState, type Skipped, type State, unsaved } from './flow/flow-state.ts';
import { ReadingController } from './flow/reading-controller.ts';
import { RememberedMappings } from './flow/remembered-mappings.ts';
import { renderSkipped } from './flow/skipped-note.ts';
import { renderStep, type StepContext } from './flow/step-view.ts';
import { submitReview } from './flow/submit-review.ts';
import { valuesAllExact } from './flow/values-pass.ts';
import { mappingFromHost, validateWithHost } from './hooks.ts';
import type { HostConnection } from './host-connection.ts';
import { i18n, missingLocale, setTranslator, Translator } from './i18n/i18n.ts';
import { renderBusy, renderHeaderBar, shellStyles } from './shell/app-shell.ts';
import './shell/confirm-dialog.ts';
import type { SessionHandle } from './session-handle.ts';
import type { ConfirmDialog } from './shell/confirm-dialog.ts';
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
import { DisconnectedError, type Remote } from './worker/session-rpc.ts';
import type {
  EditResult,
  ImportSessionApi,
  LoadSummary,
  Mapping,
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
  #session: Remote<ImportSessionApi> | undefined;
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
  /** The host's remembered mappings and the user's choices for earlier files of this session. */
  #remembered = new RememberedMappings(() => this.#init?.options.mappings);

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
  start(host: HostConnection, init: Init, session: Remote<ImportSessionApi>): void {
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
        // The worker failed (the frame has said so, and started another) or the host closed.
        if (error instanceof DisconnectedError) return;
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
      if (this.#reading.reading) void this.#session?.cancel();
      void this.#reading.load(file);
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

  // ---- upload and reading: flow/reading-controller.ts -------------------------------------------

  readonly #reading = new ReadingController({
    state: () => this.state,
    go: (state) => {
      this.state = state;
    },
    session: () => this.#session,
    maxRows: () => this.#init?.options.maxRows,
    send: (message) => this.#host?.send(message),
    newFile: () => {
      // What the user chose about the last file does not apply to this one.
      this.#hintAnswers.clear();
      this.#valueChoices.clear();
      this.skipped = [];
    },
    toMatch: (summary, skipped) => {
      this.skipped = [skipped];
      void this.#toMatch(summary);
    },
  });

  async #toMatch(summary: LoadSummary): Promise<void> {
    // Mappings remembered from an earlier import win over the engine's suggestion.
    const saved = this.#remembered.suggest(summary, this.#columns);
    // Call site: the host's mapping hook may change the suggestion.
    const suggested = await mappingFromHost(this.#host!, this.#init!, summary, saved.mapping);
    this.#remembered.settle(saved, suggested);
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
    const certain = await valuesAllExact(this.#session!, selects, mapping);
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
    const next = await submitReview(this.#host!, this.#session!, review);
    // A worker that failed meanwhile has sent the user back to upload with the reason.
    if (this.state.step === 'submitting') this.state = next;
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
      remembered: this.#remembered.fields,
      savedValues: this.#remembered.values,
      matchBack: (match) => {
        // Another file may follow: it starts from what the user chose for this one.
        this.#remembered.keep(match.summary.headers, match.mapping, this.#valueChoices.chosen());
        this.state = { step: 'upload' };
      },
      go: (state) => {
        // The user opened the header step: it is no longer passed through.
        if (state.step === 'header') this.skipped = this.skipped.filter((s) => s.step !== 'header');
        this.state = state;
      },
      load: (file) => void this.#reading.load(file),
      refused: (code, message) => this.#host?.send({ type: 'error', code, message }),
      cancelRead: () => this.#reading.cancel(),
      saveFile: this.#saveFile,
      setHeaderRow: (row) => void this.#reading.setHeaderRow(row),
      reread: (options) => void this.#reading.reread(options),
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
      <main>${renderSkipped(this.state, this.skipped, (s, next) => {
        this.skipped = this.skipped.filter((other) => other !== s);
        this.state = next;
      })}${renderStep(this.state, this.#context())}</main>
      <csv-confirm-dialog></csv-confirm-dialog>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>`;
  }
}
customElements.define('csv-importer-app', ImporterApp);

declare global {
  interface HTMLElementTagNameMap {
    'csv-importer-app': ImporterApp;
  }
}
