import type { CellValue, ColumnSpec, CustomResult } from '../columns/column-spec.ts';
import type { Issue, IssueCode, IssueParams } from '../issues/issue.ts';
import { compileBoolean } from '../types/boolean.ts';
import { compileDate } from '../types/date.ts';
import { compileEmail } from '../types/email.ts';
import { compileNumber } from '../types/number.ts';
import type { CellInput, CellNote, CellParser, ColumnHints, ListParser, Parsed } from '../types/parsed.ts';
import { compilePhone } from '../types/phone.ts';
import { compileRegex } from '../types/regex.ts';
import { compileSelect } from '../types/select.ts';
import { compileString } from '../types/string.ts';
import { compileUrl } from '../types/url.ts';

/** The outcome of checking one cell: the typed value, or the reason it is invalid. */
export type CellResult =
  | { readonly ok: true; readonly value: CellValue; readonly notes?: readonly CellNote[] }
  | {
      readonly ok: false;
      readonly code: IssueCode;
      /** The cell's text as the user wrote it (so nothing is lost). */
      readonly value: string;
      readonly params?: IssueParams;
      readonly notes?: readonly CellNote[];
    };

/** A column with its checks compiled once, ready to run over many cells. */
export interface CompiledColumn {
  readonly spec: ColumnSpec;
  /** `spec.key`, read without touching the spec (specs differ in shape; this object does not). */
  readonly key: string;
  /** Whether the spec has a custom `validate` function. */
  readonly hasCustom: boolean;
  /**
   * Whether a cell that passes without a note has its own text as its value (text, e-mail, URL,
   * pattern columns): a reader who knows the cell passed can skip checking it again.
   */
  readonly keepsText: boolean;
  /**
   * Whether `check` finds nothing wrong with any text, empty included: neither an error nor a
   * warning, at most an info note. True for a text column that is not `required` and has no
   * length limits. Whoever checks many cells for their issues alone can pass over such a column.
   */
  readonly acceptsAnyText: boolean;
  /** Checks one cell: text from a CSV or a typed value from a spreadsheet. */
  check(raw: CellInput): CellResult;
}

function parserFor(spec: ColumnSpec, hints: ColumnHints): CellParser | (CellParser & ListParser) {
  switch (spec.type) {
    case undefined:
    case 'string':
      return compileString(spec);
    case 'number':
    case 'integer':
      return compileNumber(spec, hints);
    case 'boolean':
      return compileBoolean(spec);
    case 'date':
    case 'datetime':
      return compileDate(spec, hints);
    case 'email':
      return compileEmail();
    case 'phone':
      return compilePhone(spec);
    case 'url':
      return compileUrl();
    case 'regex':
      return compileRegex(spec);
    case 'select':
      return compileSelect(spec, hints);
  }
}

/** Reads what a custom validator returned as an error (or null when the value passed). */
function customFailure(
  result: CustomResult,
): { level: 'error' | 'warning' | 'info'; message?: string } | null {
  if (result === undefined || result === null || result === true) return null;
  if (typeof result === 'string') return { level: 'error', message: result };
  return { level: result.level ?? 'error', ...(result.message ? { message: result.message } : {}) };
}

/**
 * Compiles a column's checks into a function over raw cells, once per column: formats, patterns
 * and option indexes are built here, not per cell. `hints` carry what was detected from the
 * file or confirmed by the user (decimal separator, day/month order, select value mapping).
 *
 * Empty cells (after trimming) are `null`, the column's default (info `default_applied`), or a
 * `required` error. Leading and trailing spaces are removed and reported as info `trimmed`
 * unless a string column sets `trim: false`. Custom `validate` functions run in `validateCells`
 * and `validateRow`, which have the whole typed record.
 */
