import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CellStore } from './cell-store.ts';
import { Dataset } from './dataset.ts';

/** A dataset of `records` (the first is the header row) with fields `keys` mapped by `mapping`. */
function dataset(records: string[][], keys: string[], mapping: Record<string, number | null>): Dataset {
  const store = new CellStore();
  store.append(records);
  const data = new Dataset();
  data.load(store, []);
  data.setHeaderRow(0, records[0]!);
  data.setMapping(keys, mapping);
  return data;
}

describe('Dataset', () => {
  const records = [
    ['Name', 'Plan', 'Extra'],
    ['Ada', 'pro', 'x'],
    ['Grace', ' Pro ', 'y'],
    ['Linus', 'pro', ''],
  ];

  test('reads each field from its file column, below the header row', () => {
    const data = dataset(records, ['name', 'plan'], { name: 0, plan: 1 });
    assert.equal(data.rowCount, 3);
    assert.equal(data.raw(1, 1), ' Pro ');
    assert.deepEqual(data.fieldsOf(1), [1]);
  });

  test('a field mapped to nothing reads empty and gets its own column on the first write', () => {
    const data = dataset(records, ['name', 'notes'], { name: 0, notes: null });
    assert.equal(data.raw(0, 1), '');
    const column = data.columnFor(1);
    assert.equal(column, 3, 'a new column after the file columns');
    data.write(0, column, 'hand-written');
    assert.equal(data.raw(0, 1), 'hand-written');
    assert.equal(data.mapping.notes, 3);
    assert.deepEqual(data.unmatchedColumns(), [
      ['Plan', 1],
      ['Extra', 2],
    ]);
  });

  test('counts deleted rows and lists distinct values, most frequent first, trimmed', () => {
    const data = dataset(records, ['name'], { name: 0 });
    data.setDeleted(1, true);
    data.setDeleted(1, true);
    assert.equal(data.deletedCount, 1);
    assert.ok(data.isDeleted(1));
    assert.deepEqual(data.distinctValues(1), [
      { value: 'pro', count: 2 },
      { value: 'Pro', count: 1 },
    ]);
    assert.deepEqual(data.unmatchedOf(0, data.unmatchedColumns()), { Plan: 'pro', Extra: 'x' });
  });

  test('unmatched columns named __proto__, constructor or prototype keep their cells', () => {
    const odd = [
      ['Name', '__proto__', 'constructor', 'prototype'],
      ['Ada', 'a', 'b', 'c'],
    ];
    const data = dataset(odd, ['name'], { name: 0 });
    const unmatched = data.unmatchedOf(0, data.unmatchedColumns());
    assert.deepEqual(Object.keys(unmatched), ['__proto__', 'constructor', 'prototype']);
    assert.equal(Object.getPrototypeOf(unmatched), Object.prototype);
    assert.deepEqual(Object.values(unmatched), ['a', 'b', 'c']);
  });
});
