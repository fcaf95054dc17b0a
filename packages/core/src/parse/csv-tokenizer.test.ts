import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import Papa from 'papaparse';
import { batchRecords, type ColumnBatch, CsvTokenizer, DEFAULT_READ_LIMITS } from './csv-tokenizer.ts';
import { parseColumnStream, parseEncodedColumnStream, parseTextStream, type RecordIssue } from './parse.ts';

/** A stream that delivers `text` in pieces of the given sizes (the last one repeated). */
function chunked(text: string, sizes: readonly number[]): ReadableStream<string> {
  let offset = 0;
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= text.length) return controller.close();
      const size = sizes[Math.min(i++, sizes.length - 1)]!;
      controller.enqueue(text.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function read(
  stream: ReadableStream<string>,
  batchRows?: number,
): Promise<{ rows: string[][]; issues: RecordIssue[]; batches: number }> {
  const rows: string[][] = [];
  const issues: RecordIssue[] = [];
  let batches = 0;
  for await (const batch of parseColumnStream(stream, { delimiter: ',' }, DEFAULT_READ_LIMITS, batchRows)) {
    rows.push(...batchRecords(batch.records));
    issues.push(...batch.issues);
    batches++;
  }
  return { rows, issues, batches };
}

/** A cell as a CSV writer quotes it: when it holds a delimiter, quote, line end or lead space. */
function field(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

describe('CsvTokenizer', () => {
  test('any table written as CSV reads back, with any line ends and chunking, as papaparse reads it', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r\n', 'é', '€', '😀', '\u00a0'),
      maxLength: 6,
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 5 }),
        async (table, newline, sizes, batchRows) => {
          const text = table.map((row) => row.map(field).join(',')).join(newline) + newline;
          // Line ends inside quoted cells read as LF, and blank records are skipped, as ever.
          const expected = table
            .map((row) => row.map((c) => c.replace(/\r\n?/g, '\n')))
            .filter((row) => !(row.length === 1 && row[0] === ''));
          const { rows, issues } = await read(chunked(text, sizes), batchRows);
          assert.deepEqual(rows, expected);
          assert.deepEqual(issues, []);
          const papa = Papa.parse<string[]>(text.replace(/\r\n?/g, '\n'), { delimiter: ',', newline: '\n' });
          assert.deepEqual(
            rows,
            papa.data.filter((row) => !(row.length === 1 && row[0] === '')),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  test('malformed quotes read the same at any chunk size and in batches of any size', async () => {
    const text = 'a,b\n"Best" customer,x\n"open,y\n"ok",z\n"a""b"  ,c\r\n"never';
    const whole = await read(chunked(text, [text.length]));
    assert.deepEqual(whole.rows, [
      ['a', 'b'],
      ['"Best" customer', 'x'],
      ['"open', 'y'],
      ['ok', 'z'],
      ['a"b', 'c'],
      ['"never'],
    ]);
    assert.deepEqual(
      whole.issues.map((i) => i.record),
      [1, 2, 5],
    );
    for (const size of [1, 2, 3, 7])
      for (const batchRows of [1, 2, 4096]) {
        const { rows, issues } = await read(chunked(text, [size]), batchRows);
        assert.deepEqual(rows, whole.rows, `size ${size}, batches of ${batchRows}`);
        assert.deepEqual(
          issues.map((i) => i.record).sort((a, b) => a - b),
          [1, 2, 5],
        );
      }
  });

  test('a surrogate pair split between chunks reads whole; a lone surrogate reads as U+FFFD, named', async () => {
    const text = 'a,😀b\nc,\ud800d\n';
    const split = text.indexOf('😀') + 1;
    const stream = new ReadableStream<string>({
      start(controller) {
        controller.enqueue(text.slice(0, split));
        controller.enqueue(text.slice(split));
        controller.close();
      },
    });
    const { rows, issues } = await read(stream);
    assert.deepEqual(rows, [
      ['a', '😀b'],
      ['c', '\ufffdd'],
    ]);
    assert.deepEqual(issues, [{ record: 1, code: 'invalid_bytes', level: 'warning' }]);
  });

  test('batches of batchRows records, each column packed with UTF-16 end offsets, widths kept', async () => {
    const text = 'a,b\nc\nd,é,f\n,\n';
    const batches = [];
    for await (const batch of parseColumnStream(
      chunked(text, [5]),
      { delimiter: ',' },
      DEFAULT_READ_LIMITS,
      3,
    ))
      batches.push(batch.records);
    assert.deepEqual(
      batches.map((b) => b.rows),
      [3, 1],
    );
    const [first] = batches;
    assert.deepEqual([...first!.widths], [2, 1, 3]);
    assert.deepEqual(new TextDecoder().decode(first!.columns[1]!.utf8), 'bé');
    assert.deepEqual([...first!.columns[1]!.ends], [1, 1, 2]);
    // A column that only the third record has is empty in the records before it.
    assert.deepEqual([...first!.columns[2]!.ends], [0, 0, 1]);
    // A column empty in every record of a batch is not stored.
    assert.deepEqual(batches[1]!.columns, []);
    assert.deepEqual(batchRecords(first!, 1, 3), [['c'], ['d', 'é', 'f']]);
  });

  test('read returns where the unfinished record starts; nothing of it is kept', () => {
    const tokenizer = new CsvTokenizer(',', DEFAULT_READ_LIMITS, 10);
    const bytes = new TextEncoder().encode('x,y\n"a\nb",c\nz,"open');
    assert.equal(tokenizer.read(bytes, bytes.length, false), 'x,y\n"a\nb",c\n'.length);
    const rest = new TextEncoder().encode('z,"open"\n');
    assert.equal(tokenizer.read(rest, rest.length, true), rest.length);
    const taken = tokenizer.take();
    assert.equal(taken.length, 1);
    assert.deepEqual(batchRecords(taken[0]!.batch), [
      ['x', 'y'],
      ['a\nb', 'c'],
      ['z', 'open'],
    ]);
  });

  test('parseTextStream gives the same records as parseColumnStream, as arrays of strings', async () => {
    const text = 'h1,h2\n1,"two\r\nlines"\n3\n';
    const rows: string[][] = [];
    for await (const batch of parseTextStream(chunked(text, [4]))) rows.push(...batch.rows);
    assert.deepEqual(rows, (await read(chunked(text, [4]))).rows);
  });

  test('UTF-8 bytes read as they are give what decoding them first gives, invalid bytes and BOMs included', async () => {
    const bytesIn = (bytes: Uint8Array, sizes: readonly number[]) => {
      let offset = 0;
      let i = 0;
      return new ReadableStream<Uint8Array>({
        pull(controller) {
          if (offset >= bytes.length) return controller.close();
          const size = sizes[Math.min(i++, sizes.length - 1)]!;
          controller.enqueue(bytes.slice(offset, offset + size));
          offset += size;
        },
      });
    };
    const collect = async (
      batches: AsyncIterable<{ records: ColumnBatch; issues: readonly RecordIssue[] }>,
    ) => {
      const rows: string[][] = [];
      const issues: RecordIssue[] = [];
      for await (const batch of batches) {
        rows.push(...batchRecords(batch.records));
        issues.push(...batch.issues);
      }
      return { rows, issues };
    };
    // Pieces of CSV and bytes UTF-8 does not define (a lone continuation byte, a lead byte without
    // its continuation, an overlong form, a surrogate, past U+10FFFF), a BOM, 4-byte characters.
    const piece = fc.constantFrom(
      ...['a', ',', '"', '\n', '\r\n', ' ', 'é', '😀', '\ufeff', 'sep=;\n'].map((t) => [
        ...new TextEncoder().encode(t),
      ]),
      [0x80],
      [0xc3],
      [0xe2, 0x82],
      [0xc0, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0xef, 0xbb, 0xbf],
      [0xff],
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(piece, { maxLength: 40 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 4 }),
        async (pieces, sizes) => {
          const bytes = new Uint8Array(pieces.flat());
          const whole = bytesIn(bytes, [bytes.length || 1]) as ReadableStream<BufferSource>;
          const decoded = whole.pipeThrough(new TextDecoderStream('utf-8'));
          const expected = await collect(
            parseColumnStream(decoded, { delimiter: ',' }, DEFAULT_READ_LIMITS, 3),
          );
          const direct = await collect(
            parseEncodedColumnStream(
              bytesIn(bytes, sizes),
              'utf-8',
              { delimiter: ',' },
              DEFAULT_READ_LIMITS,
              3,
            ),
          );
          assert.deepEqual(direct.rows, expected.rows);
          assert.deepEqual(
            direct.issues.map((i) => `${i.record} ${i.code}`).sort(),
            expected.issues.map((i) => `${i.record} ${i.code}`).sort(),
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  test('a delimiter of more than one character is refused', () => {
    assert.throws(() => new CsvTokenizer('||', DEFAULT_READ_LIMITS), RangeError);
  });
});
