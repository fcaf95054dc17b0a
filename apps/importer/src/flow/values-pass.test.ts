import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnSpec } from '@csv-importer/core';
import type { ValueSuggestion } from '../worker/session-types.ts';
import { valuesAllExact } from './values-pass.ts';

const PLAN: ColumnSpec = { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] };

/** A session whose column 2 holds `values`, each suggested as itself when it is an option. */
const session = (values: string[]) => ({
  suggestValues: async (column: number, _field: string, limit = 200): Promise<ValueSuggestion[]> => {
    assert.equal(column, 2);
    return values.slice(0, limit).map((value) => ({
      value,
      count: 1,
      suggestion: ['free', 'pro'].includes(value) ? value : null,
      confidence: 1,
    }));
  },
});

describe('valuesAllExact', () => {
  test('passes the values step only when every value is an option exactly (empty cells need nothing)', async () => {
    assert.equal(await valuesAllExact(session(['free', 'pro', '']), [PLAN], { plan: 2 }), true);
    assert.equal(await valuesAllExact(session(['free', 'Pro']), [PLAN], { plan: 2 }), false);
    assert.equal(await valuesAllExact(session(['free', 'pro', 'gold', 'x']), [PLAN], { plan: 2 }), false);
    assert.equal(await valuesAllExact(session(['gold']), [PLAN], { plan: null }), true, 'an unmapped field');
  });
});
