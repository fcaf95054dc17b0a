import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CONTACT_COLUMNS, CONTACT_ISSUES, CONTACT_ROWS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { openImporter } from './importer-helpers.ts';

interface Received {
  type: string;
  rows?: Record<string, string | null>[];
  issues?: unknown[];
  meta?: Record<string, unknown>;
  code?: string;
  message?: string;
}

const e2e = useBrowserAndServers();

const received = (page: Page) =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received);

describe('walking skeleton: contacts.csv from the frame to the host', () => {
  test('the host receives every row, with the invalid values reported, and no request is made', async () => {
    const page = await e2e.browser.newPage();
    const browserRequests: string[] = [];
    const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS });
    const served = e2e.host.requests.length;
    page.on('request', (request) => browserRequests.push(request.url()));

    await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
    await frame.getByRole('button', { name: 'Continue' }).click();
    await frame.getByText('11 rows, 2 with errors (2 errors).').waitFor();

    // Invalid cells are marked (the grid filtered to rows with errors, so both are in view), and
    // markup in a cell is shown as text (the last row, reached with Ctrl+End).
    await frame.getByRole('tab', { name: /^With errors/ }).click();
    await frame.locator('[role=row][aria-rowindex="3"][data-row="7"]').waitFor();
    const invalid = await frame
      .locator('[role=gridcell][aria-invalid=true]')
      .evaluateAll((cells) =>
        cells.map(
          (c) => `${c.closest('[role=row]')!.getAttribute('data-row')}:${c.getAttribute('data-key')}`,
        ),
      );
    assert.deepEqual(invalid, ['2:email', '7:firstName']);
    await frame.getByRole('tab', { name: /^All/ }).click();
    // Every row again (the second row is row 1, not row 7) before Ctrl+End goes to the last one.
    await frame.locator('[role=row][aria-rowindex="3"][data-row="1"]').waitFor();
    await frame.getByRole('grid').press('Control+End');
    await frame.getByText('<img src=x onerror=alert(1)>').waitFor();
    assert.equal(await frame.locator('img').count(), 0);
    assert.ok(await frame.getByText('<img src=x onerror=alert(1)>').isVisible());

    await frame.getByRole('button', { name: 'Import 11 rows' }).click();
    await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
    const events = await received(page);
    assert.equal(events.length, 1);
    const [complete] = events;
    assert.equal(complete!.type, 'csv-importer-complete');
    assert.deepEqual(complete!.rows, CONTACT_ROWS);
    assert.deepEqual(complete!.issues, CONTACT_ISSUES);
    // Timings vary from run to run; everything else is exact.
    const { timings, ...meta } = complete!.meta as { timings: { deliver: number } };
    assert.equal(typeof timings.deliver, 'number');
    assert.deepEqual(meta, {
      fileName: 'contacts.csv',
      encoding: 'utf-8',
      delimiter: ',',
      rowCount: 11,
      validRowCount: 9,
      invalidRowCount: 2,
      excludedRowCount: 0,
      mapping: {
        firstName: 'First Name',
        lastName: 'Last Name',
        email: 'E-mail',
        phone: 'Phone',
        dateOfBirth: 'Date of Birth',
        country: 'Country',
        plan: 'Plan',
        seats: 'Seats',
        active: 'Active',
        notes: 'Notes',
      },
      mappings: {
        version: 1,
        columns: {
          'First Name': 'firstName',
          'Last Name': 'lastName',
          'E-mail': 'email',
          Phone: 'phone',
          'Date of Birth': 'dateOfBirth',
          Country: 'country',
          Plan: 'plan',
          Seats: 'seats',
          Active: 'active',
          Notes: 'notes',
        },
        values: {},
      },
    });

    // Nothing left the browser after the frame loaded: neither the browser saw a request nor did
    // the host's server receive one.
    assert.deepEqual(browserRequests, []);
    assert.equal(e2e.host.requests.length, served);
    await page.close();
  });

  test('messages shaped like the protocol from the page itself or another frame are ignored', async () => {
    const page = await e2e.browser.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS });
    const forged = {
      type: 'complete',
      version: 1,
      id: 'forged',
      rows: [{ firstName: 'Mallory' }],
      issues: [],
      meta: { fileName: 'x.csv', encoding: 'utf-8', delimiter: ',', rowCount: 1, mapping: {} },
    };
    await page.evaluate(async (message) => {
      window.postMessage(message, '*');
      window.postMessage({ type: 'csv-importer:hello', version: 1 }, '*');
      const other = document.createElement('iframe');
      other.srcdoc = `<script>parent.postMessage(${JSON.stringify(message)}, '*');
        parent.postMessage({ type: 'csv-importer:hello', version: 1 }, '*');</script>`;
      document.body.append(other);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }, forged);
    assert.deepEqual(await received(page), []);
    const ignored = warnings.filter((w) => w.includes('did not come from its frame'));
    assert.equal(ignored.length, 4, warnings.join('\n'));
    await page.close();
  });

  test('a PNG renamed .csv and an empty file each get a clear message, and a good file still works after', async () => {
    const page = await e2e.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS });
    const png = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');
    await frame.setInputFiles('input[type=file]', { name: 'photo.csv', mimeType: 'text/csv', buffer: png });
    await frame.getByRole('alert').getByText('This file is not a CSV or text file').waitFor();

    await frame.setInputFiles('input[type=file]', {
      name: 'empty.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(0),
    });
    await frame.getByRole('alert').getByText('The file is empty.').waitFor();

    await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
    await frame.getByRole('button', { name: 'Continue' }).waitFor();
    assert.deepEqual(errors, []);
    assert.deepEqual(await received(page), []);
    await page.close();
  });
});
