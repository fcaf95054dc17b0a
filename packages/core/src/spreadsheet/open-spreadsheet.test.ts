import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { openSpreadsheet, spreadsheetFormat } from './open-spreadsheet.ts';

// Tests run from the repository's root.
const fixture = (name: string) => new Uint8Array(readFileSync(`tests/fixtures/formats/${name}`));

/** What a person sees in LibreOffice on the `Orders` sheet of tests/fixtures/formats/orders.fods. */
const ORDERS = [
  ['Orders, first quarter', null, null, null, null, null, null],
  ['Order', 'Customer', 'Ordered on', 'Shipped at', 'Amount', 'Paid', 'Total with tax'],
  [1001, 'Ada Lovelace', '2024-01-15', '2024-01-16T09:30:00', 120.5, 1, 150.625],
  [1002, 'Grace Hopper', '2024-02-29', '2024-03-01T17:05:00', 99, 0, 123.75],
  [1003, 'Zoë Ångström-Łukasiewicz', '2024-03-31', null, -0.5, 1, -0.625],
];

describe('one workbook written by real software in every format', () => {
  for (const [file, format] of [
    ['orders.xls', 'xls'],
    ['orders.xlsx', 'xlsx'],
    ['orders.xlsb', 'xlsb'],
    ['orders.ods', 'ods'],
  ] as const) {
    test(`${file}: every sheet listed, the hidden one marked, the same values as the others`, async () => {
      const bytes = fixture(file);
      assert.equal(spreadsheetFormat(bytes), format);
      const book = await openSpreadsheet(new Blob([bytes]));
      assert.deepEqual(
        book.sheets.map((s) => [s.name, s.hidden]),
        [
          ['Orders', false],
          ['Rates', true],
          ['Summary', false],
        ],
      );
      assert.deepEqual(await book.readSheet('Orders'), ORDERS);
      assert.deepEqual(await book.readSheet('Rates'), [['Tax factor', 1.25]]);
      // Formulas give their cached results.
      assert.deepEqual(await book.readSheet(2), [
        ['Orders', 3],
        ['Total', 273.75],
      ]);
      // maxRows: up to the first row with a value beyond the limit.
      assert.deepEqual(await book.readSheet('Orders', { maxRows: 2 }), ORDERS.slice(0, 3));
      await assert.rejects(book.readSheet('Nope'), { code: 'no_such_sheet' });
      // The old name reads the same, and an aborted signal stops the read.
      assert.deepEqual(await book.readSheetAsync('Orders'), ORDERS);
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(book.readSheet('Orders', { signal: controller.signal }), {
        code: 'cancelled',
      });
    });
  }
});
