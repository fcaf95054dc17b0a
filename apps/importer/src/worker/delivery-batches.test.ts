import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ColumnSpec, compileColumn, type Issue, validateRow } from '@csv-importer/core';
import { type RowColumns, rowColumnsToRecords } from '@csv-importer/protocol';
import { contacts, delivered } from '../../../../tests/support/import-session.ts';
import { ImportSession } from './import-session.ts';

describe('delivery', () => {
  test('delivers rows in windows under each invalid-rows policy', async () => {
    const include = (await contacts({ invalidRows: 'include' })).session;
    assert.equal(delivered(include).rows.length, 11);
    const window = delivered(include, 2, 3);
    assert.equal(window.rows.length, 3);
    assert.equal(window.rows[0]!.email, 'linus@');
    assert.deepEqual(window.issues, [{ row: 2, column: 'email', code: 'invalid_email', level: 'error' }]);

    const exclude = (await contacts({ invalidRows: 'exclude' })).session;
    assert.deepEqual(exclude.submitSummary(), {
      policy: 'exclude',
      deliverCount: 9,
      excludedInvalid: 2,
      deleted: 0,
      invalidIncluded: 0,
      invalidRows: 2,
      blocked: false,
    });
    const kept = delivered(exclude);
    assert.equal(kept.rows.length, 9);
    assert.ok(kept.rows.every((r) => r.email !== 'linus@' && r.firstName !== null));

    const block = (await contacts({ invalidRows: 'block' })).session;
    assert.equal(block.submitSummary().blocked, true);
    assert.equal(delivered(block).rows.length, 0);
    block.deleteInvalidRows();
    assert.equal(block.submitSummary().blocked, false);
    assert.equal(delivered(block).rows.length, 9);
  });

  test('builds delivery batches as records, columns or packed columns that hold the same rows, issues numbered among delivered rows', async () => {
    const { session } = await contacts({ invalidRows: 'exclude', includeUnmatched: true }, [
      { key: 'firstName', label: 'First name', required: true },
      { key: 'email', label: 'E-mail', type: 'email' },
    ]);
    session.edit(1, 'email', 'not-an-email');
    const asRecords = session.deliveryBatch(0, 4, { unmatched: true });
    const asColumns = session.deliveryBatch(0, 4, { encoding: 'columns', unmatched: true });
    const asPacked = session.deliveryBatch(0, 4, { encoding: 'packed', unmatched: true });
    assert.equal(asRecords.count, 4);
    const records = asRecords.rows as Record<string, unknown>[];
    const { fields, values } = asColumns.rows as { fields: string[]; values: unknown[][] };
    assert.deepEqual(fields, ['firstName', 'email']);
    assert.deepEqual(
      records,
      values[0]!.map((_, i) => Object.fromEntries(fields.map((f, c) => [f, values[c]![i]]))),
    );
    assert.equal(records[0]!.email, 'ada@example.com');
    assert.equal(asRecords.unmatched![0]!['Last Name'], 'Lovelace');
    assert.deepEqual(asColumns.issues, asRecords.issues);
    const packed = asPacked.rows as RowColumns;
    assert.ok(
      packed.values.every((column) => !Array.isArray(column)),
      'both text columns are packed',
    );
    assert.deepEqual(rowColumnsToRecords(packed), records);
    assert.deepEqual(asPacked.issues, asRecords.issues);
    // Under `exclude`, the rows with errors (1, 2 and 7) are not delivered: delivered row 1 is data row 3.
    assert.equal(records[1]!.firstName, session.records(3, 1)[0]!.record.firstName);
    const all = session.deliveryBatch(0, 100, { encoding: 'columns' });
    assert.equal(all.count, 11 - 3);
    assert.equal(all.invalid, 0);
    assert.equal(session.deliveryBatch(all.count, 100, { encoding: 'columns' }).count, 0);

    // A host value under a key that is no field cannot go by column: that batch goes as records.
    session.applyHostFindings(0, 1, [], [{ row: 0, column: 'plan', value: 'PRO' }]);
    const mixed = session.deliveryBatch(0, 2, { encoding: 'packed' });
    assert.ok(Array.isArray(mixed.rows));
    assert.equal((mixed.rows as Record<string, unknown>[])[0]!.plan, 'PRO');
  });

  test('delivers each cell as its column checks it: trimmed, defaulted, typed, kept when invalid', async () => {
    const columns: ColumnSpec[] = [
      { key: 'name', label: 'Name' },
      { key: 'email', label: 'Email', type: 'email' },
      { key: 'site', label: 'Site', type: 'url' },
      { key: 'code', label: 'Code', type: 'regex', pattern: '^[A-Z]{2}$' },
      { key: 'plan', label: 'Plan', default: 'free' },
      { key: 'n', label: 'N', type: 'number' },
    ];
    const cells = [
      ['Ada', 'ada@example.com', 'https://example.com', 'GB', 'pro', '1.5'],
      ['  Grace ', ' grace@example.com', 'example.org ', ' FI', '', ' 2 '],
      ['\u00a0Linus\u00a0', 'not-an-email', 'not a url', 'gbr', '\u3000x', 'many'],
      ['Zoë', "o'brien@example.com", 'http://例え.jp', 'DE', 'enterprise', ''],
      ['', '', '', '', ' ', '-0'],
    ];
    const csv = `${columns.map((c) => c.label).join(',')}\n${cells.map((row) => row.join(',')).join('\n')}\n`;
    const session = new ImportSession();
    session.configure(columns);
    const loaded = await session.load(new File([csv], 'cells.csv'));
    assert.ok(loaded.ok);
    session.validate(Object.fromEntries(columns.map((c, i) => [c.key, i])));
    const compiled = columns.map(compileColumn);
    const expected = cells.map((row) =>
      Object.fromEntries(
        compiled.map((column, i) => {
          const { value } = column.check(row[i]!);
          return [column.key, value === '' ? null : value];
        }),
      ),
    );
    for (const encoding of ['records', 'columns', 'packed'] as const) {
      const { rows } = session.deliveryBatch(0, 10, { encoding });
      const records = Array.isArray(rows) ? rows : rowColumnsToRecords(rows);
      assert.deepEqual(records, expected, encoding);
    }
    assert.equal(expected[1]!.name, 'Grace');
    assert.equal(expected[4]!.plan, 'free');
    // Every issue core's validateRow reports, the notes (trimmed, default_applied …) included.
    const byCell = (a: Issue, b: Issue) =>
      a.row - b.row || a.column.localeCompare(b.column) || a.code.localeCompare(b.code);
    const coreIssues = cells.flatMap((row, r) => validateRow(compiled, row, r).issues).sort(byCell);
    const { issues } = session.deliveryBatch(0, 10, { encoding: 'records' });
    assert.deepEqual([...issues].sort(byCell), coreIssues);
    assert.ok(issues.some((i) => i.code === 'trimmed' && i.params?.original === '  Grace '));
    assert.ok(issues.some((i) => i.code === 'default_applied' && i.row === 1));
  });

  test('keeps unmatched columns under their header when the application asks for them', async () => {
    const columns = [{ key: 'email', label: 'E-mail' }];
    const { session } = await contacts({ includeUnmatched: true }, columns);
    const batch = session.deliveryBatch(0, 1, { unmatched: true });
    const row = { ...(batch.rows as Record<string, unknown>[])[0], ...batch.unmatched![0] };
    assert.equal(row!.email, 'ada@example.com');
    assert.equal(row!['First Name'], 'Ada');
    assert.equal(row!.Notes, '');
  });
});
