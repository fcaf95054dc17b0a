import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { type ColumnSpec, compileColumn } from '@csv-importer/core';
import { type RowColumns, rowColumnsToRecords } from '@csv-importer/protocol';
import { CONTACT_COLUMNS } from '../../../../tests/support/contacts.ts';
import { xlsx } from '../../../../tests/support/zip.ts';
import { ImportSession, type Mapping, type SessionOptions } from './import-session.ts';

/** A Blob whose stream hands out 64 KiB pieces, as a browser's File does, and counts them. */
class CountingBlob extends Blob {
  pulled = 0;
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    let offset = 0;
    return new ReadableStream({
      pull: async (controller) => {
        if (offset >= this.size) return controller.close();
        const piece = new Uint8Array(await this.slice(offset, offset + 64 * 1024).arrayBuffer());
        offset += piece.byteLength;
        this.pulled += piece.byteLength;
        controller.enqueue(piece);
      },
    });
  }
}

async function fixture(name: string): Promise<File> {
  return new File([await readFile(`tests/fixtures/${name}`)], name);
}

/** A session with contacts.csv loaded and validated with the suggested mapping. */
async function contacts(options: SessionOptions = {}, columns: readonly ColumnSpec[] = CONTACT_COLUMNS) {
  const session = new ImportSession();
  session.configure(columns, options);
  const result = await session.load(await fixture('contacts.csv'));
  assert.ok(result.ok);
  const mapping: Record<string, number | null> = {};
  for (const c of columns) mapping[c.key] = null;
  for (const s of result.summary.suggestions) mapping[s.key] = s.fileColumn;
  const summary = session.validate(mapping);
  return { session, summary, mapping: mapping as Mapping, load: result.summary };
}

const text = (session: ImportSession, position: number, field: number) =>
  session.window(position, 1).rows[0]!.cells[field]!.text;

