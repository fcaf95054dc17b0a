import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ColumnSpec, compileColumn, type Issue, validateRow } from '@csv-importer/core';
import { noteIssues, rowColumnsToRecords } from '@csv-importer/protocol';
import { delivered, sessionOf } from '../../../../tests/support/import-session.ts';
import { CellStore } from './cell-store.ts';
import { Dataset } from './dataset.ts';
import { DeliveredRows } from './delivered-rows.ts';
import { Validation } from './validation.ts';

const COLUMNS: ColumnSpec[] = [
  { key: 'phone', label: 'Phone', type: 'phone', defaultCountry: 'GB' },
  { key: 'seats', label: 'Seats', type: 'integer', min: 1 },
  { key: 'since', label: 'Since', type: 'date', formats: ['DD/MM/YYYY'] },
  { key: 'active', label: 'Active', type: 'boolean' },
  { key: 'plan', label: 'Plan', type: 'select', options: ['Free', 'Pro'] },
  { key: 'email', label: 'E-mail', type: 'email', unique: true },
  { key: 'notes', label: 'Notes' },
];
const CELLS = [
  ['+44 20 7946 0958', '3', '15/03/2024', 'yes', 'pro', 'ada@example.com', 'vip'],
  ['020 7946 0001', '0', '2024-03-15', 'maybe', 'Free', 'grace@example.com', ' call back '],
  ['12', '', '', '', 'Gold', 'ada@example.com', ''],
  [' 020 7946 0002', ' 7 ', '01/01/1900', 'FALSE', ' pro', 'linus@', 'x'],
];

type Cell = Pick<Issue, 'row' | 'column' | 'code'> | { row: number; column: string; code: string };
const byCell = (a: Cell, b: Cell) =>
  a.row - b.row || a.column.localeCompare(b.column) || a.code.localeCompare(b.code);

/** The dataset, validation and delivered rows of `CELLS`, validated. */
function validated() {
  const store = new CellStore();
  store.append([COLUMNS.map((c) => c.label), ...CELLS]);
  const data = new Dataset();
  data.load(store, []);
  data.setHeaderRow(
    0,
    COLUMNS.map((c) => c.label),
  );
  data.setMapping(
    COLUMNS.map((c) => c.key),
    Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])),
  );
  const validation = new Validation(data, () => {});
  validation.configure(COLUMNS);
  validation.run({});
  return { data, validation, rows: new DeliveredRows(data, validation) };
}

describe('delivered rows', () => {
  test('deliver the values and notes validation kept, without checking any checked cell again', () => {
    const { validation, rows } = validated();
    const compiled = COLUMNS.map(compileColumn);
    // Checking again would throw now: every typed value comes from what validation kept. Only the
    // text column, which validation never checks, is read from its text.
    for (const column of validation.columns)
      if (!column.acceptsAnyText)
        (column as { check: unknown }).check = () => {
          throw new Error(`${column.key} checked again`);
        };
    const issues: Issue[] = [];
    CELLS.forEach((cells, r) => {
      const values: unknown[] = new Array(COLUMNS.length);
      rows.deliverRow(r, r, values, issues, (row) => row);
      const expected = validateRow(compiled, cells, r).record;
      assert.deepEqual(Object.fromEntries(COLUMNS.map((c, f) => [c.key, values[f]])), expected, `row ${r}`);
    });
    const core = CELLS.flatMap((cells, r) => validateRow(compiled, cells, r).issues);
    // Core's table check adds the repeat of row 0's e-mail in row 2.
    core.push({ row: 2, column: 'email', code: 'duplicate', level: 'error', params: { firstRow: 0 } });
    assert.deepEqual([...issues].sort(byCell), core.sort(byCell));
    assert.ok(issues.some((i) => i.code === 'phone_normalized' && i.params?.original === '020 7946 0001'));
  });

  test('an edited cell delivers its new typed value and notes; undo brings the old ones back', async () => {
    const csv = `${COLUMNS.map((c) => c.label).join(',')}\n${CELLS.map((r) => r.join(',')).join('\n')}\n`;
    const { session } = await sessionOf(csv, COLUMNS);
    assert.equal(delivered(session).rows[0]!.phone, '+442079460958');
    session.edit(0, 'phone', '020 7946 0123');
    session.edit(0, 'seats', '42');
    session.edit(0, 'since', '29/02/2024');
    session.edit(2, 'seats', 'many');
    const after = delivered(session);
    assert.equal(after.rows[0]!.phone, '+442079460123');
    assert.equal(after.rows[0]!.seats, 42);
    assert.equal(after.rows[0]!.since, '2024-02-29');
    assert.equal(after.rows[2]!.seats, 'many', 'an invalid cell delivers its text');
    assert.deepEqual(
      after.issues.filter((i) => i.row === 0 && i.column === 'phone'),
      [
        {
          row: 0,
          column: 'phone',
          code: 'phone_normalized',
          level: 'info',
          params: { original: '020 7946 0123' },
        },
      ],
    );
    assert.ok(after.issues.some((i) => i.row === 2 && i.column === 'seats' && i.level === 'error'));
    // Only the edited cells changed: the rest of the rows deliver as before.
    assert.deepEqual(after.rows[1], delivered(session, 1, 1).rows[0]);
    assert.equal(after.rows[3]!.seats, 7);
    session.undo();
    session.undo();
    assert.equal(delivered(session).rows[2]!.seats, null);
    assert.equal(delivered(session).rows[0]!.since, '2024-03-15');
  });

  test('with packed notes, each note that only says what the text was travels in a column of originals', async () => {
    const csv = `${COLUMNS.map((c) => c.label).join(',')}\n${CELLS.map((r) => r.join(',')).join('\n')}\n`;
    const { session } = await sessionOf(csv, COLUMNS);
    const plain = session.deliveryBatch(1, 3, { encoding: 'packed' });
    const packed = session.deliveryBatch(1, 3, { encoding: 'packed', packedNotes: true });
    assert.deepEqual(rowColumnsToRecords(packed.rows as never), rowColumnsToRecords(plain.rows as never));
    assert.deepEqual(
      packed.notes?.map((n) => [n.column, n.code]),
      [
        ['phone', 'phone_normalized'],
        ['seats', 'trimmed'],
        ['since', 'date_normalized'],
        ['notes', 'trimmed'],
      ],
    );
    const fromNotes = noteIssues(packed.notes!, 1);
    assert.ok(fromNotes.length > 0);
    const same = (i: Issue) => (n: { row: number; column: string; code: string }) =>
      n.row === i.row && n.column === i.column && n.code === i.code;
    assert.ok(!packed.issues.some((i) => fromNotes.some(same(i))), 'no note is sent twice');
    // Every issue is there, once: the objects and the packed notes make the same list.
    assert.deepEqual([...packed.issues, ...fromNotes].sort(byCell), [...plain.issues].sort(byCell));
    // Notes with more to say than the original (an option normalized, two notes on a cell) stay issues.
    assert.ok(packed.issues.some((i) => i.code === 'option_normalized'));
    assert.ok(packed.issues.some((i) => i.row === 3 && i.column === 'phone' && i.code === 'trimmed'));
  });
});
