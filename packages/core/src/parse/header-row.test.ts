import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { CONTACTS, INVENTORY, PEOPLE, SALES } from '../../../../tests/golden/golden-specs.ts';
import type { ColumnSpec } from '../columns/column-spec.ts';
import { decodeFile } from '../decode/decode.ts';
import { detectHeaderRow, headerNames, leadingBlankLine } from './header-row.ts';
import { parseTextStream } from './parse.ts';

/** A fixture of tests/fixtures read as the worker reads it: decoded, parsed, blank lines skipped. */
async function guessFor(file: string, columns: readonly ColumnSpec[] = [], bytes?: Uint8Array<ArrayBuffer>) {
  const data = bytes ?? new Uint8Array(await readFile(`tests/fixtures/${file}`));
  const decoded = await decodeFile(new Blob([data]));
  const rows: string[][] = [];
  let head = '';
  const text = decoded.text.pipeThrough(
    new TransformStream<string, string>({
      transform(chunk, controller) {
        if (head.length < 256) head += chunk;
        controller.enqueue(chunk);
      },
    }),
  );
  for await (const batch of parseTextStream(text)) rows.push(...batch.rows);
  return detectHeaderRow(rows.slice(0, 20), columns, { blankBefore: leadingBlankLine(head) });
}

describe('header row', () => {
  test('skips a preamble: the header of inventory-bom-preamble.csv is the third non-blank record', () => {
    const rows = [
      ['Export generated 2024-05-01'],
      ['Account: ACME'],
      ['sku', 'name', 'price', 'stock'],
      ['A-1', 'Widget', '9.99', '12'],
      ['A-2', 'Gadget, large', '19.50', '0'],
      ['A-3', 'Gizmo', 'abc', '5'],
    ];
    assert.equal(detectHeaderRow(rows).index, 2);
  });

  test('keeps the first row when it is the header, even when data rows are text too', () => {
    const rows = [
      ['First Name', 'Last Name', 'E-mail'],
      ['Ada', 'Lovelace', 'ada@example.com'],
      ['Grace', 'Hopper', 'grace@example.org'],
    ];
    const guess = detectHeaderRow(rows);
    assert.equal(guess.index, 0);
    assert.ok(guess.confidence > 0);
  });

  test('names of the application fields count for a row', () => {
    const rows = [
      ['Report', 'Q1', 'ACME', 'final'],
      ['sku', 'title', 'price', 'stock'],
      ['A-1', 'Widget', '9.99', '12'],
    ];
    assert.equal(
      detectHeaderRow(rows, [
        { key: 'sku', label: 'SKU' },
        { key: 'price', label: 'Price' },
      ]).index,
      1,
    );
  });

  test('blank and duplicate names get names the user can tell apart; a stray BOM goes', () => {
    assert.deepEqual(headerNames(['\uFEFFName', '', ' Name ', 'name', 'City']), [
      'Name',
      'Column 2',
      'Name (2)',
      'name (3)',
      'City',
    ]);
  });

  test('names stay distinct whatever the file holds: a suffix never takes a name of the file', () => {
    assert.deepEqual(headerNames(['a', 'a', 'a (2)']), ['a', 'a (3)', 'a (2)']);
    assert.deepEqual(headerNames(['a (2)', 'a', 'a', 'A']), ['a (2)', 'a', 'a (3)', 'A (4)']);
    assert.deepEqual(headerNames(['Column 2', '', 'Column 2 (2)']), [
      'Column 2',
      'Column 2 (3)',
      'Column 2 (2)',
    ]);
    const hostile = ['__proto__', 'constructor', 'prototype', '__proto__', 'toString', 'hasOwnProperty'];
    const names = headerNames(hostile);
    assert.deepEqual(names, [
      '__proto__',
      'constructor',
      'prototype',
      '__proto__ (2)',
      'toString',
      'hasOwnProperty',
    ]);
    for (const row of [names, headerNames(['x', 'x', 'x (2)', 'x (3)', 'x', 'X (2)'])])
      assert.equal(new Set(row.map((n) => n.toLowerCase())).size, row.length, row.join(', '));
  });

  describe('certain: the header step can be passed through', () => {
    test('clean files whose first line is a plain header are certain, with and without fields', async () => {
      for (const [file, columns] of [
        ['contacts.csv', CONTACTS],
        ['contacts.csv', []],
        ['sales-de-windows1252.csv', SALES],
        ['unicode-text-utf16le.txt', PEOPLE],
        ['contacts-utf8-invalid-byte.csv', []],
      ] as const) {
        const guess = await guessFor(file, columns);
        assert.equal(guess.index, 0, file);
        assert.equal(guess.certain, true, `${file}: ${JSON.stringify(guess)}`);
      }
    });

    test('a preamble above the header (inventory-bom-preamble.csv) is not certain', async () => {
      const guess = await guessFor('inventory-bom-preamble.csv', INVENTORY);
      assert.equal(guess.index, 2);
      assert.equal(guess.certain, false);
    });

    test('blank lines above a clean header are not certain: the table does not start on line 1', async () => {
      const clean = new Uint8Array(await readFile('tests/fixtures/contacts.csv'));
      const blank = new Uint8Array([...new TextEncoder().encode('\r\n\r\n'), ...clean]);
      const guess = await guessFor('', CONTACTS, blank);
      assert.equal(guess.index, 0);
      assert.equal(guess.certain, false);
      assert.equal(leadingBlankLine('\uFEFF\nName,City'), true);
      assert.equal(leadingBlankLine('sep=;\r\n  \r\nName;City'), true);
      assert.equal(leadingBlankLine('\uFEFFsep=;\nName;City'), false);
      assert.equal(leadingBlankLine('Name,City\n\nAda,London'), false);
    });

    test('a first row that reads like the data below it (no header at all) is not certain', async () => {
      const bytes = new TextEncoder().encode(
        'Ada,Lovelace,London\nGrace,Hopper,New York\nAlan,Turing,Wilmslow\n',
      );
      const guess = await guessFor('', [], bytes);
      assert.equal(guess.index, 0);
      assert.equal(guess.certain, false);
    });

    test('a header holding values (years, dates, e-mails) or empty or repeated names is not certain', () => {
      const below = [
        ['Ada', '12', '14'],
        ['Grace', '9', '11'],
      ];
      assert.equal(detectHeaderRow([['Name', '2023', '2024'], ...below]).certain, false);
      assert.equal(detectHeaderRow([['Name', '', 'Total'], ...below]).certain, false);
      assert.equal(detectHeaderRow([['Name', 'Total', 'total'], ...below]).certain, false);
      assert.equal(detectHeaderRow([['Name', 'Before', 'After'], ...below]).certain, true);
      // An optional column left empty in most rows: the header still names every value.
      const sparse = [
        ['Name', 'Before', 'After', 'Notes'],
        ['Ada', '12', '14', ''],
        ['Grace', '9', '11', ''],
        ['Alan', '7', '8', 'left early'],
      ];
      assert.equal(detectHeaderRow(sparse).certain, true);
      // Records with more values than the header has names (a column without a name): not certain.
      assert.equal(detectHeaderRow([['Name', 'Before'], ...below]).certain, false);
    });
  });
});
