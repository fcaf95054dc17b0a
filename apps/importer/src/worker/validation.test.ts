import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnSpec } from '@csv-importer/core';
import { CONTACT_COLUMNS } from '../../../../tests/support/contacts.ts';
import { contacts, delivered } from '../../../../tests/support/import-session.ts';
import { CellStore } from './cell-store.ts';
import { Dataset } from './dataset.ts';
import { DeliveredRows } from './delivered-rows.ts';
import { GridView } from './grid-view.ts';
import { ImportSession } from './import-session.ts';
import { Validation } from './validation.ts';

describe('validation', () => {
  test('a unique field over thousands of rows: the first holder is valid, each repeat names it; edits and deletions keep it current', async () => {
    // 10,000 rows; every 1,000th id is repeated 5,000 rows later.
    const ids = Array.from({ length: 10_000 }, (_, i) =>
      i >= 5_000 && i % 1_000 === 0 ? `${i - 5_000}` : `${i}`,
    );
    const session = new ImportSession();
    session.configure([{ key: 'id', label: 'ID', unique: true }]);
    assert.ok((await session.load(new File([`id\n${ids.join('\n')}\n`], 'ids.csv'))).ok);
    let summary = session.validate({ id: 0 });
    assert.equal(
      summary.errorCount,
      5,
      'the copies at rows 5,000 … 9,000; rows 0 … 4,000 hold their ids first',
    );
    const issueOf = (row: number) => session.records(row, 1)[0]!.issues.filter((i) => i.level !== 'info');
    const duplicateOf = (row: number, firstRow: number) => [
      { row, column: 'id', code: 'duplicate', level: 'error', params: { firstRow } },
    ];
    assert.deepEqual(issueOf(1_000), []);
    assert.deepEqual(issueOf(6_000), duplicateOf(6_000, 1_000));
    // A third holder of a value, after the others: it alone changes.
    const third = session.edit(9_999, 'id', ' 1000 ');
    assert.deepEqual(third.cell.issue, { code: 'duplicate', level: 'error', params: { firstRow: 1_000 } });
    assert.deepEqual(third.others, []);
    assert.equal(third.summary.errorCount, 6);
    // The first holder changes: the next one is first (valid), and the last repeat names it.
    const moved = session.edit(1_000, 'id', 'moved');
    assert.deepEqual(
      moved.others?.map((o) => [o.row, o.cell.issue?.params?.firstRow]),
      [
        [6_000, undefined],
        [9_999, 6_000],
      ],
    );
    assert.equal(moved.summary.errorCount, 5);
    assert.deepEqual(issueOf(9_999), duplicateOf(9_999, 6_000));
    summary = session.undo();
    assert.equal(summary.errorCount, 6);
    assert.deepEqual(issueOf(6_000), duplicateOf(6_000, 1_000));
    // Deleting a first holder makes its repeat first; undo makes it a repeat again.
    summary = session.deleteRows([0]);
    assert.equal(summary.errorCount, 5);
    assert.deepEqual(issueOf(5_000), []);
    summary = session.undo();
    assert.equal(summary.errorCount, 6);
    assert.deepEqual(issueOf(5_000), duplicateOf(5_000, 0));
  });

  test('a unique number field compares typed values: 7, 07 and 7.0 are one number', async () => {
    const csv = 'n\n7\n07\n7.0\n8\n';
    const session = new ImportSession();
    session.configure([{ key: 'n', label: 'N', type: 'number', unique: true }]);
    assert.ok((await session.load(new File([csv], 'n.csv'))).ok);
    const summary = session.validate({ n: 0 });
    assert.equal(summary.errorCount, 2);
    assert.deepEqual(
      delivered(session).issues.filter((i) => i.code === 'duplicate'),
      [
        { row: 1, column: 'n', code: 'duplicate', level: 'error', params: { firstRow: 0 } },
        { row: 2, column: 'n', code: 'duplicate', level: 'error', params: { firstRow: 0 } },
      ],
    );
  });

  test('a unique field flags repeats only; deleting all invalid rows keeps the first holder, under every policy', async () => {
    const columns = CONTACT_COLUMNS.map((c) =>
      c.key === 'email' ? { ...c, unique: { caseInsensitive: true } } : c,
    ) as ColumnSpec[];
    for (const invalidRows of ['include', 'exclude', 'block'] as const) {
      const { session, summary } = await contacts({ invalidRows }, columns);
      assert.equal(summary.errorsByColumn.email, 2, 'the invalid e-mail and the copy of ada@example.com');
      assert.deepEqual(session.window(8, 1).rows[0]!.cells[2]!.issue, {
        code: 'duplicate',
        level: 'error',
        params: { firstRow: 0 },
      });
      assert.equal(session.window(0, 1).rows[0]!.cells[2]!.issue, undefined);
      if (invalidRows === 'include') {
        const rows = delivered(session);
        assert.equal(rows.rows.filter((r) => r.email === 'ada@example.com').length, 2);
        assert.deepEqual(
          rows.issues.filter((i) => i.code === 'duplicate'),
          [{ row: 8, column: 'email', code: 'duplicate', level: 'error', params: { firstRow: 0 } }],
        );
      }
      if (invalidRows === 'exclude') {
        const rows = delivered(session).rows;
        assert.equal(
          rows.filter((r) => r.email === 'ada@example.com').length,
          1,
          'the first holder is delivered',
        );
      }
      session.deleteInvalidRows();
      const rows = delivered(session);
      assert.equal(rows.rows.filter((r) => r.email === 'ada@example.com').length, 1, invalidRows);
      assert.equal(rows.rows[0]!.email, 'ada@example.com', 'row 0, the first holder, survives');
      assert.deepEqual(
        rows.issues.filter((i) => i.level === 'error'),
        [],
      );
    }
    const { session } = await contacts({}, columns);
    let after = session.edit(8, 'email', 'ada2@example.com').summary;
    assert.equal(after.errorsByColumn.email, 1);
    after = session.edit(3, 'email', 'ADA2@example.com ').summary;
    assert.equal(after.errorsByColumn.email, 2, 'row 8 repeats row 3, without case');
    after = session.deleteRows([8]);
    assert.equal(after.errorsByColumn.email, 1);
    after = session.undo();
    assert.equal(after.errorsByColumn.email, 2);
  });

  test('a value mapping maps only the values the user mapped, never names every object has', async () => {
    const columns: ColumnSpec[] = [{ key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] }];
    const session = new ImportSession();
    session.configure(columns);
    const csv = 'Plan\nGratis\nconstructor\ntoString\n__proto__\n';
    assert.ok((await session.load(new File([csv], 'plans.csv'))).ok);
    const summary = session.validate({ plan: 0 }, { plan: { Gratis: 'free' } });
    assert.equal(summary.errorCount, 3);
    const { rows, issues } = session.deliveryBatch(0, 10, { encoding: 'records' });
    assert.deepEqual(
      (rows as Record<string, unknown>[]).map((r) => r.plan),
      ['free', 'constructor', 'toString', '__proto__'],
    );
    // The user's choice is reported as core reports a value mapping: an info note with the original.
    assert.deepEqual(issues[0], {
      row: 0,
      column: 'plan',
      code: 'option_normalized',
      level: 'info',
      params: { original: 'Gratis', value: 'free' },
    });
    assert.deepEqual(
      issues.filter((i) => i.level === 'error').map((i) => [i.row, i.code]),
      [
        [1, 'invalid_option'],
        [2, 'invalid_option'],
        [3, 'invalid_option'],
      ],
    );
  });

  test('the host hooks see typed records by data row, and their findings join the counts and the grid', async () => {
    const { session } = await contacts();
    const [linus] = session.records(2, 1);
    assert.equal(linus!.index, 2);
    assert.equal(linus!.record.email, 'linus@');
    assert.deepEqual(linus!.issues, [{ row: 2, column: 'email', code: 'invalid_email', level: 'error' }]);
    let summary = session.applyHostFindings(
      0,
      5,
      [
        { row: 0, column: 'country', code: 'not_served' as never, level: 'error', params: { country: 'GB' } },
        { row: 2, column: 'email', code: 'blocked_domain' as never, level: 'error' },
        { row: 9, column: 'plan', code: 'outside_batch' as never, level: 'error' },
      ],
      [{ row: 1, column: 'plan', value: 'ENTERPRISE' }],
    );
    assert.equal(summary.invalidRowCount, 3, 'row 0 joins rows 2 and 7; the out-of-batch finding is ignored');
    assert.deepEqual(session.window(0, 1).rows[0]!.cells[5]!.issue, {
      code: 'not_served',
      level: 'error',
      params: { country: 'GB' },
    });
    assert.equal(session.window(2, 1).rows[0]!.cells[2]!.issue?.code, 'invalid_email', 'the engine wins');
    assert.equal(session.records(1, 1)[0]!.record.plan, 'ENTERPRISE');
    summary = session.edit(2, 'email', 'linus@example.org').summary;
    assert.equal(session.window(2, 1).rows[0]!.cells[2]!.issue?.code, 'blocked_domain');
    summary = session.applyHostFindings(0, 5, [], []);
    assert.equal(summary.invalidRowCount, 1);
    session.deleteRows([7]);
    assert.equal(session.records(7, 1)[0]!.deleted, true);
    assert.equal(delivered(session).rows.length, 10);
  });

  test('row-level findings of reading are counted, marked on the grid row and delivered with the row (column "")', () => {
    const store = new CellStore();
    store.append([['Preamble'], ['name', 'n'], ['Ada', '1'], ['Grace'], ['Linus', '3', 'extra']]);
    const data = new Dataset();
    data.load(store, [
      { record: 0, code: 'ragged_row', level: 'warning', params: { expected: 2, found: 1 } },
      { record: 3, code: 'ragged_row', level: 'warning', params: { expected: 2, found: 1 } },
      { record: 4, code: 'malformed_quotes' as never, level: 'error' },
    ]);
    data.setHeaderRow(1, ['name', 'n']);
    data.setMapping(['name', 'n'], { name: 0, n: 1 });
    const validation = new Validation(data, () => {});
    validation.configure([
      { key: 'name', label: 'Name' },
      { key: 'n', label: 'N', type: 'number' },
    ]);
    validation.run({});
    const counts = validation.counts();
    assert.equal(counts.warningCount, 1, 'the preamble is above the header row: left out');
    assert.equal(counts.errorCount, 1);
    assert.equal(validation.invalidRows, 1);
    assert.ok(validation.hasErrors(2));
    const view = new GridView(data, validation);
    view.reset();
    assert.deepEqual(view.window(1, 1, 0, 2).rows[0]!.issues, [
      { code: 'ragged_row', level: 'warning', params: { expected: 2, found: 1 } },
    ]);
    assert.equal(view.window(0, 1, 0, 2).rows[0]!.issues, undefined);
    const output = new DeliveredRows(data, validation);
    assert.deepEqual(output.rowIssues(1), [
      { row: 1, column: '', code: 'ragged_row', level: 'warning', params: { expected: 2, found: 1 } },
    ]);
    assert.deepEqual(output.rowIssues(2), [{ row: 2, column: '', code: 'malformed_quotes', level: 'error' }]);
    validation.countRow(2, -1);
    assert.equal(validation.counts().errorCount, 0, 'a deleted row counts no more');
  });
});
