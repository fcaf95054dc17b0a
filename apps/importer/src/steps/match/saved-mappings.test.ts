import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnSpec } from '@csv-importer/core';
import { SavedMappingsSchema } from '@csv-importer/protocol';
import * as v from 'valibot';
import { applySavedColumns, mergeSaved, savedMappings } from './saved-mappings.ts';

const FIELDS = [
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'E-mail' },
  { key: 'plan', label: 'Plan' },
] as ColumnSpec[];

describe('saved mappings', () => {
  test('the columns the headers name take their saved field, over the suggestion', () => {
    const headers = ['Kontakt', 'Mail', 'Tarif', 'Notiz'];
    // Suggested: Mail as E-mail, Notiz (wrongly) as Name.
    const suggested = { name: 3, email: 1, plan: null };
    const saved = {
      version: 1 as const,
      columns: { Kontakt: 'name', Tarif: 'plan', Notiz: null, Elsewhere: 'email' },
      values: {},
    };
    const { mapping, remembered } = applySavedColumns(headers, FIELDS, suggested, saved);
    assert.deepEqual(mapping, { name: 0, email: 1, plan: 2 });
    assert.deepEqual([...remembered].sort(), ['name', 'plan']);
  });

  test('a column left out stays out; a field the spec lost and a repeated header are passed over', () => {
    const { mapping, remembered } = applySavedColumns(
      ['Name', 'Name', 'Old'],
      FIELDS,
      { name: 0, email: null, plan: null },
      { version: 1, columns: { Name: null, Old: 'gone' }, values: {} },
    );
    assert.deepEqual(mapping, { name: null, email: null, plan: null });
    assert.equal(remembered.size, 0);
    assert.deepEqual(applySavedColumns(['a'], FIELDS, { name: 0 }, undefined).mapping, { name: 0 });
  });

  test('what an import chose, keyed by header text, in the wire form; a header named __proto__ is kept', () => {
    const headers = ['__proto__', 'Mail', 'Tarif', 'Tarif', '', 'x'.repeat(1001)];
    const saved = savedMappings(
      headers,
      { name: 0, email: 1, plan: 3 },
      {
        plan: { Gold: 'pro', constructor: 'free' },
        email: {},
      },
    );
    assert.deepEqual(Object.keys(saved.columns), ['__proto__', 'Mail', 'Tarif']);
    assert.equal(Object.getOwnPropertyDescriptor(saved.columns, '__proto__')?.value, 'name');
    assert.equal(saved.columns.Tarif, null, 'the first of a repeated header');
    assert.deepEqual(saved.values, { plan: { Gold: 'pro', constructor: 'free' } });
    assert.ok(v.safeParse(SavedMappingsSchema, saved).success);
    // And back: the same headers give the same mapping.
    const again = applySavedColumns(headers, FIELDS, { name: null, email: null, plan: null }, saved);
    assert.deepEqual(again.mapping, { name: 0, email: 1, plan: null });
  });

  test('merged, the later choices win header by header and value by value', () => {
    const host = {
      version: 1 as const,
      columns: { A: 'name', B: 'email' },
      values: { plan: { Gold: 'pro', Iron: 'free' } },
    };
    const session = {
      version: 1 as const,
      columns: { B: null, C: 'plan' },
      values: { plan: { Gold: 'enterprise' } },
    };
    assert.deepEqual(mergeSaved(host, session), {
      version: 1,
      columns: { A: 'name', B: null, C: 'plan' },
      values: { plan: { Gold: 'enterprise', Iron: 'free' } },
    });
    assert.equal(mergeSaved(undefined, session), session);
    assert.equal(mergeSaved(host, undefined), host);
  });
});