export function compileColumnWithHints(spec: ColumnSpec, hints: ColumnHints): CompiledColumn {
  const parse = parserFor(spec, hints);
  const trim = spec.type === undefined || spec.type === 'string' ? spec.trim !== false : true;
  const messages = spec.messages;
  const withMessage = (code: IssueCode, params?: IssueParams): IssueParams | undefined => {
    const message = messages?.[code];
    return message === undefined ? params : { ...params, message };
  };
  const empty: CellResult = spec.required
    ? {
        ok: false,
        code: 'required',
        value: '',
        ...(messages?.required ? { params: { message: messages.required } } : {}),
      }
    : spec.default !== undefined
      ? (() => {
          const parsed = parse(spec.default);
          const value = parsed.ok ? parsed.value : spec.default;
          return {
            ok: true,
            value,
            notes: [{ code: 'default_applied', level: 'info', params: { value: String(spec.default) } }],
          };
        })()
      : { ok: true, value: null };
  /** A result with notes (trim, auto-fix) or an error: the rarer cases, kept off the hot path. */
  const finish = (
    parsed: Parsed,
    raw: string | number | boolean,
    trimmedFrom: string | undefined,
  ): CellResult => {
    const notes: CellNote[] = [];
    if (trimmedFrom !== undefined)
      notes.push({ code: 'trimmed', level: 'info', params: { original: trimmedFrom } });
    if (parsed.ok && parsed.note) notes.push(parsed.note);
    if (parsed.ok)
      return notes.length > 0 ? { ok: true, value: parsed.value, notes } : (parsed as CellResult);
    const params = withMessage(parsed.code, parsed.params);
    return {
      ok: false,
      code: parsed.code,
      value: String(raw),
      ...(params ? { params } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    };
  };
  return {
    spec,
    key: spec.key,
    hasCustom: typeof spec.validate === 'function',
    keepsText: KEEPS_TEXT.has(spec.type),
    acceptsAnyText:
      (spec.type === undefined || spec.type === 'string') &&
      !spec.required &&
      spec.minLength === undefined &&
      spec.maxLength === undefined,
    check(raw) {
      if (typeof raw === 'string') {
        // Hot path: a cell without surrounding spaces (nearly all) skips the note machinery.
        const text = trim ? raw.trim() : raw;
        if (text.length === 0 || (!trim && raw.trim().length === 0)) return empty;
        if (text.length === raw.length) {
          const parsed = parse(text);
          if (parsed.ok && parsed.note === undefined) return parsed as CellResult;
          return finish(parsed, raw, undefined);
        }
        return finish(parse(text), raw, raw);
      }
      if (raw === undefined || raw === null) return empty;
      if (Array.isArray(raw)) {
        if (spec.type !== 'select' || !spec.multiple)
          return { ok: false, code: 'wrong_type', value: raw.join(', ') };
        if (raw.length === 0) return empty;
        const parsed = (parse as ListParser)(raw);
        return parsed.ok
          ? { ok: true, value: parsed.value, ...(parsed.note ? { notes: [parsed.note] } : {}) }
          : {
              ok: false,
              code: parsed.code,
              value: raw.join(', '),
              ...(parsed.params ? { params: parsed.params } : {}),
            };
      }
      return finish(parse(raw as number | boolean), raw as number | boolean, undefined);
    },
  };
}

/** The column types whose parsers give back the (trimmed) text they were given. */
const KEEPS_TEXT = new Set<ColumnSpec['type']>([undefined, 'string', 'email', 'url', 'regex']);

/** `compileColumnWithHints` without hints; safe to pass to `Array.prototype.map`. */
export function compileColumn(spec: ColumnSpec): CompiledColumn {
  return compileColumnWithHints(spec, {});
}

/**
 * The hot path: checks one row of cells (in column order) into `values` (typed value per column,
 * or the user's text for an invalid cell) and appends its issues to `issues`, allocating nothing
 * per valid cell beyond the parser's result. Returns the number of errors. Suits columnar storage
 * in the worker; `validateRow` is the same with a record.
 */
export function validateCells(
  columns: readonly CompiledColumn[],
  cells: readonly CellInput[],
  row: number,
  values: CellValue[],
  issues: Issue[],
): number {
  let errors = 0;
  let customs: number[] | undefined;
  for (let i = 0; i < columns.length; i++) {
    const column = columns[i]!;
    const result = column.check(cells[i]);
    if (result.ok) {
      values[i] = result.value;
      if (column.hasCustom && result.value !== null) {
        customs ??= [];
        customs.push(i);
      }
    } else {
      values[i] = result.value === '' ? null : result.value;
      errors++;
      issues.push(
        result.params
          ? { row, column: column.key, code: result.code, level: 'error', params: result.params }
          : { row, column: column.key, code: result.code, level: 'error' },
      );
    }
    if (result.notes !== undefined) {
      const key = column.key;
      for (const note of result.notes)
        issues.push(
          note.params
            ? { row, column: key, code: note.code, level: note.level, params: note.params }
            : { row, column: key, code: note.code, level: note.level },
        );
    }
  }
  if (customs) {
    // Custom validators see the whole typed record, so they run once every cell is read.
    const record = toRecord(columns, values);
    for (const i of customs) {
      const before = issues.length;
      runCustom(columns[i]!.spec, record, row, issues);
      for (let j = before; j < issues.length; j++) if (issues[j]!.level === 'error') errors++;
    }
  }
  return errors;
}

function toRecord(
  columns: readonly CompiledColumn[],
  values: readonly CellValue[],
): Record<string, CellValue> {
  const record: Record<string, CellValue> = {};
  for (let i = 0; i < columns.length; i++) record[columns[i]!.key] = values[i] ?? null;
  return record;
}

/**
 * Checks one row of cells (already in column order) and returns the typed record plus the issues
 * found, auto-fixes included as info. An invalid cell keeps the user's text in the record, so
 * nothing is lost; the issue says why it is not the declared type. The caller's cells are not
 * modified.
 */
export function validateRow(
  columns: readonly CompiledColumn[],
  cells: readonly CellInput[],
  row: number,
): { record: Record<string, CellValue>; issues: Issue[] } {
  const values: CellValue[] = new Array(columns.length);
  const issues: Issue[] = [];
  validateCells(columns, cells, row, values, issues);
  return { record: toRecord(columns, values), issues };
}
/** Runs a column's custom validator on the typed value, with the whole typed record beside it. */
function runCustom(spec: ColumnSpec, record: Record<string, CellValue>, row: number, issues: Issue[]): void {
  let outcome: CustomResult | Promise<CustomResult> | Error;
  try {
    outcome = spec.validate!(record[spec.key]!, record);
  } catch (error) {
    outcome = error instanceof Error ? error : new Error(String(error));
  }
  if (outcome instanceof Promise) {
    // Nothing here can wait; `validateRecords` awaits async validators.
    outcome.catch(() => {});
    outcome = new Error('the validator is async: re-validate with validateRecords, which awaits it');
  }
  const issue = customIssue(spec, outcome, row);
  if (issue) issues.push(issue);
}

/**
 * The issue a custom validator's outcome (its result, or what it threw) makes, or `undefined`
 * when the value passed. `validateRecords` uses it for the outcomes it awaited.
 */
export function customIssue(spec: ColumnSpec, outcome: CustomResult | Error, row: number): Issue | undefined {
  const failure =
    outcome instanceof Error ? { level: 'error' as const, message: outcome.message } : customFailure(outcome);
  if (!failure) return undefined;
  const message = spec.messages?.custom ?? failure.message;
  return {
    row,
    column: spec.key,
    code: 'custom',
    level: failure.level,
    ...(message ? { params: { message } } : {}),
  };
}
