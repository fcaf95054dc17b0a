import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ChooserOption, filterOptions } from './option-filter.ts';

const PLANS: ChooserOption[] = [
  { value: '', label: '(keep as it is)' },
  { value: 'free', label: 'Free' },
  { value: 'repro', label: 'Reproduction' },
  { value: 'pro', label: 'Professional', aliases: ['Pro plan'] },
  { value: 'ent', label: 'Entreprise', note: 'held by column Plan' },
];

describe('chooser filter', () => {
  test('a blank query shows every option, up to the limit, and counts the rest', () => {
    assert.deepEqual(filterOptions(PLANS, '  ').shown, PLANS);
    const many = Array.from({ length: 1000 }, (_, i) => ({ value: `o${i}`, label: `Option ${i}` }));
    const { shown, hidden } = filterOptions(many, '', 60);
    assert.equal(shown.length, 60);
    assert.equal(hidden, 940);
  });

  test('matches label, value, alias and note, accents and case folded; names that start with the query first', () => {
    assert.deepEqual(
      filterOptions(PLANS, 'PRO').shown.map((o) => o.value),
      ['pro', 'repro'],
    );
    assert.deepEqual(
      filterOptions(PLANS, 'pro plan').shown.map((o) => o.value),
      ['pro'],
    );
    assert.deepEqual(
      filterOptions(PLANS, 'entrepríse').shown.map((o) => o.value),
      ['ent'],
    );
    assert.deepEqual(
      filterOptions(PLANS, 'column plan').shown.map((o) => o.value),
      ['ent'],
    );
    assert.deepEqual(filterOptions(PLANS, 'gold'), { shown: [], hidden: 0 });
  });

  test('a long list narrowed by typing shows what matches, within the limit', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ value: `o${i}`, label: `Option ${i}` }));
    const { shown, hidden } = filterOptions(many, 'option 99', 60);
    assert.deepEqual(
      shown.map((o) => o.value),
      ['o99', 'o990', 'o991', 'o992', 'o993', 'o994', 'o995', 'o996', 'o997', 'o998', 'o999'],
    );
    assert.equal(hidden, 0);
  });
});
