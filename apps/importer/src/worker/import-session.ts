import {
  type CellValue,
  type ColumnMatch,
  type ColumnSpec,
  type CompiledColumn,
  compileColumn,
  DecodeError,
  type DecodeErrorCode,
  type DetectedEncoding,
  decodeFile,
  type Issue,
  matchColumns,
  parseTextStream,
  validateRow,
} from '@csv-importer/core';

/** What the frame learns about a file once it has been read. */
export interface LoadSummary {
  readonly fileName: string;
  readonly encoding: DetectedEncoding['encoding'];
  readonly delimiter: string;
  readonly headers: readonly string[];
  readonly rowCount: number;
  readonly suggestions: readonly ColumnMatch[];
  /** A few values per file column, for the matching step. */
  readonly samples: readonly (readonly string[])[];
}

export type LoadResult =
  | { readonly ok: true; readonly summary: LoadSummary }
  | { readonly ok: false; readonly code: DecodeErrorCode; readonly message: string };

/** Counts after validation, per field and in total. */
export interface ValidationSummary {
  readonly rowCount: number;
  readonly invalidRowCount: number;
  readonly errorCount: number;
  readonly errorsByColumn: Readonly<Record<string, number>>;
}

/** One row as the review grid shows it: cells in field order, with the issues of that row. */
export interface ReviewRow {
  readonly index: number;
  readonly cells: readonly (string | null)[];
  readonly issues: readonly Pick<Issue, 'column' | 'code' | 'level' | 'params'>[];
}

/** One typed row for delivery or a host hook, with its issues (host findings included). */
export interface ResultRow {
  readonly index: number;
  readonly record: Record<string, unknown>;
  readonly issues: readonly Issue[];
  /** File columns matched to no field, by header (only when asked for). */
  readonly unmatched?: Record<string, string>;
}

/** Field key to file column index; `null` leaves the field empty. */
export type Mapping = Readonly<Record<string, number | null>>;

/**
 * The dataset of one import, owned by the worker for the whole session. The frame's main thread
 * holds only the rows it shows; it asks for windows of rows by index.
 */
export class ImportSession {
  #columns: readonly CompiledColumn[] = [];
  #summary: LoadSummary | undefined;
  #rows: string[][] = [];
  #mapping: Mapping = {};
  #issuesByRow = new Map<number, Issue[]>();
  #records: Record<string, CellValue>[] = [];

  configure(columns: readonly ColumnSpec[]): void {
    this.#columns = columns.map(compileColumn);
  }

  /**
   * Reads the whole file; the first non-blank record is the header row. A file that cannot be
   * read resolves to a specific error code rather than throwing, since thrown errors lose their
   * fields on the way through comlink.
   */
  async load(file: File, onProgress?: (rows: number) => void): Promise<LoadResult> {
    try {
      return { ok: true, summary: await this.#load(file, onProgress) };
    } catch (error) {
      if (error instanceof DecodeError) return { ok: false, code: error.code, message: error.message };
      throw error;
    }
  }

  async #load(file: File, onProgress?: (rows: number) => void): Promise<LoadSummary> {
    this.#rows = [];
    const decoded = await decodeFile(file);
    let headers: string[] | undefined;
    let delimiter = ',';
    for await (const batch of parseTextStream(decoded.text)) {
      delimiter = batch.dialect.delimiter;
      let rows = batch.rows;
      if (!headers) {
        headers = rows[0]!.map((h) => h.trim());
        rows = rows.slice(1);
      }
      for (const row of rows) this.#rows.push(row);
      onProgress?.(this.#rows.length);
    }
    if (!headers) throw new DecodeError('empty_file', 'The file has no rows.');
    const samples = headers.map((_, c) =>
      this.#rows
        .slice(0, 50)
        .map((r) => r[c] ?? '')
        .filter((s) => s !== '')
        .slice(0, 3),
    );
    this.#summary = {
      fileName: file.name,
      encoding: decoded.encoding,
      delimiter,
      headers,
      rowCount: this.#rows.length,
      suggestions: matchColumns(
        headers,
        this.#columns.map((c) => c.spec),
      ),
      samples,
    };
    return this.#summary;
  }

