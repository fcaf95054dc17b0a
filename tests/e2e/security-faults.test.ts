import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser.ts';
import { CONTACT_COLUMNS, CONTACT_ROWS } from '../support/contacts.ts';
import { FIXTURES, serveHost, type TestServer } from '../support/servers.ts';
import {
  importButton,
  importerFrame,
  loadAndReview,
  received,
  submit,
  waitForEvent,
} from './importer-flow.ts';

// Faults and hostile messages around a real import: a host that never takes a batch, a host
// that closes mid-delivery, a frame replaying its hello, a worker that crashes. In each case the
// user sees what happened, the host gets an error event (or nothing it did not ask for), and
// opening the importer again works.

let browser: Browser;
let host: TestServer;

before(async () => {
  browser = await launchChromium();
  host = await serveHost();
});
after(async () => {
  await browser?.close();
  await host?.close();
});

const CONTACTS = join(FIXTURES, 'contacts.csv');

/** The element test page with the importer open; `setup` runs on the element before `open()`. */
async function open(page: Page, setup: string): Promise<void> {
  await page.evaluate(
    ({ columns, setup }) => {
      const importer = document.querySelector('csv-importer')!;
      importer.columns = columns as never;
      new Function('importer', setup)(importer);
      importer.open();
    },
    { columns: CONTACT_COLUMNS as unknown, setup },
  );
}

/** Closes and reopens the importer with a host that takes every batch, and imports contacts.csv. */
async function retryWorks(page: Page): Promise<void> {
  const before = (await received(page)).length;
  await page.evaluate(() => {
    const w = window as unknown as { hold?: boolean };
    w.hold = false;
    const importer = document.querySelector('csv-importer')!;
    importer.close();
    importer.open();
  });
  const frame = await importerFrame(page);
  await loadAndReview(frame, CONTACTS);
  await submit(frame);
  await page.waitForFunction(
    (n) =>
      (window as unknown as { received: { type: string }[] }).received
        .slice(n)
        .some((e) => e.type === 'csv-importer-complete'),
    before,
  );
  const complete = (await received(page)).slice(before).find((e) => e.type === 'csv-importer-complete')!;
  assert.deepEqual(complete.rows, CONTACT_ROWS);
}

