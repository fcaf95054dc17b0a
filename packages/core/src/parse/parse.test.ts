import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { DecodeError, decodeFile } from '../decode/decode.ts';
import { detectDialect, findRaggedRows, parseTextStream } from './parse.ts';

/** A stream that delivers `text` in pieces of `size` characters, as a decoder would. */
function chunked(text: string, size: number): ReadableStream<string> {
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= text.length) return controller.close();
      controller.enqueue(text.slice(offset, offset + size));
      offset += size;
    },
  });
}

async function collect(stream: ReadableStream<string>): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const batch of parseTextStream(stream)) rows.push(...batch.rows);
  return rows;
}

describe('parseTextStream', () => {
  test('reads contacts.csv: quotes, a multi-line cell and CRLF line ends', async () => {
    const bytes = await readFile('tests/fixtures/contacts.csv');
    const decoded = await decodeFile(new Blob([bytes]));
    const rows = await collect(decoded.text);
    assert.equal(rows.length, 12);
    assert.ok(rows.every((row) => row.length === 10));
    assert.equal(rows[2]![9], 'Said "ship it", then shipped it');
    assert.equal(rows[7]![9], 'line one\nline two in one cell');
  });

  test('gives the same records whatever the chunk size, even with quotes split across chunks', async () => {
    const text = 'a,b\r\n"x\r\ny","1,2"\r\nz,"""q"""\r\n';
    const whole = await collect(chunked(text, text.length));
    assert.deepEqual(whole, [
      ['a', 'b'],
      ['x\ny', '1,2'],
      ['z', '"q"'],
    ]);
    for (const size of [1, 2, 3, 5, 7])
      assert.deepEqual(await collect(chunked(text, size)), whole, `size ${size}`);
  });

  test('a consumer that stops early cancels the stream: the rest of the text is never pulled', async () => {
    const text = `a,b\n${'x,1\n'.repeat(250_000)}`;
    let pulled = 0;
    let cancelled = false;
    const source = chunked(text, 64 * 1024).pipeThrough(
      new TransformStream<string, string>({
        transform(chunk, controller) {
          pulled += chunk.length;
          controller.enqueue(chunk);
        },
      }),
    );
    const watched = new ReadableStream<string>({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
      cancel() {
        cancelled = true;
      },
    });
    const reader = source.getReader();
    let rows = 0;
    for await (const batch of parseTextStream(watched)) {
      rows += batch.rows.length;
      if (rows > 1_000) break;
    }
    assert.ok(cancelled, 'the stream was cancelled');
    assert.ok(pulled < text.length / 4, `pulled ${pulled} of ${text.length} characters`);
  });

  test('detects a semicolon delimiter and skips blank lines', async () => {
    const rows = await collect(chunked('name;price\n\nWidget;1,50\n', 4));
    assert.deepEqual(rows, [
      ['name', 'price'],
      ['Widget', '1,50'],
    ]);
  });
});

