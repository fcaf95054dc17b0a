import type { ColumnSpec } from '@csv-importer/core';
import type { Init } from '@csv-importer/protocol';
import { CUSTOM_CODE, checkEditWithHost, HOOK_FAILED_CODE, HOST_ISSUE_CODE } from '../hooks.ts';
import type { HostConnection } from '../host-connection.ts';
import { i18n } from '../i18n/i18n.ts';
import { LatestCall } from '../latest-call.ts';
import type { Remote } from '../worker/session-rpc.ts';
import type {
  EditResult,
  ImportSessionApi,
  SubmitSummary,
  ValidationSummary,
} from '../worker/session-types.ts';

/** What a finished check hands back to the app. */
export interface EditCheckSink {
  /** Still on the review step (a check that lands after the user left is dropped). */
  inReview(): boolean;
  apply(validation: ValidationSummary, submit: SubmitSummary): void;
  announce(message: string): void;
}

/**
 * The host's edit hook, run after each edit the engine re-validated: one pending check per row,
 * a newer edit of the row superseding the older check (`LatestCall`), so a late answer never
 * overwrites a newer one.
 * The user edits on meanwhile; the findings show when they come, and are announced.
 */
export class EditChecks {
  readonly #pending = new Map<number, { readonly calls: LatestCall; readonly done: Promise<unknown> }>();

  constructor(
    private readonly host: HostConnection,
    private readonly init: Init,
    private readonly session: Remote<ImportSessionApi>,
    private readonly columns: readonly ColumnSpec[],
    private readonly sink: EditCheckSink,
  ) {}

  check(edit: EditResult): Promise<unknown> {
    const calls = this.#pending.get(edit.row)?.calls ?? new LatestCall();
    const done: Promise<unknown> = calls
      .run((signal) => this.#run(edit, signal))
      .finally(() => {
        if (this.#pending.get(edit.row)?.done === done) this.#pending.delete(edit.row);
      });
    this.#pending.set(edit.row, { calls, done });
    return done;
  }

  /** Settles when every pending check has (on submit, before any row leaves). */
  settled(): Promise<unknown> {
    return Promise.allSettled([...this.#pending.values()].map((check) => check.done));
  }

  async #run(edit: EditResult, signal: AbortSignal): Promise<void> {
    const { session } = this;
    const validation = await checkEditWithHost(this.host, this.init, session, edit.row, edit.field, signal);
    if (!validation || signal.aborted || !this.sink.inReview()) return;
    const submit = await session.submitSummary();
    if (!this.sink.inReview()) return;
    this.sink.apply(validation, submit);
    // The user hears what the application said about the row (the grid shows it on the cell).
    const [row] = await session.records(edit.row, 1);
    const fromHost = (row?.issues ?? []).filter(
      (i) => i.code === HOST_ISSUE_CODE || i.code === HOOK_FAILED_CODE || i.code === CUSTOM_CODE,
    );
    const finding = fromHost.find((i) => i.column === edit.field) ?? fromHost[0];
    if (finding) {
      this.sink.announce(
        i18n.t('review.cellError', {
          row: edit.row + 1,
          column: this.columns.find((c) => c.key === finding.column)?.label ?? finding.column,
          message: i18n.issue(finding.code, finding.params),
        }),
      );
    }
  }
}
