import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contacts, delivered } from '../../../../tests/support/import-session.ts';
import { ImportSession } from './import-session.ts';

describe('ImportSession', () => {
  test('one session from file to delivery: read, validate, fix, view, deliver', async () => {
    const { session, summary, load } = await contacts({ invalidRows: 'exclude' });
    assert.equal(load.rowCount, 11);
    assert.equal(summary.invalidRowCount, 2);
    const edited = session.edit(2, 'email', 'linus@example.org');
    assert.equal(edited.summary.invalidRowCount, 1);
    assert.equal(session.setFilter({ errorsOnly: true }).viewCount, 1);
    assert.equal(session.submitSummary().deliverCount, 10);
    assert.equal(delivered(session).rows.length, 10);
    assert.equal(delivered(session).rows[2]!.email, 'linus@example.org');
    session.undo();
    assert.equal(session.submitSummary().deliverCount, 9, 'undo reaches delivery');
  });

  test('calls that need a file refuse clearly before one is read', () => {
    const session = new ImportSession();
    session.configure([{ key: 'name', label: 'Name' }]);
    assert.throws(() => session.reread({}), /no file has been loaded/);
    assert.throws(() => session.setHeaderRow(0), /no file has been loaded/);
  });
});
