import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { ColumnSpecSchema } from './column-schema.ts';

describe('ColumnSpecSchema (wire shape)', () => {
  test('accepts every type with its options, and a string column without a type', () => {
    const specs = [
      {
        key: 'name',
        label: 'Name',
        required: true,
        unique: { caseInsensitive: true },
        synonyms: ['Full name'],
      },
      { key: 'n', label: 'N', type: 'number', min: 0, max: 10, decimals: 2, decimalSeparator: ',' },
      { key: 'i', label: 'I', type: 'integer', default: 1 },
      { key: 'b', label: 'B', type: 'boolean', trueValues: ['si'] },
      { key: 'd', label: 'D', type: 'date', formats: ['DD.MM.YYYY'], min: '2000-01-01' },
      { key: 't', label: 'T', type: 'datetime' },
      { key: 'e', label: 'E', type: 'email', messages: { invalid_email: 'Use your work address' } },
      { key: 'p', label: 'P', type: 'phone', defaultCountry: 'DE' },
      { key: 'u', label: 'U', type: 'url' },
      { key: 'r', label: 'R', type: 'regex', pattern: { pattern: '^a', flags: 'i' } },
      {
        key: 's',
        label: 'S',
        type: 'select',
        options: ['a', { value: 'b', alternates: ['bee'] }],
        multiple: true,
      },
    ];
    for (const spec of specs) assert.ok(v.is(ColumnSpecSchema, spec), JSON.stringify(spec));
  });

  test('refuses unknown fields, unknown types, fields of another type, functions and unbounded data', () => {
    const bad = [
      { key: 'a', label: 'A', colour: 'red' },
      { key: 'a', label: 'A', type: 'numbr' },
      { key: 'a', label: 'A', type: 'string', min: 1 },
      { key: 'a', label: 'A', validate: () => true },
      { key: 'a', label: 'A', type: 'regex', pattern: { pattern: 'x', flags: 'g' } },
      { key: 'a', label: 'A', type: 'select', options: [] },
      { key: 'a'.repeat(201), label: 'A' },
      { key: 'a', label: 'A', synonyms: Array.from({ length: 101 }, () => 'x') },
      { key: 'a', label: 'A', type: 'number', max: Number.POSITIVE_INFINITY },
      { key: '__proto__', label: 'A' },
      { key: 'constructor', label: 'A' },
      { key: 'prototype', label: 'A' },
    ];
    for (const spec of bad) assert.ok(!v.is(ColumnSpecSchema, spec), JSON.stringify(spec));
  });
});
