import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowserAndServers } from '../support/e2e.ts';
import { importerFrame, loadAndReview, submit } from './importer-flow.ts';

const e2e = useBrowserAndServers();

const ROWS = 100_000;

/** A CSV of `ROWS` numbered rows; row i has id i, so order and loss are easy to check. */
function numberedCsv(): Buffer {
  const lines = ['ID,Name,Score'];
  for (let i = 0; i < ROWS; i++) lines.push(`${i},"Row, number ${i}",${i % 97}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n`);
}

describe('delivery in acknowledged batches', () => {
  test('100,000 rows reach a host that acknowledges slowly: every row once, in order', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.host.url}/element.html`);
    await page.evaluate(() => {
      const w = window as unknown as {
        keepRows: boolean;
        streamed: { ids: number[]; inFlight: number; maxInFlight: number };
      };
      w.keepRows = false;
      w.streamed = { ids: [], inFlight: 0, maxInFlight: 0 };
      const importer = document.querySelector('csv-importer')!;
      importer.columns = [
        { key: 'id', label: 'ID', required: true },
        { key: 'name', label: 'Name' },
        { key: 'score', label: 'Score' },
      ];
      importer.batchSize = 2500;
      importer.addEventListener('csv-importer-rows', (event) => {
        const streamed = w.streamed;
        streamed.inFlight++;
        streamed.maxInFlight = Math.max(streamed.maxInFlight, streamed.inFlight);
        for (const row of event.rows) streamed.ids.push(Number(row.id));
        // A slow consumer, e.g. one writing each batch to IndexedDB: the next batch must wait.
        event.waitUntil(
          new Promise((resolve) =>
            setTimeout(() => {
              streamed.inFlight--;
              resolve(undefined);
            }, 15),
          ),
        );
      });
      importer.open();
    });
    const frame = await importerFrame(page);
    await loadAndReview(frame, { name: 'numbered.csv', mimeType: 'text/csv', buffer: numberedCsv() });
    await submit(frame);

    const result = await page.evaluate(() => {
      const w = window as unknown as {
        streamed: { ids: number[]; maxInFlight: number };
        batches: { start: number; size: number }[];
        received: { type: string; rowsLength?: number; meta?: { rowCount: number } }[];
      };
      const complete = w.received.find((e) => e.type === 'csv-importer-complete');
      const ids = w.streamed.ids;
      return {
        count: ids.length,
        inOrder: ids.every((id, i) => id === i),
        maxInFlight: w.streamed.maxInFlight,
        batches: w.batches,
        rowCount: complete?.meta?.rowCount,
        completeRows: complete?.rowsLength,
        events: w.received.map((e) => e.type),
      };
    });
    assert.equal(result.count, ROWS);
    assert.equal(result.inOrder, true);
    assert.equal(result.maxInFlight, 1);
    assert.equal(result.batches.length, ROWS / 2500);
    assert.ok(result.batches.every((b, i) => b.start === i * 2500 && b.size === 2500));
    assert.equal(result.rowCount, ROWS);
    // Simple hosts still get every row in the complete event.
    assert.equal(result.completeRows, ROWS);
    assert.deepEqual(result.events, ['csv-importer-complete']);
    await page.close();
  });

  test('with stream-rows, rows and their issues come only in batches: the element keeps none for complete', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.host.url}/element.html`);
    await page.evaluate(() => {
      const w = window as unknown as { streamed: { ids: number[]; issueRows: number[] } };
      w.streamed = { ids: [], issueRows: [] };
      const importer = document.querySelector('csv-importer')!;
      importer.setAttribute('stream-rows', '');
      importer.columns = [
        { key: 'id', label: 'ID', required: true },
        { key: 'name', label: 'Name', required: true },
        { key: 'score', label: 'Score' },
      ];
      importer.batchSize = 2500;
      importer.addEventListener('csv-importer-rows', (event) => {
        for (const row of event.rows) w.streamed.ids.push(Number(row.id));
        for (const issue of event.issues) w.streamed.issueRows.push(issue.row);
      });
      importer.open();
    });
    const frame = await importerFrame(page);
    // Every 1000th row has no name, which the column requires: ten issues among 10,000 rows.
    const lines = ['ID,Name,Score'];
    for (let i = 0; i < 10_000; i++) lines.push(`${i},${i % 1000 === 0 ? '' : `Row ${i}`},${i % 97}`);
    await loadAndReview(frame, {
      name: 'stream.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(lines.join('\n')),
    });
    await submit(frame);
    const result = await page.evaluate(() => {
      const w = window as unknown as {
        streamed: { ids: number[]; issueRows: number[] };
        received: { type: string; rowsLength?: number; issues?: unknown[]; meta?: { rowCount: number } }[];
      };
      const complete = w.received.find((e) => e.type === 'csv-importer-complete');
      return {
        inOrder: w.streamed.ids.length === 10_000 && w.streamed.ids.every((id, i) => id === i),
        issueRows: w.streamed.issueRows,
        completeRows: complete?.rowsLength,
        completeIssues: complete?.issues?.length,
        rowCount: complete?.meta?.rowCount,
      };
    });
    assert.equal(result.inOrder, true);
    assert.deepEqual(
      result.issueRows,
      Array.from({ length: 10 }, (_, k) => k * 1000),
    );
    assert.equal(result.completeRows, 0);
    assert.equal(result.completeIssues, 0);
    assert.equal(result.rowCount, 10_000);
    await page.close();
  });
});
