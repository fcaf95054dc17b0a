import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowserAndServers } from '../support/e2e.ts';
import { toReview } from './importer-flow.ts';
import { openImporter } from './importer-helpers.ts';

// The review grid stays where the user's pointer is: a double-click edits the cell it was aimed
// at, whether the first click scrolled a cut-off cell into view or the previous edit made the
// step offer a fix for similar cells.

const KEYS = Array.from({ length: 12 }, (_, i) => `c${i}`);
const COLUMNS = KEYS.map((key) => ({ key, label: key.toUpperCase() }));
const CSV = [
  KEYS.map((k) => k.toUpperCase()).join(','),
  ...[1, 2, 3].map((r) => KEYS.map((k) => `${k}r${r}`).join(',')),
].join('\n');

const e2e = useBrowserAndServers();

const PEOPLE = [
  { key: 'name', label: 'Name' },
  { key: 'plan', label: 'Plan', type: 'select', options: ['Free', 'Pro', 'Business'] },
];
const PLANS = ['Name,Plan', 'Ada,Gold', 'Ken,Gold', 'Tim,GOLD', 'Zoe,Free'].join('\n');

describe('review grid: double-click', () => {
  test('the offer to fix similar cells appears without moving the grid under the pointer', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 900, height: 700 } });
    try {
      const frame = await openImporter(page, e2e.host.url, { columns: PEOPLE });
      await frame.setInputFiles('input[type=file]', {
        name: 'plans.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(PLANS),
      });
      await toReview(frame);
      const top = async () => (await frame.locator('csv-data-grid').boundingBox())!.y;
      const before = await top();
      const plan = frame.locator('[role=row][data-row="0"] [role=gridcell][data-key="plan"]');
      await plan.dblclick();
      const combo = frame.getByRole('combobox', { name: 'Edit Plan' });
      await combo.fill('Business');
      await combo.press('Enter');
      await frame.getByText('Also change the 2 other cells of Plan').waitFor();
      assert.equal(await top(), before, 'the grid did not move when the offer appeared');
      // The next double-click, aimed before the offer appeared, still lands on Ken's plan.
      const ken = frame.locator('[role=row][data-row="1"] [role=gridcell][data-key="plan"]');
      await ken.dblclick();
      await ken.locator('input').waitFor();
    } finally {
      await page.close();
    }
  });

  test('on a cell cut off at the right edge edits that cell, although the first click scrolls it into view', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 900, height: 700 } });
    try {
      const frame = await openImporter(page, e2e.host.url, { columns: COLUMNS });
      await frame.setInputFiles('input[type=file]', {
        name: 'wide.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(CSV),
      });
      await toReview(frame);
      const viewport = (await frame.locator('[role=grid]').boundingBox())!;
      // The first cell of row 1 whose right edge is past the grid's: only its left part shows.
      let target: { key: string; x: number; y: number } | undefined;
      for (const key of KEYS) {
        const box = await frame
          .locator(`[role=row][data-row="1"] [role=gridcell][data-key="${key}"]`)
          .boundingBox();
        if (
          box &&
          box.x < viewport.x + viewport.width - 12 &&
          box.x + box.width > viewport.x + viewport.width
        ) {
          target = { key, x: box.x + 6, y: box.y + box.height / 2 };
          break;
        }
      }
      assert.ok(target, 'the test needs a column cut off at the grid’s right edge');
      // A person's double-click: two clicks about a tenth of a second apart, time enough for
      // the grid to paint between them.
      await page.mouse.click(target.x, target.y);
      await page.waitForTimeout(120);
      await page.mouse.click(target.x, target.y, { clickCount: 2 });
      const editor = frame.locator('[role=gridcell]:has(csv-cell-editor)');
      await editor.waitFor();
      assert.equal(
        await editor.getAttribute('data-key'),
        target.key,
        'the editor is in the double-clicked column',
      );
      assert.equal(await editor.locator('input').inputValue(), `${target.key}r2`);
    } finally {
      await page.close();
    }
  });
});
