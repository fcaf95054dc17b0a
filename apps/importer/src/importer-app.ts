// Over 400 lines, a known debt: the flow's state machine with each step's transitions. The seams
// to split along are the host connection and delivery, the reading step's transitions and the
// hints answers, each into a controller with its test; not yet done.
import type { ColumnSpec } from '@csv-importer/core';
import type { Init, SavedMappings } from '@csv-importer/protocol';
import * as Comlink from 'comlink';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { deliverRows } from './delivery.ts';
import {
  CUSTOM_CODE,
  checkEditWithHost,
  HOOK_FAILED_CODE,
  HOST_ISSUE_CODE,
  mappingFromHost,
  validateWithHost,
} from './hooks.ts';
import type { HostConnection } from './host-connection.ts';
import { i18n, type MessageKey, missingLocale, setTranslator, Translator } from './i18n/i18n.ts';
import { LatestCall } from './latest-call.ts';
import './steps/header/header-step.ts';
import './steps/match/match-step.ts';
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
import './steps/submit/result-step.ts';
import './steps/upload/upload-step.ts';
import { DEFAULT_ACCEPT, type ReadingState, type UploadLimits } from './steps/upload/upload-step.ts';
import './steps/values/values-step.ts';
import type { SessionHandle } from './session-handle.ts';
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
  SubmitSummary,
  ValidationSummary,
  ValueMapping,
} from './worker/session-types.ts';

/** The one state of the flow; each step holds exactly what it needs. */
type State =
  | { readonly step: 'waiting' }
  | { readonly step: 'upload'; readonly error?: string; readonly reading?: ReadingState }
  | { readonly step: 'header'; readonly summary: LoadSummary }
  | {
      readonly step: 'match';
      readonly summary: LoadSummary;
      readonly mapping: Mapping;
      readonly manual: ReadonlySet<string>;
      readonly busy?: boolean;
    }
  | {
      readonly step: 'values';
      readonly summary: LoadSummary;
      readonly mapping: Mapping;
      readonly manual: ReadonlySet<string>;
    }
  | {
      readonly step: 'review';
      readonly summary: LoadSummary;
      readonly mapping: Mapping;
      readonly values: ValueMapping;
      readonly validation: ValidationSummary;
      readonly submit: SubmitSummary;
      /** How numbers and dates are read, and the questions the file leaves open. */
      readonly hints: readonly HintView[];
      /** The rows are read again after the user answered one. */
      readonly hintBusy?: boolean;
    }
  | { readonly step: 'submitting'; readonly back: Extract<State, { step: 'review' }> }
  | { readonly step: 'done'; readonly rowCount: number }
  | { readonly step: 'failed'; readonly message: string; readonly back?: Extract<State, { step: 'review' }> };

const STEPS = ['upload', 'match', 'review', 'done'] as const;
const STEP_TITLES: Record<(typeof STEPS)[number], MessageKey> = {
  upload: 'upload.title',
  match: 'match.title',
  review: 'review.title',
  done: 'app.stepImport',
};

/**
 * The importer's user interface inside the frame: upload, header row and reading options, match
 * columns, map values, review and fix, submit. It holds only the rows in view; the dataset lives
 * in the worker behind `session`. It moves the focus to each step's heading and announces
 * status changes in a live region; it follows the host's locale (right to left for Arabic) and
 * color scheme (`data-color-scheme="dark"` on the document root).
 */
