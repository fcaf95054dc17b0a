import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { initialChoices, ValueChoices } from './value-choices.ts';

const SUGGESTED = [
  { value: 'Enterprize', count: 3, suggestion: 'enterprise', confidence: 0.9 },
  { value: 'fre', count: 2, suggestion: 'free', confidence: 0.95 },
  { value: 'gold', count: 1, suggestion: null, confidence: 0 },
  { value: 'pro', count: 5, suggestion: 'pro', confidence: 1 },
];

describe('value choices', () => {
  test('start from the suggestions', () => {
    assert.deepEqual(initialChoices(SUGGESTED, undefined), {
      Enterprize: 'enterprise',
      fre: 'free',
      pro: 'pro',
    });
  });

  test("the user's own picks win, a cleared suggestion stays cleared, untouched values follow the suggestion", () => {
    const remembered = {
      column: 2,
      chosen: { gold: 'pro', Enterprize: 'enterprise' },
      touched: ['gold', 'fre'],
    };
    assert.deepEqual(initialChoices(SUGGESTED, remembered), {
      Enterprize: 'enterprise',
      gold: 'pro',
      pro: 'pro',
    });
  });

  test("an earlier import's saved options come before the suggestions, the user's own picks before both", () => {
    const saved = { fre: 'starter', gold: 'enterprise', pro: 'free' };
    assert.deepEqual(initialChoices(SUGGESTED, undefined, saved), {
      Enterprize: 'enterprise',
      fre: 'starter',
      gold: 'enterprise',
      pro: 'free',
    });
    const remembered = { column: 2, chosen: { gold: 'pro' }, touched: ['gold', 'fre'] };
    assert.deepEqual(initialChoices(SUGGESTED, remembered, saved), {
      Enterprize: 'enterprise',
      gold: 'pro',
      pro: 'free',
    });
  });

  test('a file value named __proto__ or constructor is a value like any other', () => {
    const odd = [
      { value: '__proto__', count: 1, suggestion: 'pro', confidence: 0.9 },
      { value: 'constructor', count: 1, suggestion: null, confidence: 0 },
    ];
    const chosen = initialChoices(odd, { column: 0, chosen: {}, touched: ['constructor'] });
    assert.deepEqual(Object.keys(chosen), ['__proto__']);
    assert.equal(Object.getPrototypeOf(chosen), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(chosen, '__proto__')?.value, 'pro');
    // Structured clone (the way to the worker) keeps it as an own key.
    assert.equal(Object.hasOwn(structuredClone(chosen), '__proto__'), true);
  });

  test('are given back for the same field and column only', () => {
    const choices = new ValueChoices();
    const kept = { column: 2, chosen: { gold: 'pro' }, touched: ['gold'] };
    choices.set('plan', kept);
    assert.equal(choices.get('plan', 2), kept);
    assert.equal(choices.get('plan', 3), undefined);
    choices.clear();
    assert.equal(choices.get('plan', 2), undefined);
  });
});
