import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { UniqueRows, uniqueKey } from './unique-rows.ts';

/** What `UniqueRows` should say, kept the plain way: the held rows of each value. */
class Model {
  readonly held = new Map<string, Set<number>>();
  readonly keyOfRow = new Map<number, string>();

  first(key: string): number {
    return Math.min(...this.held.get(key)!);
  }

  add(row: number, key: string): number {
    if (key === '' || this.keyOfRow.has(row)) return -1;
    const rows = this.held.get(key) ?? new Set<number>();
    const first = rows.size > 0 ? Math.min(...rows) : -1;
    rows.add(row);
    this.held.set(key, rows);
    this.keyOfRow.set(row, key);
    return first > row ? first : -1;
  }

  remove(row: number): number {
    const key = this.keyOfRow.get(row);
    if (key === undefined) return -1;
    const wasFirst = this.first(key) === row;
    this.keyOfRow.delete(row);
    const rows = this.held.get(key)!;
    rows.delete(row);
    if (rows.size === 0) this.held.delete(key);
    return wasFirst && rows.size > 0 ? this.first(key) : -1;
  }

  firstOf(row: number): number {
    const key = this.keyOfRow.get(row);
    return key === undefined ? -1 : this.first(key);
  }

  isDuplicate(row: number): boolean {
    const first = this.firstOf(row);
    return first >= 0 && first !== row;
  }
}

describe('UniqueRows', () => {
  test('the first holder of a value is valid, each later one a duplicate of it; add and remove report the row whose state changed', () => {
    const values: (string | null)[] = ['a', 'b', 'a', '', 'a', 'b ', null];
    const index = new UniqueRows(values.length, (row) => values[row]!);
    assert.equal(index.add(2), -1, 'the first holder of a value');
    assert.equal(index.add(1), -1);
    assert.equal(index.add(0), 2, 'row 0 comes first: row 2 is now a duplicate');
    assert.equal(index.add(3), -1, 'an empty value is never held');
    assert.equal(index.add(6), -1, 'nor a null key');
    assert.equal(index.add(4), -1, 'a later holder changes none of the others');
    assert.equal(index.add(5), -1, 'values compare exactly (the caller trims and folds)');
    assert.deepEqual(
      values.map((_, row) => index.isDuplicate(row)),
      [false, false, true, false, true, false, false],
    );
    assert.deepEqual(
      values.map((_, row) => index.firstOf(row)),
      [0, 1, 0, -1, 0, 5, -1],
    );
    assert.deepEqual(index.holdersOf(4).sort(), [0, 2, 4]);
    assert.equal(index.add(2), -1, 'adding a held row again changes nothing');
    assert.equal(index.remove(4), -1, 'a later holder leaves: nothing else changes');
    assert.equal(index.remove(0), 2, 'the first leaves: row 2 is first now');
    assert.equal(index.isDuplicate(2), false);
    assert.equal(index.firstOf(2), 2);
    assert.equal(index.isDuplicate(0), false, 'a removed row is not a duplicate');
    assert.equal(index.remove(0), -1, 'removing a row not held changes nothing');
    assert.equal(index.remove(2), -1);
    assert.equal(index.add(0), -1, 'the value is new again');
  });

  test('the key is the typed value: 7, 07 and 7.0 read as one number are one value', () => {
    assert.equal(uniqueKey(7, false), '7');
    assert.equal(uniqueKey('Ada@Example.com', true), 'ada@example.com');
    assert.equal(uniqueKey(['b', 'a'], false), uniqueKey(['a', 'b'], false));
    assert.equal(uniqueKey('', false), null);
    assert.equal(uniqueKey(null, false), null);
    assert.equal(uniqueKey(false, false), 'false');
  });

  test('addAll holds every row as add does one by one', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i % 11 === 0 ? '' : `v${i % 3000}`));
    const one = new UniqueRows(values.length, (row) => values[row]!);
    for (let row = 0; row < values.length; row++) one.add(row);
    let beats = 0;
    const all = new UniqueRows(values.length, (row) => values[row]!);
    all.addAll(() => beats++);
    assert.ok(beats > 0);
    for (let row = 0; row < values.length; row++) {
      assert.equal(all.isDuplicate(row), one.isDuplicate(row), `row ${row}`);
    }
    for (let row = 0; row < values.length; row++) {
      assert.equal(all.firstOf(row), one.firstOf(row), `row ${row}`);
    }
    assert.equal(all.isDuplicate(3001), true, 'v1 is held by rows 1 and 3001');
    assert.equal(all.isDuplicate(1), false);
    assert.equal(all.remove(1), 3001);
  });

  test('edits, deletions and restores in any order agree with a plain model', () => {
    const key = fc.constantFrom('', 'a', 'b', 'c', 'A', 'ab', 'é', '🙂');
    const op = fc.oneof(
      fc.record({ kind: fc.constant('edit' as const), row: fc.nat(11), value: key }),
      fc.record({ kind: fc.constant('delete' as const), row: fc.nat(11) }),
      fc.record({ kind: fc.constant('restore' as const), row: fc.nat(11) }),
    );
    fc.assert(
      fc.property(
        fc.array(key, { minLength: 12, maxLength: 12 }),
        fc.boolean(),
        fc.array(op),
        (start, bulk, ops) => {
          const values = [...start];
          const deleted = new Set<number>();
          const index = new UniqueRows(values.length, (row) => values[row]!);
          const model = new Model();
          if (bulk) index.addAll();
          else for (let row = 0; row < values.length; row++) index.add(row);
          for (let row = 0; row < values.length; row++) model.add(row, values[row]!);
          for (const o of ops) {
            if (o.kind === 'edit' && !deleted.has(o.row)) {
              assert.equal(index.remove(o.row), model.remove(o.row));
              values[o.row] = o.value;
              assert.equal(index.add(o.row), model.add(o.row, o.value));
            } else if (o.kind === 'delete' && !deleted.has(o.row)) {
              deleted.add(o.row);
              assert.equal(index.remove(o.row), model.remove(o.row));
            } else if (o.kind === 'restore' && deleted.delete(o.row)) {
              assert.equal(index.add(o.row), model.add(o.row, values[o.row]!));
            }
            for (let row = 0; row < values.length; row++) {
              assert.equal(index.isDuplicate(row), model.isDuplicate(row), `row ${row}`);
              assert.equal(index.firstOf(row), model.firstOf(row), `first of row ${row}`);
            }
          }
        },
      ),
    );
  });

  test('stays right through many more edits than it has slots (values that leave are swept out)', () => {
    const values = Array.from({ length: 8 }, (_, i) => `start${i}`);
    const index = new UniqueRows(values.length, (row) => values[row]!);
    index.addAll();
    for (let step = 0; step < 20_000; step++) {
      const row = step % values.length;
      index.remove(row);
      values[row] = `value${step}`;
      index.add(row);
    }
    index.remove(3);
    values[3] = values[5]!;
    assert.equal(index.add(3), 5, 'row 3 comes before row 5');
    assert.deepEqual(
      values.map((_, row) => index.isDuplicate(row)),
      [false, false, false, false, false, true, false, false],
    );
  });
});
