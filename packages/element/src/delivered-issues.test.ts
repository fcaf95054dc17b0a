import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { packNotes } from '@csv-importer/protocol';
import { mergeIssues } from './delivered-issues.ts';
import { CsvImporterCompleteEvent } from './events.ts';

describe('delivered issues', () => {
  test("the batches' issues and packed notes make one list ordered by row, built when first read", () => {
    const issues = [
      { row: 0, column: 'email', code: 'invalid_email', level: 'error' as const },
      { row: 5001, column: 'seats', code: 'too_small', level: 'error' as const, params: { min: 1 } },
    ];
    const packed = [
      { start: 0, notes: [packNotes('phone', 'phone_normalized', ['020 1', null])] },
      { start: 5000, notes: [packNotes('phone', 'phone_normalized', [null, '020 2'])] },
    ];
    const merged = mergeIssues(issues, packed);
    assert.deepEqual(merged, [
      issues[0],
      { row: 0, column: 'phone', code: 'phone_normalized', level: 'info', params: { original: '020 1' } },
      issues[1],
      { row: 5001, column: 'phone', code: 'phone_normalized', level: 'info', params: { original: '020 2' } },
    ]);
    let built = 0;
    const meta = { fileName: 'f.csv', encoding: 'utf-8', delimiter: ',', rowCount: 2, mapping: {} };
    const event = new CsvImporterCompleteEvent(
      [],
      () => {
        built++;
        return merged;
      },
      meta,
    );
    assert.equal(built, 0, 'nothing is built until a listener reads the issues');
    assert.equal(event.issues, merged);
    assert.equal(event.issues, merged);
    assert.equal(built, 1);
  });
});
