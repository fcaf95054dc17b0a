// The match and values steps through the real element, frame and worker with files that set
// their size: 2,000 headers of 1,000 characters, and a select field of 1,000 options with 200
// values of the file that match none. Both main threads (the host page's and the frame's) are
// watched throughout with the probe the hostile corpus uses (a 20 ms timer and the Long Tasks
// API): a liveness check, not a performance figure. The steps once rendered a native select per
// row with every option in it (2,000 selects; 200 × 1,001 options) and froze the frame for
// seconds.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServers } from '../support/e2e.ts';
import { choose, chosen, combobox } from './choosers.ts';
import { FROZEN_MS, readProbe, startProbe } from './hostile-corpus-run.ts';
import { openImporter } from './importer-helpers.ts';

const e2e = useBrowserAndServers();

// Files are handed to the input by path, as the hostile corpus does: a buffer is turned into a
// File by script inside the frame, which would be measured as the importer's doing.
const files = mkdtempSync(join(tmpdir(), 'bounded-steps-'));
after(() => rmSync(files, { recursive: true, force: true }));

function fileOf(name: string, text: string): string {
  const path = join(files, name);
  writeFileSync(path, text);
  return path;
}

/** Runs `steps` with both main threads watched, and asserts that neither stopped answering. */
async function answeringThroughout(
  t: { diagnostic(message: string): void },
  page: Page,
  frame: Frame,
  steps: () => Promise<void>,
): Promise<void> {
  await Promise.all([startProbe(page), startProbe(frame)]);
  const started = Date.now();
  await steps();
  const [host, inFrame] = await Promise.all([readProbe(page), readProbe(frame)]);
  t.diagnostic(
    `done after ${Date.now() - started} ms; host ${JSON.stringify(host)}; frame ${JSON.stringify(inFrame)}`,
  );
  assert.ok(host.longestGapMs < FROZEN_MS, `the host page's main thread stopped for ${host.longestGapMs} ms`);
  assert.ok(
    inFrame.longestGapMs < FROZEN_MS,
    `the frame's main thread stopped for ${inFrame.longestGapMs} ms`,
  );
}

/** Elements of `selector` anywhere in the frame, shadow roots included. */
const countDeep = (frame: Frame, selector: string) =>
  frame.evaluate((selector) => {
    let count = 0;
    const visit = (root: Document | ShadowRoot) => {
      count += root.querySelectorAll(selector).length;
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
    };
    visit(document);
    return count;
  }, selector);

