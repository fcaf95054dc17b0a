import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { DecodeError, decodeFile } from '../decode/decode.ts';
import { detectDialect, findRaggedRows, parseTextStream, type RecordIssue } from './parse.ts';
import { RecordWidths } from './ragged-rows.ts';

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
      ['1', '2', '3', ''],
    ];
    assert.deepEqual(findRaggedRows(rows.slice(1), 3), [
      { row: 0, column: '', code: 'ragged_row', level: 'warning', params: { expected: 3, actual: 2 } },
      { row: 1, column: '', code: 'ragged_row', level: 'warning', params: { expected: 3, actual: 4 } },
    ]);
  });

  test('RecordWidths: the same warnings from runs of widths, for any header row, rows above it left out', () => {
    const rows = [
      ['Export of 2024-05-01'],
      ['a', 'b', 'c'],
      ['1', '2', '3'],
      ['1', '2'],
      ['1', '2', '3', 'x'],
      ['1', '2', '3', ''],
    ];
    const widths = new RecordWidths();
    widths.add(rows.slice(0, 3));
    widths.add(rows.slice(3));
    assert.equal(widths.length, 6);
    const cell = (record: number, column: number) => rows[record]![column] ?? '';
    assert.deepEqual(widths.raggedBelow(1, cell), [
      { record: 3, code: 'ragged_row', level: 'warning', params: { expected: 3, actual: 2 } },
      { record: 4, code: 'ragged_row', level: 'warning', params: { expected: 3, actual: 4 } },
    ]);
    assert.deepEqual(
      widths.raggedBelow(1, cell).map((i) => i.record - 2),
      findRaggedRows(rows.slice(2), 3).map((i) => i.row),
    );
    assert.equal(
      widths.raggedBelow(0, cell).length,
      5,
      'against a one-cell header every wider row is ragged',
    );
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

  test('a quote never closed takes its own line only, once it cannot be a record within the limits', async () => {
    const text = `a,b\n1,"open\n${'2,3\n'.repeat(40_000)}`;
    let rows = 0;
    const issues: RecordIssue[] = [];
    for await (const batch of parseTextStream(chunked(text, 64), {}, limits)) {
      rows += batch.rows.length;
      issues.push(...batch.issues);
    }
    assert.equal(rows, 40_002);
    assert.deepEqual(issues, [{ record: 1, code: 'malformed_quotes', level: 'warning' }]);
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

  test('a title line above the table: the delimiter that gives the records the most cells', () => {
    const table = `Monthly report\n${'name;age;city\n'}${'Ada;36;London\n'.repeat(9)}`;
    assert.equal(detectDialect(table).delimiter, ';');
    assert.equal(detectDialect('Just one column\nof text\n').delimiter, ',');
  });

  test('line ends: the first one, and CRLF where at least half the CRs have an LF; quoted ones aside', () => {
    assert.equal(detectDialect('a,b\n1,2\r\n').newline, '\n');
    assert.equal(detectDialect('a,b\r\n1,2\r\n3,4\r').newline, '\r\n');
    assert.equal(detectDialect('a,b\r1,2\r3,4\r\n').newline, '\r');
    assert.equal(detectDialect('"x\ny",b\r1,2\r').newline, '\r');
    assert.equal(detectDialect('a,b\r\n1,2\n', { newline: '\n' }).newline, '\n');
  });
});

describe('malformed quotes and invalid bytes', () => {
  async function read(stream: ReadableStream<string>) {
    const rows: string[][] = [];
    const issues: RecordIssue[] = [];
    for await (const batch of parseTextStream(stream)) {
      rows.push(...batch.rows);
      issues.push(...batch.issues);
    }
    return { rows, issues };
  }

  test('a cell that starts with a quoted word keeps the rest of the file apart, at any chunk size', async () => {
    const text =
      'name,segment,city\nAda,"Best" customer,London\nBob,regular,Paris\nCyd,"VIP, since 2020",Rome\n';
    for (const size of [1, 2, 3, 7, 100]) {
      const { rows, issues } = await read(chunked(text, size));
      assert.deepEqual(
        rows,
        [
          ['name', 'segment', 'city'],
          ['Ada', '"Best" customer', 'London'],
          ['Bob', 'regular', 'Paris'],
          ['Cyd', 'VIP, since 2020', 'Rome'],
        ],
        `size ${size}`,
      );
      assert.deepEqual(issues, [{ record: 1, code: 'malformed_quotes', level: 'warning' }], `size ${size}`);
    }
  });

  test('a later quote that would close the bad one does not merge the rows between', async () => {
    const text = 'a,b,c\n1,"Best" customer,x\n2,y,z\n3,"ok",w\n4,"5" screen,v\n';
    const { rows, issues } = await read(chunked(text, 5));
    assert.deepEqual(rows, [
      ['a', 'b', 'c'],
      ['1', '"Best" customer', 'x'],
      ['2', 'y', 'z'],
      ['3', 'ok', 'w'],
      ['4', '"5" screen', 'v'],
    ]);
    assert.deepEqual(
      issues.map((i) => i.record),
      [1, 4],
    );
  });

  test('a file whose every row has a stray quote reads every row, each flagged', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `${i},"Best" customer ${i},x`);
    const { rows: all, issues } = await read(chunked(`id,segment,flag\n${rows.join('\n')}\n`, 65_536));
    assert.equal(all.length, 20_001);
    assert.deepEqual(all[20_000], ['19999', '"Best" customer 19999', 'x']);
    assert.equal(issues.length, 20_000);
    assert.ok(issues.every((issue, i) => issue.record === i + 1 && issue.code === 'malformed_quotes'));
  });

  test('after a bad quote, the rest of the chunk reads as papaparse would: quoted cells, spaces after a quote, CRLF', async () => {
    const text = 'a,b\n1,"x" y\n2,"ok"  \n3,"multi\nline","q""q"\n4,plain\n';
    const { rows, issues } = await read(chunked(text, 1_000));
    assert.deepEqual(rows, [
      ['a', 'b'],
      ['1', '"x" y'],
      ['2', 'ok'],
      ['3', 'multi\nline', 'q"q'],
      ['4', 'plain'],
    ]);
    assert.deepEqual(
      issues.map((i) => i.record),
      [1],
    );
  });

  test('a quote never closed at the end of the file takes its line only', async () => {
    const { rows, issues } = await read(chunked('a,b\n1,"never closed\n2,3\n', 4));
    assert.deepEqual(rows, [
      ['a', 'b'],
      ['1', '"never closed'],
      ['2', '3'],
    ]);
    assert.deepEqual(issues, [{ record: 1, code: 'malformed_quotes', level: 'warning' }]);
  });

  test('a clean file reports nothing', async () => {
    const decoded = await decodeFile(new Blob([await readFile('tests/fixtures/contacts.csv')]));
    assert.deepEqual((await read(decoded.text)).issues, []);
  });

  test('one invalid byte in UTF-8: the text stays UTF-8, the record holding U+FFFD is named', async () => {
    const utf8 = new TextEncoder().encode('name,city\nJürgen,Köln\nRen');
    const bytes = new Uint8Array([...utf8, 0xe9, ...new TextEncoder().encode(',Zürich\nZoë,Malmö\n')]);
    const decoded = await decodeFile(new Blob([bytes]));
    assert.equal(decoded.encoding, 'utf-8');
    const { rows, issues } = await read(decoded.text);
    assert.deepEqual(rows[1], ['Jürgen', 'Köln']);
    assert.deepEqual(rows[2], ['Ren\uFFFD', 'Zürich']);
    assert.deepEqual(issues, [{ record: 2, code: 'invalid_bytes', level: 'warning' }]);
  });
});

describe('delimiter detection weighs every record', () => {
  test('a pipe file whose cells hold commas, as many in every record as in the header, is read on pipes', async () => {
    assert.equal(detectDialect('Name|Price, EUR\nWidget|1,50\nGadget|2,75\n').delimiter, '|');
    assert.equal(detectDialect('Preis, EUR;Menge\n1,50;2\n2,75;3\n').delimiter, ';');
    assert.equal(detectDialect('name,note\n"a|b",c\n"d|e",f\n').delimiter, ',');
  });
});
