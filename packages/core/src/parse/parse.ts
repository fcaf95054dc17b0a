import Papa from 'papaparse';

/** The CSV dialect of a file: how fields and records are separated. */
export interface Dialect {
  readonly delimiter: string;
  readonly newline: '\r\n' | '\n' | '\r';
}

/** Delimiters an end user's file plausibly uses, in order of preference on a tie. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;

const DIALECT_SAMPLE_CHARS = 64 * 1024;

/** Guesses the dialect from the start of the text; explicit options win. */
export function detectDialect(sample: string, options: Partial<Dialect> = {}): Dialect {
  const guess = Papa.parse<string[]>(sample.slice(0, DIALECT_SAMPLE_CHARS), {
    preview: 50,
    skipEmptyLines: true,
    delimitersToGuess: [...DELIMITERS],
    ...(options.delimiter ? { delimiter: options.delimiter } : {}),
    ...(options.newline ? { newline: options.newline } : {}),
  });
  const newline = guess.meta.linebreak;
  return {
    delimiter: options.delimiter ?? guess.meta.delimiter,
    newline: newline === '\r\n' || newline === '\r' ? newline : '\n',
  };
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
 * file is read only when it asks for the next batch, so a slow consumer never buffers the file.
 * papaparse does the CSV grammar; this function only carries an unfinished record from one
 * chunk to the next. Blank lines are skipped.
 */
export async function* parseTextStream(
  text: ReadableStream<string>,
  options: Partial<Dialect> = {},
): AsyncGenerator<RowBatch> {
  const reader = text.getReader();
  let pending = '';
  let dialect: Dialect | undefined;
  let parser: Papa.Parser | undefined;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (value) pending += value;
      if (!dialect) {
        if (!done && pending.length < DIALECT_SAMPLE_CHARS) continue;
        dialect = detectDialect(pending, options);
        parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.newline, quoteChar: '"' });
      }
      if (pending.length > 0) {
        const result = parser!.parse(pending, 0, !done) as Papa.ParseResult<string[]>;
        pending = pending.slice(result.meta.cursor);
        const rows = result.data.filter((row) => !isBlank(row));
        if (rows.length > 0) yield { rows, dialect };
      }
      if (done) return;
    }
  } finally {
    reader.releaseLock();
  }
}
