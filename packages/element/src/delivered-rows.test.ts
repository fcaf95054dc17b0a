import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  type CellValue,
  packColumn,
  type RowColumns,
  rowColumnsToRecords,
  transferList,
} from '@csv-importer/protocol';
import { batchColumns, batchRows, RowBatch } from './delivered-rows.ts';

/** A batch as the frame sends it: packed columns, through a real structured clone. */
function sent(cells: Record<string, (string | number | boolean | null | string[])[]>): RowColumns {
  const columns = { fields: Object.keys(cells), values: Object.values(cells).map((c) => packColumn(c)) };
  return structuredClone(columns, { transfer: transferList(columns) });
}

describe('delivered rows', () => {
  test('a batch sent by column reads by column with the values its records hold', () => {
    const cells = {
      email: ['ada@example.com', 'grace@example.org', 'linus@example.net'],
      seats: [5, null, 12.5],
      plan: ['pro', 'free', 'pro'],
      active: [true, false, null],
      tags: [['a'], [], ['b', 'c']],
    };
    const batch = new RowBatch(sent(cells));
    assert.equal(batch.length, 3);
    assert.equal(batch.columnsRead, false);
    assert.deepEqual(batch.columns, cells);
    assert.equal(batch.columnsRead, true);
    assert.deepEqual(batch.rows, rowColumnsToRecords(sent(cells)));
    for (const [key, values] of Object.entries(batch.columns))
      values.forEach((value, i) => {
        assert.deepEqual(batch.rows[i]![key], value, `${key}[${i}]`);
      });
    // Each is made once.
    assert.equal(batch.rows, batch.rows);
    assert.equal(batch.columns, batch.columns);
  });

  test('records (a transform hook gave them) read by column too; batches join in order', () => {
    const first = new RowBatch<Record<string, CellValue>>([{ name: 'Ada', n: 1 }, { name: 'Alan' }]);
    const second = new RowBatch(sent({ name: ['Grace'], n: [3] }));
    assert.deepEqual(first.columns, { name: ['Ada', 'Alan'], n: [1, null] });
    assert.deepEqual(batchColumns([first, second]), { name: ['Ada', 'Alan', 'Grace'], n: [1, null, 3] });
    assert.deepEqual(batchRows([first, second]), [
      { name: 'Ada', n: 1 },
      { name: 'Alan' },
      { name: 'Grace', n: 3 },
    ]);
    const empty = new RowBatch(sent({}));
    assert.equal(empty.length, 0);
    assert.deepEqual(empty.columns, {});
    assert.deepEqual(empty.rows, []);
  });
});
