import {
  type CellResult,
  type ColumnHints,
  type ColumnSpec,
  type CompiledColumn,
  compileColumnWithHints,
  type Issue,
  TypedCells,
} from '@csv-importer/core';
import { CellCodes } from './cell-codes.ts';
import { BEAT_MASK, type Dataset } from './dataset.ts';
import { HostFindings } from './host-findings.ts';
import { IssueCodes, type Params, VALID } from './issue-codes.ts';
import { type RowFinding, RowFindings } from './row-findings.ts';
import type { CellIssue, GridCell, ValidationSummary, ValueMapping } from './session-types.ts';
import { UniqueFields } from './unique-fields.ts';

export { VALID } from './issue-codes.ts';

/**
 * The issue table of one import, over core's compiled columns. Per field, `CellCodes` name each
 * data row's issue (0 when valid) in a table of codes (`IssueCodes`), and core's
 * `TypedCells` keep each checked cell's typed value and notes compactly, so that delivery
 * (`DeliveredRows`) and the unique index read them without checking any cell again; an edit
 * re-checks, and so replaces, just the cells it touches. Per-row error
 * counts, field counts, the unique indexes (core's `UniqueRows`: the first holder of a value is
 * valid, every later one a `duplicate` naming it), the row-level findings of reading (column
 * `''`) and the host's own findings and values live here too, all kept current cell by cell, so
 * a change at a million rows costs microseconds. Issues live beside the user's rows, never on them.
 */
export class Validation {
  readonly #beat: () => void;
  readonly #data: Dataset;
  #specs: readonly ColumnSpec[] = [];
  #columns: readonly CompiledColumn[] = [];
  readonly #table = new IssueCodes();
  #codes: CellCodes[] = [];
  /** Per field, each checked cell's typed value and notes; a field that is never checked keeps none. */
  #typed: TypedCells[] = [];
  #rowErrors = new Uint16Array(0);
  #invalidRows = 0;
  #fieldErrors: number[] = [];
  #fieldWarnings: number[] = [];
  readonly #unique: UniqueFields;
  /** Reading's findings about whole rows. */
  readonly #rowFindings = new RowFindings();
  readonly #host = new HostFindings();

  constructor(data: Dataset, beat: () => void) {
    this.#data = data;
    this.#beat = beat;
    this.#unique = new UniqueFields(data, beat);
  }

  configure(columns: readonly ColumnSpec[]): void {
    this.#specs = columns;
    this.#columns = columns.map((spec) => compileColumnWithHints(spec, {}));
  }

  get columns(): readonly CompiledColumn[] {
    return this.#columns;
  }

  fieldIndex(key: string): number {
    const index = this.#columns.findIndex((c) => c.spec.key === key);
    if (index < 0) throw new RangeError(`unknown field "${key}"`);
    return index;
  }

