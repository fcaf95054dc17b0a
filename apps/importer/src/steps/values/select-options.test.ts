import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnSpec } from '@csv-importer/core';
import { selectOptions, suggestOption } from './select-options.ts';

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

  test('suggests the option a file value stands for by value, label or alternate, ignoring case and accents', () => {
    const options = selectOptions(plan);
    assert.equal(suggestOption('Pro', options), 'pro');
    assert.equal(suggestOption(' professional ', options), 'pro');
    assert.equal(suggestOption('PRO PLAN', options), 'pro');
    assert.equal(suggestOption('Frée', options), 'free');
    assert.equal(suggestOption('starter', options), undefined);
  });
});
