import type { Issue } from '@csv-importer/core';
import type { IssueCodes, Params } from './issue-codes.ts';

/** One finding of the host's hooks about a cell: its code in the worker's table, its params. */
export interface HostFinding {
  readonly code: number;
  readonly params?: Params;
}

/**
 * The host's own findings (from its validate and edit hooks) per data row and field, and its
 * replacement values per data row. Replaced a range of rows at a time, as the hooks answer;
 * `Validation` shows a finding on a cell its own checks find valid, and delivers it after its own.
 */
export class HostFindings {
  readonly #findings = new Map<number, Map<number, HostFinding>>();
  readonly #values = new Map<number, Record<string, unknown>>();

  clear(): void {
    this.#findings.clear();
    this.#values.clear();
  }

  /** The finding about field `field` of data row `row`, if any. */
  get(row: number, field: number): HostFinding | undefined {
    return this.#findings.get(row)?.get(field);
  }

  /** Every finding about a data row, by field. */
  ofRow(row: number): ReadonlyMap<number, HostFinding> | undefined {
    return this.#findings.get(row);
  }

  /** The replacement values of a data row, by field key, if the host gave any. */
  values(row: number): Record<string, unknown> | undefined {
    return this.#values.get(row);
  }

  /**
   * Replaces the findings and values of data rows `from` to `to` (exclusive); findings about
   * other rows or unknown fields are ignored. Returns the cells (row times `fields` plus field)
   * whose finding changed, for `Validation` to re-check.
   */
  replace(
    from: number,
    to: number,
    issues: readonly Issue[],
    values: readonly { row: number; column: string; value: unknown }[],
    keys: readonly string[],
    codes: IssueCodes,
  ): Set<number> {
    const fields = keys.length;
    const touched = new Set<number>();
    for (let r = from; r < to; r++) {
      const old = this.#findings.get(r);
      if (old) for (const f of old.keys()) touched.add(r * fields + f);
      this.#findings.delete(r);
      this.#values.delete(r);
    }
    for (const issue of issues) {
      const f = keys.indexOf(issue.column);
      if (issue.row < from || issue.row >= to || f < 0) continue;
      const findings = this.#findings.get(issue.row) ?? new Map<number, HostFinding>();
      findings.set(f, {
        code: codes.codeOf(issue.code, issue.level),
        ...(issue.params ? { params: issue.params } : {}),
      });
      this.#findings.set(issue.row, findings);
      touched.add(issue.row * fields + f);
    }
    for (const { row, column, value } of values) {
      if (row < from || row >= to) continue;
      this.#values.set(row, { ...this.#values.get(row), [column]: value });
    }
    return touched;
  }
}
