import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UniqueIndex, validateTable } from './table-checks.ts';

describe('table-level checks', () => {
  test('unique: every later row with a seen value is a duplicate naming the first row; empty never is', () => {
    const records = [
      { email: 'a@x.io' },
      { email: 'b@x.io' },
      { email: 'A@x.io' },
      { email: 'a@x.io' },
      { email: null },
      { email: null },
    ];
    assert.deepEqual(validateTable([{ key: 'email', label: 'E', unique: true }], records), [
      { row: 3, column: 'email', code: 'duplicate', level: 'error', params: { firstRow: 0 } },
    ]);
    assert.deepEqual(
      validateTable([{ key: 'email', label: 'E', unique: { caseInsensitive: true } }], records).map(
        (i) => i.row,
      ),
      [2, 3],
    );
    assert.deepEqual(records[0], { email: 'a@x.io' }, 'records are not modified');
  });

  test('unique compares typed values (one number however it was written) and the index grows past its first rows', () => {
    const records = [{ n: 7 }, { n: 8 }, { n: 7 }];
    assert.deepEqual(validateTable([{ key: 'n', label: 'N', type: 'number', unique: true }], records), [
      { row: 2, column: 'n', code: 'duplicate', level: 'error', params: { firstRow: 0 } },
    ]);
    const index = new UniqueIndex('n');
    index.set(100, 7);
    index.set(40, 7);
    index.set(3, 8);
    assert.deepEqual(index.issues(), [
      { row: 100, column: 'n', code: 'duplicate', level: 'error', params: { firstRow: 40 } },
    ]);
    index.delete(40);
    assert.deepEqual(index.issues(), []);
  });

  test('an invalid cell holds no value for uniqueness: its own error says what is wrong', () => {
    const records = [{ email: 'ada@' }, { email: 'ada@' }, { email: 'b@x.io' }, { email: 'b@x.io' }];
    const cellIssues = [
      { row: 0, column: 'email', code: 'invalid_email' as const, level: 'error' as const },
      { row: 1, column: 'email', code: 'invalid_email' as const, level: 'error' as const },
    ];
    assert.deepEqual(validateTable([{ key: 'email', label: 'E', unique: true }], records, [], cellIssues), [
      { row: 3, column: 'email', code: 'duplicate', level: 'error', params: { firstRow: 2 } },
    ]);
  });

  test('the index follows edits and deletions', () => {
    const index = new UniqueIndex('sku');
    index.set(0, 'A');
    index.set(1, 'B');
    index.set(2, 'A');
    assert.deepEqual(index.duplicatesOf(0), [2]);
    index.set(2, 'C');
    assert.deepEqual(index.issues(), []);
    index.set(1, 'C');
    assert.deepEqual(index.duplicatesOf(2), [1]);
    index.delete(1);
    assert.deepEqual(index.duplicatesOf(2), []);
  });

  test('multi-select values compare as sets', () => {
    const index = new UniqueIndex('tags');
    index.set(0, ['a', 'b']);
    index.set(1, ['b', 'a']);
    assert.deepEqual(index.duplicatesOf(1), [0]);
  });

  test('cross-column rules run on each record', () => {
    const issues = validateTable(
      [{ key: 'start', label: 'Start' }],
      [
        { start: '2024-01-02', end: '2024-01-01' },
        { start: '2024-01-01', end: '2024-01-02' },
      ],
      [{ column: 'end', check: (r) => (String(r.end) < String(r.start) ? 'End is before start' : null) }],
    );
    assert.deepEqual(issues, [
      { row: 0, column: 'end', code: 'custom', level: 'error', params: { message: 'End is before start' } },
    ]);
  });
});
