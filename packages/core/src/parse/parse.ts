import { DecodeError } from '../decode/decode.ts';
import type { IssueCode, IssueLevel, IssueParams } from '../issues/issue.ts';

import {
  batchRecords,
  type ColumnBatch,
  CsvTokenizer,
  DEFAULT_READ_LIMITS,
  type ReadLimits,
  utf16Length,
} from './csv-tokenizer.ts';

const encoder = new TextEncoder();

export {
  batchRecords,
  type ColumnBatch,
  CsvTokenizer,
  DEFAULT_READ_LIMITS,
  type PackedColumn,
  type ReadLimits,
} from './csv-tokenizer.ts';

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

/** Excel's first line `sep=;` names the delimiter; it is not a record. */
const SEP_LINE = /^\uFEFF?sep=(.)(\r\n|\n|\r)/i;

/**
 * Guesses the dialect from the start of the text; explicit options win, then Excel's `sep=`
 * line, then the delimiter that splits the records most consistently (`consistentDelimiter`),
 * then the one that gives the most cells per record (`busiestDelimiter`), then a comma. Records
 * are read with the same grammar as the file (`CsvTokenizer`).
 */
export function detectDialect(sample: string, options: Partial<Dialect> = {}): Dialect {
  const sep = SEP_LINE.exec(sample);
  if (sep && !options.delimiter) {
    return detectDialect(sample.slice(sep[0].length), { ...options, delimiter: sep[1]! });
  }
  const head = sample.slice(0, DIALECT_SAMPLE_CHARS);
  const bytes = encoder.encode(head);
  return {
    delimiter: options.delimiter ?? consistentDelimiter(bytes) ?? busiestDelimiter(bytes) ?? ',',
    newline: options.newline ?? lineEnd(head),
  };
}

/**
 * The line end of most lines of `head`, quoted cells left out: LF when there is no CR or an LF
 * comes before the first CR, else CRLF when at least half the CRs are followed by an LF, else
 * CR (as papaparse guesses it).
 */
function lineEnd(head: string): Dialect['newline'] {
  const text = head.replace(/"[\s\S]*?"/g, '');
  const byCR = text.split('\r');
  const byLF = text.split('\n');
  if (byCR.length === 1 || (byLF.length > 1 && byLF[0]!.length < byCR[0]!.length)) return '\n';
  const withLF = byCR.filter((line) => line[0] === '\n').length;
  return withLF >= byCR.length / 2 ? '\r\n' : '\r';
}

/**
 * The widths (cell counts) and malformed-quote count of the first `records` records of `bytes`
 * read with `delimiter`; `undefined` when a record is past the reading limits.
 */
function sampleWidths(
  bytes: Uint8Array,
  delimiter: string,
  records: number,
): { widths: number[]; malformed: number } | undefined {
  const tokenizer = new CsvTokenizer(delimiter, DEFAULT_READ_LIMITS, records);
  try {
    tokenizer.read(bytes, bytes.length, true, records);
  } catch (error) {
    if (error instanceof DecodeError) return undefined;
    throw error;
  }
  const [first] = tokenizer.take();
  if (!first) return { widths: [], malformed: 0 };
  const malformed = first.issues.filter((issue) => issue.code === 'malformed_quotes').length;
  return { widths: [...first.batch.widths], malformed };
}

/**
 * Delimiters by how seldom they occur inside cells, for a tie: a comma is in addresses, names
 * and decimal numbers; a tab or a pipe almost never is.
 */
const RAREST_FIRST = ['\t', '|', ';', ','] as const;

/**
 * The delimiter that splits the header into two or more cells and the most of the first 50
 * records into as many cells as the header, less the records with malformed quotes, or
 * undefined when none splits the header. It respects quotes, so a tab or `;` inside quoted
 * cells of a comma-separated file does not win, and it weighs every record of the sample, not
 * the most frequent character: a pipe file whose cells hold commas (`Price, EUR` over `1,50`)
 * splits as consistently on commas as on pipes, and the tie goes to the character that is
 * seldom inside a cell.
 */