describe('dialect and ragged rows', () => {
  test('Excel sep= line names the delimiter and is not a record', async () => {
    const rows = await collect(chunked('sep=;\r\na;b\r\n1,5;2\r\n', 3));
    assert.deepEqual(rows, [
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });

  test('tab, pipe, CR-only and LF line ends', async () => {
    assert.deepEqual(await collect(chunked('a\tb\n1\t2\n', 100)), [
      ['a', 'b'],
      ['1', '2'],
    ]);
    assert.deepEqual(await collect(chunked('a|b|c\r1|2|3\r', 100)), [
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    const dialect = detectDialect('x;y\r1;2\r');
    assert.deepEqual(dialect, { delimiter: ';', newline: '\r' });
  });

  test('fixtures: windows-1252 uses ";", UTF-16 text uses tabs', async () => {
    for (const [file, delimiter] of [
      ['sales-de-windows1252.csv', ';'],
      ['unicode-text-utf16le.txt', '\t'],
      ['inventory-bom-preamble.csv', ','],
    ] as const) {
      const decoded = await decodeFile(new Blob([await readFile(`tests/fixtures/${file}`)]));
      for await (const batch of parseTextStream(decoded.text)) {
        assert.equal(batch.dialect.delimiter, delimiter, file);
        break;
      }
    }
  });

  test('CRLF, LF and CR mixed in one file give the records they show, at any chunk size', async () => {
    const text = 'a,b\r\n1,2\n3,4\r5,"6\r\n7"\r\n';
    for (const size of [1, 2, 3, 100])
      assert.deepEqual(
        await collect(chunked(text, size)),
        [
          ['a', 'b'],
          ['1', '2'],
          ['3', '4'],
          ['5', '6\n7'],
        ],
        `size ${size}`,
      );
  });

  test('ragged rows are reported with expected and actual widths, cells kept', () => {
    const rows = [
      ['a', 'b', 'c'],
      ['1', '2'],
      ['1', '2', '3', '4'],
    ];
    assert.deepEqual(findRaggedRows(rows.slice(1), 3), [
      { row: 0, column: '', code: 'ragged_row', level: 'warning', params: { expected: 3, actual: 2 } },
      { row: 1, column: '', code: 'ragged_row', level: 'warning', params: { expected: 3, actual: 4 } },
    ]);
  });
});

describe('read limits', () => {
  const refused = (code: string, message: RegExp) => (error: unknown) =>
    error instanceof DecodeError && error.code === code && message.test(error.message);
  const limits = { maxColumns: 5, maxCellLength: 20 };
  const read = async (text: string, size = 7) => {
    let rows = 0;
    for await (const batch of parseTextStream(chunked(text, size), {}, limits)) rows += batch.rows.length;
    return rows;
  };

  test('a record with more cells than maxColumns is refused with too_many_columns, naming the row', async () => {
    assert.equal(await read('a,b,c,d,e\n1,2,3,4,5\n'), 2);
    await assert.rejects(
      read('a,b\n1,2\n1,2,3,4,5,6\n'),
      refused('too_many_columns', /^Row 3 has 6 columns; the importer reads at most 5\.$/),
    );
  });

  test('a cell longer than maxCellLength is refused with cell_too_long, naming row and column', async () => {
    assert.equal(await read(`a,b\n1,${'x'.repeat(20)}\n`), 2);
    await assert.rejects(
      read(`a,b\n1,"${'x'.repeat(21)}"\n`, 100),
      refused(
        'cell_too_long',
        /^The cell in row 2, column 2 has 21 characters; the importer accepts at most 20\.$/,
      ),
    );
  });

  test('a quote never closed stops at the longest record the limits allow instead of buffering the file', async () => {
    const text = `a,b\n1,"open\n${'2,3\n'.repeat(40_000)}`;
    await assert.rejects(
      read(text, 64),
      refused('cell_too_long', /^Row 2 does not end within \d+ characters/),
    );
  });

  test('the defaults: 100,000 columns and a 10 MB cell are refused', async () => {
    const wide = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
    const all = async (text: string) => {
      for await (const _ of parseTextStream(chunked(text, 65_536))) {
        // drain
      }
    };
    await assert.rejects(
      all(`${wide}\n`),
      refused('too_many_columns', /has 100,000 columns; .* at most 2,000\./),
    );
    await assert.rejects(
      all(`a,b\n1,${'x'.repeat(10 * 2 ** 20)}\n`),
      refused('cell_too_long', /at most 100,000 characters/),
    );
  });
});

describe('detectDialect and quotes', () => {
  test('a tab or semicolon inside quoted cells of a comma-separated file does not win', () => {
    assert.equal(detectDialect('name,note\r\n"\t=1+1","\t=1+1"\r\n').delimiter, ',');
    assert.equal(detectDialect('name,note\n"a;b;c","d;e"\n"f;g",h\n').delimiter, ',');
    assert.equal(detectDialect('name;note\n"a,b,c";"d,e"\n').delimiter, ';');
    assert.equal(detectDialect('name\tnote\n"a,b"\tc\n').delimiter, '\t');
  });
});
