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

  test('typos and beginnings suggest an option with a confidence below 1; a tie suggests none', () => {
    const spec: SelectColumn = {
      key: 'plan',
      label: 'Plan',
      type: 'select',
      options: ['Free', 'Starter', 'Standard', 'Enterprise'],
    };
    const matches = matchValues(['Enterprize', 'fre', 'ENT', 'sta', 'fr', 'Frei'], spec);
    assert.deepEqual(
      matches.map((m) => [m.fileValue, m.option, m.via]),
      [
        ['Enterprize', 'Enterprise', 'fuzzy'],
        ['fre', 'Free', 'fuzzy'],
        ['ENT', 'Enterprise', 'fuzzy'],
        ['sta', null, 'none'],
        ['fr', null, 'none'],
        ['Frei', 'Free', 'fuzzy'],
      ],
    );
    for (const m of matches.filter((m) => m.via === 'fuzzy'))
      assert.ok(m.confidence >= 0.75 && m.confidence < 1, m.fileValue);
    const fre = matches.find((m) => m.fileValue === 'fre')!;
    const typo = matches.find((m) => m.fileValue === 'Enterprize')!;
    assert.ok(fre.confidence > 0.9, 'a beginning is better evidence than a bare edit distance');
    assert.ok(typo.confidence >= 0.9);
  });
});
