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
  test('accepts what the importer delivered, typed, and drops undeclared fields', () => {
    const delivered = [
      { email: 'ada@example.com', seats: 5, tags: ['a', 'b'], born: '1815-12-10', active: true, extra: 1 },
    ];
    const result = validateRecords(columns, delivered);
    assert.equal(result.ok, true);
    assert.deepEqual(result.records, [
      { email: 'ada@example.com', seats: 5, tags: ['a', 'b'], born: '1815-12-10', active: true },
    ]);
    assert.deepEqual(result.issues, []);
    const seats: number | null = result.records[0]!.seats;
    assert.equal(seats, 5);
  });

  test('catches what a tampered client sends: bad values, wrong JSON types, duplicates, non-objects', () => {
    const result = validateRecords(columns, [
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
});