@customElement('csv-importer-app')
export class ImporterApp extends LitElement {
  static override styles = [
    tokens,
    controls,
    css`
      :host {
        background: var(--_bg);
        min-height: 100vh;
        padding: calc(16px * var(--_density));
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 4px 24px;
        margin: 0 0 16px;
      }
      h1 {
        font-size: 1em;
        margin: 0;
        color: var(--_muted);
        font-weight: 600;
      }
      ol.steps {
        display: flex;
        flex-wrap: wrap;
        gap: 4px 16px;
        list-style: none;
        padding: 0;
        margin: 0;
        color: var(--_muted);
        font-size: 0.9em;
      }
      ol.steps li[aria-current='step'] {
        color: var(--_text);
        font-weight: 600;
      }
      ol.steps li span {
        display: inline-block;
        min-width: 1.6em;
        text-align: center;
        border-radius: 999px;
        border: 1px solid currentColor;
        margin-inline-end: 4px;
      }
      @media (max-width: 480px) {
        :host {
          padding: 10px;
        }
        ol.steps li:not([aria-current='step']) {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: false }) accessor state: State = { step: 'waiting' };
  /** `dark` when the document root carries `data-color-scheme="dark"`. */
  @property({ reflect: true }) accessor scheme: 'light' | 'dark' = 'light';
  @state() private accessor announcement = '';

  #host: HostConnection | undefined;
  #init: Init | undefined;
  #session: Comlink.Remote<ImportSessionApi> | undefined;
  #handle: SessionHandle | undefined;
  #columns: readonly ColumnSpec[] = [];
  #schemeObserver = new MutationObserver(() => this.#readScheme());
  /** The user's answers about how to read numbers and dates, per field and file column. */
  #hintAnswers = new HintAnswers();
  /** The user's options for select values, per field and file column, across Back and Continue. */
  #valueChoices = new ValueChoices();
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
   * the key) asks the host to close: a modal importer closes, as on Escape in the page.
   */
  readonly #onEscape = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || event.defaultPrevented || event.isComposing) return;
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
      this.state = { step: 'upload', error: i18n.t('error.internal', { message: (error as Error).message }) };
    }
  }

  #cancelRead(): void {
    this.#reads.cancel();
    void this.#session!.cancel();
    this.state = { step: 'upload', error: i18n.t('upload.cancelled') };
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
    // The reading options open by themselves when there is something to check in them: a
    // preamble, several sheets, an unsure encoding, rows that could not be read cleanly.
    const toCheck =
      summary.encodingDoubt !== undefined ||
      (summary.readingFindings ?? []).some((f) => f.code !== 'ragged_row');
    if (summary.headerRow !== 0 || (summary.sheets?.length ?? 0) > 1 || toCheck)
      this.state = { step: 'header', summary };
    else void this.#toMatch(summary);
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

  #afterMatch(summary: LoadSummary, mapping: Mapping, manual: ReadonlySet<string>): void {
    const needsValues = this.#columns.some(
      (c) => selectOptions(c).length > 0 && (mapping[c.key] ?? null) !== null,
    );
    if (needsValues) this.state = { step: 'values', summary, mapping, manual };
    else void this.#validate(summary, mapping, {});
  }

  async #validate(summary: LoadSummary, mapping: Mapping, values: ValueMapping): Promise<void> {
    const session = this.#session!;
    if (this.state.step === 'match') this.state = { ...this.state, busy: true };
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
  async #answerHint(
    review: Extract<State, { step: 'review' }>,
    view: HintView,
    value: HintValue,
  ): Promise<void> {
    const column = review.mapping[view.field.key];
    if (column === null || column === undefined) return;
    this.#hintAnswers.set(view.field.key, column, view.kind, value);
    this.state = { ...review, hintBusy: true };
    await this.#validate(review.summary, review.mapping, review.values);
    if (this.state.step !== 'review') return;
    const now = this.state.hints.find((h) => h.field.key === view.field.key && h.kind === view.kind);
    if (now) this.#announce(`${statement(now)} ${summaryText(this.state.validation)}`);
  }

  async #afterChange(
    review: Extract<State, { step: 'review' }>,
    validation: ValidationSummary,
    edit?: EditResult,
  ) {
    const submit = await this.#session!.submitSummary();
    if (this.state.step === 'review') this.state = { ...review, validation, submit };
    // The host's edit hook sees the row after the engine re-validated it; the user edits on
    // meanwhile, and its findings show when they come.
    if (edit) void this.#checkEdit(edit);
  }

  /** The pending edit-hook check of each row; a newer edit of the row supersedes it. */
  readonly #editChecks = new Map<number, { readonly calls: LatestCall; readonly done: Promise<unknown> }>();

  #checkEdit(edit: EditResult): Promise<unknown> {
    const calls = this.#editChecks.get(edit.row)?.calls ?? new LatestCall();
    const done: Promise<unknown> = calls
      .run((signal) => this.#applyEditCheck(edit, signal))
      .finally(() => {
        if (this.#editChecks.get(edit.row)?.done === done) this.#editChecks.delete(edit.row);
      });
    this.#editChecks.set(edit.row, { calls, done });
    return done;
  }

  async #applyEditCheck(edit: EditResult, signal: AbortSignal): Promise<void> {
    const session = this.#session!;
    const validation = await checkEditWithHost(
      this.#host!,
      this.#init!,
      session,
      edit.row,
      edit.field,
      signal,
    );
    if (!validation || signal.aborted || this.state.step !== 'review') return;
    const submit = await session.submitSummary();
    if (this.state.step !== 'review') return;
    this.state = { ...this.state, validation, submit };
    // The user hears what the application said about the row (the grid shows it on the cell).
    const [row] = await session.records(edit.row, 1);
    const fromHost = (row?.issues ?? []).filter(
      (i) => i.code === HOST_ISSUE_CODE || i.code === HOOK_FAILED_CODE || i.code === CUSTOM_CODE,
    );
    const finding = fromHost.find((i) => i.column === edit.field) ?? fromHost[0];
    if (finding) {
      this.#announce(
        i18n.t('review.cellError', {
          row: edit.row + 1,
          column: this.#columns.find((c) => c.key === finding.column)?.label ?? finding.column,
          message: i18n.issue(finding.code, finding.params),
        }),
      );
    }
  }

  // ---- submit ----------------------------------------------------------------------------------

  async #submit(review: Extract<State, { step: 'review' }>): Promise<void> {
    this.state = { step: 'submitting', back: review };
    // The host's answers about the last edits land before any row leaves: a finding applied
    // during delivery would change which rows are delivered halfway through.
    await Promise.allSettled([...this.#editChecks.values()].map((check) => check.done));
    const mapping: Record<string, string> = {};
    for (const [key, source] of Object.entries(review.mapping)) {
      if (source !== null) mapping[key] = review.summary.headers[source] ?? '';
    }
    try {
      // Call site: on submit (rows go to the host through deliverRows only).
      const { rowCount } = await deliverRows(this.#host!, this.#session!, {
        fileName: review.summary.fileName,
        encoding: review.summary.encoding,
        delimiter: review.summary.delimiter,
        ...(review.summary.sheet ? { sheet: review.summary.sheet } : {}),
        mapping,
        mappings: savedMappings(review.summary.headers, review.mapping, review.values),
      });
      this.state = { step: 'done', rowCount };
    } catch (error) {
      this.state = { step: 'failed', message: (error as Error).message, back: review };
    }
  }

  #close(): void {
    this.#host?.send({ type: 'close' });
  }

  /** A sandboxed frame may not download: the host page saves the file. */
  readonly #saveFile = (fileName: string, text: string): void => {
    this.#host?.send({ type: 'save-file', fileName, mimeType: 'text/csv', text });
  };

  // ---- rendering -------------------------------------------------------------------------------

  override render() {
    if (this.state.step === 'waiting') return nothing;
    return html`<header>
        <h1>${i18n.t('app.title')}</h1>
        ${this.#renderSteps()}
      </header>
      <main>${this.#renderStep()}</main>
      <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>`;
  }

  #renderSteps() {
    const step = this.state.step;
    const current =
      step === 'upload'
        ? 0
        : step === 'header' || step === 'match' || step === 'values'
          ? 1
          : step === 'review'
            ? 2
            : 3;
    return html`<nav aria-label=${i18n.t('app.step', { step: current + 1, steps: STEPS.length })}>
      <ol class="steps">
        ${STEPS.map(
          (s, i) =>
            html`<li aria-current=${i === current ? 'step' : nothing}>
              <span>${i18n.number(i + 1)}</span>${i18n.t(STEP_TITLES[s])}
            </li>`,
        )}
      </ol>
    </nav>`;
  }

  #renderStep() {
    const state = this.state;
    switch (state.step) {
      case 'waiting':
        return nothing;
      case 'upload':
        return html`<csv-upload-step
          class="step"
          .fields=${this.#columns}
          .limits=${this.#limits}
          .error=${state.error}
          .reading=${state.reading ?? null}
          .onFile=${(file: File) => this.#load(file)}
          .onRefused=${(code: 'file_too_large', message: string) => this.#host?.send({ type: 'error', code, message })}
          .onCancel=${() => this.#cancelRead()}
          .onSaveFile=${this.#saveFile}
        ></csv-upload-step>`;
      case 'header':
        return html`<csv-header-step
          class="step"
          .summary=${state.summary}
          .onHeaderRow=${async (row: number) => {
            this.state = { step: 'header', summary: await this.#session!.setHeaderRow(row) };
          }}
          .onReread=${(options: ReadOptions) => this.#reread(options)}
          .onSheet=${(sheet: string) => this.#reread({ sheet })}
          .onBack=${() => {
            this.state = { step: 'upload' };
          }}
          .onNext=${() => void this.#toMatch(state.summary)}
        ></csv-header-step>`;
      case 'match':
        return html`<csv-match-step
          class="step"
          .summary=${state.summary}
          .fields=${this.#columns}
          .mapping=${state.mapping}
          .manual=${state.manual}
          .remembered=${this.#remembered}
          ?includeUnmatched=${this.#init?.options.includeUnmatched ?? false}
          ?busy=${state.busy ?? false}
          .onChange=${(mapping: Mapping, manual: ReadonlySet<string>) => {
            this.state = { ...state, mapping, manual };
          }}
          .onSettings=${() => {
            this.state = { step: 'header', summary: state.summary };
          }}
          .onBack=${() => {
            // Another file may follow: it starts from what the user chose for this one.
            const chosen = savedMappings(state.summary.headers, state.mapping, this.#valueChoices.chosen());
            this.#sessionMappings = mergeSaved(this.#sessionMappings, chosen);
            this.state = { step: 'upload' };
          }}
          .onNext=${() => this.#afterMatch(state.summary, state.mapping, state.manual)}
        ></csv-match-step>`;
      case 'values':
        return html`<csv-values-step
          class="step"
          .session=${this.#handle}
          .fields=${this.#columns}
          .mapping=${state.mapping}
          .choices=${this.#valueChoices}
          .saved=${this.#saved?.values ?? {}}
          .onBack=${() => {
            this.state = {
              step: 'match',
              summary: state.summary,
              mapping: state.mapping,
              manual: state.manual,
            };
          }}
          .onNext=${(values: ValueMapping) => this.#validate(state.summary, state.mapping, values)}
        ></csv-values-step>`;
      case 'review':
        return html`<csv-review-step
          class="step"
          .session=${this.#handle}
          .fields=${this.#columns}
          .validation=${state.validation}
          .submit=${state.submit}
          .hints=${state.hints}
          ?hintBusy=${state.hintBusy ?? false}
          .onHint=${(view: HintView, value: HintValue) => this.#answerHint(state, view, value)}
          .onChanged=${(v: ValidationSummary, edit?: EditResult) => this.#afterChange(state, v, edit)}
          .onAnnounce=${(message: string) => this.#announce(message)}
          .onSaveFile=${this.#saveFile}
          .onBack=${() => {
            this.state = { step: 'match', summary: state.summary, mapping: state.mapping, manual: new Set() };
          }}
          .onSubmit=${() => this.#submit(state)}
        ></csv-review-step>`;
      case 'submitting':
        return html`<csv-result-step class="step" .outcome=${{ ok: 'pending' }}></csv-result-step>`;
      case 'done':
        return html`<csv-result-step
          class="step"
          .outcome=${{ ok: true, rowCount: state.rowCount }}
          .onClose=${() => this.#close()}
        ></csv-result-step>`;
      case 'failed':
        return html`<csv-result-step
          class="step"
          .outcome=${{ ok: false, message: state.message, canRetry: state.back !== undefined }}
          .onRetry=${() => {
            if (state.back) this.state = state.back;
          }}
          .onClose=${() => this.#close()}
        ></csv-result-step>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'csv-importer-app': ImporterApp;
  }
}
