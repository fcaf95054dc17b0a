import type { MessageKey } from '../i18n/i18n.ts';
import type { HintView } from '../steps/review/hint-views.ts';
import type { ReadingState } from '../steps/upload/upload-step.ts';
import type {
  LoadSummary,
  Mapping,
  SubmitSummary,
  ValidationSummary,
  ValueMapping,
} from '../worker/session-types.ts';

/** The review step's state: what the later states keep to come back to it. */
export interface ReviewState {
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

/** What was delivered, for the done screen. */
export interface Delivered {
  readonly rowCount: number;
  /** Rows delivered that still had errors (under `invalid-rows="include"`). */
  readonly withErrors: number;
  /** Rows left out: those with errors under `exclude`, and those the user deleted. */
  readonly excluded: number;
}

/** A step the flow went past on its own because it held no decision, with what it decided. */
export interface Skipped {
  readonly step: 'header' | 'values';
  /** The message that says what was decided, for the note the user can open. */
  readonly note: string;
}

/** The one state of the flow; each step holds exactly what it needs. */
export type State =
  | { readonly step: 'waiting' }
  | {
      readonly step: 'upload';
      readonly error?: string;
      readonly notice?: string;
      readonly reading?: ReadingState;
    }
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
      readonly busy?: boolean;
    }
  | ReviewState
  | { readonly step: 'submitting'; readonly back: ReviewState }
  | { readonly step: 'done'; readonly delivered: Delivered }
  | { readonly step: 'failed'; readonly message: string; readonly back?: ReviewState };

export const STEPS = ['upload', 'match', 'review', 'done'] as const;
export const STEP_TITLES: Record<(typeof STEPS)[number], MessageKey> = {
  upload: 'upload.title',
  match: 'match.title',
  review: 'review.title',
  done: 'app.stepImport',
};

/** The index in `STEPS` of the step the state belongs to. */
export function stepIndex(state: State): number {
  switch (state.step) {
    case 'waiting':
    case 'upload':
      return 0;
    case 'header':
    case 'match':
    case 'values':
      return 1;
    case 'review':
      return 2;
    default:
      return 3;
  }
}

/**
 * Whether closing now would lose something of the user's: a file read, choices made, cells fixed,
 * rows not yet handed over. An empty upload step, a finished import and a failure with nothing to
 * go back to lose nothing.
 */
export function unsaved(state: State): boolean {
  switch (state.step) {
    case 'waiting':
    case 'upload':
    case 'done':
      return false;
    case 'failed':
      return state.back !== undefined;
    default:
      return true;
  }
}
