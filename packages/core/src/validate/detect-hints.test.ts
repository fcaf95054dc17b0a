import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detectHints } from './detect-hints.ts';

describe('detectHints', () => {
  test('a decimal-comma column, a day-first date column, and what stays to confirm', () => {
    assert.deepEqual(
      detectHints({ key: 'n', label: 'N', type: 'number' }, ['1.234,56', '987,00', '', null]),
      {
        hints: { decimalSeparator: ',' },
        confirm: [],
      },
    );
    assert.deepEqual(detectHints({ key: 'n', label: 'N', type: 'number' }, ['1,234', '2']), {
      hints: {},
      confirm: ['decimalSeparator'],
    });
    assert.deepEqual(detectHints({ key: 'n', label: 'N', type: 'number' }, ['12', 7]), {
      hints: {},
      confirm: [],
    });
    assert.deepEqual(detectHints({ key: 'd', label: 'D', type: 'date' }, ['25/12/2023', '01/02/2024']), {
      hints: { dateOrder: 'DMY' },
      confirm: [],
    });
    assert.deepEqual(detectHints({ key: 'd', label: 'D', type: 'date' }, ['12/09/1906', '1815-12-10']), {
      hints: {},
      confirm: ['dateOrder'],
    });
    assert.deepEqual(detectHints({ key: 's', label: 'S' }, ['x']), { hints: {}, confirm: [] });
  });
});
