import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { legacyHostileCorpus } from '../security/legacy-corpus.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { openImporter, received, withPage } from './importer-helpers.ts';

// XLS, XLSB and ODS end to end: the workbook of tests/fixtures/formats, written by LibreOffice
// and SheetJS, through the real element, frame and worker of the full build (host-full.html
// loads csv-importer.full.iife.js), and the default build's answer to the same files.

const e2e = useBrowserAndServers();

/** The fields of an order application, typed as it would declare them. */
const ORDER_COLUMNS = [
  { key: 'order', label: 'Order', type: 'integer', required: true, unique: true },
  { key: 'customer', label: 'Customer', required: true },
  { key: 'orderedOn', label: 'Ordered on', type: 'date', required: true },
  { key: 'shippedAt', label: 'Shipped at', type: 'datetime' },
  { key: 'amount', label: 'Amount', type: 'number' },
  { key: 'paid', label: 'Paid', type: 'boolean' },
  { key: 'total', label: 'Total with tax', type: 'number' },
];

/** What a person reads on the `Orders` sheet in LibreOffice, as the application receives it. */
const ORDERS = [
  {
    order: 1001,
    customer: 'Ada Lovelace',
    orderedOn: '2024-01-15',
    shippedAt: '2024-01-16T09:30:00',
    amount: 120.5,
    paid: true,
    total: 150.625,
  },
  {
    order: 1002,
    customer: 'Grace Hopper',
    orderedOn: '2024-02-29',
    shippedAt: '2024-03-01T17:05:00',
    amount: 99,
    paid: false,
    total: 123.75,
  },
  {
    order: 1003,
    customer: 'Zoë Ångström-Łukasiewicz',
    orderedOn: '2024-03-31',
    shippedAt: null,
    amount: -0.5,
    paid: true,
    total: -0.625,
  },
];

/** Opens `hostPage` of the host server with the importer open; resolves with its frame. */
const openOn = (page: Page, hostPage: string): Promise<Frame> =>
  openImporter(page, e2e.host.url, { columns: ORDER_COLUMNS, hostPage });

describe('every spreadsheet format through the full build', () => {
  for (const file of ['orders.xls', 'orders.xlsb', 'orders.ods', 'orders.xlsx']) {
    test(`${file}: the data sheet picked, the hidden sheet not offered, typed rows delivered`, async () => {
      await withPage(e2e.browser, async (page) => {
        const frame = await openOn(page, 'host-full.html');
        await frame.setInputFiles('input[type=file]', join(FIXTURES, 'formats', file));
        await frame.getByRole('heading', { name: 'Check how the file is read' }).waitFor();
        const sheet = frame.getByRole('combobox', { name: 'Sheet' });
        assert.equal(await sheet.inputValue(), 'Orders');
        const offered = await sheet.locator('option').allTextContents();
        assert.deepEqual(
          offered.map((s) => s.trim()),
          ['Orders', 'Summary'],
          'the hidden Rates sheet is not offered',
        );
        // The merged title above the header is passed over.
        await frame.getByText('Zoë Ångström-Łukasiewicz').first().waitFor();
        await frame.getByRole('button', { name: 'Continue' }).click();
        await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
        await frame.getByRole('button', { name: 'Continue' }).click();
        await frame
          .locator('csv-review-step p[role=status]', { hasText: /^All 3 rows are valid\.$/ })
          .waitFor();
        await frame.getByRole('button', { name: 'Import 3 rows' }).click();
        await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
        const [complete] = await received(page);
        assert.equal(complete!.type, 'csv-importer-complete');
        assert.deepEqual(complete!.rows, ORDERS, 'the same rows from every format');
        assert.deepEqual(complete!.issues, []);
        assert.equal(complete!.meta!.sheet, 'Orders');
      });
    });
  }
});

describe('the default build and the legacy formats', () => {
  for (const file of ['orders.xls', 'orders.xlsb', 'orders.ods']) {
    test(`${file}: accepted by the picker, then refused with the message naming the full build`, async () => {
      await withPage(e2e.browser, async (page) => {
        const frame = await openOn(page, 'host.html');
        await frame.setInputFiles('input[type=file]', join(FIXTURES, 'formats', file));
        await frame
          .getByRole('alert')
          .getByText("can be read only by the importer's full build, which this page does not use")
          .waitFor();
      });
    });
  }
});

/** One hostile file per format through the browser: the specific message, and the importer still works. */
const HOSTILE: Readonly<Record<string, RegExp>> = {
  'cfb-chain-loop.xls': /This workbook is damaged and cannot be read/,
  'biff-encrypted.xls': /protected with a password/,
  'far-row.xlsb': /refers to a cell outside the largest sheet Excel allows/,
  'repeated-rows.ods': /This sheet spans more cells than can be read here/,
};

describe('hostile XLS, XLSB and ODS files through the full build', () => {
  const corpus = legacyHostileCorpus();
  for (const [name, message] of Object.entries(HOSTILE)) {
    test(`${name}: ${message.source}`, async () => {
      const file = corpus.find((f) => f.name === name)!;
      await withPage(e2e.browser, async (page) => {
        const frame = await openOn(page, 'host-full.html');
        await frame.setInputFiles('input[type=file]', {
          name: file.name,
          mimeType: 'application/octet-stream',
          buffer: file.bytes,
        });
        await frame.getByRole('alert').getByText(message).waitFor();
        // The frame still answers: a good workbook imports after the hostile one.
        await frame.setInputFiles('input[type=file]', join(FIXTURES, 'formats', 'orders.ods'));
        await frame.getByRole('heading', { name: 'Check how the file is read' }).waitFor();
      });
    });
  }
});
