import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { importerFrame, loadAndReview, submit, waitForEvent } from './importer-flow.ts';
import { cell, editCell, summary } from './importer-helpers.ts';

// The host's edit hook through the real element, frame and worker: the user edits a cell, the
// engine re-validates it, then the page's hook sees the row and its findings land on the cell.

const e2e = useBrowserAndServers();

const CONTACTS = join(FIXTURES, 'contacts.csv');
const REFUSED = 'Addresses at competitor.example cannot be imported.';
const NEEDS_NAME = 'The CRM needs a first name.';
const CHECK_LAST = 'Check that this is a real last name.';
const LOWERED = 'Stored in lower case.';

/** The element on the test host page, with an edit hook that answers asynchronously. */
async function withEditHook(): Promise<Page> {
  const page = await e2e.browser.newPage({ viewport: { width: 2400, height: 1400 } });
  await page.goto(`${e2e.host.url}/element.html`);
  await page.evaluate(
    ({ columns, refused, needsName, checkLast, lowered }) => {
      const importer = document.querySelector('csv-importer')!;
      importer.style.setProperty('--csv-importer-height', '1300px');
      importer.columns = columns as never;
      (window as unknown as { asked: unknown[] }).asked = [];
      importer.hooks = {
        // As a hook that asks the application's server would: later, and about the whole row.
        edit: async ({ row, column, record }) => {
          (window as unknown as { asked: unknown[] }).asked.push({ row, column });
          const email = String(record.email ?? '');
          // A `late@` address makes the answer come after the user has already pressed Import.
          await new Promise((resolve) => setTimeout(resolve, email.startsWith('late@') ? 1000 : 30));
          const issues: { row: number; column: string; message: string; level?: 'warning' | 'info' }[] = [];
          if (email.endsWith('@competitor.example')) issues.push({ row, column: 'email', message: refused });
          if (record.firstName === null) {
            issues.push({ row, column: 'firstName', message: needsName });
            issues.push({ row, column: 'lastName', message: checkLast, level: 'warning' });
          }
          // Addresses are stored in lower case, and the user is told so.
          const values = [];
          if (email !== email.toLowerCase()) {
            values.push({ row, column: 'email', value: email.toLowerCase() });
            issues.push({ row, column: 'email', message: lowered, level: 'info' });
          }
          return { issues, values };
        },
      };
      importer.open();
    },
    {
      columns: CONTACT_COLUMNS as unknown,
      refused: REFUSED,
      needsName: NEEDS_NAME,
      checkLast: CHECK_LAST,
      lowered: LOWERED,
    },
  );
  return page;
}

