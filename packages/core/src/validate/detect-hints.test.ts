import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectHints, readWithHints } from './detect-hints.ts';

const AMOUNT = { key: 'amount', label: 'Amount', type: 'number' } as const;
const DAY = { key: 'day', label: 'Day', type: 'date' } as const;

describe('detectHints', () => {
  test('a decimal-comma column is decided, with the cells that decided it', () => {
    assert.deepEqual(detectHints(AMOUNT, ['1.234,56', '987,00', '', null]), {
      hints: { decimalSeparator: ',' },
      confirm: [],
      examples: ['1.234,56', '987,00'],
    });
    // The German sales fixture's revenue column.
    assert.deepEqual(detectHints(AMOUNT, ['1.234,56', '987,00', '12,5', '0,99']).hints, {
      decimalSeparator: ',',
    });
  });

  test('1,234 alone reads either way and is asked, with the cell to ask about', () => {
    assert.deepEqual(detectHints(AMOUNT, ['1,234', '2']), {
      hints: {},
      confirm: ['decimalSeparator'],
      examples: ['1,234'],
    });
  });

  test('integers, spreadsheet numbers and a declared separator ask nothing', () => {
    assert.deepEqual(detectHints(AMOUNT, ['12', 7]), { hints: {}, confirm: [], examples: [] });
    assert.deepEqual(detectHints({ ...AMOUNT, decimalSeparator: '.' as const }, ['1,234']), {
      hints: {},
      confirm: [],
      examples: [],
    });
  });

  test('a day-first column with one day above 12 is day first throughout', () => {
    assert.deepEqual(detectHints(DAY, ['15/03/2024', '28/02/2024', '04/03/2024']), {
      hints: { dateOrder: 'DMY' },
      confirm: [],
      examples: ['15/03/2024', '28/02/2024', '04/03/2024'],
    });
  });

  test('a date column that reads either way is asked; one with formats is not', () => {
    assert.deepEqual(detectHints(DAY, ['12/09/1906', '1815-12-10']), {
      hints: {},
      confirm: ['dateOrder'],
      examples: ['12/09/1906'],
    });
    assert.deepEqual(detectHints({ ...DAY, formats: ['MM/DD/YYYY'] }, ['12/09/1906']).confirm, []);
    assert.deepEqual(detectHints({ key: 's', label: 'S' }, ['x']), { hints: {}, confirm: [], examples: [] });
  });
});

describe('readWithHints', () => {
  test('gives both readings of a cell, or null where a reading makes it invalid', () => {
    assert.equal(readWithHints('number', '1,234', { decimalSeparator: '.' }), 1234);
    assert.equal(readWithHints('number', '1,234', { decimalSeparator: ',' }), 1.234);
    assert.equal(readWithHints('number', '1.234,56', { decimalSeparator: ',' }), 1234.56);
    assert.equal(readWithHints('number', '1.234,56', { decimalSeparator: '.' }), null);
    assert.equal(readWithHints('date', '04/03/2024', { dateOrder: 'DMY' }), '2024-03-04');
    assert.equal(readWithHints('date', '04/03/2024', { dateOrder: 'MDY' }), '2024-04-03');
    assert.equal(readWithHints('date', '31/02/2024', { dateOrder: 'DMY' }), null);
  });
});
