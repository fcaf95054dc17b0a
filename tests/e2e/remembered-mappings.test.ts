// Remembered mappings through the real element, frame and worker: an import whose columns and
// values were matched by hand hands its choices to the page in `meta.mappings`; given back (the
// `mappings` property, or kept by the element itself in the page's localStorage with
// `remember-mappings`), the next import of a file with the same headers starts from them, marked
// as remembered, and the user can still change them. The frame itself stores nothing; within one
// session it keeps the user's choices for the next file when they go back to upload.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServers } from '../support/e2e.ts';
import { choose, chosen, combobox } from './choosers.ts';
import { importerFrame, received, submit } from './importer-flow.ts';

const e2e = useBrowserAndServers();

const COLUMNS = [
  { key: 'name', label: 'Name' },
  { key: 'contact', label: 'Contact' },
  {
    key: 'plan',
    label: 'Plan',
    type: 'select',
    options: [
      { value: 'free', label: 'Free' },
      { value: 'pro', label: 'Professional' },
      { value: 'enterprise', label: 'Enterprise' },
    ],
  },
];

/** Headers no matcher would read as these fields: only the user (or a remembered mapping) can match them. */
const FIRST = 'Col A,Col B,Col C\nAda,ada@example.com,Gold\nGrace,grace@example.com,Silber\n';
const SECOND = 'Col A,Col B,Col C\nLinus,linus@example.org,Silber\nEdsger,edsger@example.org,Bronze\n';

const SAVED = {
  version: 1,
  columns: { 'Col A': 'name', 'Col B': 'contact', 'Col C': 'plan' },
  values: { plan: { Gold: 'enterprise', Silber: 'pro' } },
};

async function hostPage(): Promise<Page> {
  const page = await e2e.browser.newPage();
  await page.goto(`${e2e.host.url}/host.html`);
  return page;
}

/** Opens a fresh importer frame with the test's fields (and `setup` applied to the element first). */
async function open(page: Page, setup?: string): Promise<Frame> {
  await page.evaluate(
    ({ columns, setup }) => {
      const importer = document.querySelector('csv-importer')!;
      importer.close();
      importer.columns = columns as never;
      if (setup) importer.setAttribute('remember-mappings', setup);
      importer.open();
    },
    { columns: COLUMNS, setup },
  );
  return importerFrame(page);
}

