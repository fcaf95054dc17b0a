import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SAVE_FILE_MAX_LENGTH } from '@csv-importer/protocol';
import { CONTACT_COLUMNS } from '../../../../../tests/support/contacts.ts';
import { contacts } from '../../../../../tests/support/import-session.ts';
import type { ValidationSummary } from '../../worker/session-types.ts';
import { RowActions, reviewShortcut } from './row-actions.ts';

/** Row actions on a real session with contacts.csv (11 rows, 2 with errors), recording what they tell the step. */
async function setup(remote?: unknown) {
  const { session } = await contacts();
  const told = {
    changed: [] as ValidationSummary[],
    said: [] as string[],
    saved: [] as string[][],
    focused: 0,
  };
  const actions = new RowActions({
    session: () => ({ remote: (remote ?? session) as never }),
    fields: () => CONTACT_COLUMNS,
    changed: (summary) => told.changed.push(summary),
    say: (message) => told.said.push(message),
    saveFile: (name, text) => told.saved.push([name, text]),
    focusGrid: () => told.focused++,
  });
  return { actions, told };
}

describe('RowActions', () => {
  test('deletes the selected rows or every row with errors, and says how many went', async () => {
    const { actions, told } = await setup();
    await actions.deleteRows([0, 1, 9]);
    assert.equal(told.changed.at(-1)!.rowCount, 8);
    assert.equal(told.said.at(-1), 'Deleted 3 rows.');
    await actions.deleteInvalid(8);
    assert.equal(told.changed.at(-1)!.rowCount, 6);
    assert.equal(told.changed.at(-1)!.invalidRowCount, 0);
    assert.equal(told.said.at(-1), 'Deleted 2 rows.');
  });

  test('undo and redo show the counts, and the keyboard goes to the grid only when its button disables itself', async () => {
    const { actions, told } = await setup();
    await actions.deleteRows([0]);
    await actions.deleteInvalid(10);
    await actions.history('undo', true);
    assert.equal(told.changed.at(-1)!.rowCount, 10);
    assert.equal(told.said.at(-1), '10 rows, 2 with errors (2 errors).');
    assert.equal(told.focused, 0, 'Undo still has a change to undo: it stays enabled');
    await actions.history('undo', true);
    assert.equal(told.said.at(-1), '11 rows, 2 with errors (2 errors).');
    assert.equal(told.focused, 1, 'nothing left to undo: from the button, the keyboard goes to the grid');
    await actions.history('redo', false);
    await actions.history('redo', false);
    assert.equal(told.said.at(-1), 'All 8 rows are valid.');
    assert.equal(told.focused, 1, 'from the keys, the keyboard stays where it is');
  });

  test('hands the rows with errors to the host page as a CSV file that says what is wrong', async () => {
    const { actions, told } = await setup();
    await actions.exportInvalid();
    assert.equal(told.saved.length, 1);
    const [name, text] = told.saved[0]!;
    assert.equal(name, 'rows-with-errors.csv');
    const lines = text!.trim().split(/\r?\n/);
    assert.match(lines[0]!, /^First name,Last name,E-mail,.*,Notes,Problems$/);
    assert.equal(lines.length, 3, 'the header and the two rows with errors');
    assert.match(lines[1]!, /^Linus,Torvalds,linus@,/);
    assert.deepEqual(told.said, []);
  });

  test('a file over the protocol cap is not read: the user is told it is too large', async () => {
    const huge = { size: SAVE_FILE_MAX_LENGTH * 3 + 1, text: () => assert.fail('read a blob over the cap') };
    const { actions, told } = await setup({ exportInvalidCsv: async () => huge });
    await actions.exportInvalid();
    assert.deepEqual(told.saved, []);
    assert.match(told.said[0]!, /^The file is larger than .+\. Split it into smaller files\.$/);
  });
});

describe('reviewShortcut', () => {
  const key = (k: string, mods: { ctrl?: boolean; meta?: boolean; shift?: boolean } = {}) => ({
    key: k,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
  });

  test('F8 jumps between errors, Ctrl or Cmd with Z and Y undo and redo, except inside a text field', () => {
    assert.equal(reviewShortcut(key('F8'), false), 'next-error');
    assert.equal(
      reviewShortcut(key('F8', { shift: true }), true),
      'previous-error',
      'F8 also from a text field',
    );
    assert.equal(reviewShortcut(key('z', { ctrl: true }), false), 'undo');
    assert.equal(reviewShortcut(key('Z', { meta: true, shift: true }), false), 'redo');
    assert.equal(reviewShortcut(key('y', { ctrl: true }), false), 'redo');
    assert.equal(reviewShortcut(key('z', { ctrl: true }), true), null, "the text field's own undo");
    assert.equal(reviewShortcut(key('y', { ctrl: true }), true), null);
    assert.equal(reviewShortcut(key('z'), false), null, 'a plain z types');
    assert.equal(reviewShortcut(key('Enter'), false), null);
  });
});
