import Papa from 'papaparse';
import { DecodeError } from '../decode/decode.ts';
import type { IssueCode, IssueLevel, IssueParams } from '../issues/issue.ts';

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
 * Delimiters by how seldom they occur inside cells, for a tie: a comma is in addresses, names
 * and decimal numbers; a tab or a pipe almost never is.
 */
const RAREST_FIRST = ['\t', '|', ';', ','] as const;

/**
 * The delimiter that splits the header into two or more cells and the most records into as many
 * cells as the header, or undefined when none splits the header. Unlike papaparse's own guess
 * this respects quotes, so a tab or `;` inside quoted cells of a comma-separated file does not
 * win, and it weighs every record of the sample, not the most frequent character: a pipe file
 * whose cells hold commas (`Price, EUR` over `1,50`) splits as consistently on commas as on
 * pipes, and the tie goes to the character that is seldom inside a cell.
 */
function consistentDelimiter(head: string): string | undefined {
  let best: { delimiter: string; score: number } | undefined;
  for (const delimiter of RAREST_FIRST) {
    const { data, errors } = Papa.parse<string[]>(head, { delimiter, preview: 50, skipEmptyLines: true });
    const width = data[0]?.length ?? 0;
    if (width < 2) continue;
    const same = data.filter((row) => row.length === width).length;
    const score = same / data.length - errors.filter((e) => e.type === 'Quotes').length / data.length;
    if (!best || score > best.score) best = { delimiter, score };
  }
  return best?.delimiter;
}

/**
 * A finding about one record as the file holds it, before any header row is chosen: `record` is
 * the 0-based index among the file's records (blank lines skipped, as `parseTextStream` yields
 * them). The caller turns it into an `Issue` about a data row (`column` '') below the header.
 */
export interface RecordIssue {
  readonly record: number;
  readonly code: IssueCode;
  readonly level: IssueLevel;
  readonly params?: IssueParams;
}

/** One batch of parsed records, in file order. */
export interface RowBatch {
  readonly rows: string[][];
  readonly dialect: Dialect;
  /**
   * What reading these records found: `malformed_quotes` (a quoted cell not closed where it
   * should be: the record was read as its line shows, the quote kept as text) and
   * `invalid_bytes` (the record holds U+FFFD, a byte sequence the encoding does not define).
   */
  readonly issues: readonly RecordIssue[];
}

const NO_ISSUES: readonly RecordIssue[] = Object.freeze([]);

function isBlank(row: readonly string[]): boolean {
  return row.length === 1 && row[0] === '';
}

function pushRecords(into: string[][], rows: readonly string[][]): void {
  for (const row of rows) if (!isBlank(row)) into.push(row);
}

/** The Unicode replacement character, which decoders put where bytes are no text. */
const REPLACEMENT = '\uFFFD';

/**
 * Parses a stream of text into batches of records. The consumer pulls: the next chunk of the
 * file is read only when it asks for the next batch, so a slow consumer never buffers the file,
 * and a consumer that stops early (a row limit) cancels the stream, so the rest is never read.
 * papaparse does the CSV grammar; this function only carries an unfinished record from one
 * chunk to the next. Blank lines are skipped; a leading BOM and Excel's `sep=` line are dropped.
 * Line ends are normalized to LF (also inside quoted cells), so CRLF, LF and CR mixed in one
 * file read as the records they show; `dialect.newline` reports the file's first line end.
 * Records keep their own length: `RecordWidths` and `findRaggedRows` report those that differ
 * from the header.
 *
 * A quote that opens a cell and closes in the middle of it (`"Best" customer,`), or never, would
 * make the grammar read the rest of the file as one cell. Such a record is read apart instead
 * (`readRecordAsLine`): up to its line's end, the malformed cell as its text shows, quotes
 * included; the records after it are read as before, and the batch's `issues` name it
 * (`malformed_quotes`). Records holding U+FFFD get `invalid_bytes`. Both checks cost nothing on a
 * clean chunk: papaparse reports no error, and the chunk holds no U+FFFD.
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
  // within the limits: it is read as its line shows, as a malformed quote is.
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
        const damaged = pending.includes(REPLACEMENT);
        const result = parser!.parse(pending, 0, !done) as Papa.ParseResult<string[]>;
        let rows: string[][];
        let issues = NO_ISSUES;
        if (result.errors.length === 0 && pending.length - result.meta.cursor <= maxRecord) {
          pending = pending.slice(result.meta.cursor);
          rows = result.data.filter((row) => !isBlank(row));
        } else {
          const read = readAroundQuotes(pending, result, dialect.delimiter, done, records, limits, maxRecord);
          pending = pending.slice(read.cursor);
          rows = read.rows;
          issues = read.issues;
        }
        checkReadLimits(rows, records, limits);
        if (damaged) issues = [...issues, ...replacementIssues(rows, records)];
        records += rows.length;
        if (rows.length > 0) yield { rows, dialect, issues };
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

/** `invalid_bytes` warnings for the records among `rows` that hold U+FFFD. */
function replacementIssues(rows: readonly (readonly string[])[], firstRecord: number): RecordIssue[] {
  const issues: RecordIssue[] = [];
  rows.forEach((row, r) => {
    if (row.some((cell) => cell.includes(REPLACEMENT)))
      issues.push({ record: firstRecord + r, code: 'invalid_bytes', level: 'warning' });
  });
  return issues;
}

