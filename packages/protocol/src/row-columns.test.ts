import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseMessage, RowsSchema } from './messages.ts';
import { isNoteColumns, noteIssues, packNotes, transferList } from './row-columns.ts';

const rows = { fields: ['phone'], values: [['+442079460958', '+442079460001', null]] };

describe('packed notes', () => {
  test('a column of originals stands for one info issue per row that has one', () => {
    const notes = [
      packNotes('phone', 'phone_normalized', ['+44 20 7946 0958', null, '020 7946 0002']),
      packNotes('notes', 'trimmed', [null, null, ' vip ']),
    ];
    assert.ok(isNoteColumns(notes, 3));
    assert.deepEqual(noteIssues(notes, 10), [
      {
        row: 10,
        column: 'phone',
        code: 'phone_normalized',
        level: 'info',
        params: { original: '+44 20 7946 0958' },
      },
      {
        row: 12,
        column: 'phone',
        code: 'phone_normalized',
        level: 'info',
        params: { original: '020 7946 0002' },
      },
      { row: 12, column: 'notes', code: 'trimmed', level: 'info', params: { original: ' vip ' } },
    ]);
    // Few distinct originals travel as a dictionary, whose codes' buffer is transferred.
    assert.equal(notes[0]!.originals.constructor, Object);
    assert.equal((notes[0]!.originals as { kind: string }).kind, 'words');
    assert.equal(transferList(undefined, notes).length, notes.length);
  });

  test('a rows batch carries notes, and malformed ones make it fail to parse', () => {
    const message = { type: 'rows', version: 1, id: 'a1', start: 0, rows, issues: [] };
    const notes = [packNotes('phone', 'phone_normalized', ['+44 20 7946 0958', null, null])];
    const parse = (value: unknown) => parseMessage(RowsSchema, value);
    assert.deepEqual(parse({ ...message, notes })?.notes, notes);
    for (const bad of [
      [{ column: 'phone', code: 'phone_normalized', originals: [1, null, null] }],
      [{ column: 'phone', code: '', originals: [null, null, null] }],
      [{ column: 'phone', code: 'x', originals: { kind: 'number', values: new Float64Array(3) } }],
      [{ column: 'phone', code: 'x', originals: [null], extra: 1 }],
      [
        { column: 'a', code: 'x', originals: [null, null, null] },
        { column: 'b', code: 'x', originals: [null] },
      ],
      'notes',
    ])
      assert.equal(parse({ ...message, notes: bad }), undefined, JSON.stringify(bad));
    assert.equal(isNoteColumns(notes, 2), false, 'notes of another length than the batch');
  });
});
