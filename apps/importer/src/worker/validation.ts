import {
  type ColumnSpec,
  type CompiledColumn,
  compileColumn,
  type Issue,
  type IssueLevel,
} from '@csv-importer/core';
import { BEAT_MASK, type Dataset } from './dataset.ts';
import type { GridCell, ValidationSummary, ValueMapping } from './session-types.ts';
import { UniqueRows } from './unique-rows.ts';

type Params = Readonly<Record<string, string | number>>;

interface HostFinding {
  readonly code: number;
  readonly params?: Params;
}

interface CodeEntry {
  readonly code: string;
  readonly level: IssueLevel;
}

/** The code of a cell without an issue. */
export const VALID = 0;

/**
 * The issue table of one import: per field, a byte per data row naming the issue of that cell
 * (0 when valid) in a table of codes, with the rare params beside it, and per-row error counts,
 * field counts and the unique indexes, all kept current cell by cell so that a change at a million
 * rows costs microseconds. The host's own findings (from its validate and edit hooks) and its
 * replacement values live here too. Issues live beside the user's rows, never on them.
 */
export class Validation {
  readonly #beat: () => void;
  readonly #data: Dataset;
  #columns: readonly CompiledColumn[] = [];
  #valueMapping: ValueMapping = {};
  #codes: Uint8Array[] = [];
  #codeTable: CodeEntry[] = [{ code: '', level: 'info' }];
  #codeIndex = new Map<string, number>();
  #params = new Map<number, Params>();
  #rowErrors = new Uint16Array(0);
  #invalidRows = 0;
  #fieldErrors: number[] = [];
  #fieldWarnings: number[] = [];
  #unique: (UniqueRows | null)[] = [];
  /** Per field: whether its unique values compare without case. */
  #uniqueFolds: boolean[] = [];
  /** The host's findings per data row and field, and its replacement values per data row. */
  #host = new Map<number, Map<number, HostFinding>>();
  #hostValues = new Map<number, Record<string, unknown>>();

  constructor(data: Dataset, beat: () => void) {
    this.#data = data;
    this.#beat = beat;
  }

  configure(columns: readonly ColumnSpec[]): void {
    this.#columns = columns.map(compileColumn);
  }

  get columns(): readonly CompiledColumn[] {
    return this.#columns;
  }

  get valueMapping(): ValueMapping {
    return this.#valueMapping;
  }

  /** Forgets the value mapping of a file read before. */
  resetValueMapping(): void {
    this.#valueMapping = {};
  }

  fieldIndex(key: string): number {
    const index = this.#columns.findIndex((c) => c.spec.key === key);
    if (index < 0) throw new RangeError(`unknown field "${key}"`);
    return index;
  }

  /** Checks every cell of every field (after `Dataset.setMapping`); host findings start afresh. */
  run(valueMapping: ValueMapping): void {
    this.#valueMapping = valueMapping;
    const n = this.#data.rowCount;
    const fields = this.#columns.length;
    this.#codes = this.#columns.map(() => new Uint8Array(n));
    this.#params.clear();
    this.#host.clear();
    this.#hostValues.clear();
    this.#rowErrors = new Uint16Array(n);
    this.#invalidRows = 0;
    this.#fieldErrors = new Array<number>(fields).fill(0);
    this.#fieldWarnings = new Array<number>(fields).fill(0);
    for (let f = 0; f < fields; f++) this.#checkField(f);
    this.#unique = this.#columns.map(() => null);
    for (let f = 0; f < fields; f++) if (isUnique(this.#columns[f]!.spec)) this.#buildUnique(f);
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
      errorCount: this.#fieldErrors.reduce((a, b) => a + b, 0),
      warningCount: this.#fieldWarnings.reduce((a, b) => a + b, 0),
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
    const code = this.#codes[field]![row]!;
    return code !== VALID && this.#codeTable[code]!.level === 'error';
  }

  /**
   * `check` over every row of one field, into its codes and the counts. The loop reads the store
   * and the value mapping directly and leaves a valid cell without a note at once: it runs for
   * every cell of the file. A field that accepts any text has no issue to find (its codes stay 0).
   */
  #checkField(field: number): void {
    const column = this.#columns[field]!;
    if (column.acceptsAnyText) return;
    const codes = this.#codes[field]!;
    const source = this.#data.sourceOf(field);
    const values = this.#valueMapping[column.key];
    const store = this.#data.store;
    const base = this.#data.base;
    const n = this.#data.rowCount;
    for (let r = 0; r < n; r++) {
      if ((r & BEAT_MASK) === 0) this.#beat();
      const result = checkCell(column, values, source < 0 ? '' : store.get(r + base, source));
      if (result.ok && result.notes === undefined) continue;
      const code = this.#codeOfResult(r, field, result);
      if (code !== VALID) {
        codes[r] = code;
        this.#count(r, field, code, 1);
      }
    }
  }

  /** The issue code of one cell from its own value alone (uniqueness is applied on top). */
  #check(row: number, field: number): number {
    const column = this.#columns[field]!;
    const raw = this.#data.raw(row, field);
    return this.#codeOfResult(row, field, checkCell(column, this.#valueMapping[column.key], raw));
  }

