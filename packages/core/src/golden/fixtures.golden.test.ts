import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { CONTACTS, CUSTOMERS, INVENTORY, PEOPLE, SALES } from '../../../../tests/golden/golden-specs.ts';
import type { CellValue, ColumnSpec } from '../columns/column-spec.ts';
import { decodeFile, sniffFile } from '../decode/decode.ts';
import { exportRecordsCsv } from '../export/export-csv.ts';
import type { Issue } from '../issues/issue.ts';
import { matchColumns, unmatchedColumns } from '../match/match.ts';
import { detectHeaderRow, headerNames } from '../parse/header-row.ts';
import { findRaggedRows, parseTextStream } from '../parse/parse.ts';
import type { CellInput } from '../types/parsed.ts';
import { detectHints } from '../validate/detect-hints.ts';
import { validateTable } from '../validate/table-checks.ts';
import { compileColumnWithHints, validateRow } from '../validate/validate.ts';
import { Workbook } from '../xlsx/xlsx.ts';

/**
 * Golden outputs: every fixture run through the whole engine (sniff, decode or read the workbook,
 * dialect, header row, matching, hints, validation, table checks), compared with
 * `tests/golden/<fixture>.json`. A change in parse or validation results shows up as a diff there.
 * Regenerate on purpose with `UPDATE_GOLDEN=1 node scripts/test.mjs unit`, then
 * `npx biome format --write tests/golden`, and review the diff.
 */

interface Golden {
  kind: string;
  encoding: string | null;
  delimiter: string | null;
  sheets: string[] | null;
  headerRow: number;
  headers: string[];
  matches: { header: string; key: string; via: string; confidence: number }[];
  unmatched: string[];
  confirm: Record<string, string[]>;
  records: Record<string, CellValue>[];
  issues: Issue[];
  invalidCsv: string;
}

async function importFixture(file: string, columns: readonly ColumnSpec[], sheet?: string): Promise<Golden> {
  const bytes = new Uint8Array(await readFile(`tests/fixtures/${file}`));
  const kind = sniffFile(bytes);
  let rows: CellInput[][] = [];
  let encoding: string | null = null;
  let delimiter: string | null = null;
  let sheets: string[] | null = null;
  if (kind === 'xlsx') {
    const workbook = await Workbook.open(bytes);
    sheets = workbook.sheets.map((s) => s.name);
    rows = (await workbook.readSheet(sheet ?? 0)).filter((row) => row.some((cell) => cell !== null));
  } else {
    const decoded = await decodeFile(new Blob([bytes]));
    encoding = decoded.encoding;
    for await (const batch of parseTextStream(decoded.text)) {
      delimiter = batch.dialect.delimiter;
      rows.push(...batch.rows);
    }
  }
  const asText = rows.map((row) =>
    row.map((cell) => (cell === null || cell === undefined ? '' : String(cell))),
  );
  const { index } = detectHeaderRow(asText, columns);
  const headers = headerNames(asText[index]!);
  const data = rows.slice(index + 1);
  const matches = matchColumns(headers, columns);
  const source = new Map(matches.map((m) => [m.key, m.fileColumn]));
  const confirm: Record<string, string[]> = {};
  const compiled = columns.map((column) => {
    const at = source.get(column.key);
    const detected = detectHints(column, at === undefined ? [] : data.slice(0, 500).map((row) => row[at]));
    if (detected.confirm.length > 0) confirm[column.key] = [...detected.confirm];
    return compileColumnWithHints(column, detected.hints);
  });
  const records: Record<string, CellValue>[] = [];
  const issues: Issue[] = findRaggedRows(asText.slice(index + 1), headers.length);
  data.forEach((row, r) => {
    const cells = columns.map((c) => {
      const at = source.get(c.key);
      return at === undefined ? undefined : row[at];
    });
    const result = validateRow(compiled, cells, r);
    records.push(result.record);
    issues.push(...result.issues);
  });
  issues.push(...validateTable(columns, records, [], issues));
  issues.sort((a, b) => a.row - b.row || a.column.localeCompare(b.column) || a.code.localeCompare(b.code));
  return {
    kind,
    encoding,
    delimiter,
    sheets,
    headerRow: index,
    headers,
    matches: matches.map((m) => ({
      header: headers[m.fileColumn]!,
      key: m.key,
      via: m.via,
      confidence: m.confidence,
    })),
    unmatched: unmatchedColumns(headers, matches).map((i) => headers[i]!),
    confirm,
    records,
    issues,
    invalidCsv: exportRecordsCsv(columns, records, issues, { onlyInvalid: true }),
  };
}

async function checkGolden(name: string, actual: Golden): Promise<Golden> {
  const path = `tests/golden/${name}.json`;
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) {
    await mkdir('tests/golden', { recursive: true });
    await writeFile(path, text);
  }
  assert.deepEqual(
    actual,
    JSON.parse(await readFile(path, 'utf8')),
    `${path} differs; review and regenerate`,
  );
  return actual;
}

const errors = (g: Golden) =>
  g.issues.filter((i) => i.level === 'error').map((i) => `${i.row}:${i.column}:${i.code}`);

