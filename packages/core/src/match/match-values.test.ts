import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { SelectColumn } from '../columns/column-spec.ts';
import { matchValues } from './match-values.ts';

const PLAN: SelectColumn = {
  key: 'plan',
  label: 'Plan',
  type: 'select',
  options: [
    'free',
    'starter',
    { value: 'pro', label: 'Professional', alternates: ['premium'] },
    'enterprise',
  ],
};

describe('matchValues', () => {
  test('each distinct file value gets an option the way headers do: exact, normalized, fuzzy, none', () => {
    const matches = matchValues(['pro', 'Pro', 'pro', 'PREMIUM', 'Enterprize', 'gold'], PLAN);
    assert.deepEqual(
      matches.map((m) => [m.fileValue, m.option, m.via]),
      [
        ['pro', 'pro', 'exact'],
        ['Pro', 'pro', 'normalized'],
        ['PREMIUM', 'pro', 'normalized'],
        ['Enterprize', 'enterprise', 'fuzzy'],
        ['gold', null, 'none'],
      ],
    );
    const fuzzy = matches.find((m) => m.via === 'fuzzy')!;
    assert.ok(fuzzy.confidence > 0.75 && fuzzy.confidence < 1);
  });
});