function consistentDelimiter(bytes: Uint8Array): string | undefined {
  let best: { delimiter: string; score: number } | undefined;
  for (const delimiter of RAREST_FIRST) {
    const sample = sampleWidths(bytes, delimiter, 50);
    if (!sample) continue;
    const { widths, malformed } = sample;
    const width = widths[0] ?? 0;
    if (width < 2) continue;
    const same = widths.filter((w) => w === width).length;
    const score = same / widths.length - malformed / widths.length;
    if (!best || score > best.score) best = { delimiter, score };
  }
  return best?.delimiter;
}

/**
 * For a sample whose first record is one cell (a title above the table): the delimiter whose
 * first 10 records have more than about two cells on average, the widths varying least from
 * record to record, the most cells on a tie (papaparse's guess).
 */
function busiestDelimiter(bytes: Uint8Array): string | undefined {
  let best: { delimiter: string; delta: number; average: number } | undefined;
  for (const delimiter of DELIMITERS) {
    const sample = sampleWidths(bytes, delimiter, 10);
    if (!sample || sample.widths.length === 0) continue;
    const { widths } = sample;
    let delta = 0;
    for (let r = 1; r < widths.length; r++) delta += Math.abs(widths[r]! - widths[r - 1]!);
    const average = widths.reduce((sum, w) => sum + w, 0) / widths.length;
    if (average > 1.99 && (!best || (delta <= best.delta && average > best.average)))
      best = { delimiter, delta, average };
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

/** One batch of records stored column by column, as `CsvTokenizer` reads them, in file order. */
export interface ColumnRecordBatch {
  readonly records: ColumnBatch;
  readonly dialect: Dialect;
  /** As `RowBatch.issues`. */
  readonly issues: readonly RecordIssue[];
}

/**
 * Parses a stream of text into batches of records, each record an array of cells: the records
 * of `parseColumnStream`, cut into strings. For readers that need every cell as a string.
 */
export async function* parseTextStream(
  text: ReadableStream<string>,
  options: Partial<Dialect> = {},
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): AsyncGenerator<RowBatch> {
  for await (const batch of parseColumnStream(text, options, limits))
    yield { rows: batchRecords(batch.records), dialect: batch.dialect, issues: batch.issues };
}

/**
 * Parses a stream of text into batches of records stored column by column (UTF-8 text and end
 * offsets per column: no string per cell), `batchRows` records a batch but the last. The
 * consumer pulls: the next chunk of the file is read only when it asks for the next batch, so a
 * slow consumer never buffers the file, and a consumer that stops early (a row limit) cancels the
 * stream, so the rest is never read. `CsvTokenizer` does the CSV grammar; this function carries
 * an unfinished record from one chunk to the next, and detects the dialect from the first 64 KB
 * (`detectDialect`) unless `options` names it. Blank lines are skipped; a leading BOM and
 * Excel's `sep=` line are dropped. CRLF, LF and CR line ends, mixed in one file, end records;
 * inside quoted cells they read as LF; `dialect.newline` reports the file's first line end.
 * Records keep their own length: `RecordWidths` and `findRaggedRows` report those that differ
 * from the header.
 *
 * A quote that opens a cell and closes in the middle of it (`"Best" customer,`), or never, would
 * make a plain CSV grammar read the rest of the file as one cell. Such a record is read as its
 * line shows instead: the malformed cell as its text shows, quotes included, up to the next
 * delimiter or line end; the records after it are read as before, and the batch's `issues` name
 * it (`malformed_quotes`). Records holding U+FFFD get `invalid_bytes`.
 */
export function parseColumnStream(
  text: ReadableStream<string>,
  options: Partial<Dialect> = {},
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  batchRows = 4096,
): AsyncGenerator<ColumnRecordBatch> {
  return columnBatches(text, false, options, limits, batchRows);
}

/**
 * `parseColumnStream` for a file's bytes in `encoding`. UTF-8 bytes go to the tokenizer as they
 * are, without being decoded to text and encoded again (a leading byte order mark dropped, as
 * the decoder would; bytes UTF-8 does not define read as U+FFFD, as the decoder reads them, and
 * their records are `invalid_bytes`); other encodings go through `TextDecoderStream`.
 */
export function parseEncodedColumnStream(
  bytes: ReadableStream<Uint8Array>,
  encoding: string,
  options: Partial<Dialect> = {},
  limits: ReadLimits = DEFAULT_READ_LIMITS,
  batchRows = 4096,
): AsyncGenerator<ColumnRecordBatch> {
  if (encoding !== 'utf-8')
    return parseColumnStream(
      (bytes as ReadableStream<BufferSource>).pipeThrough(new TextDecoderStream(encoding)),
      options,
      limits,
      batchRows,
    );
  return columnBatches(bytes, true, options, limits, batchRows);
}

async function* columnBatches(
  source: ReadableStream<string> | ReadableStream<Uint8Array>,
  utf8: boolean,
  options: Partial<Dialect>,
  limits: ReadLimits,
  batchRows: number,
): AsyncGenerator<ColumnRecordBatch> {
  const reader = (source as ReadableStream<string | Uint8Array>).getReader();
  let head = '';
  const headDecoder = utf8 ? new TextDecoder('utf-8') : undefined;
  let dialect: Dialect | undefined;
  let tokenizer: CsvTokenizer | undefined;
  let finished = false;
  // The text not read yet (an unfinished record) as UTF-8, in `bytes[0..length)`.
  let bytes = new Uint8Array(256 * 1024);
  let length = 0;
  const room = (more: number) => {
    if (length + more <= bytes.length) return;
    const grown = new Uint8Array(Math.max(length + more, bytes.length * 2));
    grown.set(bytes.subarray(0, length));
    bytes = grown;
  };
  const drop = (count: number) => {
    bytes.copyWithin(0, count, length);
    length -= count;
  };
  // A chunk that ends inside a surrogate pair keeps its first half for the next one.
  let highSurrogate = '';
  // An unfinished record (an open quote) waits in `bytes`; beyond this it cannot be a record
  // within the limits.
  const maxRecord =
    limits.maxColumns + limits.maxColumns * Math.min(limits.maxCellLength, 1_000) + limits.maxCellLength;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (utf8) {
        const chunk = value as Uint8Array | undefined;
        if (chunk && chunk.length > 0) {
          room(chunk.length + 1);
          bytes.set(chunk, length);
          length += chunk.length;
          if (!dialect) head += headDecoder!.decode(chunk, { stream: !done });
        }
        if (!dialect || !tokenizer) {
          if (!done && head.length < DIALECT_SAMPLE_CHARS) continue;
          // The decoder dropped one byte order mark from `head`; the bytes still hold it.
          let skip = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
          if (head.charCodeAt(0) === 0xfeff) {
            head = head.slice(1);
            skip += 3;
          }
          const sep = SEP_LINE.exec(head);
          if (sep) skip += encoder.encode(sep[0]).length;
          dialect = detectDialect(head, options);
          head = '';
          drop(skip);
          tokenizer = new CsvTokenizer(dialect.delimiter, limits, batchRows);
        }
      } else {
        let chunk = highSurrogate + ((value as string | undefined) ?? '');
        highSurrogate = '';
        if (!dialect || !tokenizer) {
          head += chunk;
          if (!done && head.length < DIALECT_SAMPLE_CHARS) continue;
          if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
          const sep = SEP_LINE.exec(head);
          dialect = detectDialect(head, options);
          chunk = sep ? head.slice(sep[0].length) : head;
          head = '';
          tokenizer = new CsvTokenizer(dialect.delimiter, limits, batchRows);
        }
        const last = chunk.charCodeAt(chunk.length - 1);
        if (!done && last >= 0xd800 && last <= 0xdbff) {
          highSurrogate = chunk.slice(-1);
          chunk = chunk.slice(0, -1);
        }
        if (chunk.length > 0) {
          // At most three bytes per UTF-16 unit.
          room(chunk.length * 3 + 1);
          length += encoder.encodeInto(chunk, bytes.subarray(length)).written;
        }
      }
      const cursor = tokenizer.read(bytes, length, done);
      if (cursor > 0) drop(cursor);
      if (length > maxRecord && utf16Length(bytes, 0, length) > maxRecord)
        throw new DecodeError(
          'cell_too_long',
          `Row ${count(tokenizer.records + 1)} does not end within ${count(maxRecord)} characters; the importer accepts cells of at most ${count(limits.maxCellLength)} characters.`,
        );
      for (const { batch, issues } of tokenizer.take()) yield { records: batch, dialect, issues };
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

export { findRaggedRows } from './ragged-rows.ts';
