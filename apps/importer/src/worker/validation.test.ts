import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnSpec } from '@csv-importer/core';
import { CONTACT_COLUMNS } from '../../../../tests/support/contacts.ts';
import { contacts, delivered } from '../../../../tests/support/import-session.ts';
import { ImportSession } from './import-session.ts';

describe('validation', () => {
  test('a unique field over thousands of rows: duplicates across blocks, edits and deletions keep it current', async () => {
    // 10,000 rows; every 1,000th id is repeated 5,000 rows later.
    const ids = Array.from({ length: 10_000 }, (_, i) =>
      i >= 5_000 && i % 1_000 === 0 ? `${i - 5_000}` : `${i}`,
    );
    const session = new ImportSession();
    session.configure([{ key: 'id', label: 'ID', unique: true }]);
    assert.ok((await session.load(new File([`id\n${ids.join('\n')}\n`], 'ids.csv'))).ok);
    let summary = session.validate({ id: 0 });
    assert.equal(summary.errorCount, 10, 'rows 0, 1000 … 4000 and their copies');
    const issue = (row: number) => session.window(row, 1).rows[0]!.cells[0]!.issue?.code;
    assert.equal(issue(1_000), 'duplicate');
    assert.equal(issue(6_000), 'duplicate');
    // A third holder of a value: the two others were duplicates already.
    const third = session.edit(9_999, 'id', ' 1000 ');
    assert.equal(third.cell.issue?.code, 'duplicate');
    assert.deepEqual(third.others, []);
    assert.equal(third.summary.errorCount, 11);
    // Two of three leave: the last holder is valid again, and is the cell reported.
    session.edit(6_000, 'id', 'new');
    const last = session.edit(9_999, 'id', '9999');
    assert.deepEqual(
      last.others?.map((o) => o.row),
      [1_000],
    );
    assert.equal(issue(1_000), undefined);
    summary = session.deleteRows([5_000]);
    assert.equal(summary.errorCount, 6, 'row 0 holds its id alone now');
    assert.equal(issue(0), undefined);
    summary = session.undo();
    assert.equal(summary.errorCount, 8);
    assert.equal(issue(0), 'duplicate');
    session.undo();
    session.undo();
    summary = session.undo();
    assert.equal(summary.errorCount, 10);
  });

  test('a unique field flags duplicates, and an edit or a deletion that resolves one clears both cells', async () => {
    const columns = CONTACT_COLUMNS.map((c) =>
      c.key === 'email' ? { ...c, unique: { caseInsensitive: true } } : c,
    );
    const { session, summary } = await contacts({}, columns as ColumnSpec[]);
    assert.equal(summary.errorsByColumn.email, 3, 'the invalid e-mail and two copies of ada@example.com');
    assert.equal(session.window(8, 1).rows[0]!.cells[2]!.issue?.code, 'duplicate');
    let after = session.edit(8, 'email', 'ada2@example.com').summary;
    assert.equal(after.errorsByColumn.email, 1);
    assert.equal(session.window(0, 1).rows[0]!.cells[2]!.issue, undefined);
    after = session.edit(3, 'email', 'ADA2@example.com ').summary;
    assert.equal(after.errorsByColumn.email, 3);
    after = session.deleteRows([8]);
    assert.equal(after.errorsByColumn.email, 1);
    after = session.undo();
    assert.equal(after.errorsByColumn.email, 3);
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
    assert.deepEqual(
      issues.map((i) => [i.row, i.code]),
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
});