  /**
   * Checks every cell of every field (after `Dataset.setMapping`), each column compiled by core
   * with its hints and the user's value mapping (`hints.valueMap`); host findings start afresh.
   */
  run(valueMapping: ValueMapping, hints: Readonly<Record<string, ColumnHints>> = {}): void {
    this.#columns = this.#specs.map((spec) => {
      const valueMap = valueMapping[spec.key];
      return compileColumnWithHints(spec, { ...hints[spec.key], ...(valueMap ? { valueMap } : {}) });
    });
    const n = this.#data.rowCount;
    const fields = this.#columns.length;
    this.#codes = this.#columns.map(() => new CellCodes(n));
    this.#typed = this.#columns.map(() => new TypedCells(n));
    this.#table.clearParams();
    this.#host.clear();
    this.#rowErrors = new Uint16Array(n);
    this.#invalidRows = 0;
    this.#fieldErrors = new Array<number>(fields).fill(0);
    this.#fieldWarnings = new Array<number>(fields).fill(0);
    this.#takeRowFindings();
    for (let f = 0; f < fields; f++) this.#checkField(f);
    this.#unique.reset(fields);
    for (let f = 0; f < fields; f++) if (isUnique(this.#columns[f]!.spec)) this.#buildUnique(f);
  }

  /** The row-level findings of reading, by data row: those of the header row and above it are left out. */
  #takeRowFindings(): void {
    const data = this.#data;
    this.#rowFindings.take(data.recordIssues, data.base, data.rowCount, this.#table);
    for (const row of this.#rowFindings.rows()) this.#countRowFindings(row, 1);
  }

  /** The counts of the summary (the view and history add theirs). */
  counts(): Pick<
    ValidationSummary,
    'invalidRowCount' | 'errorCount' | 'warningCount' | 'errorsByColumn' | 'warningsByColumn'
  > {
    const errorsByColumn: Record<string, number> = {};
    const warningsByColumn: Record<string, number> = {};
    this.#columns.forEach((c, f) => {
      if (this.#fieldErrors[f]) errorsByColumn[c.spec.key] = this.#fieldErrors[f]!;
      if (this.#fieldWarnings[f]) warningsByColumn[c.spec.key] = this.#fieldWarnings[f]!;
    });
    return {
      invalidRowCount: this.#invalidRows,
      errorCount: this.#fieldErrors.reduce((a, b) => a + b, this.#rowFindings.errors),
      warningCount: this.#fieldWarnings.reduce((a, b) => a + b, this.#rowFindings.warnings),
      errorsByColumn,
      warningsByColumn,
    };
  }

  /** Rows (not deleted) with at least one error. */
  get invalidRows(): number {
    return this.#invalidRows;
  }

  /** Whether a data row has an error. */
  hasErrors(row: number): boolean {
    return this.#rowErrors[row]! > 0;
  }

  /** Whether the cell's issue is an error. */
  isError(row: number, field: number): boolean {
    const code = this.#codes[field]!.get(row);
    return code !== VALID && this.#table.levelOf(code) === 'error';
  }

  /**
   * Checks every row of one field into its codes and the counts. The loop reads the store
   * directly and leaves a valid cell without a note at once: it runs for every cell of the file.
   * A field that accepts any text has no error or warning to find (its codes stay 0).
   */
  #checkField(field: number): void {
    const column = this.#columns[field]!;
    if (column.acceptsAnyText) return;
    const codes = this.#codes[field]!;
    const typed = this.#typed[field]!;
    const source = this.#data.sourceOf(field);
    const store = this.#data.store;
    const base = this.#data.base;
    const n = this.#data.rowCount;
    for (let r = 0; r < n; r++) {
      if ((r & BEAT_MASK) === 0) this.#beat();
      const text = source < 0 ? '' : store.get(r + base, source);
      const result = column.check(text);
      typed.put(r, text, result);
      if (result.ok && result.notes === undefined) continue;
      const code = this.#codeOfResult(r, field, result);
      if (code !== VALID) {
        codes.set(r, code);
        this.#count(r, field, code, 1);
      }
    }
  }

  /**
   * A cell's check result by core's compiled column (the value mapping is one of its hints),
   * kept in place of the cell's former value and notes.
   */
  #result(row: number, field: number): CellResult {
    const text = this.#data.raw(row, field);
    const result = this.#columns[field]!.check(text);
    this.#typed[field]!.put(row, text, result);
    return result;
  }

  /** The issue code of a cell's check result; its params, if any, are kept beside the codes. */
  #codeOfResult(row: number, field: number, result: CellResult): number {
    const key = row * this.#columns.length + field;
    if (result.ok) {
      // An accepted value with a doubt (a date's day/month order assumed) shows as a warning.
      const warning = result.notes?.find((n) => n.level === 'warning');
      if (!warning) return VALID;
      if (warning.params) this.#table.setParams(key, warning.params);
      return this.#table.codeOf(warning.code, 'warning');
    }
    if (result.params) this.#table.setParams(key, result.params);
    return this.#table.codeOf(result.code, 'error');
  }

  /** Adds (`sign` 1) or removes (-1) one cell's issue from every count. */
  #count(row: number, field: number, code: number, sign: 1 | -1): void {
    if (code === VALID) return;
    const level = this.#table.levelOf(code);
    if (level === 'error') {
      this.#fieldErrors[field]! += sign;
      this.#countRowError(row, sign);
    } else if (level === 'warning') {
      this.#fieldWarnings[field]! += sign;
    }
  }

  #countRowError(row: number, sign: 1 | -1): void {
    const before = this.#rowErrors[row]!;
    this.#rowErrors[row] = before + sign;
    if (before === 0 && sign === 1) this.#invalidRows++;
    if (before === 1 && sign === -1) this.#invalidRows--;
  }

  #setCode(row: number, field: number, code: number): void {
    const codes = this.#codes[field]!;
    const old = codes.get(row);
    if (old === code) return;
    if (!this.#data.isDeleted(row)) {
      this.#count(row, field, old, -1);
      this.#count(row, field, code, 1);
    }
    codes.set(row, code);
  }

  /**
   * Re-checks one cell, uniqueness included: a repeated value is an error over the cell's own
   * warning (an invalid cell holds no value, so it is never a repeat).
   */
  recheck(row: number, field: number): void {
    this.#table.deleteParams(row * this.#columns.length + field);
    let code = this.#codeOfResult(row, field, this.#result(row, field));
    if (this.#canBeDuplicate(code) && this.#unique.isDuplicate(row, field)) code = this.#table.duplicate;
    if (code === VALID) {
      // The application's own finding (from its validate or edit hook) shows when ours has none.
      const host = this.#host.get(row, field);
      if (host) {
        code = host.code;
        if (host.params) this.#table.setParams(row * this.#columns.length + field, host.params);
      }
    }
    this.#setCode(row, field, code);
  }

  #canBeDuplicate(code: number): boolean {
    return code === VALID || this.#table.levelOf(code) !== 'error';
  }

  // ---- unique index ------------------------------------------------------------------------------

  #buildUnique(field: number): void {
    const codes = this.#codes[field]!;
    const index = this.#unique.build(field, this.#columns[field]!, this.#typed[field]!);
    const duplicate = this.#table.duplicate;
    for (let r = 0; r < this.#data.rowCount; r++) {
      if (this.#canBeDuplicate(codes.get(r)) && index.isDuplicate(r)) this.#setCode(r, field, duplicate);
    }
  }

  /** The fields' unique indexes, which `Edits` keeps current as rows change. */
  get unique(): UniqueFields {
    return this.#unique;
  }

  /** The first holder of the value a duplicate cell repeats (a data row), or -1. */
  firstOf(row: number, field: number): number {
    return this.#unique.firstOf(row, field);
  }

  /** Counts a row's issues in or out as it is restored (`sign` 1) or deleted (-1). */
  countRow(row: number, sign: 1 | -1): void {
    for (let f = 0; f < this.#columns.length; f++) this.#count(row, f, this.#codes[f]!.get(row), sign);
    this.#countRowFindings(row, sign);
  }

  #countRowFindings(row: number, sign: 1 | -1): void {
    const errors = this.#rowFindings.count(row, sign, this.#table);
    for (let i = 0; i < errors; i++) this.#countRowError(row, sign);
  }

  // ---- reading issues and values -----------------------------------------------------------------

  /** A cell as the grid shows it; a duplicate names the first holder (`firstRow`, a data row). */
  cell(row: number, field: number): GridCell {
    const text = this.#data.raw(row, field);
    const code = this.#codes[field]!.get(row);
    if (code === VALID) return { text };
    const { code: name, level } = this.#table.entry(code);
    const params = this.paramsOf(row, field, code, (first) => first);
    return { text, issue: params ? { code: name, level, params } : { code: name, level } };
  }

  /** The row-level findings of a data row (reading's), as the grid marks the row. */
  rowFindings(row: number): CellIssue[] | undefined {
    return this.#rowFindings.issues(row, this.#table);
  }

  /**
   * The params of a cell's issue `code`; a duplicate names its first holder, numbered by `as`
   * (a data row in the grid, its place among the delivered rows in delivery).
   */
  paramsOf(row: number, field: number, code: number, as: (row: number) => number): Params | undefined {
    if (code === this.#table.duplicate) {
      const first = this.firstOf(row, field);
      return first < 0 ? undefined : { firstRow: as(first) };
    }
    return this.#table.params(row * this.#columns.length + field);
  }

  /** The issue code of a cell in the table (`VALID`, 0, when it has none). */
  codeAt(row: number, field: number): number {
    return this.#codes[field]!.get(row);
  }

  /** The table of codes and levels every code of this import is in. */
  get table(): IssueCodes {
    return this.#table;
  }

  /** A field's checked cells: their typed values and notes. */
  typedOf(field: number): TypedCells {
    return this.#typed[field]!;
  }

  /** The findings of reading about a whole data row. */
  rowFindingsOf(row: number): readonly RowFinding[] | undefined {
    return this.#rowFindings.get(row);
  }

  /** The host's findings and replacement values. */
  get host(): HostFindings {
    return this.#host;
  }

  // ---- the host's findings -----------------------------------------------------------------------

  /**
   * Replaces the host's findings for data rows `start` to `end` (exclusive). A finding shows on a
   * cell the engine finds valid; the engine's own finding wins. Dropped by `run` (a new mapping),
   * kept through edits.
   */
  applyHostFindings(
    start: number,
    end: number,
    issues: readonly Issue[],
    values: readonly { row: number; column: string; value: unknown }[],
  ): void {
    const fields = this.#columns.length;
    const keys = this.#columns.map((c) => c.key);
    const to = Math.min(this.#data.rowCount, end);
    const touched = this.#host.replace(Math.max(0, start), to, issues, values, keys, this.#table);
    for (const key of touched) this.recheck(Math.floor(key / fields), key % fields);
  }
}

function isUnique(spec: ColumnSpec): boolean {
  const unique = (spec as { unique?: boolean | object }).unique;
  return unique === true || (typeof unique === 'object' && unique !== null);
}
