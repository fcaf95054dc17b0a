import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnSpec } from '@csv-importer/core';
import type { SavedMappings } from '@csv-importer/protocol';
import type { LoadSummary } from '../worker/session-types.ts';
import { RememberedMappings } from './remembered-mappings.ts';

const COLUMNS: ColumnSpec[] = [
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'E-mail' },
];

const summary = (headers: string[], suggestions: { key: string; fileColumn: number }[]) =>
  ({ headers, suggestions }) as unknown as LoadSummary;

describe('RememberedMappings', () => {
  test("the host's remembered columns win over the engine's suggestion and are marked", () => {
    const host: SavedMappings = { version: 1, columns: { Mail: 'email' }, values: { plan: { Gold: 'pro' } } };
    const memory = new RememberedMappings(() => host);
    const applied = memory.suggest(summary(['Name', 'Mail'], [{ key: 'name', fileColumn: 0 }]), COLUMNS);
    assert.deepEqual(applied.mapping, { name: 0, email: 1 });
    memory.settle(applied, applied.mapping);
    assert.deepEqual([...memory.fields], ['email']);
    assert.deepEqual(memory.values, { plan: { Gold: 'pro' } });
    // A host hook that moved the field elsewhere: no longer marked as remembered.
    memory.settle(applied, { name: 0, email: null });
    assert.deepEqual([...memory.fields], []);
  });

  test('back to upload keeps the choices for the next file of the session', () => {
    const memory = new RememberedMappings(() => undefined);
    const first = memory.suggest(summary(['Who', 'Address'], []), COLUMNS);
    assert.deepEqual(first.mapping, { name: null, email: null });
    memory.keep(['Who', 'Address'], { name: 0, email: 1 }, {});
    const next = memory.suggest(summary(['Address', 'Who'], []), COLUMNS);
    assert.deepEqual(next.mapping, { name: 1, email: 0 });
    assert.deepEqual([...next.remembered].sort(), ['email', 'name']);
  });
});
