import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONTACT_COLUMNS } from '../../../../tests/support/contacts.ts';
import { contacts } from '../../../../tests/support/import-session.ts';

describe('the error export', () => {
  test('exports the invalid rows as CSV with their problems, formulas guarded', async () => {
    const { session } = await contacts();
    const labels = CONTACT_COLUMNS.map((c) => c.label);
    const csv = await session
      .exportInvalidCsv(labels, 'Problems', { invalid_email: 'Not an e-mail', required: 'Required' })
      .text();
    const lines = csv.trimEnd().split('\r\n');
    assert.equal(lines.length, 3);
    assert.ok(lines[0]!.endsWith(',Problems'));
    assert.ok(lines[1]!.startsWith('Linus,Torvalds,linus@,'));
    assert.ok(lines[1]!.endsWith(',E-mail: Not an e-mail'));
    assert.ok(lines[2]!.endsWith(',First name: Required'));
  });
});
