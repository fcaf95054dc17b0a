import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defineColumns } from '../columns/define-columns.ts';
import { validateRecords } from './validate-records.ts';

const columns = defineColumns([
  { key: 'email', label: 'E-mail', type: 'email', required: true, unique: { caseInsensitive: true } },
  { key: 'seats', label: 'Seats', type: 'integer', min: 1 },
  { key: 'tags', label: 'Tags', type: 'select', options: ['a', 'b'], multiple: true },
  { key: 'born', label: 'Born', type: 'date' },
  { key: 'active', label: 'Active', type: 'boolean' },
] as const);

describe('validateRecords (server-side re-validation)', () => {
  test('accepts what the importer delivered, typed, and drops undeclared fields', async () => {
    const delivered = [
      { email: 'ada@example.com', seats: 5, tags: ['a', 'b'], born: '1815-12-10', active: true, extra: 1 },
    ];
    const result = await validateRecords(columns, delivered);
    assert.equal(result.ok, true);
    assert.deepEqual(result.records, [
      { email: 'ada@example.com', seats: 5, tags: ['a', 'b'], born: '1815-12-10', active: true },
    ]);
    assert.deepEqual(result.issues, []);
    const seats: number | null = result.records[0]!.seats;
    assert.equal(seats, 5);
  });

  test('catches what a tampered client sends: bad values, wrong JSON types, duplicates, non-objects', async () => {
    const result = await validateRecords(columns, [
      { email: 'ada@example.com', seats: 0, tags: ['c'], born: '2024-13-01', active: 'maybe' },
      { email: 'ADA@example.com', seats: { $gt: 1 }, tags: 'a', born: null, active: null },
      'not a row',
    ]);
    assert.equal(result.ok, false);
    assert.deepEqual(
      result.issues.map((i) => [i.row, i.column, i.code]),
      [
        [0, 'seats', 'too_small'],
        [0, 'tags', 'invalid_option'],
        [0, 'born', 'invalid_date'],
        [0, 'active', 'invalid_boolean'],
        [1, 'seats', 'wrong_type'],
        [1, 'email', 'duplicate'],
        [2, '', 'wrong_type'],
      ],
    );
  });

  test('awaits async validators, sync ones beside them, and reports a rejection with its message', async () => {
    const taken = new Set(['taken@example.com']);
    const checked = defineColumns([
      {
        key: 'email',
        label: 'E-mail',
        type: 'email',
        required: true,
        // As an application's server would: ask a database, asynchronously.
        validate: async (value) => {
          await new Promise((resolve) => setTimeout(resolve, 1));
          return taken.has(String(value)) ? 'This address already has an account' : null;
        },
      },
      {
        key: 'code',
        label: 'Code',
        validate: async (value) => {
          if (value === 'boom') throw new Error('lookup failed');
          return value === 'x' ? { level: 'warning', message: 'x is deprecated' } : true;
        },
      },
      {
        key: 'seats',
        label: 'Seats',
        type: 'integer',
        validate: (value) => (value === 13 ? 'unlucky' : null),
      },
    ] as const);
    const result = await validateRecords(checked, [
      { email: 'new@example.com', code: 'a', seats: 1 },
      { email: 'taken@example.com', code: 'x', seats: 13 },
      { email: 'not an e-mail', code: 'boom', seats: 2 },
    ]);
    assert.deepEqual(
      result.issues.map((i) => [i.row, i.column, i.code, i.level, i.params?.message]),
      [
        [1, 'email', 'custom', 'error', 'This address already has an account'],
        [1, 'code', 'custom', 'warning', 'x is deprecated'],
        [1, 'seats', 'custom', 'error', 'unlucky'],
        [2, 'email', 'invalid_email', 'error', undefined],
        [2, 'code', 'custom', 'error', 'lookup failed'],
      ],
    );
    assert.equal(result.ok, false);
    const email: string = result.records[0]!.email;
    assert.equal(email, 'new@example.com');
  });
});
