// Day/month order through the real element, frame and worker: one day above 12 makes the whole
// column day first; a column that reads either way is asked about with a date of the user's own
// file, and the answer can be changed later from the review step.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServers } from '../support/e2e.ts';
import { submit, toReview, waitForEvent } from './importer-flow.ts';
import { axe, openImporter } from './importer-helpers.ts';

const e2e = useBrowserAndServers();

const COLUMNS = [
  { key: 'name', label: 'Name' },
  { key: 'day', label: 'Day', type: 'date' },
];

async function withFile(csv: string, run: (page: Page, frame: Frame) => Promise<void>): Promise<void> {
  const page = await e2e.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    const frame = await openImporter(page, e2e.host.url, { columns: COLUMNS });
    await frame.setInputFiles('input[type=file]', {
      name: 'days.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    await toReview(frame);
    await run(page, frame);
    assert.deepEqual(errors, [], 'no uncaught error in the page or the frame');
  } finally {
    await page.close();
  }
}

async function delivered(page: Page, frame: Frame) {
  await submit(frame);
  const [complete] = await waitForEvent(page, 'csv-importer-complete');
  return {
    days: complete!.rows!.map((row) => row.day),
    warnings: complete!.issues!.filter((i) => i.level === 'warning').map((i) => i.code),
  };
}

describe('day/month order', () => {
  test('a day above 12 in one cell makes the whole column day first, without a warning', async () => {
    await withFile('Name,Day\nAda,15/03/2024\nGrace,28/02/2024\nAlan,04/03/2024\n', async (page, frame) => {
      await frame
        .locator('csv-reading-hints')
        .getByText('Day: dates read day first, so 04/03/2024 = March 4, 2024.')
        .waitFor();
      assert.equal(await frame.getByText('How should your file be read?').count(), 0);
      assert.deepEqual(await delivered(page, frame), {
        days: ['2024-03-15', '2024-02-28', '2024-03-04'],
        warnings: [],
      });
    });
  });

  test('dates that read either way are asked about with a date of the file; the answer can be changed later', async () => {
    await withFile('Name,Day\nAda,04/03/2024\nGrace,05/06/2024\nAlan,2024-12-01\n', async (page, frame) => {
      await frame.getByText('In Day, is 04/03/2024 March 4, 2024 or April 3, 2024?').waitFor();
      // No jargon: nothing on screen says DMY or MDY; the question passes axe-core.
      assert.equal(await frame.getByText(/\b(DMY|MDY)\b/).count(), 0);
      assert.deepEqual(await axe(frame), []);
      await frame.getByRole('button', { name: 'Day first: 04/03/2024 = March 4, 2024' }).click();
      await frame
        .locator('csv-reading-hints')
        .getByText('Day: dates read day first, so 04/03/2024 = March 4, 2024.')
        .waitFor();

      // Changed from the review step: month first after all. A row deleted meanwhile comes back,
      // and the user is told so before choosing.
      await frame.getByRole('checkbox', { name: 'Select row 3' }).check();
      await frame.getByRole('button', { name: 'Delete selected rows (1)' }).click();
      await frame.getByText('All 2 rows are valid.').waitFor();
      await frame.getByRole('button', { name: 'Change how Day is read' }).click();
      await frame
        .getByText('Choosing reads every row again: rows you deleted come back, and undo starts afresh.')
        .waitFor();
      await frame.getByRole('button', { name: 'Month first: 04/03/2024 = April 3, 2024' }).click();
      await frame
        .locator('csv-reading-hints')
        .getByText('Day: dates read month first, so 04/03/2024 = April 3, 2024.')
        .waitFor();
      assert.deepEqual(await delivered(page, frame), {
        days: ['2024-04-03', '2024-05-06', '2024-12-01'],
        warnings: [],
      });
    });
  });
});