describe('golden outputs over the fixtures', () => {
  test('contacts.csv: every bad value flagged in its cell, auto-fixes as info, formula guarded on export', async () => {
    const g = await checkGolden('contacts', await importFixture('contacts.csv', CONTACTS));
    assert.equal(g.encoding, 'utf-8');
    assert.equal(g.delimiter, ',');
    assert.equal(g.headerRow, 0);
    assert.equal(g.matches.length, 10);
    assert.equal(g.records.length, 11);
    assert.deepEqual(errors(g), [
      '2:email:invalid_email',
      '4:dateOfBirth:invalid_date',
      '4:seats:too_small',
      '7:firstName:required',
      '8:email:duplicate',
    ]);
    assert.deepEqual(g.records[3]!.plan, 'pro', '`Pro` becomes the option `pro`');
    assert.ok(g.issues.some((i) => i.row === 3 && i.code === 'option_normalized'));
    assert.equal(g.records[5]!.active, true, 'German `ja`');
    assert.equal(g.records[5]!.dateOfBirth, '1990-04-03');
    assert.equal(g.records[1]!.dateOfBirth, '1906-12-09');
    assert.deepEqual(g.confirm, { dateOfBirth: ['dateOrder'] }, '12/09/1906 alone cannot settle the order');
    assert.equal(g.records[10]!.firstName, '<img src=x onerror=alert(1)>', 'markup is data, kept as text');
    assert.equal(g.records[9]!.firstName, '=HYPERLINK("http://evil.example","click")');
    const all = exportRecordsCsv(CONTACTS, g.records, g.issues);
    assert.ok(all.includes(`"'=HYPERLINK(""http://evil.example"",""click"")"`));
  });

  test('sales-de-windows1252.csv: windows-1252, ";", decimal comma detected, dates to ISO', async () => {
    const g = await checkGolden(
      'sales-de-windows1252',
      await importFixture('sales-de-windows1252.csv', SALES),
    );
    assert.equal(g.encoding, 'windows-1252');
    assert.equal(g.delimiter, ';');
    assert.deepEqual(
      g.matches.map((m) => [m.header, m.key]),
      [
        ['Vorname', 'firstName'],
        ['Nachname', 'lastName'],
        ['E-Mail', 'email'],
        ['Umsatz', 'revenue'],
        ['Datum', 'date'],
        ['Stadt', 'city'],
      ],
    );
    assert.deepEqual(
      g.records.map((r) => [r.firstName, r.lastName, r.revenue, r.date, r.city]),
      [
        ['Jürgen', 'Groß', 1234.56, '2023-12-31', 'Köln'],
        ['Zoë', 'Ångström', 987, '2024-02-01', 'Malmö'],
        ['François', 'Çelik', 12.5, '2024-07-15', 'Besançon'],
        ['Ole', 'Øberg', 0.99, '2024-02-29', 'Tromsø'],
      ],
    );
    assert.deepEqual(errors(g), []);
  });

  test('unicode-text-utf16le.txt: UTF-16 LE, tabs, Łukasz and 李雷', async () => {
    const g = await checkGolden(
      'unicode-text-utf16le',
      await importFixture('unicode-text-utf16le.txt', PEOPLE),
    );
    assert.equal(g.encoding, 'utf-16le');
    assert.equal(g.delimiter, '\t');
    assert.deepEqual(g.records, [
      { name: 'Łukasz', city: 'Kraków', amount: 12.5 },
      { name: 'Søren', city: 'København', amount: 7.25 },
      { name: '李雷', city: '北京', amount: 100 },
    ]);
    assert.deepEqual(errors(g), []);
  });

  test('inventory-bom-preamble.csv: header found after the preamble, BOM not in it, `abc` price flagged', async () => {
    const g = await checkGolden(
      'inventory-bom-preamble',
      await importFixture('inventory-bom-preamble.csv', INVENTORY),
    );
    assert.equal(g.headerRow, 2, 'third non-blank record, line 4 of the file');
    assert.deepEqual(g.headers, ['sku', 'name', 'price', 'stock']);
    assert.deepEqual(errors(g), ['2:price:invalid_number']);
    assert.equal(g.records[1]!.name, 'Gadget, large');
  });

  test('customers-two-sheets.xlsx: sheets listed, data sheet read; dates ISO; bad e-mail, impossible date, n/a flagged', async () => {
    const g = await checkGolden(
      'customers-two-sheets',
      await importFixture('customers-two-sheets.xlsx', CUSTOMERS, 'Customers'),
    );
    assert.deepEqual(g.sheets, ['Read me', 'Customers']);
    assert.equal(g.matches.length, 6);
    assert.deepEqual(g.records[0], {
      id: 1001,
      company: 'Acme GmbH',
      email: 'ops@acme.example',
      signedUp: '2023-01-15',
      spend: 1234.5,
      vip: true,
    });
    assert.deepEqual(errors(g), [
      '2:email:invalid_email',
      '3:signedUp:invalid_date',
      '3:spend:invalid_number',
    ]);
    assert.equal(g.records[3]!.vip, true, '`yes` typed into a boolean column');
  });
});
