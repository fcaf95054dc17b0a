import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { decodeFile } from '../decode/decode.ts';
import { parseTextStream } from './parse.ts';

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
      ['x\r\ny', '1,2'],
      ['z', '"q"'],
    ]);
    for (const size of [1, 2, 3, 5, 7])
      assert.deepEqual(await collect(chunked(text, size)), whole, `size ${size}`);
  });

  test('detects a semicolon delimiter and skips blank lines', async () => {
    const rows = await collect(chunked('name;price\n\nWidget;1,50\n', 4));
    assert.deepEqual(rows, [
      ['name', 'price'],
      ['Widget', '1,50'],
    ]);
  });
});