describe('ImportSession: loading', () => {
  test('reads contacts.csv, suggests every field and keeps samples per column', async () => {
    const { load, summary } = await contacts();
    assert.equal(load.rowCount, 11);
    assert.equal(load.headerRow, 0);
    assert.equal(load.suggestions.length, 10);
    assert.deepEqual(load.samples[0], ['Ada', 'Grace', 'Linus']);
    assert.equal(summary.invalidRowCount, 2);
    assert.deepEqual(summary.errorsByColumn, { email: 1, firstName: 1 });
  });

  test('skips the preamble of inventory-bom-preamble.csv and lets the user pick another header row', async () => {
    const session = new ImportSession();
    session.configure([{ key: 'sku', label: 'SKU' }]);
    const result = await session.load(await fixture('inventory-bom-preamble.csv'));
    assert.ok(result.ok);
    assert.equal(result.summary.headerRow, 2);
    assert.deepEqual(result.summary.headers, ['sku', 'name', 'price', 'stock']);
    assert.equal(result.summary.rowCount, 3);
    assert.equal(result.summary.preview[0]![0], 'Export generated 2024-05-01', 'no BOM in the first cell');
    const moved = session.setHeaderRow(3);
    assert.deepEqual(moved.headers, ['A-1', 'Widget', '9.99', '12']);
    assert.equal(moved.rowCount, 2);
  });

  test('reads sales-de-windows1252.csv with ; and lets the user re-read it as UTF-8', async () => {
    const session = new ImportSession();
    session.configure([{ key: 'city', label: 'Stadt' }]);
    const result = await session.load(await fixture('sales-de-windows1252.csv'));
    assert.ok(result.ok);
    assert.equal(result.summary.encoding, 'windows-1252');
    assert.equal(result.summary.delimiter, ';');
    assert.equal(result.summary.samples[0]![0], 'Jürgen');
    const again = await session.reread({ encoding: 'utf-8', delimiter: ',' });
    assert.ok(again.ok);
    assert.equal(again.summary.delimiter, ',');
    assert.match(again.summary.preview[1]![0]!, /^J\uFFFDrgen;/);
  });

  test('reports progress while reading, and a cancelled read resolves as cancelled', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `name${i},n${i}@example.com\n`).join('');
    const file = new File([`name,email\n${rows}`], 'big.csv');
    const session = new ImportSession();
    session.configure([{ key: 'name', label: 'Name' }]);
    const seen: number[] = [];
    const done = await session.load(file, (p) => seen.push(p.rows));
    assert.ok(done.ok);
    assert.equal(seen.at(-1), 60_001);
    const reading = session.load(file);
    session.cancel();
    const cancelled = await reading;
    assert.equal(cancelled.ok, false);
    assert.equal(!cancelled.ok && cancelled.code, 'cancelled');
  });

  test('reading and validating a large file beat from inside their loops, so a busy worker is heard', async () => {
    let beats = 0;
    const session = new ImportSession({ beat: () => beats++ });
    session.configure([
      { key: 'name', label: 'Name', required: true },
      { key: 'email', label: 'E-mail', type: 'email', unique: true },
    ]);
    const rows = Array.from({ length: 100_000 }, (_, i) => `name${i},n${i}@example.com\n`).join('');
    const result = await session.load(new CountingBlob([`name,email\n${rows}`]));
    assert.ok(result.ok);
    assert.ok(beats >= 20, `${beats} beats while reading 64 KiB pieces`);
    beats = 0;
    session.validate({ name: 0, email: 1 });
    // Every 16,384 rows of each field's check, and of the unique index.
    assert.ok(beats >= 3 * Math.floor(100_000 / 16_384), `${beats} beats while validating`);
  });

  test('refuses a file over maxRows with a specific code', async () => {
    const session = new ImportSession();
    session.configure([{ key: 'name', label: 'Name' }], { maxRows: 5 });
    const result = await session.load(await fixture('contacts.csv'));
    assert.equal(!result.ok && result.code, 'too_many_rows');
  });

  test('maxRows stops reading a CSV early: the rest of the file is never read', async () => {
    // 200,000 rows, then a record the reader would refuse (3,000 columns) if it ever got there.
    const rows = Array.from({ length: 200_000 }, (_, i) => `name${i},n${i}@example.com\n`).join('');
    const tail = `${'x,'.repeat(3_000)}x\n`;
    const file = new CountingBlob([`name,email\n${rows}${tail}`]);
    const columns = [{ key: 'name', label: 'Name' }];
    const unlimited = new ImportSession();
    unlimited.configure(columns);
    const control = await unlimited.load(file);
    assert.equal(!control.ok && control.code, 'too_many_columns', 'read to the end, the tail is refused');
    assert.equal(file.pulled, file.size);
    file.pulled = 0;
    const limited = new ImportSession();
    limited.configure(columns, { maxRows: 1_000 });
    const result = await limited.load(file);
    assert.ok(!result.ok);
    assert.equal(result.code, 'too_many_rows');
    assert.equal(result.message, 'The file has more than 1,000 rows.');
    assert.ok(file.pulled < file.size / 10, `read ${file.pulled} of ${file.size} bytes`);
  });

  test('maxRows counts data rows only: a preamble of 15 records before the header is not counted', async () => {
    const preamble = Array.from({ length: 15 }, (_, i) => `Report line ${i + 1}\n`).join('');
    const data = Array.from({ length: 30 }, (_, i) => `Ada${i},ada${i}@example.com,${i}\n`).join('');
    const file = new File([`${preamble}Name,E-mail,Seats\n${data}`], 'report.csv');
    const columns = [
      { key: 'name', label: 'Name' },
      { key: 'email', label: 'E-mail' },
    ];
    const session = new ImportSession();
    session.configure(columns, { maxRows: 30 });
    const result = await session.load(file);
    assert.ok(result.ok, !result.ok ? result.message : '');
    assert.equal(result.summary.headerRow, 15);
    assert.equal(result.summary.rowCount, 30);
    session.configure(columns, { maxRows: 29 });
    const over = await session.load(file);
    assert.equal(!over.ok && over.code, 'too_many_rows');
  });

  test('maxRows stops reading an XLSX sheet at the limit; a workbook within it loads', async () => {
    const rows = [
      ['Name', 'E-mail'],
      ...Array.from({ length: 20_000 }, (_, i) => [`Ada${i}`, `ada${i}@example.com`]),
    ];
    const file = new File([new Uint8Array(xlsx(rows))], 'big.xlsx');
    const columns = [{ key: 'name', label: 'Name' }];
    const session = new ImportSession();
    session.configure(columns, { maxRows: 500 });
    const result = await session.load(file);
    assert.equal(!result.ok && result.code, 'too_many_rows');
    session.configure(columns, { maxRows: 20_000 });
    const within = await session.load(file);
    assert.ok(within.ok);
    assert.equal(within.summary.rowCount, 20_000);
  });
});

