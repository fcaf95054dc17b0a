import type { ColumnSpec } from '@csv-importer/core';
import { html, nothing } from 'lit';
import type { SessionHandle } from '../session-handle.ts';
import type { HintValue, HintView } from '../steps/review/hint-views.ts';
import type { UploadLimits } from '../steps/upload/upload-step.ts';
import type { ValueChoices } from '../steps/values/value-choices.ts';
import type {
  EditResult,
  Mapping,
  ReadOptions,
  ValidationSummary,
  ValueMapping,
} from '../worker/session-types.ts';
import type { ReviewState, State } from './flow-state.ts';
import '../steps/header/header-step.ts';
import '../steps/match/match-step.ts';
import '../steps/submit/result-step.ts';
import '../steps/upload/upload-step.ts';
import '../steps/values/values-step.ts';

/** What the steps need from the app: its data and the transitions their buttons start. */
export interface StepContext {
  readonly columns: readonly ColumnSpec[];
  readonly limits: UploadLimits;
  readonly includeUnmatched: boolean;
  readonly session: SessionHandle | undefined;
  readonly valueChoices: ValueChoices;
  /** Fields whose column came from the host's remembered mappings. */
  readonly remembered: ReadonlySet<string>;
  /** The host's remembered value mappings, per field. */
  readonly savedValues: Readonly<Record<string, Readonly<Record<string, string>>>>;
  go(state: State): void;
  load(file: File): void;
  refused(code: 'file_too_large', message: string): void;
  cancelRead(): void;
  saveFile(fileName: string, text: string): void;
  setHeaderRow(row: number): void;
  reread(options: ReadOptions): void;
  toMatch(state: Extract<State, { step: 'header' }>): void;
  afterMatch(state: Extract<State, { step: 'match' }>): void;
  /** Back from the match step to upload, keeping the user's choices for the next file. */
  matchBack(state: Extract<State, { step: 'match' }>): void;
  validate(state: Extract<State, { step: 'values' }>, values: ValueMapping): void;
  answerHint(review: ReviewState, view: HintView, value: HintValue): void;
  changed(review: ReviewState, validation: ValidationSummary, edit?: EditResult): void;
  announce(message: string): void;
  submit(review: ReviewState): void;
  close(): void;
}

/** The step element for a state of the flow, wired to the app's transitions. */
export function renderStep(state: State, ctx: StepContext) {
  switch (state.step) {
    case 'waiting':
      return nothing;
    case 'upload':
      return html`<csv-upload-step
        class="step"
        .fields=${ctx.columns}
        .limits=${ctx.limits}
        .error=${state.error}
        .notice=${state.notice}
        .reading=${state.reading ?? null}
        .onFile=${(file: File) => ctx.load(file)}
        .onRefused=${(code: 'file_too_large', message: string) => ctx.refused(code, message)}
        .onCancel=${() => ctx.cancelRead()}
        .onSaveFile=${(fileName: string, text: string) => ctx.saveFile(fileName, text)}
      ></csv-upload-step>`;
    case 'header':
      return html`<csv-header-step
        class="step"
        .summary=${state.summary}
        .onHeaderRow=${(row: number) => ctx.setHeaderRow(row)}
        .onReread=${(options: ReadOptions) => ctx.reread(options)}
        .onSheet=${(sheet: string) => ctx.reread({ sheet })}
        .onBack=${() => ctx.go({ step: 'upload' })}
        .onNext=${() => ctx.toMatch(state)}
      ></csv-header-step>`;
    case 'match':
      return html`<csv-match-step
        class="step"
        .summary=${state.summary}
        .fields=${ctx.columns}
        .mapping=${state.mapping}
        .manual=${state.manual}
        .remembered=${ctx.remembered}
        ?includeUnmatched=${ctx.includeUnmatched}
        ?busy=${state.busy ?? false}
        .onChange=${(mapping: Mapping, manual: ReadonlySet<string>) => ctx.go({ ...state, mapping, manual })}
        .onSettings=${() => ctx.go({ step: 'header', summary: state.summary })}
        .onBack=${() => ctx.matchBack(state)}
        .onNext=${() => ctx.afterMatch(state)}
      ></csv-match-step>`;
    case 'values':
      return html`<csv-values-step
        class="step"
        .session=${ctx.session}
        .fields=${ctx.columns}
        .mapping=${state.mapping}
        .choices=${ctx.valueChoices}
        .saved=${ctx.savedValues}
        .onBack=${() =>
          ctx.go({ step: 'match', summary: state.summary, mapping: state.mapping, manual: state.manual })}
        .onNext=${(values: ValueMapping) => ctx.validate(state, values)}
      ></csv-values-step>`;
    case 'review':
      return html`<csv-review-step
        class="step"
        .session=${ctx.session}
        .fields=${ctx.columns}
        .validation=${state.validation}
        .submit=${state.submit}
        .hints=${state.hints}
        ?hintBusy=${state.hintBusy ?? false}
        .onHint=${(view: HintView, value: HintValue) => ctx.answerHint(state, view, value)}
        .onChanged=${(v: ValidationSummary, edit?: EditResult) => ctx.changed(state, v, edit)}
        .onAnnounce=${(message: string) => ctx.announce(message)}
        .onSaveFile=${(fileName: string, text: string) => ctx.saveFile(fileName, text)}
        .onBack=${() =>
          ctx.go({ step: 'match', summary: state.summary, mapping: state.mapping, manual: new Set() })}
        .onSubmit=${() => ctx.submit(state)}
      ></csv-review-step>`;
    case 'submitting':
      return html`<csv-result-step class="step" .outcome=${{ ok: 'pending' }}></csv-result-step>`;
    case 'done':
      return html`<csv-result-step
        class="step"
        .outcome=${{ ok: true, ...state.delivered }}
        .onClose=${() => ctx.close()}
      ></csv-result-step>`;
    case 'failed': {
      const back = state.back;
      return html`<csv-result-step
        class="step"
        .outcome=${{ ok: false, message: state.message, canRetry: back !== undefined }}
        .onRetry=${() => {
          if (back) ctx.submit(back);
        }}
        .onBack=${back ? () => ctx.go(back) : undefined}
        .onClose=${() => ctx.close()}
      ></csv-result-step>`;
    }
  }
}
