// The values step through the real element, frame and worker: close spellings get the engine's
// suggestion, marked as such; what the user chooses is kept across Back and Continue.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Frame } from 'playwright-core';
import { useBrowserAndServers } from '../support/e2e.ts';
import { choose, combobox } from './choosers.ts';
import { submit, waitForEvent } from './importer-flow.ts';
import { openImporter } from './importer-helpers.ts';

const e2e = useBrowserAndServers();

const COLUMNS = [
  { key: 'name', label: 'Name' },
  {
    key: 'plan',
    label: 'Plan',
    type: 'select',
    options: [
      { value: 'free', label: 'Free' },
      { value: 'starter', label: 'Starter' },
      { value: 'pro', label: 'Professional' },
      { value: 'enterprise', label: 'Enterprise' },
    ],
  },
];
const CSV = 'Name,Plan\nAda,Enterprize\nGrace,fre\nAlan,gold\nEdsger,Free\n';

const option = (frame: Frame, value: string) => combobox(frame, `Plan: ${value}`);
const chosen = async (frame: Frame, value: string) =>
  (await option(frame, value).getAttribute('data-value')) ?? '';

describe('values step', () => {
  test('close spellings are suggested and marked; the user’s choices are kept across Back and Continue', async () => {
    const page = await e2e.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    try {
      const frame = await openImporter(page, e2e.host.url, { columns: COLUMNS });
      await frame.setInputFiles('input[type=file]', {
        name: 'plans.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(CSV),
      });
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByRole('heading', { name: 'Match values' }).waitFor();

      // Suggestions from similar spellings are preselected and marked; nothing is close to gold.
      assert.equal(await chosen(frame, 'Enterprize'), 'enterprise');
      assert.equal(await chosen(frame, 'fre'), 'free');
      assert.equal(await chosen(frame, 'gold'), '');
      assert.equal(await chosen(frame, 'Free'), 'free');
      assert.match((await option(frame, 'Enterprize').getAttribute('aria-describedby')) ?? '', /note-/);
      assert.equal(await frame.locator('.suggested', { hasText: /^Suggested \(\d+%\)$/ }).count(), 2);

      // The user picks an option for gold and keeps fre as it is.
      await choose(frame, 'Plan: gold', 'Professional');
      await choose(frame, 'Plan: fre', '(keep as it is)');
      await frame.getByRole('button', { name: 'Back' }).click();
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByRole('heading', { name: 'Match values' }).waitFor();
      assert.equal(await chosen(frame, 'gold'), 'pro');
      assert.equal(await chosen(frame, 'fre'), '', 'a suggestion the user cleared stays cleared');
      assert.equal(await chosen(frame, 'Enterprize'), 'enterprise');

      // On to review and back again: still the same.
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByText('4 rows, 1 with errors (1 errors).').waitFor();
      await frame.getByRole('button', { name: 'Back' }).click();
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByRole('heading', { name: 'Match values' }).waitFor();
      assert.equal(await chosen(frame, 'gold'), 'pro');
      assert.equal(await chosen(frame, 'fre'), '');
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByText('4 rows, 1 with errors (1 errors).').waitFor();

      await submit(frame);
      const [complete] = await waitForEvent(page, 'csv-importer-complete');
      assert.deepEqual(
        complete!.rows!.map((row) => row.plan),
        ['enterprise', 'fre', 'pro', 'free'],
      );
      assert.deepEqual(
        complete!.issues!.filter((i) => i.level === 'error').map((i) => [i.row, i.code]),
        [[1, 'invalid_option']],
      );
      assert.deepEqual(errors, []);
    } finally {
      await page.close();
    }
  });
});
