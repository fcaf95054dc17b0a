import type { ColumnSpec } from '@csv-importer/core';
import { SAVE_FILE_MAX_LENGTH } from '@csv-importer/protocol';
import { i18n } from '../../i18n/i18n.ts';
import type { SessionHandle } from '../../session-handle.ts';
import type { ValidationSummary } from '../../worker/session-types.ts';
import { summaryText } from './summary-text.ts';

/** What the review step's row actions need of the step. */
export interface RowActionsHost {
  /** The worker's session that holds the rows. */
  session(): SessionHandle;
  fields(): readonly ColumnSpec[];
  /** New counts after a change: the step shows them and its grid reads its rows again. */
  changed(summary: ValidationSummary): void;
  /** Shows and announces the outcome of an action. */
  say(message: string): void;
  /** Hands a file to the host page to save (a sandboxed frame may not download). */
  saveFile(fileName: string, text: string): void;
  /** Puts the keyboard on the grid. */
  focusGrid(): void;
}

/** The review step's keyboard shortcuts, as its toolbar buttons announce them (`aria-keyshortcuts`). */
export type ReviewShortcut = 'next-error' | 'previous-error' | 'undo' | 'redo';

/**
 * The shortcut a key press is: F8 and Shift+F8 jump to the next and previous error, Ctrl+Z
 * (Cmd+Z) undoes, Ctrl+Y and Ctrl+Shift+Z redo, except in a text field (`inText`), whose own
 * undo those keys are; `null` for any other key.
 */
export function reviewShortcut(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey'>,
  inText: boolean,
): ReviewShortcut | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.key === 'F8') return event.shiftKey ? 'previous-error' : 'next-error';
  if (mod && key === 'z' && !inText) return event.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y' && !inText) return 'redo';
  return null;
}

/**
 * The review step's actions on the rows as a whole, from its toolbars and keys: undo and redo,
 * deleting the selected rows or every row with errors, and a download of the rows with errors.
 * Each asks the worker's session, hands the new counts to the step and says what happened.
 */
export class RowActions {
  constructor(private readonly host: RowActionsHost) {}

  get #remote() {
    return this.host.session().remote;
  }

  /**
   * Undoes or redoes the last change. `fromButton`: the keyboard is on the Undo or Redo button,
   * and when the change disables that button the keyboard goes to the grid (it would drop to the
   * page's body, where Ctrl+Z no longer reaches the step).
   */
  async history(direction: 'undo' | 'redo', fromButton: boolean): Promise<void> {
    const summary = await (direction === 'undo' ? this.#remote.undo() : this.#remote.redo());
    this.host.changed(summary);
    this.host.say(summaryText(summary));
    const disables = direction === 'undo' ? !summary.canUndo : !summary.canRedo;
    if (disables && fromButton) this.host.focusGrid();
  }

  /** Deletes the rows of these data row indices. */
  async deleteRows(rows: readonly number[]): Promise<void> {
    const summary = await this.#remote.deleteRows([...rows]);
    this.host.changed(summary);
    this.host.say(i18n.t('review.deleted', { count: rows.length }));
  }

  /** Deletes every row with errors; `before` is the row count it starts from, to say how many went. */
  async deleteInvalid(before: number): Promise<void> {
    const summary = await this.#remote.deleteInvalidRows();
    this.host.changed(summary);
    this.host.say(i18n.t('review.deleted', { count: before - summary.rowCount }));
  }

  /**
   * Hands the rows with errors, as CSV with a column that says what is wrong, to the host page
   * to save as `rows-with-errors.csv`. One message carries the file; past the protocol's cap
   * (`SAVE_FILE_MAX_LENGTH`) the user is told the file is too large instead.
   */
  async exportInvalid(): Promise<void> {
    const blob = await this.#remote.exportInvalidCsv(
      this.host.fields().map((f) => f.label),
      i18n.t('review.errorsColumn'),
      i18n.issueTemplates(),
    );
    // A UTF-16 code unit takes at most 3 bytes of UTF-8: a larger blob is over the cap for sure,
    // and is not read into a string at all.
    const text = blob.size > SAVE_FILE_MAX_LENGTH * 3 ? undefined : await blob.text();
    if (text === undefined || text.length > SAVE_FILE_MAX_LENGTH) {
      this.host.say(i18n.t('error.too_large', { size: i18n.bytes(SAVE_FILE_MAX_LENGTH) }));
      return;
    }
    this.host.saveFile('rows-with-errors.csv', text);
  }
}
