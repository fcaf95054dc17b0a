import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { importButton, importerFrame, loadAndReview, received } from './importer-flow.ts';
import { axe, openImporter } from './importer-helpers.ts';

// The frame around the steps: the header bar with its close button, the question before work is
// discarded (close button, Escape, backdrop), the sizes the importer takes, and a 360 px screen.

const e2e = useBrowserAndServers();

async function open(
  display: 'modal' | 'inline',
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; frame: Frame }> {
  const page = await e2e.browser.newPage({ viewport });
  const frame = await openImporter(page, e2e.host.url, {
    columns: CONTACT_COLUMNS,
    display,
    hostPage: 'element.html',
  });
  return { page, frame };
}

const isOpen = (page: Page) => page.evaluate(() => document.querySelector('csv-importer')!.isOpen);
const closeEvents = async (page: Page) =>
  (await received(page)).filter((e) => e.type === 'csv-importer-close');
const discardDialog = (frame: Frame) => frame.getByRole('alertdialog', { name: 'Discard this import?' });

/**
 * Clicks Discard and close with a click event: the frame goes away while the click is handled,
 * and a mouse click through the DevTools protocol then can wait forever for its acknowledgement.
 */
async function discard(page: Page, frame: Frame): Promise<void> {
  await frame
    .getByRole('button', { name: 'Discard and close' })
    .dispatchEvent('click')
    .catch((error: Error) => {
      // The frame may be gone before the call returns: that is the close.
      if (!/detached/.test(error.message)) throw error;
    });
  await page.waitForFunction(() => !document.querySelector('csv-importer')!.isOpen);
}

describe('closing asks before work is lost', () => {
  test('the close button closes an empty importer at once, and asks once a file is read', async () => {
    const { page, frame } = await open('modal');
    await frame.getByRole('button', { name: 'Close the importer' }).click();
    await page.waitForFunction(() => !document.querySelector('csv-importer')!.isOpen);
    assert.equal((await closeEvents(page)).length, 1);

    await page.evaluate(() => document.querySelector('csv-importer')!.open());
    const again = await importerFrame(page);
    await loadAndReview(again, join(FIXTURES, 'contacts.csv'));
    await again.getByRole('button', { name: 'Close the importer' }).click();
    await discardDialog(again).waitFor();
    assert.deepEqual(await axe(again), [], 'the discard dialog is axe-clean');
    // The focus starts on the choice that loses nothing.
    assert.equal(await again.evaluate(() => document.activeElement?.tagName), 'CSV-IMPORTER-APP');
    await again.getByRole('button', { name: 'Keep working' }).click();
    await discardDialog(again).waitFor({ state: 'hidden' });
    assert.equal(await isOpen(page), true);
    await importButton(again).waitFor();

    await again.getByRole('button', { name: 'Close the importer' }).click();
    await discard(page, again);
    assert.equal((await closeEvents(page)).length, 2);
    assert.equal(await page.locator('csv-importer >> iframe').count(), 0);
    await page.close();
  });

  test('Escape in review asks; a second Escape keeps working instead of discarding', async () => {
    const { page, frame } = await open('modal');
    await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
    await frame.getByRole('grid').focus();
    await page.keyboard.press('Escape');
    await discardDialog(frame).waitFor();
    await page.keyboard.press('Escape');
    await discardDialog(frame).waitFor({ state: 'hidden' });
    assert.equal(await isOpen(page), true);
    assert.deepEqual(await closeEvents(page), []);
    // And Escape then Discard closes.
    await page.keyboard.press('Escape');
    await discardDialog(frame).waitFor();
    await discard(page, frame);
    await page.close();
  });

  test('a click on the backdrop asks in the frame before closing', async () => {
    const { page, frame } = await open('modal');
    await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
    // The backdrop: outside the dialog's box, which leaves 16 px around it.
    await page.mouse.click(4, 4);
    await discardDialog(frame).waitFor();
    await frame.getByRole('button', { name: 'Keep working' }).click();
    assert.equal(await isOpen(page), true);
    await page.mouse.click(4, 400);
    await discardDialog(frame).waitFor();
    await discard(page, frame);
    await page.close();
  });

  test('with nothing read, Escape and the backdrop close the modal without asking', async () => {
    const { page } = await open('modal');
    await page.mouse.click(4, 4);
    await page.waitForFunction(() => !document.querySelector('csv-importer')!.isOpen);
    await page.close();
  });
});

