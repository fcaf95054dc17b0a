// What reading a file finds is shown to the user and reaches the host: through the real element,
// frame and worker in Chromium, with the files of tests/fixtures.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { type Received, received, submit, toReview, waitForEvent } from './importer-flow.ts';
import { openImporter, withPage } from './importer-helpers.ts';

const e2e = useBrowserAndServers();

const CUSTOMERS = [
  { key: 'name', label: 'Name', required: true },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'segment', label: 'Segment' },
  { key: 'city', label: 'City' },
];

/** Reviews and submits, and returns what the host's complete event carried. */
async function importAll(page: Page, frame: Frame): Promise<Received> {
  await toReview(frame);
  await submit(frame);
  await waitForEvent(page, 'csv-importer-complete');
  return (await received(page)).find((e) => e.type === 'csv-importer-complete')!;
}

describe('reading: what the file holds reaches the host, and what reading found is shown', () => {
  test('a cell that starts with a quoted word keeps every row apart and flags the bad one', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await openImporter(page, e2e.host.url, { columns: CUSTOMERS });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'customers-stray-quote.csv'));
      // The reading step opens by itself and names the row.
      await frame.getByRole('heading', { name: 'Check how the file is read' }).waitFor();
      await frame.getByText(/Row 1 has a quote that does not close where it should/).waitFor();
      const complete = await importAll(page, frame);
      assert.deepEqual(
        complete.rows!.map((r) => [r.name, r.segment, r.city]),
        [
          ['Ada Lovelace', '"Best" customer', 'London'],
          ['Alan Turing', 'regular', 'Manchester'],
          ['Grace Hopper', 'VIP, since 2019', 'Arlington'],
          ['Katherine Johnson', 'regular', 'Hampton'],
        ],
      );
      assert.deepEqual(
        complete.issues!.filter((i) => i.code === 'malformed_quotes').map((i) => [i.row, i.column, i.level]),
        [[0, '', 'warning']],
      );
    });
  });

  test('one invalid byte in a UTF-8 file keeps the UTF-8 text and warns about its row', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await openImporter(page, e2e.host.url, { columns: CUSTOMERS });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts-utf8-invalid-byte.csv'));
      await frame.getByRole('heading', { name: 'Check how the file is read' }).waitFor();
      await frame.getByText(/Row 3 holds bytes that are not text in Unicode \(UTF-8\)/).waitFor();
      assert.equal(await frame.getByRole('combobox', { name: 'Encoding' }).inputValue(), 'utf-8');
      const complete = await importAll(page, frame);
      assert.deepEqual(
        complete.rows!.map((r) => r.name),
        ['Jürgen Groß', 'Zoë Ångström', 'Ren\uFFFD Dupont', 'Ole Øberg'],
      );
      assert.equal(complete.meta!.encoding, 'utf-8');
      assert.deepEqual(
        complete.issues!.filter((i) => i.code === 'invalid_bytes').map((i) => [i.row, i.level]),
        [[2, 'warning']],
      );
    });
  });

  test('a short Shift_JIS file is read as Shift_JIS: its Japanese headers match the fields', async () => {
    await withPage(e2e.browser, async (page) => {
      const columns = [
        { key: 'name', label: '名前', required: true },
        { key: 'email', label: 'メール', type: 'email' },
      ];
      const frame = await openImporter(page, e2e.host.url, { columns });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts-short-shift-jis.csv'));
      const complete = await importAll(page, frame);
      assert.equal(complete.meta!.encoding, 'shift_jis');
      assert.deepEqual(complete.rows, [
        { name: '田中', email: 'tanaka@example.jp' },
        { name: '鈴木', email: 'suzuki@example.jp' },
      ]);
    });
  });

  test('an unsure encoding opens the reading options with the likely readings; one click reads it right', async () => {
    await withPage(e2e.browser, async (page) => {
      const columns = [
        { key: 'name', label: 'Ad', required: true },
        { key: 'city', label: 'Şehir' },
      ];
      const frame = await openImporter(page, e2e.host.url, { columns });
      // Turkish in windows-1254: read as windows-1252 it says Ayþe and Ýstanbul, as plausibly.
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'customers-turkish-windows1254.csv'));
      await frame.getByRole('heading', { name: 'Check how the file is read' }).waitFor();
      await frame
        .getByText(/It is not certain that this file is in Western Europe \(Windows-1252\)/)
        .waitFor();
      await frame.getByRole('button', { name: 'Read as Turkish (Windows-1254)' }).click();
      await frame.waitForFunction(() => {
        const step = document.querySelector('csv-importer-app')?.shadowRoot?.querySelector('csv-header-step');
        return step?.shadowRoot?.textContent?.includes('Ayşe') ?? false;
      });
      const complete = await importAll(page, frame);
      assert.equal(complete.meta!.encoding, 'windows-1254');
      assert.deepEqual(complete.rows, [
        { name: 'Ayşe', city: 'İstanbul' },
        { name: 'Mehmet', city: 'İzmir' },
      ]);
    });
  });

  test('a file with a header and no rows is refused at upload with a message', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await openImporter(page, e2e.host.url, { columns: CUSTOMERS });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts-header-only.csv'));
      await frame
        .getByRole('alert')
        .getByText('The file has a header row but no rows of data below it.', { exact: false })
        .waitFor();
      assert.ok(await frame.locator('input[type=file]').isVisible(), 'still on the upload step');
      assert.equal(await frame.getByRole('button', { name: /^Import/ }).count(), 0);
    });
  });

  test('a pipe-separated file whose cells hold commas is read on pipes', async () => {
    await withPage(e2e.browser, async (page) => {
      const columns = [
        { key: 'product', label: 'Product', required: true },
        { key: 'price', label: 'Price, EUR' },
        { key: 'stock', label: 'Stock', type: 'number', integer: true },
      ];
      const frame = await openImporter(page, e2e.host.url, { columns });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'products-pipe-decimal-comma.csv'));
      const complete = await importAll(page, frame);
      assert.equal(complete.meta!.delimiter, '|');
      assert.deepEqual(complete.rows, [
        { product: 'Widget', price: '1,50', stock: 12 },
        { product: 'Gadget', price: '2,75', stock: 0 },
        { product: 'Gizmo', price: '10,00', stock: 7 },
      ]);
    });
  });

  test('ragged rows are warned: a short row reads empty cells, extra text is kept in a column of its own', async () => {
    await withPage(e2e.browser, async (page) => {
      const columns = [
        { key: 'name', label: 'Name', required: true },
        { key: 'email', label: 'E-mail', type: 'email' },
        { key: 'city', label: 'City' },
      ];
      const frame = await openImporter(page, e2e.host.url, { columns });
      await frame.setInputFiles('input[type=file]', {
        name: 'contacts.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(
          'Name,E-mail,City\r\nAda,ada@example.com,London\r\nAlan,alan@example.com\r\nGrace,grace@example.com,Arlington,VIP\r\nLinus,linus@example.com,Helsinki,\r\n',
        ),
      });
      // The extra cell is a column the user can see and match.
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      await frame.getByText('Column 4').first().waitFor();
      const complete = await importAll(page, frame);
      assert.deepEqual(
        complete.rows!.map((r) => [r.name, r.city]),
        [
          ['Ada', 'London'],
          ['Alan', null],
          ['Grace', 'Arlington'],
          ['Linus', 'Helsinki'],
        ],
      );
      assert.deepEqual(
        complete
          .issues!.filter((i) => i.code === 'ragged_row')
          .map((i) => [i.row, i.column, i.level, i.params]),
        [
          [1, '', 'warning', { expected: 3, actual: 2 }],
          [2, '', 'warning', { expected: 3, actual: 4 }],
        ],
      );
    });
  });
});
