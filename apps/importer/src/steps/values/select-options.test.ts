import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnSpec } from '@csv-importer/core';
import { selectOptions } from './select-options.ts';

const plan = {
  key: 'plan',
  label: 'Plan',
  type: 'select',
  options: [
    'free',
    { value: 'pro', label: 'Professional', alternates: ['Pro plan'] },
    { value: 'enterprise' },
  ],
} as unknown as ColumnSpec;

describe('select options', () => {
  test('reads options given as strings or as objects, and none for other types', () => {
    assert.deepEqual(selectOptions(plan), [
      { value: 'free', label: 'free', alternates: [] },
      { value: 'pro', label: 'Professional', alternates: ['Pro plan'] },
      { value: 'enterprise', label: 'enterprise', alternates: [] },
    ]);
    assert.deepEqual(selectOptions({ key: 'x', label: 'X' }), []);
  });
});