  /** Applies the user's mapping and validates every row. */
  validate(mapping: Mapping): ValidationSummary {
    this.#mapping = mapping;
    this.#issuesByRow.clear();
    this.#hostIssues.clear();
    this.#hostValues.clear();
    this.#records = [];
    const errorsByColumn: Record<string, number> = {};
    let errorCount = 0;
    const sources = this.#columns.map((c) => mapping[c.spec.key] ?? null);
    const cells: (string | undefined)[] = new Array(sources.length);
    this.#rows.forEach((row, index) => {
      sources.forEach((source, i) => {
        cells[i] = source === null ? undefined : row[source];
      });
      const { record, issues } = validateRow(this.#columns, cells, index);
      this.#records.push(record);
      if (issues.length === 0) return;
      this.#issuesByRow.set(index, issues);
      for (const issue of issues) {
        errorsByColumn[issue.column] = (errorsByColumn[issue.column] ?? 0) + 1;
        errorCount++;
      }
    });
    return {
      rowCount: this.#rows.length,
      invalidRowCount: this.#issuesByRow.size,
      errorCount,
      errorsByColumn,
    };
  }

  /** A window of rows for the review grid. */
  getRows(start: number, count: number): ReviewRow[] {
    const end = Math.min(this.#records.length, start + count);
    const out: ReviewRow[] = [];
    for (let index = Math.max(0, start); index < end; index++) {
      out.push({
        index,
        cells: this.#columns.map((c) => {
          const source = this.#mapping[c.spec.key];
          return source === null || source === undefined ? null : (this.#rows[index]![source] ?? null);
        }),
        issues: this.#issuesOf(index).map(({ column, code, level, params }) => ({
          column,
          code,
          level,
          params,
        })),
      });
    }
    return out;
  }

  // ---- host findings (apps/importer/src/hooks.ts) ----
  #hostIssues = new Map<number, Issue[]>();
  #hostValues = new Map<number, Record<string, unknown>>();

  #issuesOf(index: number): Issue[] {
    const own = this.#issuesByRow.get(index) ?? [];
    const host = this.#hostIssues.get(index);
    return host ? [...own, ...host] : own;
  }

  /** A window of typed rows, host replacement values applied, with their issues. */
  records(start: number, count: number, includeUnmatched = false): ResultRow[] {
    const end = Math.min(this.#records.length, start + count);
    const headers = this.#summary?.headers ?? [];
    const used = new Set(Object.values(this.#mapping));
    const unmatchedColumns = includeUnmatched ? headers.map((_, i) => i).filter((i) => !used.has(i)) : [];
    const out: ResultRow[] = [];
    for (let index = Math.max(0, start); index < end; index++) {
      const values = this.#hostValues.get(index);
      const record = this.#records[index]!;
      const row: ResultRow = {
        index,
        record: values ? { ...record, ...values } : record,
        issues: this.#issuesOf(index),
      };
      if (includeUnmatched) {
        const unmatched: Record<string, string> = {};
        for (const c of unmatchedColumns) unmatched[headers[c]!] = this.#rows[index]![c] ?? '';
        out.push({ ...row, unmatched });
      } else out.push(row);
    }
    return out;
  }

  /**
   * Replaces the host's findings for rows `start` to `end` (exclusive) and returns the new
   * counts. Host issues live beside the engine's own, so re-validation can drop them.
   */
  applyHostFindings(
    start: number,
    end: number,
    issues: readonly Issue[],
    values: readonly { row: number; column: string; value: unknown }[],
  ): ValidationSummary {
    for (let index = start; index < end; index++) {
      this.#hostIssues.delete(index);
      this.#hostValues.delete(index);
    }
    for (const issue of issues) {
      const list = this.#hostIssues.get(issue.row);
      if (list) list.push(issue);
      else this.#hostIssues.set(issue.row, [issue]);
    }
    for (const { row, column, value } of values) {
      this.#hostValues.set(row, { ...this.#hostValues.get(row), [column]: value });
    }
    return this.summary();
  }

  /** Counts over the engine's and the host's findings. */
  summary(): ValidationSummary {
    const errorsByColumn: Record<string, number> = {};
    let errorCount = 0;
    let invalidRowCount = 0;
    for (const index of new Set([...this.#issuesByRow.keys(), ...this.#hostIssues.keys()])) {
      let invalid = false;
      for (const issue of this.#issuesOf(index)) {
        if (issue.level !== 'error') continue;
        invalid = true;
        errorCount++;
        errorsByColumn[issue.column] = (errorsByColumn[issue.column] ?? 0) + 1;
      }
      if (invalid) invalidRowCount++;
    }
    return { rowCount: this.#rows.length, invalidRowCount, errorCount, errorsByColumn };
  }

  /** The typed rows and every issue, for delivery to the host. */
  result(): { rows: Record<string, CellValue>[]; issues: Issue[] } {
    return { rows: this.#records, issues: [...this.#issuesByRow.values()].flat() };
  }
}
