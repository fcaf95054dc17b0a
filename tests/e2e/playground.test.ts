import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module, without type declarations.
import { startPlayground } from '../../apps/playground/server.mjs';
import { launchChromium } from '../support/browser.ts';
import { FIXTURES } from '../support/servers.ts';
import { loadAndReview, submit, toReview } from './importer-flow.ts';

let browser: Browser;
let context: BrowserContext;
let servers: { url: string; close(): Promise<void> };

before(async () => {
  browser = await launchChromium();
  // Two fixed neighbouring ports: the playground names its hosted importer as port + 1.
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  servers = await startPlayground({ port });
  context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: servers.url.replace(/\/$/, ''),
  });
});
after(async () => {
  await browser?.close();
  await servers?.close();
});

async function importerFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('playground-app >> csv-importer >> iframe');
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector('input[type=file]');
  return frame;
}

test('a newcomer edits the spec, imports a fixture, sees the rows and copies a snippet', async () => {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(servers.url);
  const spec = page.getByRole('textbox', { name: 'Column spec' });

  // A typo in a type is caught in the editor, naming the column.
  const original = await spec.inputValue();
  await spec.fill(original.replace('"type": "number"', '"type": "numbr"'));
  await page.getByRole('alert').getByText('Column "seats"').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Apply spec' }).isDisabled(), true);

  // Drop the notes column and apply.
  const columns = JSON.parse(original) as { key: string }[];
  await spec.fill(
    JSON.stringify(
      columns.filter((c) => c.key !== 'notes'),
      null,
      2,
    ),
  );
  await page.getByText('9 columns, valid.').waitFor();
  await page.getByRole('button', { name: 'Apply spec' }).click();

  const frame = await importerFrame(page);
  await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
  await submit(frame);
  await page.getByText(/^11 rows from contacts\.csv/).waitFor();
  const headers = await page.locator('section[aria-label="Received rows"] th').allTextContents();
  assert.deepEqual(
    headers,
    columns.filter((c) => c.key !== 'notes').map((c) => c.key),
  );
  const firstRow = await page
    .locator('section[aria-label="Received rows"] tbody tr')
    .first()
    .locator('td')
    .allTextContents();
  assert.equal(firstRow[0], 'Ada');
  assert.equal(firstRow[2], 'ada@example.com');
  const log = await page.locator('#log').textContent();
  assert.match(log ?? '', /→ init/);
  assert.match(log ?? '', /event complete: 11 rows/);

  // The snippet reflects the applied spec, and Copy puts it on the clipboard.
  await page.getByRole('tab', { name: 'React' }).click();
  await page.getByRole('button', { name: 'Copy snippet' }).click();
  await page.getByRole('button', { name: 'Copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /oncsv-importer-complete/);
  assert.match(copied, /"key": "firstName"/);
  assert.doesNotMatch(copied, /"key": "notes"/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the playground switches to hosted mode on its second origin and still delivers rows', async () => {
  const page = await context.newPage();
  await page.goto(servers.url);
  await page.getByLabel('Mode').selectOption('hosted');
  const frame = await importerFrame(page);
  assert.match(frame.url(), /^http:\/\/127\.0\.0\.1:\d+\/$/);
  await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
  await submit(frame);
  await page.getByText(/^11 rows from contacts\.csv/).waitFor();
  await page.close();
});

test('a sample file imports on click, in srcdoc and hosted mode, and the page does not overflow sideways', async () => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(servers.url);
  for (const mode of ['srcdoc', 'hosted']) {
    if (mode === 'hosted') await page.getByLabel('Mode').selectOption('hosted');
    const frame = await importerFrame(page);
    // The element's importFile(): the frame reads it as if the user had picked it.
    await page.getByRole('button', { name: 'contacts.csv' }).click();
    await toReview(frame);
    await submit(frame);
    await page.getByText(/^11 rows from contacts\.csv/).waitFor();
    // The received rows are wider than their column: they scroll in their own box, not the page.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, `${mode}: the page is ${overflow}px wider than the window`);
  }
  await page.close();
});

test('a sample clicked during an import asks before it replaces the work, and reads it once the user agrees', async () => {
  const page = await context.newPage();
  await page.goto(servers.url);
  const frame = await importerFrame(page);
  await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
  const sample = page.getByRole('button', { name: 'inventory-bom-preamble.csv' });
  await sample.click();
  const dialog = frame.getByRole('alertdialog', { name: 'Discard this import?' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Keep working' }).click();
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await frame.getByRole('heading', { name: 'Review and fix' }).isVisible(), true);
  await sample.click();
  await dialog.getByRole('button', { name: 'Discard and open the new file' }).click();
  // The new file has a preamble: the importer asks which row holds the column names.
  await frame.getByRole('heading', { name: 'Check how the file is read' }).waitFor();
  await page.close();
});
