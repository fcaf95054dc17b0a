import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnSpec, Issue } from '@csv-importer/core';
import { messageId, PROTOCOL_VERSION } from '@csv-importer/protocol/wire';
import { ImportSession } from './import-session.ts';

const COLUMNS: readonly ColumnSpec[] = [
  { key: 'name', label: 'Name', required: true },
  { key: 'email', label: 'E-mail', type: 'email', unique: true },
  { key: 'seats', label: 'Seats', type: 'integer', min: 1 },
];

/**
 * `rows` rows: every 1,000th has no e-mail address, row 30,000 repeats row 5's address (in
 * another chunk of the scan), row 30,001 has one cell too many (a warning).
 */
function csv(rows: number): string {
  const lines = ['name,email,seats'];
  for (let i = 0; i < rows; i++) {
    const email =
      i % 1000 === 999 ? 'not-an-email' : i === 30_000 ? 'user5@example.com' : `user${i}@example.com`;
    lines.push(i === 30_001 ? `Ada ${i},${email},3,extra` : `Ada ${i},${email},${(i % 9) + 1}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Every batch `deliverOnPort` sends, acknowledged at once. */
async function deliverAll(session: ImportSession, batchSize: number) {
  const { port1, port2 } = new MessageChannel();
  const rows: Record<string, unknown>[] = [];
  const issues: Issue[] = [];
  port2.onmessage = (event: MessageEvent) => {
    const message = event.data as { id: string; rows: Record<string, unknown>[]; issues: Issue[] };
    rows.push(...message.rows);
    issues.push(...message.issues);
    port2.postMessage({ type: 'ack', version: PROTOCOL_VERSION, id: messageId(), replyTo: message.id });
  };
  const outcome = await session.deliverOnPort(
    port1,
    { batchSize, encoding: 'records', unmatched: false, timeoutMs: 10_000 },
    () => {},
  );
  port2.close();
  return { outcome, rows, issues };
}

describe('large-file mode', () => {
  test('keeps for review only the rows with issues, and delivers every row, the fixed ones last', async () => {
    const session = new ImportSession();
    session.configure(COLUMNS, { largeFile: true });
    const loaded = await session.load(new File([csv(40_000)], 'big.csv'));
    assert.ok(loaded.ok);
    // The first read stops after the preview's records.
    assert.equal(loaded.summary.rowCount, 4_999);
    const summary = await session.validateFile({ name: 0, email: 1, seats: 2 });
    // 40 bad e-mails, the repeat and the first holder of its value, the ragged row.
    assert.equal(summary.rowCount, 43);
    assert.equal(summary.invalidRowCount, 41);
    assert.equal(summary.warningCount, 1, 'the row with a cell too many');
    assert.deepEqual(summary.largeFile, { validRows: 40_000 - 43 });
    const first = session.window(0, 1).rows[0]!;
    assert.equal(first.cells[1]!.text, 'user5@example.com');
    assert.equal(first.cells[1]!.issue, undefined);
    // The grid numbers rows as the file does, and names the first holder of a value so too.
    assert.equal(first.number, 6);
    const repeat = session.window(0, 43).rows.find((row) => row.cells[1]!.issue?.code === 'duplicate')!;
    assert.equal(repeat.number, 30_001);
    assert.deepEqual(repeat.cells[1]!.issue?.params, { firstRow: 5 });
    // Fix every bad e-mail (the repeat included) in the grid, as the user would.
    for (let position = 0; position < summary.rowCount; position++) {
      const cell = session.window(position, 1).rows[0]!.cells[1]!;
      if (cell.issue?.level === 'error') session.edit(position, 'email', `fixed${position}@example.com`);
    }
    assert.equal(session.summary().invalidRowCount, 0);
    assert.equal(session.submitSummary().deliverCount, 40_000);

    const { outcome, rows, issues } = await deliverAll(session, 5_000);
    assert.deepEqual(outcome, { ok: true, delivered: 40_000, invalid: 0 });
    assert.equal(rows.length, 40_000);
    // Valid rows first, in file order; then the reviewed rows, in file order too.
    assert.deepEqual(rows[0], { name: 'Ada 0', email: 'user0@example.com', seats: 1 });
    assert.equal(rows[39_956]!.email, 'user39998@example.com');
    const reviewed = rows.slice(39_957);
    assert.equal(reviewed[0]!.name, 'Ada 5');
    assert.ok(reviewed.every((row) => !String(row.email).startsWith('not-an')));
    assert.equal(new Set(rows.map((row) => row.email)).size, 40_000);
    const ragged = issues.filter((issue) => issue.code === 'ragged_row');
    assert.equal(ragged.length, 1);
    assert.equal(rows[ragged[0]!.row]!.name, 'Ada 30001');
  });
});

describe('large-file mode with a row limit', () => {
  test('a file over the limit is refused when it is read, as in the default mode, though only its first records are kept', async () => {
    const session = new ImportSession();
    session.configure(COLUMNS, { largeFile: true, maxRows: 39_999 });
    const refused = await session.load(new File([csv(40_000)], 'big.csv'));
    assert.deepEqual(refused, {
      ok: false,
      code: 'too_many_rows',
      message: 'The file has more than 39,999 rows.',
    });
    session.configure(COLUMNS, { largeFile: true, maxRows: 40_000 });
    const loaded = await session.load(new File([csv(40_000)], 'big.csv'));
    assert.ok(loaded.ok);
    assert.equal(loaded.summary.rowCount, 4_999);
  });
});
