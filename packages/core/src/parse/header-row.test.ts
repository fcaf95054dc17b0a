import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectHeaderRow, headerNames } from './header-row.ts';

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
});
