import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkSpec } from './spec-check.ts';

describe('checkSpec', () => {
  test('accepts the playground default spec with typed columns', () => {
    const result = checkSpec(
      JSON.stringify([
        { key: 'email', label: 'E-mail', type: 'email', required: true, unique: true },
        { key: 'plan', label: 'Plan', type: 'select', options: [{ value: 'free' }, { value: 'pro' }] },
        { key: 'seats', label: 'Seats', type: 'number', integer: true, min: 0 },
      ]),
    );
    assert.equal(result.ok, true, result.ok ? '' : result.message);
  });

  test('points at the line and column of a JSON syntax error', () => {
    const result = checkSpec('[\n  { "key": "a", "label": "A" },\n  { "key": }\n]');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /^Not valid JSON at line 3, column \d+/);
  });

  test('names the column and field the wire schema refuses', () => {
    const result = checkSpec('[{ "key": "age", "label": "Age", "type": "numbr" }]');
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /^Column "age"/);
  });

  test('refuses duplicate keys and an empty list, naming the problem', () => {
    const duplicate = checkSpec('[{ "key": "a", "label": "A" }, { "key": "a", "label": "B" }]');
    assert.match(duplicate.ok ? '' : duplicate.message, /duplicate key/);
    const empty = checkSpec('[]');
    assert.match(empty.ok ? '' : empty.message, /JSON array of columns/);
  });
});