describe('the host edit hook', () => {
  test('a rejected edit shows the host message on the cell and is delivered as an issue; an accepted edit clears it', async () => {
    const page = await withEditHook();
    const frame = await importerFrame(page);
    await loadAndReview(frame, CONTACTS);
    await summary(frame, '11 rows, 2 with errors (2 errors).');

    // The engine finds the address valid; the host refuses it.
    await editCell(frame, 0, 'email', 'ada@competitor.example');
    await cell(frame, 0, 'email')
      .and(frame.locator(`[title="${REFUSED}"]`))
      .waitFor();
    assert.equal(await cell(frame, 0, 'email').getAttribute('aria-invalid'), 'true');
    await summary(frame, '11 rows, 3 with errors (3 errors).');

    // Refused, then fixed: the hook's answer about the fixed value replaces its finding.
    await editCell(frame, 3, 'email', 'margaret@competitor.example');
    await cell(frame, 3, 'email')
      .and(frame.locator(`[title="${REFUSED}"]`))
      .waitFor();
    await summary(frame, '11 rows, 4 with errors (4 errors).');
    await editCell(frame, 3, 'email', 'margaret@example.org');
    await summary(frame, '11 rows, 3 with errors (3 errors).');
    assert.equal(await cell(frame, 3, 'email').getAttribute('aria-invalid'), 'false');
    assert.equal(await cell(frame, 3, 'email').getAttribute('title'), null);

    // A replacement value from the hook goes into the delivered row, not into the user's cell.
    await editCell(frame, 5, 'email', 'Zoe.Mueller@Example.DE');
    await cell(frame, 5, 'email')
      .and(frame.locator(`[title="${LOWERED}"]`))
      .waitFor();
    assert.equal(await cell(frame, 5, 'email').textContent(), 'Zoe.Mueller@Example.DE');
    assert.equal(await cell(frame, 5, 'email').getAttribute('aria-invalid'), 'false');

    await submit(frame);
    const events = await waitForEvent(page, 'csv-importer-complete');
    const complete = events.find((e) => e.type === 'csv-importer-complete')!;
    assert.deepEqual(complete.rows!.map((r) => r.email).slice(0, 6), [
      'ada@competitor.example',
      'grace.hopper@example.org',
      'linus@',
      'margaret@example.org',
      'tim@example.com',
      'zoe.mueller@example.de',
    ]);
    assert.deepEqual(complete.issues, [
      { row: 0, column: 'email', code: 'host', level: 'error', params: { message: REFUSED } },
      { row: 2, column: 'email', code: 'invalid_email', level: 'error' },
      { row: 5, column: 'email', code: 'host', level: 'info', params: { message: LOWERED } },
      { row: 7, column: 'firstName', code: 'required', level: 'error' },
    ]);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked), [
      { row: 0, column: 'email' },
      { row: 3, column: 'email' },
      { row: 3, column: 'email' },
      { row: 5, column: 'email' },
    ]);
    await page.close();
  });

  test('a host finding on a cell the engine already flags shows behind it and is delivered after it; an edit right before submit is checked before delivery', async () => {
    const page = await withEditHook();
    const frame = await importerFrame(page);
    await loadAndReview(frame, CONTACTS);
    await summary(frame, '11 rows, 2 with errors (2 errors).');

    // Row 7 has no first name (the engine's `required`); the hook, asked about an edit of its
    // address, says so in its own words about the same cell, and warns about the last name.
    await editCell(frame, 7, 'email', 'anonymous@example.com');
    await cell(frame, 7, 'lastName')
      .and(frame.locator(`[title="${CHECK_LAST}"]`))
      .waitFor();
    assert.equal(await cell(frame, 7, 'firstName').getAttribute('title'), 'This field is required.');
    await summary(frame, '11 rows, 2 with errors (2 errors).');

    // Submitted at once after an edit: the rows leave only after the hook's answer about it.
    await editCell(frame, 0, 'email', 'late@competitor.example');
    await submit(frame);
    const events = await waitForEvent(page, 'csv-importer-complete');
    const complete = events.find((e) => e.type === 'csv-importer-complete')!;
    assert.deepEqual(
      complete.issues!.filter((i) => i.row === 0 || i.row === 7),
      [
        { row: 0, column: 'email', code: 'host', level: 'error', params: { message: REFUSED } },
        { row: 7, column: 'firstName', code: 'required', level: 'error' },
        { row: 7, column: 'firstName', code: 'host', level: 'error', params: { message: NEEDS_NAME } },
        { row: 7, column: 'lastName', code: 'host', level: 'warning', params: { message: CHECK_LAST } },
      ],
    );
    await page.close();
  });

  test('an edit hook that throws or never answers marks the edited cell, and the user edits on', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 2400, height: 1400 } });
    await page.goto(`${e2e.host.url}/element.html`);
    await page.evaluate((columns) => {
      const importer = document.querySelector('csv-importer')!;
      importer.style.setProperty('--csv-importer-height', '1300px');
      importer.columns = columns as never;
      importer.hookTimeoutMs = 300;
      importer.hooks = {
        edit: ({ record }) =>
          record.email === 'hang@example.com'
            ? new Promise<undefined>(() => {})
            : Promise.reject(new Error('the CRM is down')),
      };
      importer.open();
    }, CONTACT_COLUMNS as unknown);
    const frame = await importerFrame(page);
    await loadAndReview(frame, CONTACTS);
    await summary(frame, '11 rows, 2 with errors (2 errors).');

    await editCell(frame, 0, 'email', 'hang@example.com');
    // Meanwhile the user edits another row, whose check fails at once.
    await editCell(frame, 1, 'email', 'grace@example.com');
    await cell(frame, 1, 'email').and(frame.locator('[title="the CRM is down"]')).waitFor();
    await cell(frame, 0, 'email')
      .and(frame.locator('[title="The host did not answer edit-request within 300 ms."]'))
      .waitFor();
    await summary(frame, '11 rows, 4 with errors (4 errors).');

    await submit(frame);
    const events = await waitForEvent(page, 'csv-importer-complete');
    const complete = events.find((e) => e.type === 'csv-importer-complete')!;
    assert.deepEqual(
      complete.issues!.filter((i) => i.row < 2).map((i) => [i.row, i.column, i.code, i.params?.message]),
      [
        [0, 'email', 'hook_failed', 'The host did not answer edit-request within 300 ms.'],
        [1, 'email', 'hook_failed', 'the CRM is down'],
      ],
    );
    const error = events.find((e) => e.type === 'csv-importer-error')!;
    assert.deepEqual([error.code, error.message], ['hook_failed', 'the CRM is down']);
    await page.close();
  });
});
