import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { importButton, importerFrame, loadAndReview, received, waitForEvent } from './importer-flow.ts';
import { axe, openImporter } from './importer-helpers.ts';

// How an import ends, as the user reads it: a failure of the host page after delivery leads to a
// screen with Try again that loses nothing, the summary agrees with the button, the done screen
// says what went in and what did not, and waits show progress.

const e2e = useBrowserAndServers();

async function inReview(setup: string): Promise<{ page: Page; frame: Frame }> {
  const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${e2e.host.url}/element.html`);
  await page.evaluate((columns) => {
    document.querySelector('csv-importer')!.columns = columns as never;
  }, CONTACT_COLUMNS as unknown);
  // The application's own code, as a script of the host page.
  await page.addScriptTag({ content: setup });
  await page.evaluate(() => document.querySelector('csv-importer')!.open());
  const frame = await importerFrame(page);
  await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
  return { page, frame };
}

describe('the host fails after delivery', () => {
  test('a rejected waitUntil shows a failure with Try again; Try again delivers every row again', async () => {
    const { page, frame } = await inReview(`
      window.saves = 0;
      document.querySelector('csv-importer').addEventListener('csv-importer-rows', (event) => {
        window.saves++;
        event.waitUntil(window.saves === 1 ? Promise.reject(new Error('database is read-only')) : Promise.resolve());
      });
    `);
    await importButton(frame).click();
    await frame.getByRole('heading', { name: 'The import did not finish' }).waitFor();
    const alert = (await frame.getByRole('alert').textContent()) ?? '';
    assert.match(alert, /The application could not save the rows\. Nothing was lost/);
    assert.doesNotMatch(alert, /waitUntil|database/, 'the developer detail is not shown to the user');
    const events = await waitForEvent(page, 'csv-importer-error');
    const error = events.find((e) => e.type === 'csv-importer-error')!;
    assert.equal(error.code, 'hook_failed');
    assert.match(error.message!, /waitUntil promise rejected for rows 1 to 11: database is read-only/);
    assert.equal(events.filter((e) => e.type === 'csv-importer-complete').length, 0);
    assert.deepEqual(await axe(frame), [], 'the failure screen is axe-clean');

    await frame.getByRole('button', { name: 'Try again' }).click();
    await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
    const complete = (await received(page)).find((e) => e.type === 'csv-importer-complete')!;
    assert.equal(complete.rows!.length, 11);
    const batches = await page.evaluate(() => (window as unknown as { batches: unknown[] }).batches);
    assert.deepEqual(batches, [
      { start: 0, size: 11 },
      { start: 0, size: 11 },
    ]);
    await page.close();
  });

  test('a failing transform hook speaks to the user, not the developer; Back to the review keeps the rows', async () => {
    const { page, frame } = await inReview(`
      document.querySelector('csv-importer').hooks = {
        transform() { throw new Error('TypeError: x is undefined'); },
      };
    `);
    await importButton(frame).click();
    await frame.getByRole('heading', { name: 'The import did not finish' }).waitFor();
    const alert = (await frame.getByRole('alert').textContent()) ?? '';
    assert.doesNotMatch(alert, /transform hook|TypeError/);
    assert.match(alert, /Nothing was lost/);
    const error = (await waitForEvent(page, 'csv-importer-error')).find(
      (e) => e.type === 'csv-importer-error',
    )!;
    assert.match(error.message!, /The transform hook failed: TypeError: x is undefined/);
    await frame.getByRole('button', { name: 'Back to the review' }).click();
    await importButton(frame).waitFor();
    await page.close();
  });
});

describe('what the screens say', () => {
  test('under invalid-rows="block" the summary does not promise an import beside the disabled button', async () => {
    const { page, frame } = await inReview(`document.querySelector('csv-importer').invalidRows = 'block';`);
    const summary = frame.locator('csv-submit-summary');
    await summary.getByText('9 rows are ready to import.').waitFor();
    assert.doesNotMatch((await summary.textContent()) ?? '', /will be imported/);
    assert.equal(await importButton(frame).isDisabled(), true);
    await page.close();
  });

  for (const [policy, lines] of [
    ['include', ['9\trows imported', '2\trows imported with errors']],
    ['exclude', ['9\trows imported', '2\trows left out']],
  ] as const) {
    test(`the done screen gives the breakdown (invalid-rows="${policy}")`, async () => {
      const { page, frame } = await inReview(
        `document.querySelector('csv-importer').invalidRows = '${policy}';`,
      );
      await importButton(frame).click();
      await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
      const text = await frame
        .locator('csv-result-step dl > div > *')
        .evaluateAll((items) => items.map((item) => item.textContent?.trim() ?? '').join('\n'));
      assert.deepEqual(
        text
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean),
        lines.flatMap((l) => l.split('\t')),
      );
      await page.close();
    });
  }

  test('continuing from the values step shows that the rows are being checked', async () => {
    const page = await e2e.browser.newPage();
    const frame = await openImporter(page, e2e.host.url, {
      columns: [
        { key: 'name', label: 'Name' },
        { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro', 'enterprise'] },
      ],
      hostPage: 'element.html',
    });
    await frame.setInputFiles('input[type=file]', {
      name: 'plans.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Name,Plan\nAda,Pro\nAlan,Enterprize\nGrace,free\n'),
    });
    await frame.getByRole('button', { name: 'Continue' }).click();
    await frame.getByRole('heading', { name: 'Match values' }).waitFor();
    // Recorded as it happens: the wait may be shorter than a poll on a small file.
    await frame.evaluate(() => {
      const root = document.querySelector('csv-importer-app')!.shadowRoot!;
      const seen = window as unknown as { busySeen: string[] };
      seen.busySeen = [];
      new MutationObserver(() => {
        const busy = root.querySelector('.busy[role=status]');
        if (busy?.querySelector('progress')) seen.busySeen.push(busy.textContent!.trim());
      }).observe(root, { childList: true, subtree: true });
    });
    await frame.getByRole('button', { name: 'Continue' }).click();
    await importButton(frame).waitFor();
    const seen = await frame.evaluate(() => (window as unknown as { busySeen: string[] }).busySeen);
    assert.ok(seen.includes('Checking the rows…'), JSON.stringify(seen));
    await page.close();
  });
});
