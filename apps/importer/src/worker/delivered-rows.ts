import { type CellNote, type CellResult, type Issue, isOriginalNote } from '@csv-importer/core';
import type { Dataset } from './dataset.ts';
import { type IssueCodes, type Params, VALID } from './issue-codes.ts';
import { isBare } from './unique-fields.ts';
import type { Validation } from './validation.ts';

/**
 * Where the notes that only say what a cell's text was (`phone_normalized`, `trimmed`... with
 * `params: {original}` and nothing else) go when they are not to be issue objects: delivery packs
 * them by field and code into a column of originals (see `NoteColumn` in the protocol).
 */
export interface OriginalNotes {
  add(as: number, field: number, code: string, original: string): void;
}

/**
 * Data rows as the host receives them: each field's typed value and the row's issues, read from
 * what validation kept (`Validation.typedOf`, core's `TypedCells`) without checking a cell again.
 * A field validation does not check (text that any value satisfies) is read from its text, and
 * checked only where its text has spaces to trim. Issues are those core's `validateRow` and
 * `validateTable` report for the row: the reading findings of the row (column `''`), then per
 * cell its error, its notes, the repeat of a unique value, and the host's finding held back
 * behind the importer's own.
 */
export class DeliveredRows {
  readonly #data: Dataset;
  readonly #validation: Validation;

  constructor(data: Dataset, validation: Validation) {
    this.#data = data;
    this.#validation = validation;
  }

  /**
   * Data row `r` as delivered, numbered `as` (its index among delivered rows): its typed values
   * into `values` (a field's value, or the host's replacement) and its issues onto `issues`.
   * `deliveredAs` numbers a first holder among the delivered rows. With `notes`, a note that only
   * says what the cell's text was goes there instead of onto `issues`.
   */
  deliverRow(
    r: number,
    as: number,
    values: unknown[],
    issues: Issue[],
    deliveredAs: (row: number) => number,
    notes?: OriginalNotes,
  ): void {
    const validation = this.#validation;
    const data = this.#data;
    const table = validation.table;
    const columns = validation.columns;
    const host = validation.host;
    const held = host.ofRow(r);
    const hostValues = host.values(r);
    const findings = validation.rowFindingsOf(r);
    if (findings) for (const { code, params } of findings) issues.push(issueOf(table, as, '', code, params));
    for (let f = 0; f < columns.length; f++) {
      const column = columns[f]!;
      const key = column.key;
      const code = validation.codeAt(r, f);
      const typed = validation.typedOf(f);
      // What the cell's own check says (an error, or a warning note), as the table holds it before
      // uniqueness and the host's findings.
      let own = VALID;
      if (typed.has(r)) {
        const text = typed.readsText(r) ? data.raw(r, f) : '';
        values[f] = typed.value(r, text);
        if (typed.isInvalid(r)) {
          // The table holds an invalid cell's own error and its params.
          own = code;
          issues.push(issueOf(table, as, key, code, validation.paramsOf(r, f, code, deliveredAs)));
        }
        const sole = typed.originalNote(r);
        if (sole !== undefined) originalNote(as, f, key, sole, text, issues, notes);
        const other = typed.otherNotes(r);
        if (other !== undefined) own = pushNotes(table, as, key, other, own, issues);
      } else {
        const raw = data.raw(r, f);
        if (column.keepsText && isBare(raw)) {
          // A column whose value is its text, and a cell nothing could be trimmed from: its value
          // is its text and its check has no note (most cells of a file).
          values[f] = raw;
        } else {
          const result = column.check(raw);
          values[f] = result.value === '' ? null : result.value;
          if (!result.ok) {
            own = table.codeOf(result.code, 'error');
            issues.push(issueOf(table, as, key, own, result.params));
          }
          own = this.#checkedNotes(result, raw, as, f, key, own, issues, notes);
        }
      }
      if (code !== VALID && code !== own)
        issues.push(issueOf(table, as, key, code, validation.paramsOf(r, f, code, deliveredAs)));
      const finding = held?.get(f);
      if (finding && finding.code !== code)
        issues.push(issueOf(table, as, key, finding.code, finding.params));
      if (hostValues && Object.hasOwn(hostValues, key)) values[f] = hostValues[key];
    }
  }

  /** The notes of a cell checked here; returns `own`, or the code of its warning note. */
  #checkedNotes(
    result: CellResult,
    text: string,
    as: number,
    field: number,
    key: string,
    own: number,
    issues: Issue[],
    notes: OriginalNotes | undefined,
  ): number {
    const found = result.notes;
    if (found === undefined) return own;
    const [note] = found;
    if (found.length === 1 && isOriginalNote(note!, text)) {
      originalNote(as, field, key, note!.code, text, issues, notes);
      return own;
    }
    return pushNotes(this.#validation.table, as, key, found, own, issues);
  }

  /** The issues of a data row as `deliverRow` gives them, numbered by data row. */
  rowIssues(r: number): Issue[] {
    const issues: Issue[] = [];
    this.deliverRow(r, r, new Array(this.#validation.columns.length), issues, (row) => row);
    return issues;
  }

  /** The typed record of a data row: each field's value, the host's replacements on top. */
  record(r: number): Record<string, unknown> {
    const columns = this.#validation.columns;
    const values: unknown[] = new Array(columns.length);
    this.deliverRow(r, r, values, [], (row) => row);
    const record: Record<string, unknown> = {};
    for (let f = 0; f < columns.length; f++) record[columns[f]!.key] = values[f];
    const host = this.#validation.host.values(r);
    return host ? { ...record, ...host } : record;
  }
}

/** An issue of delivered row `as` from an entry of the code table. */
function issueOf(table: IssueCodes, as: number, column: string, entry: number, params?: Params): Issue {
  const { code, level } = table.entry(entry);
  // Two fixed shapes, no spread: one issue per cell with a note, a million at a million rows.
  return params
    ? { row: as, column, code: code as Issue['code'], level, params }
    : { row: as, column, code: code as Issue['code'], level };
}

/** A note that only says what the cell's text was: to `notes` when given, else an issue. */
function originalNote(
  as: number,
  field: number,
  column: string,
  code: Issue['code'],
  text: string,
  issues: Issue[],
  notes: OriginalNotes | undefined,
): void {
  if (notes) notes.add(as, field, code, text);
  else issues.push({ row: as, column, code, level: 'info', params: { original: text } });
}

/** Notes straight from core's check onto `issues`; returns `own`, or the code of a warning note. */
function pushNotes(
  table: IssueCodes,
  as: number,
  column: string,
  notes: readonly CellNote[],
  own: number,
  issues: Issue[],
): number {
  for (const { code, level, params } of notes) {
    if (own === VALID && level === 'warning') own = table.codeOf(code, level);
    issues.push(params ? { row: as, column, code, level, params } : { row: as, column, code, level });
  }
  return own;
}
