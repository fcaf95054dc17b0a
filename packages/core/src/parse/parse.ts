import Papa from 'papaparse';
import { DecodeError } from '../decode/decode.ts';
import type { Issue } from '../issues/issue.ts';

/**
 * How large a table the importer reads before refusing the file with a specific error: a file
 * beyond these is hostile or a mistake, and would otherwise exhaust the worker or the page.
 */
export interface ReadLimits {
  /** Cells in one record; Excel's own limit is 16,384 columns. */
  readonly maxColumns: number;
  /** Characters in one cell; Excel's own limit is 32,767. */
  readonly maxCellLength: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxColumns: 2_000, maxCellLength: 100_000 };

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Throws `DecodeError` `too_many_columns` or `cell_too_long` for the first record of `rows`
 * beyond `limits`; `firstRecord` is the 0-based index of `rows[0]` among the file's records.
 */
export function checkReadLimits(
  rows: readonly (readonly unknown[])[],
  firstRecord: number,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): void {
  const { maxColumns, maxCellLength } = limits;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length > maxColumns)
      throw new DecodeError(
        'too_many_columns',
        `Row ${count(firstRecord + r + 1)} has ${count(row.length)} columns; the importer reads at most ${count(maxColumns)}.`,
      );
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'string' && cell.length > maxCellLength)
        throw new DecodeError(
          'cell_too_long',
          `The cell in row ${count(firstRecord + r + 1)}, column ${count(c + 1)} has ${count(cell.length)} characters; the importer accepts at most ${count(maxCellLength)}.`,
        );
    }
  }
}

/** The CSV dialect of a file: how fields and records are separated. */
export interface Dialect {
  readonly delimiter: string;
  readonly newline: '\r\n' | '\n' | '\r';
}

/** Delimiters an end user's file plausibly uses, in order of preference on a tie. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

const DIALECT_SAMPLE_CHARS = 64 * 1024;

const LINE_END = /\r\n?/g;

/** Excel's first line `sep=;` names the delimiter; it is not a record. */
const SEP_LINE = /^\uFEFF?sep=(.)(\r\n|\n|\r)/i;

/**
 * Guesses the dialect from the start of the text; explicit options win, then Excel's `sep=`
 * line, then papaparse's guess among `DELIMITERS`.
 */
export function detectDialect(sample: string, options: Partial<Dialect> = {}): Dialect {
  const sep = SEP_LINE.exec(sample);
  if (sep && !options.delimiter) {
    return detectDialect(sample.slice(sep[0].length), { ...options, delimiter: sep[1]! });
  }
  const head = sample.slice(0, DIALECT_SAMPLE_CHARS);
  const guess = Papa.parse<string[]>(head, {
    preview: 50,
    skipEmptyLines: true,
    delimitersToGuess: [...DELIMITERS],
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.newline ? { newline: options.newline } : {}),
  });
  const newline = guess.meta.linebreak;
  return {
    delimiter: options.delimiter ?? consistentDelimiter(head) ?? guess.meta.delimiter,
    newline: newline === '\r\n' || newline === '\r' ? newline : '\n',
  };
}

/**
 * The delimiter that splits the header into two or more cells and the most records into as many
 * cells as the header (earlier in `DELIMITERS` on a tie), or undefined when none splits the
 * header. Unlike papaparse's own guess this respects quotes, so a tab or `;` inside quoted cells
 * of a comma-separated file does not win.
 */
function consistentDelimiter(head: string): string | undefined {
  let best: { delimiter: string; score: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const { data, errors } = Papa.parse<string[]>(head, { delimiter, preview: 50, skipEmptyLines: true });
    const width = data[0]?.length ?? 0;
    if (width < 2) continue;
    const same = data.filter((row) => row.length === width).length;
    const score = same / data.length - errors.filter((e) => e.type === 'Quotes').length / data.length;
    if (!best || score > best.score) best = { delimiter, score };
  }
  return best?.delimiter;
}

