import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnSpec } from '@csv-importer/core';
import { delivered, fixture, sessionOf } from '../../../../tests/support/import-session.ts';
import { ImportSession } from './import-session.ts';

const SALES: ColumnSpec[] = [
  { key: 'firstName', label: 'First name', synonyms: ['Vorname'] },
  { key: 'revenue', label: 'Revenue', type: 'number', synonyms: ['Umsatz'] },
];

describe('hints and value suggestions', () => {
  test('decimal commas are detected from the file and applied; the user can choose otherwise', async () => {
    const session = new ImportSession();
    session.configure(SALES);
    const loaded = await session.load(await fixture('sales-de-windows1252.csv'));
    assert.ok(loaded.ok);
    const mapping = Object.fromEntries(loaded.summary.suggestions.map((s) => [s.key, s.fileColumn]));
    const summary = session.validate(mapping);
    assert.equal(summary.errorCount, 0);
    assert.deepEqual(summary.hints.revenue?.applied, { decimalSeparator: ',' });
    assert.deepEqual(summary.hints.revenue?.confirm, []);
    assert.ok(summary.hints.revenue!.examples.includes('1.234,56'));
    assert.deepEqual(
      delivered(session).rows.map((r) => r.revenue),
      [1234.56, 987, 12.5, 0.99],
    );
    const chosen = session.validate(mapping, {}, { revenue: { decimalSeparator: '.' } });
    assert.deepEqual(chosen.hints.revenue?.applied, { decimalSeparator: '.' });
    assert.ok(chosen.errorCount > 0, 'read with a decimal point, 1.234,56 is no number');
  });

  test('a day-first date column is read day first; an ambiguous one is asked, with examples', async () => {
    const dates = [{ key: 'd', label: 'D', type: 'date' as const }];
    const { session, summary } = await sessionOf('D\n15/03/2024\n28/02/2024\n04/03/2024\n', dates);
    assert.deepEqual(summary.hints.d?.applied, { dateOrder: 'DMY' });
    assert.deepEqual(
      delivered(session).rows.map((r) => r.d),
      ['2024-03-15', '2024-02-28', '2024-03-04'],
    );
    const ambiguous = await sessionOf('D\n04/03/2024\n05/06/2024\n', dates);
    assert.deepEqual(ambiguous.summary.hints.d?.confirm, ['dateOrder']);
    assert.deepEqual(ambiguous.summary.hints.d?.examples, ['04/03/2024', '05/06/2024']);
    const answered = ambiguous.session.validate({ d: 0 }, {}, { d: { dateOrder: 'DMY' } });
    assert.deepEqual(answered.hints.d, {
      applied: { dateOrder: 'DMY' },
      confirm: [],
      examples: ['04/03/2024', '05/06/2024'],
    });
    assert.deepEqual(
      delivered(ambiguous.session).rows.map((r) => r.d),
      ['2024-03-04', '2024-06-05'],
    );
  });

  test('suggests options for the distinct values of a select column, fuzzy matches included', async () => {
    const plans = [
      { key: 'plan', label: 'Plan', type: 'select' as const, options: ['free', 'pro', 'enterprise'] },
    ];
    const { session } = await sessionOf('Plan\nEnterprize\nfre\nPRO\npro\nzzz\npro\n', plans);
    assert.deepEqual(session.suggestValues(0, 'plan'), [
      { value: 'pro', count: 2, suggestion: 'pro', confidence: 1 },
      {
        value: 'Enterprize',
        count: 1,
        suggestion: 'enterprise',
        confidence: session.suggestValues(0, 'plan')[1]!.confidence,
      },
      {
        value: 'fre',
        count: 1,
        suggestion: 'free',
        confidence: session.suggestValues(0, 'plan')[2]!.confidence,
      },
      { value: 'PRO', count: 1, suggestion: 'pro', confidence: 1 },
      { value: 'zzz', count: 1, suggestion: null, confidence: 0 },
    ]);
    assert.deepEqual(session.suggestValues(0, 'plan', 1).length, 1);
  });
});