async function upload(frame: Frame, text: string): Promise<void> {
  await frame.setInputFiles('input[type=file]', {
    name: 'contacts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
}

/** The first import: every column and value matched by hand, then submitted. */
async function importByHand(page: Page, frame: Frame): Promise<Record<string, unknown>> {
  await upload(frame, FIRST);
  for (const header of ['Col A', 'Col B', 'Col C']) assert.equal(await chosen(frame, header), '', header);
  await choose(frame, 'Col A', 'Name');
  await choose(frame, 'Col B', 'Contact');
  await choose(frame, 'Col C', 'Plan');
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.getByRole('heading', { name: 'Match values' }).waitFor();
  assert.equal(await chosen(frame, 'Plan: Gold'), '');
  await choose(frame, 'Plan: Gold', 'Enterprise');
  await choose(frame, 'Plan: Silber', 'Professional');
  await frame.getByRole('button', { name: 'Continue' }).click();
  await submit(frame);
  const complete = (await received(page)).find((e) => e.type === 'csv-importer-complete')!;
  return complete.meta!;
}

/** The second import, of a file with the same headers: it starts from the remembered choices. */
async function importRemembered(frame: Frame): Promise<void> {
  await upload(frame, SECOND);
  assert.equal(await chosen(frame, 'Col A'), 'name');
  assert.equal(await chosen(frame, 'Col B'), 'contact');
  assert.equal(await chosen(frame, 'Col C'), 'plan');
  for (const header of ['Col A', 'Col B', 'Col C'])
    await frame
      .locator('tr', { has: combobox(frame, header) })
      .getByText('Remembered')
      .waitFor();
  // Nothing to check: the columns were chosen by the user, in the earlier import.
  await frame.locator('csv-match-summary').getByText('3 of 3 columns matched', { exact: true }).waitFor();
  // Still the user's to change: Col B leaves its field and takes it back, now chosen by hand.
  await choose(frame, 'Col B', '(not imported)');
  await choose(frame, 'Col B', 'Contact');
  await frame
    .locator('tr', { has: combobox(frame, 'Col B') })
    .getByText('Chosen by you')
    .waitFor();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await frame.getByRole('heading', { name: 'Match values' }).waitFor();
  assert.equal(await chosen(frame, 'Plan: Silber'), 'pro');
  assert.equal(await chosen(frame, 'Plan: Bronze'), '', 'a value never mapped before stays as it is');
  await frame
    .locator('tr', { has: combobox(frame, 'Plan: Silber') })
    .getByText('Remembered')
    .waitFor();
  await frame.getByRole('button', { name: 'Continue' }).click();
  await submit(frame);
}

describe('remembered mappings', () => {
  test('meta.mappings of a hand-matched import, given back as the mappings property, start the next import', async () => {
    const page = await hostPage();
    try {
      let frame = await open(page);
      const meta = await importByHand(page, frame);
      assert.deepEqual(meta.mappings, SAVED);
      // The element stores nothing unless asked.
      assert.equal(await page.evaluate(() => localStorage.length), 0);

      await page.evaluate((saved) => {
        (window as unknown as { received: unknown[] }).received.length = 0;
        document.querySelector('csv-importer')!.mappings = saved as never;
      }, meta.mappings);
      frame = await open(page);
      await importRemembered(frame);
      const complete = (await received(page)).find((e) => e.type === 'csv-importer-complete')!;
      assert.deepEqual(
        complete.rows!.map((r) => [r.name, r.contact, r.plan]),
        [
          ['Linus', 'linus@example.org', 'pro'],
          ['Edsger', 'edsger@example.org', 'Bronze'],
        ],
      );
    } finally {
      await page.close();
    }
  });

  test('remember-mappings keeps them in the page’s own localStorage, across a reload; the frame has no storage', async () => {
    const page = await hostPage();
    try {
      let frame = await open(page, 'crm-contacts');
      assert.equal(
        await frame.evaluate(() => {
          try {
            return typeof localStorage.length;
          } catch {
            return 'refused';
          }
        }),
        'refused',
        'the sandboxed frame cannot reach any storage',
      );
      await importByHand(page, frame);
      const stored = await page.evaluate(() => localStorage.getItem('csv-importer:mappings:crm-contacts'));
      assert.deepEqual(JSON.parse(stored!), SAVED);

      // A later visit: the page loads afresh, sets the same name, and the next import starts remembered.
      await page.reload();
      frame = await open(page, 'crm-contacts');
      await importRemembered(frame);

      // Cleared by the page (docs/columns.md): the next import starts from the suggestions again.
      await page.evaluate(() => localStorage.removeItem('csv-importer:mappings:crm-contacts'));
      frame = await open(page, 'crm-contacts');
      await upload(frame, SECOND);
      assert.equal(await chosen(frame, 'Col A'), '');
      assert.equal(await frame.getByText('Remembered').count(), 0);
    } finally {
      await page.close();
    }
  });

  test('Back to upload keeps the choices made by hand for the next file of the same session', async () => {
    const page = await hostPage();
    try {
      const frame = await open(page);
      await upload(frame, FIRST);
      await choose(frame, 'Col A', 'Name');
      await choose(frame, 'Col C', 'Plan');
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByRole('heading', { name: 'Match values' }).waitFor();
      await choose(frame, 'Plan: Gold', 'Enterprise');
      await frame.getByRole('button', { name: 'Back' }).click();
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      await frame.getByRole('button', { name: 'Back' }).click();
      await frame.locator('input[type=file]').waitFor({ state: 'attached' });
      // The same file again (or another with these headers): the columns and values come back.
      await upload(frame, FIRST);
      assert.equal(await chosen(frame, 'Col A'), 'name');
      assert.equal(await chosen(frame, 'Col B'), '');
      assert.equal(await chosen(frame, 'Col C'), 'plan');
      await frame
        .locator('tr', { has: combobox(frame, 'Col A') })
        .getByText('Remembered')
        .waitFor();
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByRole('heading', { name: 'Match values' }).waitFor();
      assert.equal(await chosen(frame, 'Plan: Gold'), 'enterprise');
      assert.equal(await chosen(frame, 'Plan: Silber'), '');
      // Nothing of it left the frame or went to storage.
      assert.equal(await page.evaluate(() => localStorage.length), 0);
    } finally {
      await page.close();
    }
  });
});
