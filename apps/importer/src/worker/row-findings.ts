import type { RecordIssue } from './file-reader.ts';
import type { IssueCodes, Params } from './issue-codes.ts';
import type { CellIssue } from './session-types.ts';

/** A finding about a whole data row (column `''`), from reading the file. */
export interface RowFinding {
  readonly code: number;
  readonly params?: Params;
}

/**
 * What reading found about whole records (a ragged row, malformed quotes, invalid bytes), by
 * data row, with how many of them are errors and warnings among the rows not deleted.
 */
export class RowFindings {
  readonly #byRow = new Map<number, RowFinding[]>();
  errors = 0;
  warnings = 0;

  /**
   * Takes reading's record issues for data rows starting at record `base`: those of the header
   * row and above it are left out. Counts them all in (no row is deleted yet).
   */
  take(issues: readonly RecordIssue[], base: number, rowCount: number, codes: IssueCodes): void {
    this.#byRow.clear();
    this.errors = 0;
    this.warnings = 0;
    for (const { record, code, level, params } of issues) {
      const row = record - base;
      if (row < 0 || row >= rowCount) continue;
      const list = this.#byRow.get(row) ?? [];
      list.push({ code: codes.codeOf(code, level), ...(params ? { params } : {}) });
      this.#byRow.set(row, list);
    }
  }

  /** Data rows with findings. */
  rows(): Iterable<number> {
    return this.#byRow.keys();
  }

  /** The findings of a data row; fast when there are none at all (most files). */
  get(row: number): readonly RowFinding[] | undefined {
    return this.#byRow.size > 0 ? this.#byRow.get(row) : undefined;
  }

  /** Counts a row's findings in (`sign` 1) or out (-1); returns how many of them are errors. */
  count(row: number, sign: 1 | -1, codes: IssueCodes): number {
    let errors = 0;
    for (const { code } of this.get(row) ?? []) {
      const level = codes.levelOf(code);
      if (level === 'error') errors++;
      else if (level === 'warning') this.warnings += sign;
    }
    this.errors += sign * errors;
    return errors;
  }

  /** A row's findings as the grid marks the row. */
  issues(row: number, codes: IssueCodes): CellIssue[] | undefined {
    return this.get(row)?.map(({ code, params }) => {
      const { code: name, level } = codes.entry(code);
      return params ? { code: name, level, params } : { code: name, level };
    });
  }
}