/** One batch of parsed records, in file order. */
export interface RowBatch {
  readonly rows: string[][];
  readonly dialect: Dialect;
}

function isBlank(row: readonly string[]): boolean {
  return row.length === 1 && row[0] === '';
}

/**
 * Parses a stream of text into batches of records. The consumer pulls: the next chunk of the
 * file is read only when it asks for the next batch, so a slow consumer never buffers the file,
 * and a consumer that stops early (a row limit) cancels the stream, so the rest is never read.
 * papaparse does the CSV grammar; this function only carries an unfinished record from one
 * chunk to the next. Blank lines are skipped; a leading BOM and Excel's `sep=` line are dropped.
 * Line ends are normalized to LF (also inside quoted cells), so CRLF, LF and CR mixed in one
 * file read as the records they show; `dialect.newline` reports the file's first line end.
 * Records keep their own length: `findRaggedRows` reports those that differ from the header.
 */
export async function* parseTextStream(
  text: ReadableStream<string>,
  options: Partial<Dialect> = {},
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<RowBatch> {
  const reader = text.getReader();
  let pending = '';
  let head = '';
  let carry = '';
  let dialect: Dialect | undefined;
  let parser: Papa.Parser | undefined;
  let records = 0;
  let finished = false;
  // An unfinished record (an open quote) waits in `pending`; beyond this it cannot be a record
  // within the limits, and re-parsing it for every chunk would take quadratic time.
  const maxRecord =
    limits.maxColumns + limits.maxColumns * Math.min(limits.maxCellLength, 1_000) + limits.maxCellLength;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (value) {
        if (!dialect) head += value;
        // Line ends become LF before parsing, so a file mixing CRLF, LF and CR reads as the
        // records it shows. A CR at the end of a chunk waits: its LF may start the next one.
        let chunk = carry + value;
        carry = '';
        if (!done && chunk.endsWith('\r')) {
          carry = '\r';
          chunk = chunk.slice(0, -1);
        }
        pending += chunk.includes('\r') ? chunk.replace(LINE_END, '\n') : chunk;
      }
      if (done && carry) {
        pending += '\n';
        carry = '';
      }
      if (!dialect) {
        if (!done && head.length < DIALECT_SAMPLE_CHARS) continue;
        if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
        if (pending.charCodeAt(0) === 0xfeff) pending = pending.slice(1);
        dialect = detectDialect(head, options);
        const sep = SEP_LINE.exec(pending);
        if (sep) pending = pending.slice(sep[0].length);
        head = '';
        parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: '\n', quoteChar: '"' });
      }
      if (pending.length > 0) {
        const result = parser!.parse(pending, 0, !done) as Papa.ParseResult<string[]>;
        pending = pending.slice(result.meta.cursor);
        const rows = result.data.filter((row) => !isBlank(row));
        checkReadLimits(rows, records, limits);
        records += rows.length;
        if (pending.length > maxRecord)
          throw new DecodeError(
            'cell_too_long',
            `Row ${count(records + 1)} does not end within ${count(maxRecord)} characters (is a quote never closed?); the importer accepts cells of at most ${count(limits.maxCellLength)} characters.`,
          );
        if (rows.length > 0) yield { rows, dialect };
      }
      if (done) {
        finished = true;
        return;
      }
    }
  } finally {
    // Left early (a limit was passed, the consumer stopped): the rest of the file is not read.
    if (!finished) await reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/**
 * Records whose cell count differs from the header's, as table-level `ragged_row` warnings
 * (`row` is the index among data rows; the cells are kept as they are: short rows read as empty
 * cells, extra cells stay available).
 */
export function findRaggedRows(rows: readonly (readonly string[])[], width: number, firstRow = 0): Issue[] {
  const issues: Issue[] = [];
  rows.forEach((row, i) => {
    if (row.length !== width)
      issues.push({
        row: firstRow + i,
        column: '',
        code: 'ragged_row',
        level: 'warning',
        params: { expected: width, actual: row.length },
      });
  });
  return issues;
}
