import type { IssueLevel } from '@csv-importer/core';

export type Params = Readonly<Record<string, string | number>>;

/** The code of a cell without an issue. */
export const VALID = 0;

interface CodeEntry {
  readonly code: string;
  readonly level: IssueLevel;
}

/**
 * The compact form of issues in the worker: each distinct code and level gets a number below 256
 * (0 meaning none), so a cell's issue is one byte, and the rare params are kept in a map by cell
 * key (row times fields plus field).
 */
export class IssueCodes {
  readonly #table: CodeEntry[] = [{ code: '', level: 'info' }];
  /** Per level, code to number: read for every note a delivered cell has, so no key is built. */
  readonly #index: Record<IssueLevel, Map<string, number>> = {
    error: new Map(),
    warning: new Map(),
    info: new Map(),
  };
  readonly #params = new Map<number, Params>();
  /** The code of a repeated value in a unique field. */
  readonly duplicate = this.codeOf('duplicate', 'error');

  /** The number of a code at a level, given one the first time it is seen. */
  codeOf(code: string, level: IssueLevel): number {
    const byCode = this.#index[level];
    let index = byCode.get(code);
    if (index === undefined) {
      index = this.#table.length;
      if (index > 255) throw new Error('more than 255 distinct issue codes');
      this.#table.push({ code, level });
      byCode.set(code, index);
    }
    return index;
  }

  entry(code: number): CodeEntry {
    return this.#table[code]!;
  }

  levelOf(code: number): IssueLevel {
    return this.#table[code]!.level;
  }

  params(cell: number): Params | undefined {
    return this.#params.get(cell);
  }

  setParams(cell: number, params: Params): void {
    this.#params.set(cell, params);
  }

  deleteParams(cell: number): void {
    this.#params.delete(cell);
  }

  clearParams(): void {
    this.#params.clear();
  }
}
