// Decimal separators through the real element, frame and worker: a clear decimal comma is applied
// and said in plain words; a column that reads either way is asked about with a cell of the
// user's own file, and the answer changes what the host receives.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { submit, toReview, waitForEvent } from './importer-flow.ts';
import { openImporter, withPage } from './importer-helpers.ts';

const e2e = useBrowserAndServers();

/** The golden spec of the German sales fixture; the revenue column says nothing of its separator. */
const SALES = [
  { key: 'firstName', label: 'First name', synonyms: ['Vorname'] },
  { key: 'lastName', label: 'Last name', synonyms: ['Nachname'] },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'revenue', label: 'Revenue', type: 'number', synonyms: ['Umsatz'] },
  { key: 'date', label: 'Date', type: 'date', formats: ['DD.MM.YYYY'], synonyms: ['Datum'] },
  { key: 'city', label: 'City', synonyms: ['Stadt'] },
];

const AMOUNTS = [
  { key: 'name', label: 'Name' },
  { key: 'amount', label: 'Amount', type: 'number' },
];
const AMOUNTS_CSV = 'Name,Amount\nAda,"1,234"\nGrace,"2,500"\nAlan,7\n';

async function delivered(page: Page, frame: Frame, key: string): Promise<unknown[]> {
  await submit(frame);
  const [complete] = await waitForEvent(page, 'csv-importer-complete');
  return complete!.rows!.map((row) => row[key]);
}

describe('decimal separators', () => {
  test('a decimal-comma file is read as such, said in plain words, and the host gets the numbers', async () => {
    await withPage(e2e.browser, async (page) => {
      let frame = await openImporter(page, e2e.host.url, { columns: SALES });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'sales-de-windows1252.csv'));
      await toReview(frame);
      await frame
        .locator('csv-reading-hints')
        .getByText('Revenue: read with a decimal comma, so 1.234,56 = 1234.56.')
        .waitFor();
      await frame.getByText('All 4 rows are valid.').waitFor();
      // Nothing is asked: one cell such as 1.234,56 settles the column.
      assert.equal(await frame.getByText('How should your file be read?').count(), 0);
      assert.deepEqual(await delivered(page, frame, 'revenue'), [1234.56, 987, 12.5, 0.99]);

      // In German, the same, said in German.
      frame = await openImporter(page, e2e.host.url, { columns: SALES, locale: 'de' });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'sales-de-windows1252.csv'));
      await frame.getByRole('button', { name: 'Weiter' }).click();
      await frame
        .locator('csv-reading-hints')
        .getByText('Revenue: mit Dezimalkomma gelesen, also 1.234,56 = 1234,56.')
        .waitFor();
    });
  });

  test('1,234 is asked about once, in plain words; the answer changes the delivered values', async () => {
    await withPage(e2e.browser, async (page) => {
      // Unanswered, the default applies: a comma groups thousands.
      let frame = await openImporter(page, e2e.host.url, { columns: AMOUNTS });
      await frame.setInputFiles('input[type=file]', {
        name: 'a.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(AMOUNTS_CSV),
      });
      await toReview(frame);
      await frame.getByText('In Amount, does 1,234 mean 1.234 or 1234?').waitFor();
      await frame.getByText('Other values like it in your file: 2,500').waitFor();
      assert.deepEqual(await delivered(page, frame, 'amount'), [1234, 2500, 7]);

      frame = await openImporter(page, e2e.host.url, { columns: AMOUNTS });
      await frame.setInputFiles('input[type=file]', {
        name: 'a.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(AMOUNTS_CSV),
      });
      await toReview(frame);
      await frame.getByRole('button', { name: 'Decimal comma: 1,234 = 1.234' }).click();
      // The question is answered for good, and the answer is stated where it can be changed.
      await frame
        .locator('csv-reading-hints')
        .getByText('Amount: read with a decimal comma, so 1,234 = 1.234.')
        .waitFor();
      assert.equal(await frame.getByText('In Amount, does 1,234 mean').count(), 0);
      await frame.getByRole('button', { name: 'Change how Amount is read' }).waitFor();
      await page.evaluate(() => {
        (window as unknown as { received: unknown[] }).received = [];
      });
      assert.deepEqual(await delivered(page, frame, 'amount'), [1.234, 2.5, 7]);
    });
  });
});
