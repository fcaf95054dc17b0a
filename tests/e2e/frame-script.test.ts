import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Worker } from 'playwright-core';
import { CONTACT_COLUMNS, CONTACT_ROWS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { loadAndReview, submit, waitForEvent } from './importer-flow.ts';
import { openImporter } from './importer-helpers.ts';

// The srcdoc frame's one inline script is also its worker's script (scripts/frame-build.mjs,
// `buildSrcdocScript`): the worker, started from a Blob URL of the script's text after the guard,
// evaluates the worker's modules and none of the frame UI's, the document the UI's.

const e2e = useBrowserAndServers();

/** Whether Lit was evaluated in a realm: each of its modules adds its version to a global list. */
const litEvaluated = () =>
  ['litHtmlVersions', 'reactiveElementVersions', 'litElementVersions'].map(
    (name) => typeof (globalThis as Record<string, unknown>)[name],
  );

describe('the srcdoc frame: one script for the document and its worker', () => {
  test('the worker runs from a Blob URL without the frame UI, and imports', async () => {
    const page = await e2e.browser.newPage();
    const started = page.waitForEvent('worker');
    const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS });

    // One inline script in the document. The code the document and the worker both run is in it
    // once: the heartbeat's ping, which the frame sends and the worker answers, is one string.
    const scripts = await frame.evaluate(() => [...document.scripts].map((s) => [s.src, s.text]));
    assert.equal(scripts.length, 1);
    const [[src, text]] = scripts as [[string, string]];
    assert.equal(src, '');
    assert.equal(text.split('csv-importer:ping').length - 1, 1);
    assert.deepEqual(await frame.evaluate(litEvaluated), ['object', 'object', 'object']);

    const worker: Worker = await started;
    assert.match(worker.url(), /^blob:null\//);
    // A worker's global, and Lit (the frame UI's) never evaluated there; the import below shows
    // that the worker's own modules run.
    assert.deepEqual(await worker.evaluate(() => [typeof window, typeof document]), [
      'undefined',
      'undefined',
    ]);
    assert.deepEqual(await worker.evaluate(litEvaluated), ['undefined', 'undefined', 'undefined']);

    await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
    await submit(frame);
    const complete = (await waitForEvent(page, 'csv-importer-complete')).find(
      (e) => e.type === 'csv-importer-complete',
    )!;
    assert.deepEqual(complete.rows, CONTACT_ROWS);
    await page.close();
  });
});