describe('sizes', () => {
  test('at 1280 x 800 the modal takes the viewport but a margin, the inline frame most of it, and the grid the space', async () => {
    const { page, frame } = await open('modal');
    const dialog = (await page.locator('csv-importer >> dialog').boundingBox())!;
    assert.equal(Math.round(dialog.height), 800 - 32);
    assert.equal(Math.round(dialog.width), 1280 - 32);
    await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
    const grid = (await frame.getByRole('grid').boundingBox())!;
    assert.ok(grid.height >= 400, `the grid is ${grid.height} px tall`);
    // The footer with the import button is in view without scrolling.
    const button = (await importButton(frame).boundingBox())!;
    assert.ok(button.y + button.height <= 800 - 16, 'the import button is in view');
    await page.close();

    const inline = await open('inline');
    const box = (await inline.page.locator('csv-importer >> iframe').boundingBox())!;
    assert.equal(Math.round(box.height), 800 - 96);
    await inline.page.close();
  });

  test('in review the grid takes the height left, eight rows or more at the default size, with one scrollbar and the footer in view', async () => {
    /** The grid's rows in view, whether the step's area scrolls, and the import button's bottom. */
    const measure = (frame: Frame) =>
      frame.evaluate(() => {
        const main = document.querySelector('csv-importer-app')!.shadowRoot!.querySelector('main')!;
        const review = main.querySelector('csv-review-step')!.shadowRoot!;
        const grid = review
          .querySelector('csv-data-grid')!
          .shadowRoot!.querySelector<HTMLElement>('[role=grid]')!;
        // The header row is 44 px, each row 32 px (grid-types.ts).
        return { rows: (grid.clientHeight - 44) / 32, mainScrolls: main.scrollHeight > main.clientHeight };
      });
    // 800: the default inline size on a laptop (a 704 px frame); 700: a shorter window, where the
    // grid gives up rows before the step scrolls; 1100: a tall one, where the grid takes the rest.
    for (const [height, atLeast] of [
      [800, 8],
      [700, 5],
      [1100, 18],
    ] as const) {
      // Inline, the frame is the viewport's height less 96 px (at least 560 px): the default size.
      const { page, frame } = await open('inline', { width: 1280, height });
      await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
      const { rows, mainScrolls } = await measure(frame);
      assert.ok(rows >= atLeast, `${height}: ${rows} rows in view, expected ${atLeast} or more`);
      assert.equal(mainScrolls, false, `${height}: the step scrolls as well as the grid`);
      const frameBox = (await page.locator('csv-importer >> iframe').boundingBox())!;
      const button = (await importButton(frame).boundingBox())!;
      const below = frameBox.y + frameBox.height - (button.y + button.height);
      // In view, and at the bottom: the grid left no empty band under the footer.
      assert.ok(
        below >= 0 && below < 40,
        `${height}: the import button ends ${below} px above the frame's bottom`,
      );
      if (height === 800) {
        // A panel opened above the grid takes its height from the grid, not from the footer.
        await frame.getByRole('button', { name: 'Find and replace' }).click();
        await frame.locator('csv-find-panel').waitFor();
        const open = await measure(frame);
        assert.ok(open.rows >= 5, `with find and replace open: ${open.rows} rows in view`);
        assert.equal(
          open.mainScrolls,
          false,
          'with find and replace open, the step scrolls as well as the grid',
        );
      }
      await page.close();
    }
  });

  test('on a short screen the match step keeps Continue in view', async () => {
    const { page, frame } = await open('modal', { width: 1024, height: 600 });
    await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
    await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
    const next = frame.getByRole('button', { name: 'Continue' });
    const box = (await next.boundingBox())!;
    assert.ok(box.y + box.height <= 600, `Continue ends at ${box.y + box.height} px`);
    await next.click();
    await importButton(frame).waitFor();
    await page.close();
  });

  test('at 360 px the modal fills the screen, nothing overflows sideways, and every footer button is reachable', async () => {
    const { page, frame } = await open('modal', { width: 360, height: 640 });
    const dialog = (await page.locator('csv-importer >> dialog').boundingBox())!;
    assert.deepEqual([dialog.x, dialog.y, dialog.width, dialog.height], [0, 0, 360, 640]);
    const overflow = () =>
      frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const inView = async (name: string | RegExp) => {
      const box = (await frame.getByRole('button', { name }).boundingBox())!;
      assert.ok(box.x >= 0 && box.x + box.width <= 360, `${name} within the width`);
      assert.ok(box.y >= 0 && box.y + box.height <= 640, `${name} within the height`);
    };
    assert.equal(await overflow(), 0, 'upload');
    await inView('Close the importer');
    await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
    await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
    assert.equal(await overflow(), 0, 'match');
    await inView('Continue');
    await inView('Back');
    await frame.getByRole('button', { name: 'Continue' }).click();
    await importButton(frame).waitFor();
    assert.equal(await overflow(), 0, 'review');
    await inView(/^Import [\d,]+ rows?$/);
    await importButton(frame).click();
    await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
    await inView(/^Close$/);
    await page.close();
  });
});