describe('steps whose size the file sets stay bounded, both main threads answering', () => {
  test('a select field of 1,000 options and 200 values that match none: a searchable list per value', async (t) => {
    const page = await e2e.browser.newPage();
    try {
      const options = Array.from({ length: 1000 }, (_, i) => ({
        value: `tier-${i}`,
        label: `Tier ${String(i).padStart(4, '0')} service level`,
      }));
      const frame = await openImporter(page, e2e.host.url, {
        columns: [
          { key: 'name', label: 'Name' },
          { key: 'plan', label: 'Plan', type: 'select', options },
        ],
      });
      const values = Array.from({ length: 200 }, (_, i) => `Unheard-of arrangement #${i}`);
      let last = '';
      const csv = `Name,Plan\n${values.map((v, i) => `n${i},${v}`).join('\n')}\n`;
      await answeringThroughout(t, page, frame, async () => {
        await frame.setInputFiles('input[type=file]', fileOf('plans.csv', csv));
        await frame.getByRole('heading', { name: 'Match columns' }).waitFor({ timeout: 20_000 });
        await frame.getByRole('button', { name: 'Continue' }).click();
        await frame.getByRole('heading', { name: 'Match values' }).waitFor({ timeout: 20_000 });
        await combobox(frame, 'Plan: Unheard-of arrangement #0').waitFor({ timeout: 20_000 });
        // Typing narrows the 1,000 options; a click chooses.
        await choose(frame, 'Plan: Unheard-of arrangement #1', 'Tier 0777 service level');
        assert.equal(await chosen(frame, 'Plan: Unheard-of arrangement #1'), 'tier-777');
        // Far down the list: scrolled into view, the row is rendered and can be chosen for.
        await frame.locator('csv-values-step .rows').evaluate((rows) => {
          rows.scrollTop = rows.scrollHeight;
        });
        await frame.locator('csv-values-step tr[aria-rowindex="201"]').waitFor();
        last = (await frame.locator('csv-values-step [role=combobox]').last().getAttribute('aria-label'))!;
        await choose(frame, last, 'Tier 0005 service level');
        assert.equal(await chosen(frame, last), 'tier-5');
      });
      // Only what is on screen is in the DOM: a screenful of rows, one list of a few dozen options.
      const boxes = await countDeep(frame, '[role=combobox]');
      assert.ok(boxes > 5 && boxes < 60, `${boxes} comboboxes rendered`);
      assert.equal(await countDeep(frame, 'option'), 0, 'no native options');
      await combobox(frame, last).click();
      const listed = await countDeep(frame, '[role=option]');
      assert.ok(listed > 10 && listed <= 60, `${listed} options listed`);
      await frame.getByText(/^\d+ more: type to narrow the list\.$/).waitFor();
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByText('200 rows, 198 with errors (198 errors).').waitFor({ timeout: 20_000 });
    } finally {
      await page.close();
    }
  });

  test('2,000 columns whose header row is not certain: the header step shows the first 60 and counts the rest', async (t) => {
    const page = await e2e.browser.newPage();
    try {
      const frame = await openImporter(page, e2e.host.url, { columns: [{ key: 'name', label: 'Name' }] });
      // Numbers in the first row: it may be data, so the user is asked which row holds the names.
      const row = (r: number) => Array.from({ length: 2000 }, (_, i) => `${r * 2000 + i}`).join(',');
      const csv = `${[1, 2, 3, 4].map(row).join('\r\n')}\r\n`;
      await answeringThroughout(t, page, frame, async () => {
        await frame.setInputFiles('input[type=file]', fileOf('wide-numbers.csv', csv));
        await frame.getByRole('heading', { name: 'Check how the file is read' }).waitFor({ timeout: 20_000 });
        await frame.getByText('Showing the first 60 of 2,000 columns.').waitFor();
      });
      const cells = await frame.locator('csv-header-step table tr').first().locator('td').count();
      assert.equal(cells, 61, 'the row choice and 60 columns');
    } finally {
      await page.close();
    }
  });

  test('2,000 headers of 1,000 characters: the column list is paged by scrolling, the field list is one', async (t) => {
    const page = await e2e.browser.newPage();
    try {
      const frame = await openImporter(page, e2e.host.url, {
        columns: [
          { key: 'name', label: 'Name' },
          { key: 'note', label: 'Note' },
        ],
      });
      const headers = Array.from(
        { length: 2000 },
        (_, i) => `${'Kundennummer des Eintrags '.repeat(38)}${i}`,
      );
      headers[3] = 'Name';
      // Numbers below the names: the header row is certain, so the flow goes straight to matching.
      const csv = `${headers.join(',')}\r\n${headers.map((_, i) => `${i}`).join(',')}\r\n`;
      await answeringThroughout(t, page, frame, async () => {
        await frame.setInputFiles('input[type=file]', fileOf('long-headers.csv', csv));
        await frame.getByRole('heading', { name: 'Match columns' }).waitFor({ timeout: 20_000 });
        assert.equal(await chosen(frame, 'Name'), 'name');
        // The last column, scrolled to, takes the Note field.
        await frame.locator('csv-match-step .rows').evaluate((rows) => {
          rows.scrollTop = rows.scrollHeight;
        });
        const last = headers[1999]!;
        await choose(frame, last, 'Note');
        assert.equal(await chosen(frame, last), 'note');
      });
      const boxes = await countDeep(frame, '[role=combobox]');
      assert.ok(boxes > 5 && boxes < 80, `${boxes} comboboxes rendered`);
      assert.equal(await countDeep(frame, 'select'), 0, 'no native selects');
    } finally {
      await page.close();
    }
  });
});
