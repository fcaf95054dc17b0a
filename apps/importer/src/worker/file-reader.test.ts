import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CountingBlob, contacts, fixture } from '../../../../tests/support/import-session.ts';
import { xlsx } from '../../../../tests/support/zip.ts';
import { SourceReader } from './file-reader.ts';
import { ImportSession } from './import-session.ts';

describe('reading a file', () => {
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

  test('says when the header row is certain: a clean file, ragged rows too; not a preamble, blank lines or a choice', async () => {
    const columns = [
      { key: 'name', label: 'Name' },
      { key: 'email', label: 'E-mail' },
      { key: 'city', label: 'City' },
    ];
    const load = async (file: Blob) => {
      const session = new ImportSession();
      session.configure(columns);
      const result = await session.load(file);
      assert.ok(result.ok);
      return { session, summary: result.summary };
    };
    const clean = 'Name,E-mail,City\r\nAda,ada@example.com,London\r\nAlan,alan@example.com,Wilmslow\r\n';
    assert.equal((await load(new Blob([clean]))).summary.headerCertain, true);
    // A row wider than the header pads the others in the store: the header is read as the file has it.
    const ragged = `${clean}Grace,grace@example.com,Arlington,VIP\r\nLinus,linus@example.com\r\n`;
    assert.equal((await load(new Blob([ragged]))).summary.headerCertain, true);
    assert.equal((await load(new Blob([`\r\n${clean}`]))).summary.headerCertain, undefined);
    const { session, summary } = await load(await fixture('inventory-bom-preamble.csv'));
    assert.equal(summary.headerCertain, undefined);
    assert.equal(session.setHeaderRow(2).headerCertain, undefined, 'a row the user chose is theirs');
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

describe('what reading finds about whole records', () => {
  const reader = () => {
    const source = new SourceReader(() => {});
    source.configure([{ key: 'name', label: 'Name' }], undefined);
    return source;
  };
  const csv = (text: string, name = 'file.csv') => new File([text], name);

  test('malformed quotes, invalid bytes and ragged rows, by record, below the header', async () => {
    const text =
      'Name,Segment,City\nAda,"Best" customer,London\nRen\uFFFD,regular,Lyon\nBob,regular\nCyd,x,Rome,extra\nDee,y,Oslo,\n';
    const outcome = await reader().read(csv(text), {});
    assert.ok(outcome.ok);
    assert.equal(outcome.read.store.length, 6, 'no record merged with another');
    assert.deepEqual(outcome.read.recordIssues, [
      { record: 1, code: 'malformed_quotes', level: 'warning' },
      { record: 2, code: 'invalid_bytes', level: 'warning' },
      { record: 3, code: 'ragged_row', level: 'warning', params: { expected: 3, actual: 2 } },
      { record: 4, code: 'ragged_row', level: 'warning', params: { expected: 3, actual: 4 } },
    ]);
  });

  test('the summary names the findings by code with their data rows; another header row re-counts ragged rows', async () => {
    const session = new ImportSession();
    session.configure([{ key: 'name', label: 'Name' }]);
    const result = await session.load(csv('Name,City\nAda,"Best" customer\nBob\nCyd,Rome\n'));
    assert.ok(result.ok);
    assert.deepEqual(result.summary.readingFindings, [
      { code: 'malformed_quotes', count: 1, rows: [1] },
      { code: 'ragged_row', count: 1, rows: [2] },
    ]);
    const moved = session.setHeaderRow(2);
    assert.deepEqual(moved.readingFindings, [{ code: 'ragged_row', count: 1, rows: [1] }]);
  });

  test('a header row without rows below it is refused with no_data_rows', async () => {
    const outcome = await reader().read(csv('Name,E-mail,City\r\n'), {});
    assert.equal(outcome.ok, false);
    assert.equal(!outcome.ok && outcome.code, 'no_data_rows');
  });

  test('an unsure encoding is reported with each likely reading of the first lines; a chosen one is not', async () => {
    const turkish = await fixture('customers-turkish-windows1254.csv');
    const session = new ImportSession();
    session.configure([{ key: 'name', label: 'Ad' }]);
    const result = await session.load(turkish);
    assert.ok(result.ok);
    const doubt = result.summary.encodingDoubt;
    assert.ok(doubt && doubt.confidence < 50);
    assert.equal(doubt.alternatives[0]!.encoding, result.summary.encoding);
    const right = doubt.alternatives.find((a) => a.encoding === 'windows-1254');
    assert.match(right?.sample ?? '', /Ayşe;İstanbul/);
    const chosen = await session.reread({ encoding: 'windows-1254' });
    assert.ok(chosen.ok);
    assert.equal(chosen.summary.encodingDoubt, undefined);
    assert.equal(chosen.summary.samples[0]![0], 'Ayşe');
  });
});

describe('cancelling a workbook read', () => {
  test('a cancel while a sheet is read stops it: the read resolves as cancelled, and the next one reads', async () => {
    const rows = [
      ['Name', 'E-mail'],
      ...Array.from({ length: 60_000 }, (_, i) => [`Ada${i}`, `ada${i}@example.com`]),
    ];
    const file = new File([new Uint8Array(xlsx(rows))], 'big.xlsx');
    // The cancel comes while the sheet is being read: from its first progress beat.
    let armed = true;
    const source: SourceReader = new SourceReader(() => {
      if (armed) source.cancel();
      armed = false;
    });
    source.configure([{ key: 'name', label: 'Name' }], undefined);
    const cancelled = await source.read(file, {});
    assert.equal(!cancelled.ok && cancelled.code, 'cancelled');
    const again = await source.read(file, {});
    assert.ok(again.ok);
    assert.equal(again.read.store.length, 60_001);
  });
});
