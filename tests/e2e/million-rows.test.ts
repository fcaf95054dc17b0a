import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Frame } from 'playwright-core';
import { BENCH_COLUMNS, generateCsv } from '../bench/generate.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { openImporter } from './importer-helpers.ts';

// The review grid at 1,000,000 generated rows x 10 columns: it opens, scrolls to the last row,
// filters to rows with errors, and an edit re-validates. The test asserts what the user sees;
// it prints the times it measured and the longest task on the frame's main thread, and asserts
// none of them (speed is for benchmarks).

const ROWS = 1_000_000;
const COLUMNS = BENCH_COLUMNS;

const e2e = useBrowserAndServers();
let dataDir: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'csv-importer-million-'));
});
after(async () => {
  rmSync(dataDir, { recursive: true, force: true });
});

const LONG = { timeout: 300_000 };

async function timed(label: string, times: Record<string, number>, run: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await run();
  times[label] = Math.round(performance.now() - started);
}

const summaryText = (frame: Frame) => frame.locator('csv-review-step p[role=status]').textContent();
const count = (text: string | null, pattern: RegExp) =>
  Number(text?.match(pattern)?.[1]?.replaceAll(',', ''));

test('at 1,000,000 rows the grid opens, scrolls to the last row, filters to errors, and an edit re-validates', async () => {
  const file = generateCsv(dataDir, ROWS);
  const page = await e2e.browser.newPage({ viewport: { width: 1000, height: 800 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const frame = await openImporter(page, e2e.host.url, { columns: COLUMNS });
  await frame.evaluate(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        w.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const times: Record<string, number> = {};
  const chosen = await frame.evaluate(() => performance.now());

  await timed('read file to match step', times, async () => {
    await frame.setInputFiles('input[type=file]', file.path);
    await frame.getByRole('heading', { name: 'Match columns' }).waitFor(LONG);
  });
  await timed('validate to review grid with error counts', times, async () => {
    await frame.getByRole('button', { name: 'Continue' }).click();
    // Select fields may bring a step for their values (all of them match an option here).
    const grid = frame.locator('[role=gridcell]').first();
    const values = frame.getByRole('heading', { name: 'Match values' });
    await Promise.race([grid.waitFor(LONG), values.waitFor(LONG)]);
    if (await values.isVisible()) await frame.getByRole('button', { name: 'Continue' }).click();
    await grid.waitFor(LONG);
  });
  const opened = await summaryText(frame);
  assert.equal(count(opened, /^([\d,]+) rows/), ROWS, opened!);
  const invalid = count(opened, /, ([\d,]+) with errors/);
  assert.ok(invalid > 0, opened!);

  const grid = frame.getByRole('grid');
  await timed('scroll to the last row (Ctrl+End)', times, async () => {
    await grid.press('Control+End');
    await frame.locator(`[role=row][aria-rowindex="${ROWS + 1}"]`).waitFor(LONG);
  });
  // The row is laid out at once and filled when its window arrives from the worker.
  await frame.locator(`[role=row][aria-rowindex="${ROWS + 1}"][data-row="${ROWS - 1}"]`).waitFor(LONG);
  // The last row's own number (the tabs above the grid show the count too).
  assert.ok(
    await frame
      .locator(`[role=row][data-row="${ROWS - 1}"]`)
      .getByText('1,000,000', { exact: true })
      .isVisible(),
  );
  assert.ok(
    await frame
      .locator(`[role=row][data-row="${ROWS - 1}"] [role=gridcell][data-key=first_name]`)
      .isVisible(),
  );

  await timed('filter to rows with errors', times, async () => {
    await frame.getByRole('tab', { name: /^With errors/ }).click();
    await frame.locator(`[role=grid][aria-rowcount="${invalid + 1}"]`).waitFor(LONG);
  });
  await frame
    .locator('[role=row][aria-rowindex="2"] [role=gridcell][data-key=email][aria-invalid=true]')
    .waitFor();

  const target = frame.locator('[role=row][aria-rowindex="2"] [role=gridcell][data-key=email]');
  await target.dblclick();
  await target.locator('input').fill('fixed@example.com');
  await timed('edit a cell (Enter), re-validated and shown', times, async () => {
    await target.locator('input').press('Enter');
    await frame
      .locator('[role=row][aria-rowindex="2"] [role=gridcell][data-key=email][aria-invalid=false]')
      .waitFor(LONG);
  });
  await frame
    .locator('csv-review-step p[role=status]', {
      hasText: `, ${(invalid - 1).toLocaleString('en')} with errors`,
    })
    .waitFor(LONG);
  assert.equal(await target.textContent(), 'fixed@example.com');

  // Long tasks before the file was chosen belong to the frame's start (parsing its script).
  const longest = await frame.evaluate((from) => {
    const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks;
    const max = (list: { duration: number }[]) => Math.round(Math.max(0, ...list.map((t) => t.duration)));
    return {
      atFrameStart: max(tasks.filter((t) => t.start < from)),
      afterFileChosen: max(tasks.filter((t) => t.start >= from)),
    };
  }, chosen);
  console.log(
    `1,000,000 rows (${(file.bytes / 2 ** 20).toFixed(1)} MB): ${JSON.stringify({ ...times, 'longest frame main-thread task': longest })}`,
  );
  assert.deepEqual(errors, []);
  await page.close();
});