  /** The issue code of a cell's check result; its params, if any, are kept beside the codes. */
  #codeOfResult(row: number, field: number, checked: ReturnType<CompiledColumn['check']>): number {
    const result = checked as typeof checked & { level?: IssueLevel; params?: Params };
    if (result.ok) {
      // An accepted value with a doubt (a date's day/month order assumed) shows as a warning.
      const warning = result.notes?.find((n) => n.level === 'warning');
      if (!warning) return VALID;
      if (warning.params) this.#params.set(row * this.#columns.length + field, warning.params);
      return this.#codeOf(warning.code, 'warning');
    }
    const code = this.#codeOf(result.code, result.level ?? 'error');
    if (result.params) this.#params.set(row * this.#columns.length + field, result.params);
    return code;
  }

  #codeOf(code: string, level: IssueLevel): number {
    const key = `${level}:${code}`;
    let index = this.#codeIndex.get(key);
    if (index === undefined) {
      index = this.#codeTable.length;
      if (index > 255) throw new Error('more than 255 distinct issue codes');
      this.#codeTable.push({ code, level });
      this.#codeIndex.set(key, index);
    }
    return index;
  }

  /** Adds (`sign` 1) or removes (-1) one cell's issue from every count. */
  #count(row: number, field: number, code: number, sign: 1 | -1): void {
    if (code === VALID) return;
    if (this.#codeTable[code]!.level === 'error') {
      this.#fieldErrors[field]! += sign;
      const before = this.#rowErrors[row]!;
      this.#rowErrors[row] = before + sign;
      if (before === 0 && sign === 1) this.#invalidRows++;
      if (before === 1 && sign === -1) this.#invalidRows--;
    } else if (this.#codeTable[code]!.level === 'warning') {
      this.#fieldWarnings[field]! += sign;
    }
  }

  #setCode(row: number, field: number, code: number): void {
    const codes = this.#codes[field]!;
    const old = codes[row]!;
    if (old === code) return;
    if (!this.#data.isDeleted(row)) {
      this.#count(row, field, old, -1);
      this.#count(row, field, code, 1);
    }
    codes[row] = code;
  }

  /** Re-checks one cell, uniqueness included. */
  recheck(row: number, field: number): void {
    const key = row * this.#columns.length + field;
    this.#params.delete(key);
    let code = this.#check(row, field);
    if (code === VALID && this.#isDuplicate(row, field)) code = this.#codeOf('duplicate', 'error');
    if (code === VALID) {
      // The application's own finding (from its validate or edit hook) shows when ours has none.
      const host = this.#host.get(row)?.get(field);
      if (host) {
        code = host.code;
        if (host.params) this.#params.set(key, host.params);
      }
    }
    this.#setCode(row, field, code);
  }

  // ---- unique index ------------------------------------------------------------------------------

  /** As the engine's UniqueIndex compares: trimmed, and case-folded only when the spec asks. */
  #uniqueKey(row: number, field: number): string {
    const text = this.#data.raw(row, field).trim();
    return this.#uniqueFolds[field] ? text.toLowerCase() : text;
  }

  #buildUnique(field: number): void {
    const unique = (this.#columns[field]!.spec as { unique?: boolean | { caseInsensitive?: boolean } })
      .unique;
    this.#uniqueFolds[field] = typeof unique === 'object' && unique.caseInsensitive === true;
    const index = new UniqueRows(this.#data.rowCount, (row) => this.#uniqueKey(row, field));
    this.#unique[field] = index;
    // Called from `run`, where no row is deleted.
    index.addAll(this.#beat);
    const duplicate = this.#codeOf('duplicate', 'error');
    const codes = this.#codes[field]!;
    for (let r = 0; r < this.#data.rowCount; r++) {
      if (codes[r] === VALID && index.isDuplicate(r)) this.#setCode(r, field, duplicate);
    }
  }

  #isDuplicate(row: number, field: number): boolean {
    const index = this.#unique[field];
    return index !== null && index !== undefined && !this.#data.isDeleted(row) && index.isDuplicate(row);
  }

  isUniqueField(field: number): boolean {
    return Boolean(this.#unique[field]);
  }

  /**
   * Takes a row out of a field's unique index (before its value changes, or as it is deleted).
   * Returns the one other row whose state this may change, else -1.
   */
  leaveUnique(row: number, field: number): number {
    return this.#unique[field]?.remove(row) ?? -1;
  }

  /** Puts a row back in a field's unique index; returns the other row this may change, else -1. */
  joinUnique(row: number, field: number): number {
    return this.#unique[field]?.add(row) ?? -1;
  }

  /** Counts a row's issues in or out as it is restored (`sign` 1) or deleted (-1). */
  countRow(row: number, sign: 1 | -1): void {
    for (let f = 0; f < this.#columns.length; f++) this.#count(row, f, this.#codes[f]![row]!, sign);
  }

  // ---- reading issues and values -----------------------------------------------------------------

  /** A cell as the grid shows it. */
  cell(row: number, field: number): GridCell {
    const text = this.#data.raw(row, field);
    const code = this.#codes[field]![row]!;
    if (code === VALID) return { text };
    const { code: name, level } = this.#codeTable[code]!;
    const params = this.#params.get(row * this.#columns.length + field);
    return { text, issue: params ? { code: name, level, params } : { code: name, level } };
  }

  /**
   * The issues of a data row's cells, numbered `as` (its index among delivered rows). A cell
   * shows one issue, the importer's own before the host's; a host finding held back behind the
   * importer's issue on the same cell is delivered after it, so the application loses neither.
   */
  rowIssues(r: number, as: number, into: Issue[] = []): Issue[] {
    const held = this.#host.get(r);
    for (let f = 0; f < this.#columns.length; f++) {
      const code = this.#codes[f]![r]!;
      if (code !== VALID) into.push(this.#issue(as, f, code, this.#params.get(r * this.#columns.length + f)));
      const finding = held?.get(f);
      if (finding && finding.code !== code) into.push(this.#issue(as, f, finding.code, finding.params));
    }
    return into;
  }

  /** An issue of field `f` in delivered row `as`, from an entry of the code table. */
  #issue(as: number, f: number, entry: number, params?: Params): Issue {
    const { code, level } = this.#codeTable[entry]!;
    return {
      row: as,
      column: this.#columns[f]!.spec.key,
      code: code as Issue['code'],
      level,
      ...(params ? { params } : {}),
    };
  }

  /** The typed record of a data row: each field's checked value, the host's replacements on top. */
  record(r: number): Record<string, unknown> {
    const record: Record<string, unknown> = {};
    for (let f = 0; f < this.#columns.length; f++) record[this.#columns[f]!.key] = this.typedValue(r, f);
    const values = this.#hostValues.get(r);
    return values ? { ...record, ...values } : record;
  }

  /** The host's replacement values of a data row, if it gave any. */
  hostValues(r: number): Record<string, unknown> | undefined {
    return this.#hostValues.get(r);
  }

  /** One cell's checked value (select values mapped first); an empty one is `null`. */
  typedValue(r: number, f: number): unknown {
    const column = this.#columns[f]!;
    const raw = this.#data.raw(r, f);
    const values = this.#valueMapping[column.key];
    // A cell that passed without a note, in a column whose value is its text, needs no second
    // check when nothing could have been trimmed from it: most cells of a million-row file.
    if (!values && column.keepsText && this.#codes[f]![r] === VALID && isBare(raw)) return raw;
    const result = checkCell(column, values, raw);
    return result.value === '' ? null : result.value;
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
    const touched = new Set<number>();
    const from = Math.max(0, start);
    const to = Math.min(this.#data.rowCount, end);
    for (let r = from; r < to; r++) {
      const old = this.#host.get(r);
      if (old) for (const f of old.keys()) touched.add(r * fields + f);
      this.#host.delete(r);
      this.#hostValues.delete(r);
    }
    for (const issue of issues) {
      const f = this.#columns.findIndex((c) => c.spec.key === issue.column);
      if (issue.row < from || issue.row >= to || f < 0) continue;
      const findings = this.#host.get(issue.row) ?? new Map<number, HostFinding>();
      findings.set(f, {
        code: this.#codeOf(issue.code, issue.level),
        ...(issue.params ? { params: issue.params } : {}),
      });
      this.#host.set(issue.row, findings);
      touched.add(issue.row * fields + f);
    }
    for (const { row, column, value } of values) {
      if (row < from || row >= to) continue;
      this.#hostValues.set(row, { ...this.#hostValues.get(row), [column]: value });
    }
    for (const key of touched) this.recheck(Math.floor(key / fields), key % fields);
  }
}

function isUnique(spec: ColumnSpec): boolean {
  const unique = (spec as { unique?: boolean | object }).unique;
  return unique === true || (typeof unique === 'object' && unique !== null);
}

/**
 * One cell checked by its column, after the user's value mapping for the field (if any) mapped
 * it: own keys only, so that a cell reading `constructor` is not mapped to a function of
 * `Object.prototype`.
 */
function checkCell(
  column: CompiledColumn,
  values: Readonly<Record<string, string>> | undefined,
  raw: string,
): ReturnType<CompiledColumn['check']> {
  if (values === undefined) return column.check(raw);
  const key = raw.trim();
  return column.check(Object.hasOwn(values, key) ? values[key]! : raw);
}

/** Text that is not empty and starts and ends with a visible ASCII character, so trims to itself. */
function isBare(text: string): boolean {
  if (text.length === 0) return false;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  return first > 32 && first < 127 && last > 32 && last < 127;
}
