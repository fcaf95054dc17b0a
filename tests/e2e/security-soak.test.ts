import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CDPSession, Page } from 'playwright-core';
import { MemorySampler } from '../bench/memory.ts';
import { CONTACT_COLUMNS, CONTACT_ROWS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { importerFrame, loadAndReview, submit } from './importer-flow.ts';

// A soak: 50 imports in a row in one page, without a reload. Each one delivers every row, and
// closing the importer ends its worker and drops its frame. Memory (the browser's process tree,
// and the host page's JS heap after a forced collection) is printed at the start and after 10
// and 50 imports: a figure for the report, not an assertion.

const IMPORTS = 50;

const e2e = useBrowserAndServers();

async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  return metrics.find((m) => m.name === 'JSHeapUsedSize')!.value;
}

async function importOnce(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { received: unknown[] }).received = [];
    document.querySelector('csv-importer')!.open();
  });
  const frame = await importerFrame(page);
  await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
  await submit(frame);
  const rows = await page.evaluate(
    () =>
      (window as unknown as { received: { type: string; rows?: unknown[] }[] }).received.find(
        (e) => e.type === 'csv-importer-complete',
      )?.rows,
  );
  assert.deepEqual(rows, CONTACT_ROWS);
  await page.evaluate(() => document.querySelector('csv-importer')!.close());
  await page.waitForFunction(
    () => !document.querySelector('csv-importer')!.shadowRoot!.querySelector('iframe'),
  );
}

test(`${IMPORTS} imports in one page: every row each time, no frame or worker left behind`, async () => {
  const page = await e2e.browser.newPage();
  const workers = new Set<unknown>();
  let started = 0;
  page.on('worker', (worker) => {
    started++;
    workers.add(worker);
    worker.on('close', () => workers.delete(worker));
  });
  await page.goto(`${e2e.host.url}/element.html`);
  await page.evaluate((columns) => {
    document.querySelector('csv-importer')!.columns = columns as never;
  }, CONTACT_COLUMNS as unknown);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const sampler = new MemorySampler();
  const figures: string[] = [];
  const record = async (label: string) => {
    const tree = sampler.sample();
    const heap = await heapAfterGc(cdp);
    figures.push(
      `${label}: browser tree ${(tree / 2 ** 20).toFixed(1)} MB, page JS heap ${(heap / 2 ** 20).toFixed(2)} MB`,
    );
  };
  // The baseline after one import, so that code loaded once (the element, the frame's script) counts in it.
  await importOnce(page);
  await record('after 1 import (baseline)');
  for (let i = 2; i <= IMPORTS; i++) {
    await importOnce(page);
    // Closing ended the worker (the frame's only one) and removed the frame.
    for (let tries = 0; workers.size > 0 && tries < 50; tries++) await page.waitForTimeout(20);
    assert.equal(workers.size, 0, `a worker outlived import ${i}`);
    assert.equal(page.frames().length, 1, `a frame outlived import ${i}`);
    if (i === 10 || i === IMPORTS) await record(`after ${i} imports`);
  }
  // Each import ran in its own worker (so the checks above watched real workers).
  assert.equal(started, IMPORTS);
  console.log(`soak memory:\n  ${figures.join('\n  ')}`);
  await cdp.detach();
  await page.close();
});