/**
 * Reads `text` where papaparse complained about quotes (`result`, its reading of `text`), or an
 * open quote has run past the longest possible record: the records before the complaint as
 * papaparse read them, then the rest of `text` record by record with `readRecordAsLine`, each
 * record with a malformed quote named. Reading on record by record, not with papaparse again
 * from each complaint, keeps a chunk full of bad quotes linear. `cursor` is where the unread rest
 * (an unfinished record) starts.
 */
function readAroundQuotes(
  text: string,
  result: Papa.ParseResult<string[]>,
  delimiter: string,
  done: boolean,
  firstRecord: number,
  limits: ReadLimits,
  maxRecord: number,
): { rows: string[][]; issues: RecordIssue[]; cursor: number } {
  const rows: string[][] = [];
  const issues: RecordIssue[] = [];
  const complaint = result.errors.find((e) => e.type === 'Quotes');
  let offset: number;
  if (complaint) {
    // The records before the one complained about are sound; `preview` finds where it starts.
    const before = complaint.row ?? 0;
    if (before > 0) {
      const config = { delimiter, newline: '\n', quoteChar: '"', preview: before } as const;
      const sound = new Papa.Parser(config).parse(text, 0, false) as Papa.ParseResult<string[]>;
      pushRecords(rows, sound.data);
      offset = sound.meta.cursor;
    } else offset = 0;
  } else {
    pushRecords(rows, result.data);
    offset = result.meta.cursor;
    // No complaint: the rest is an unfinished record, unless it is too long to be one.
    if (text.length - offset <= maxRecord) return { rows, issues, cursor: offset };
  }
  while (offset < text.length) {
    const record = readRecordAsLine(text, offset, delimiter, done, limits.maxCellLength);
    if (!record) {
      if (text.length - offset > maxRecord)
        throw new DecodeError(
          'cell_too_long',
          `Row ${count(firstRecord + rows.length + 1)} does not end within ${count(maxRecord)} characters; the importer accepts cells of at most ${count(limits.maxCellLength)} characters.`,
        );
      break;
    }
    offset = record.end;
    if (record.cells.length === 1 && record.cells[0] === '') continue;
    if (record.malformed)
      issues.push({ record: firstRecord + rows.length, code: 'malformed_quotes', level: 'warning' });
    rows.push(record.cells);
  }
  return { rows, issues, cursor: offset };
}

/**
 * Reads the record at `start` of `text` as its line shows: a quoted cell counts as quoted only
 * where its closing quote is followed (spaces aside) by the delimiter or the line's end; any
 * other cell, a malformed quoted one included, runs to the next delimiter or line end, its quotes
 * kept as text, and makes the record `malformed`. So `"Best" customer,London` reads as
 * `"Best" customer` and `London`, and a quote never closed takes no more than its own line.
 * `undefined` when the record's end is not in `text` yet and more may come (`done` false).
 */
export function readRecordAsLine(
  text: string,
  start: number,
  delimiter: string,
  done: boolean,
  maxCellLength: number,
): { cells: string[]; end: number; malformed: boolean } | undefined {
  const cells: string[] = [];
  const n = text.length;
  let malformed = false;
  let i = start;
  for (;;) {
    let quoted = false;
    if (text.charCodeAt(i) === 0x22) {
      let j = i + 1;
      let close = -1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q === -1) break;
        if (text.charCodeAt(q + 1) === 0x22) {
          j = q + 2;
          continue;
        }
        close = q;
        break;
      }
      if (close === -1 && !done && n - i <= maxCellLength) return undefined;
      if (close !== -1) {
        let after = close + 1;
        while (text[after] === ' ' && delimiter !== ' ') after++;
        if (after === n && !done) return undefined;
        const next = text[after];
        if (next === undefined || next === delimiter || next === '\n') {
          cells.push(text.slice(i + 1, close).replaceAll('""', '"'));
          i = after;
          quoted = true;
        }
      }
      if (!quoted) malformed = true;
    }
    if (!quoted) {
      // Up to the cell's end only: a search for the delimiter to the end of `text` would make a
      // chunk of one-column records quadratic.
      let end = i;
      while (end < n && text[end] !== '\n' && !text.startsWith(delimiter, end)) end++;
      if (end === n && !done) return undefined;
      cells.push(text.slice(i, end));
      i = end;
    }
    if (i >= n) return { cells, end: n, malformed };
    if (text[i] === '\n') return { cells, end: i + 1, malformed };
    i += delimiter.length;
  }
}

export { findRaggedRows } from './ragged-rows.ts';