describe('faults: the user sees what happened, the host gets an error, a retry works', () => {
  test('a host that never acknowledges a batch gets host_timeout, not a stuck frame', async () => {
    const page = await browser.newPage();
    await page.goto(`${host.url}/element.html`);
    await open(
      page,
      `importer.ackTimeoutMs = 500;
       window.hold = true;
       importer.addEventListener('csv-importer-rows', (e) => { if (window.hold) e.waitUntil(new Promise(() => {})); });`,
    );
    const frame = await importerFrame(page);
    await loadAndReview(frame, CONTACTS);
    await importButton(frame).click();
    const events = await waitForEvent(page, 'csv-importer-error');
    const error = events.find((e) => e.type === 'csv-importer-error')!;
    assert.equal(error.code, 'host_timeout');
    assert.match(error.message!, /did not take rows 1 to 11 within 0.5 seconds; 0 rows were delivered/);
    await frame
      .getByRole('alert')
      .getByText(/did not take rows 1 to 11/)
      .waitFor();
    assert.ok(!events.some((e) => e.type === 'csv-importer-complete'));
    await retryWorks(page);
    await page.close();
  });

  test('a host that closes mid-delivery hears nothing more from that frame', async () => {
    const page = await browser.newPage();
    await page.goto(`${host.url}/element.html`);
    await open(
      page,
      `importer.batchSize = 2;
       importer.addEventListener('csv-importer-rows', (e) => {
         window.rowsEvents = (window.rowsEvents ?? 0) + 1;
         if (window.rowsEvents === 2) importer.close();
         e.waitUntil(new Promise((resolve) => setTimeout(resolve, 50)));
       });`,
    );
    const frame = await importerFrame(page);
    await loadAndReview(frame, CONTACTS);
    await importButton(frame).click();
    await page.waitForFunction(
      () => !document.querySelector('csv-importer')!.shadowRoot!.querySelector('iframe'),
    );
    // Whatever the closed frame had in flight is not acted on: no more batches, no completion.
    await page.waitForTimeout(1000);
    assert.equal(await page.evaluate(() => (window as unknown as { rowsEvents: number }).rowsEvents), 2);
    assert.ok(!(await received(page)).some((e) => e.type === 'csv-importer-complete'));
    await retryWorks(page);
    await page.close();
  });

  test('the iframe removed mid-submit: the host gets frame_removed, and opening again works', async () => {
    const page = await browser.newPage();
    await page.goto(`${host.url}/element.html`);
    await open(
      page,
      `importer.batchSize = 2;
       importer.addEventListener('csv-importer-rows', (e) => {
         window.rowsEvents = (window.rowsEvents ?? 0) + 1;
         // A script of the page (or a framework re-render) takes the frame away mid-delivery,
         // while the second batch is with this listener: the first batch (2 rows) was taken.
         if (window.rowsEvents === 2) importer.shadowRoot.querySelector('iframe').remove();
       });`,
    );
    const frame = await importerFrame(page);
    await loadAndReview(frame, CONTACTS);
    await importButton(frame).click();
    const events = await waitForEvent(page, 'csv-importer-error');
    const error = events.find((e) => e.type === 'csv-importer-error')!;
    assert.equal(error.code, 'frame_removed');
    assert.match(
      error.message!,
      /frame was removed before the import finished \(2 rows had been delivered\)/,
    );
    assert.ok(!events.some((e) => e.type === 'csv-importer-complete'));
    await retryWorks(page);
    await page.close();
  });

  test('a hello or a message the frame replays on the window after the handshake is ignored', async () => {
    const page = await browser.newPage();
    const warnings: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'warning') warnings.push(m.text());
    });
    await page.goto(`${host.url}/element.html`);
    await open(page, '');
    const frame = await importerFrame(page);
    // A second hello from the real frame would hand out a second port and a second init.
    await frame.evaluate(() => {
      parent.postMessage({ type: 'csv-importer:hello', version: 1 }, '*');
      parent.postMessage({ type: 'complete', version: 1, id: 'x', meta: {} }, '*');
    });
    await page.waitForTimeout(300);
    assert.equal(
      warnings.filter((w) => w.includes('did not come from its frame')).length,
      2,
      warnings.join('\n'),
    );
    await loadAndReview(frame, CONTACTS);
    await submit(frame);
    const events = await waitForEvent(page, 'csv-importer-complete');
    assert.equal(events.filter((e) => e.type === 'csv-importer-complete').length, 1);
    assert.deepEqual(events.find((e) => e.type === 'csv-importer-complete')!.rows, CONTACT_ROWS);
    await page.close();
  });

  test('a worker that crashes mid-import becomes worker_failed in the host and a message in the frame', async () => {
    const page = await browser.newPage();
    await page.goto(`${host.url}/element.html`);
    const started = page.waitForEvent('worker');
    await open(page, '');
    const frame = await importerFrame(page);
    const worker = await started;
    await loadAndReview(frame, CONTACTS);
    // An uncaught error inside the worker, as a bug or an exhausted heap would raise it.
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new Error('simulated engine crash');
      });
    });
    const events = await waitForEvent(page, 'csv-importer-error');
    const error = events.find((e) => e.type === 'csv-importer-error')!;
    assert.equal(error.code, 'worker_failed');
    assert.match(error.message!, /simulated engine crash.*No rows were imported; please try again\./);
    await frame
      .getByRole('alert')
      .getByText(/The importer stopped working/)
      .waitFor();
    assert.ok(!events.some((e) => e.type === 'csv-importer-complete'));
    await retryWorks(page);
    await page.close();
  });
});

describe('limits set by the application', () => {
  for (const limit of ['max-file-size', 'max-rows'] as const) {
    test(`${limit}: a file over it gets a specific message and error event; a file within it still imports`, async () => {
      const page = await browser.newPage();
      await page.goto(`${host.url}/element.html`);
      // contacts.csv is about 1.4 KB with 11 data rows.
      await open(page, limit === 'max-file-size' ? 'importer.maxFileSize = 1000;' : 'importer.maxRows = 10;');
      const frame = await importerFrame(page);
      await frame.setInputFiles('input[type=file]', CONTACTS);
      const events = await waitForEvent(page, 'csv-importer-error');
      const error = events.find((e) => e.type === 'csv-importer-error')!;
      if (limit === 'max-file-size') {
        assert.equal(error.code, 'file_too_large');
        // Refused before a byte is read; the user and the host get the same specific text.
        assert.match(error.message!, /1,?000 bytes?/);
        await frame.getByRole('alert').getByText(error.message!).waitFor();
      } else {
        assert.equal(error.code, 'too_many_rows');
        assert.match(error.message!, /\b10\b/);
        await frame.getByRole('alert').getByText(error.message!).waitFor();
      }
      // The user can pick another file: one within the limit imports.
      const small = 'First name,Last name,E-mail\r\nAda,Lovelace,ada@example.com\r\n';
      await loadAndReview(frame, { name: 'small.csv', mimeType: 'text/csv', buffer: Buffer.from(small) });
      await submit(frame);
      const complete = (await waitForEvent(page, 'csv-importer-complete')).find(
        (e) => e.type === 'csv-importer-complete',
      )!;
      assert.equal(complete.rows!.length, 1);
      await page.close();
    });
  }
});
