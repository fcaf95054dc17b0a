import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import { zipFiles } from '../../../../tests/support/zip.ts';
import { Workbook, WorkbookError, type WorkbookLimits } from './xlsx.ts';

const workbookError = (code: string) => (e: unknown) => e instanceof WorkbookError && e.code === code;

/** A minimal workbook with one sheet whose XML is `sheet`, built here so each case is visible. */
function makeWorkbook(sheet: string, extra: Record<string, string> = {}, level: 0 | 6 = 6): Uint8Array {
  const files: Record<string, string> = {
    'xl/workbook.xml':
      '<workbook xmlns:r="r"><workbookPr/><sheets><sheet name="Data &amp; more" sheetId="1" r:id="rId1"/><sheet name="Hidden" sheetId="2" state="hidden" r:id="rId2"/></sheets></workbook>',
    'xl/_rels/workbook.xml.rels':
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
    'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${sheet}</sheetData></worksheet>`,
    'xl/worksheets/sheet2.xml': '<worksheet><sheetData/></worksheet>',
    ...extra,
  };
  return zipFiles(files, { stored: level === 0 });
}

describe('XLSX reader', () => {
  test('maxRows stops reading at the first row with a value beyond the limit; blank rows do not count', async () => {
    const cells = Array.from(
      { length: 50_000 },
      (_, i) => `<row r="${i + 3}"><c r="A${i + 3}"><v>${i}</v></c></row>`,
    );
    const workbook = await Workbook.open(
      makeWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c></row>${cells.join('')}`),
    );
    const progress: number[] = [];
    const rows = await workbook.readSheet(0, { maxRows: 100, onProgress: (n) => progress.push(n) });
    // The header, a blank row 2, 99 values, and the 101st row with a value that passes the limit.
    assert.equal(rows.length, 102);
    assert.deepEqual(rows.at(-1), [99]);
    assert.ok(progress.length <= 1, 'the read stopped within the first piece');
    const all: [number, number][] = [];
    assert.equal((await workbook.readSheet(0, { onProgress: (n, f) => all.push([n, f]) })).length, 50_002);
    assert.ok(all.length > 3, `${all.length} progress calls`);
    for (let i = 1; i < all.length; i++) {
      assert.ok(all[i]![0] >= all[i - 1]![0] && all[i]![1] >= all[i - 1]![1], 'progress only grows');
    }
    assert.equal(all.at(-1)![1], 1);
  });

  test('customers-two-sheets.xlsx: both sheets listed; dates ISO, numbers numbers, booleans, formula results', async () => {
    const workbook = await Workbook.open(
      new Uint8Array(await readFile('tests/fixtures/customers-two-sheets.xlsx')),
    );
    assert.deepEqual(
      workbook.sheets.map((s) => s.name),
      ['Read me', 'Customers'],
    );
    const rows = await workbook.readSheet('Customers');
    assert.deepEqual(rows[0], [
      'Customer ID',
      'Company',
      'Contact e-mail',
      'Signed up',
      'Monthly spend',
      'VIP',
    ]);
    assert.deepEqual(rows[1], [1001, 'Acme GmbH', 'ops@acme.example', '2023-01-15', 1234.5, true]);
    assert.deepEqual(
      rows[3],
      [1003, 'Initech', 'not-an-email', '2024-02-29', 0, false],
      'formula gives its cached result',
    );
    assert.deepEqual(rows[4], [1004, 'Umbrella', 'it@umbrella.example', '2024-13-01', 'n/a', 'yes']);
    assert.deepEqual(await workbook.readSheet(0), [['This workbook has the data on the second sheet.']]);
  });

  test('shared, inline and rich strings, entities, gaps between cells and rows, errors, hidden sheets', async () => {
    const workbook = await Workbook.open(
      makeWorkbook(
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><t>in&lt;line</t></is></c></row>' +
          '<row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" t="e"><v>#N/A</v></c><c r="D3" t="str"><f>A1</f><v>x_x000D_y</v></c></row>',
        {
          'xl/sharedStrings.xml':
            '<sst><si><t xml:space="preserve"> Zoë &amp; co </t></si><si><r><t>rich</t></r><r><rPr/><t> text</t></r><rPh><t>ふりがな</t></rPh></si></sst>',
        },
      ),
    );
    assert.deepEqual(workbook.sheets, [
      { name: 'Data & more', index: 0, hidden: false },
      { name: 'Hidden', index: 1, hidden: true },
    ]);
    assert.deepEqual(await workbook.readSheet('Data & more'), [
      [' Zoë & co ', null, 'in<line', null],
      [],
      [null, 'rich text', '#N/A', 'x\ry'],
    ]);
    assert.deepEqual(await workbook.readSheet('Hidden'), []);
  });

  test('date styles: built-in and custom formats, datetime, time, and the 1904 date system', async () => {
    const styles =
      '<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="&quot;Day &quot;0"/><numFmt numFmtId="166" formatCode="[Red]0.00"/></numFmts>' +
      '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="22"/><xf numFmtId="20"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>';
    const cells = [1, 2, 3, 4, 5, 6]
      .map((s, i) => `<c r="${'ABCDEF'[i]}1" s="${s}"><v>45351.75</v></c>`)
      .join('');
    const rows = await (
      await Workbook.open(makeWorkbook(`<row r="1">${cells}</row>`, { 'xl/styles.xml': styles }))
    ).readSheet(0);
    assert.deepEqual(rows[0], [
      '2024-02-29',
      '2024-02-29',
      '2024-02-29T18:00:00',
      '18:00:00',
      45351.75,
      45351.75,
    ]);
    const in1904 = makeWorkbook('<row r="1"><c r="A1" s="1"><v>0</v></c></row>', {
      'xl/styles.xml': styles,
      'xl/workbook.xml':
        '<workbook xmlns:r="r"><workbookPr date1904="1"/><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
    });
    assert.deepEqual(await (await Workbook.open(in1904)).readSheet('S'), [['1904-01-01']]);
  });

  test('a zip bomb is refused from its declared sizes, before it is inflated', async () => {
    const bomb = makeWorkbook(`<row r="1">${'<c r="A1"><v>0</v></c>'.repeat(200_000)}</row>`);
    const read = async (limits: WorkbookLimits = {}) => (await Workbook.open(bomb, limits)).readSheet(0);
    await assert.rejects(read({ maxPartBytes: 1024 * 1024 }), workbookError('too_large'));
    await assert.rejects(read({ maxRatio: 10 }), workbookError('too_large'));
    await assert.rejects(read({ maxTotalBytes: 2 * 1024 * 1024 }), workbookError('too_large'));
    assert.equal((await read()).length, 1, 'within the default limits it reads');
  });

  test('bad input gets specific codes: XLS, a ZIP that is no workbook, damage, a missing sheet', async () => {
    await assert.rejects(
      Workbook.open(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
      workbookError('xls_unsupported'),
    );
    await assert.rejects(Workbook.open(new TextEncoder().encode('a,b\n1,2\n')), workbookError('not_xlsx'));
    await assert.rejects(Workbook.open(zipFiles({ 'word/document.xml': '<w/>' })), workbookError('not_xlsx'));
    const good = makeWorkbook('<row r="1"><c r="A1"><v>1</v></c></row>');
    await assert.rejects(Workbook.open(good.subarray(0, good.length - 30)), workbookError('corrupt'));
    await assert.rejects((await Workbook.open(good)).readSheet('Nope'), workbookError('no_such_sheet'));
    const truncated = makeWorkbook('<row r="1"><c r="A1"><v>1</v></c></row>'.replace('</row>', ''));
    await assert.doesNotReject(Workbook.open(truncated));
  });
});