describe('ImportSession: review', () => {
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
    // Rows 0 and 8 hold the same e-mail: fixing row 8 clears the duplicate on row 0 as well.
    const cleared = session.edit(8, 'email', 'ada.2@example.com');
    assert.equal(cleared.cell.issue, undefined);
    assert.deepEqual(cleared.others, [{ row: 0, field: email, cell: { text: 'ada@example.com' } }]);
    // Writing it back makes both duplicates again.
    const duplicate = session.edit(8, 'email', 'ada@example.com');
    assert.equal(duplicate.cell.issue?.code, 'duplicate');
    assert.deepEqual(duplicate.others, [
      {
        row: 0,
        field: email,
        cell: { text: 'ada@example.com', issue: { code: 'duplicate', level: 'error' } },
      },
    ]);
    // An edit of a field that is not unique touches no other cell.
    assert.deepEqual(session.edit(3, 'notes', 'checked').others, []);
  });

  test('filters to rows with errors, in one field or any, and jumps between errors', async () => {
    const { session } = await contacts();
    let summary = session.setFilter({ errorsOnly: true });
    assert.equal(summary.viewCount, 2);
    assert.deepEqual(
      session.window(0, 10).rows.map((r) => r.index),
      [2, 7],
    );
    summary = session.setFilter({ errorsOnly: true, field: 'firstName' });
    assert.equal(summary.viewCount, 1);
    session.setFilter({ errorsOnly: false });
    const first = session.nextError(null);
    assert.deepEqual(first, { position: 2, field: 2 });
    assert.deepEqual(session.nextError(first), { position: 7, field: 0 });
    assert.deepEqual(session.nextError({ position: 7, field: 0 }), first, 'wraps around');
    assert.deepEqual(session.nextError(first, true), { position: 7, field: 0 });
    assert.equal(session.positionOf(7), 7);
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
    assert.equal(session.rowsForDelivery(0, 1).rows[0]!.notes, 'hand-written');
  });
});

describe('ImportSession: output', () => {
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

  test('delivers rows in windows under each invalid-rows policy', async () => {
    const include = (await contacts({ invalidRows: 'include' })).session;
    assert.equal(include.rowsForDelivery(0, 100).total, 11);
    const window = include.rowsForDelivery(2, 3);
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
    const delivered = exclude.rowsForDelivery(0, 100);
    assert.equal(delivered.total, 9);
    assert.ok(delivered.rows.every((r) => r.email !== 'linus@' && r.firstName !== null));

    const block = (await contacts({ invalidRows: 'block' })).session;
    assert.equal(block.submitSummary().blocked, true);
    assert.equal(block.rowsForDelivery(0, 100).total, 0);
    block.deleteInvalidRows();
    assert.equal(block.submitSummary().blocked, false);
    assert.equal(block.rowsForDelivery(0, 100).total, 9);
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

  test('keeps unmatched columns under their header when the application asks for them', async () => {
    const columns = [{ key: 'email', label: 'E-mail' }];
    const { session } = await contacts({ includeUnmatched: true }, columns);
    const [row] = session.rowsForDelivery(0, 1).rows;
    assert.equal(row!.email, 'ada@example.com');
    assert.equal(row!['First Name'], 'Ada');
    assert.equal(row!.Notes, '');
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
    assert.equal(session.rowsForDelivery(0, 100).total, 10);
  });
});
