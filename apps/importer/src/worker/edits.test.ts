import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONTACT_COLUMNS } from '../../../../tests/support/contacts.ts';
import { contacts, delivered, text } from '../../../../tests/support/import-session.ts';

describe('edits', () => {
  test('an edit re-validates the cell, updates the counts, and undo and redo restore them', async () => {
    const { session } = await contacts();
    const fixed = session.edit(2, 'email', 'linus@example.org');
    assert.equal(fixed.cell.issue, undefined);
    assert.equal(fixed.summary.invalidRowCount, 1);
    assert.deepEqual(fixed.summary.errorsByColumn, { firstName: 1 });
    const broken = session.edit(0, 'email', 'nope');
    assert.equal(broken.cell.issue?.code, 'invalid_email');
    assert.equal(broken.summary.invalidRowCount, 2);
    let summary = session.undo();
    assert.equal(text(session, 0, 2), 'ada@example.com');
    assert.equal(summary.invalidRowCount, 1);
    summary = session.undo();
    assert.equal(summary.invalidRowCount, 2);
    assert.equal(text(session, 2, 2), 'linus@');
    assert.equal(summary.canUndo, false);
    summary = session.redo();
    assert.equal(text(session, 2, 2), 'linus@example.org');
    assert.equal(summary.invalidRowCount, 1);
    assert.equal(summary.canRedo, true);
  });

  test('an edit returns every other cell it changed, so the grid can repaint without reading its window again', async () => {
    const columns = CONTACT_COLUMNS.map((c) => (c.key === 'email' ? { ...c, unique: true } : c));
    const { session } = await contacts({}, columns);
    const email = 2;
    // Rows 0 and 8 hold the same e-mail; row 0 is first, so only row 8 is a duplicate.
    assert.deepEqual(session.window(8, 1).rows[0]!.cells[email]!.issue, {
      code: 'duplicate',
      level: 'error',
      params: { firstRow: 0 },
    });
    // Changing the first holder makes row 8 first, and valid.
    const moved = session.edit(0, 'email', 'ada.2@example.com');
    assert.equal(moved.cell.issue, undefined);
    assert.deepEqual(moved.others, [{ row: 8, field: email, cell: { text: 'ada@example.com' } }]);
    // Writing it back makes row 0 first again and row 8 its duplicate.
    const back = session.edit(0, 'email', 'ada@example.com');
    assert.equal(back.cell.issue, undefined);
    assert.deepEqual(back.others, [
      {
        row: 8,
        field: email,
        cell: {
          text: 'ada@example.com',
          issue: { code: 'duplicate', level: 'error', params: { firstRow: 0 } },
        },
      },
    ]);
    // A repeat that changes touches no other cell: the first holder stays first.
    assert.deepEqual(session.edit(8, 'email', 'ada.8@example.com').others, []);
    // An edit of a field that is not unique touches no other cell.
    assert.deepEqual(session.edit(3, 'notes', 'checked').others, []);
  });

  test('find counts matches in one field, replace-all changes them as one undoable step', async () => {
    const { session } = await contacts();
    assert.equal(session.findCount({ text: 'example.com', field: 'email' }), 8);
    assert.equal(session.findCount({ text: 'EXAMPLE.COM', field: 'email', matchCase: true }), 0);
    assert.equal(session.findCount({ text: 'pro', field: 'plan', wholeCell: true }), 5);
    const { replaced, summary } = session.replaceAll(
      { text: 'linus@', field: 'email', wholeCell: true },
      'l@x.org',
    );
    assert.equal(replaced, 1);
    assert.equal(summary.invalidRowCount, 1);
    assert.equal(session.replaceAll({ text: 'example.com', field: 'email' }, 'example.net').replaced, 8);
    assert.equal(session.findCount({ text: 'example.net', field: null }), 8);
    session.undo();
    assert.equal(session.findCount({ text: 'example.net', field: null }), 0);
  });

  test('deletes selected rows and all invalid rows; undo brings them back', async () => {
    const { session } = await contacts();
    let summary = session.deleteRows([0, 1]);
    assert.equal(summary.rowCount, 9);
    assert.equal(summary.viewCount, 9);
    assert.equal(session.window(0, 1).rows[0]!.index, 2, 'the view leaves the deleted rows out');
    summary = session.deleteInvalidRows();
    assert.equal(summary.rowCount, 7);
    assert.equal(summary.invalidRowCount, 0);
    assert.equal(summary.errorCount, 0);
    summary = session.undo();
    assert.equal(summary.invalidRowCount, 2);
    summary = session.undo();
    assert.equal(summary.rowCount, 11);
    assert.equal(session.window(0, 1).rows[0]!.index, 0);
  });

  test('counts the cells that hold a value, for a fix-all after an edit', async () => {
    const { session } = await contacts();
    const result = session.edit(0, 'plan', 'Pro');
    assert.equal(result.before, 'pro');
    assert.equal(session.countValue('plan', 'pro'), 3, 'the other exact "pro" cells, not "Pro"');
    assert.equal(session.countValue('plan', ''), 0);
  });

  test('a field mapped to no column can be filled in by hand', async () => {
    const { session, mapping } = await contacts();
    session.validate({ ...mapping, notes: null });
    assert.equal(text(session, 0, 9), '');
    session.edit(0, 'notes', 'hand-written');
    assert.equal(text(session, 0, 9), 'hand-written');
    assert.equal(delivered(session, 0, 1).rows[0]!.notes, 'hand-written');
  });

  test('"fix all like this" counts and changes equal and near-equal cells (case, spaces), as one undo step', async () => {
    const { session } = await contacts();
    const plan = 6;
    // contacts.csv: "pro" in rows 0, 4, 6, 8, "Pro" in row 3.
    assert.equal(session.countLike('plan', 'pro', 'Professional'), 5);
    assert.equal(session.countLike('plan', ' PRO ', 'Professional'), 5);
    assert.equal(
      session.countLike('plan', 'Pro', 'pro'),
      1,
      'cells that already hold the fix are not counted',
    );
    assert.equal(session.countLike('plan', '', 'x'), 0);
    const { replaced, summary } = session.replaceLike('plan', 'pro', 'Professional');
    assert.equal(replaced, 5);
    assert.equal(text(session, 3, plan), 'Professional');
    assert.equal(text(session, 0, plan), 'Professional');
    assert.equal(summary.canUndo, true);
    session.undo();
    assert.equal(text(session, 3, plan), 'Pro');
    assert.equal(text(session, 0, plan), 'pro');
    assert.equal(session.summary().canUndo, false, 'one step');
  });
});
