import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { loadAndReview, received, waitForEvent } from './importer-flow.ts';
import { cell, openImporter, showRow } from './importer-helpers.ts';

// Escape pressed while the keyboard is inside the importer's frame: the page's dialog never sees
// the key, so the frame asks the element to close, unless one of its own widgets used the key.

const e2e = useBrowserAndServers();

async function inReview(display: 'modal' | 'inline'): Promise<{ page: Page; frame: Frame }> {
  const page = await e2e.browser.newPage({ viewport: { width: 1400, height: 900 } });
  const frame = await openImporter(page, e2e.host.url, {
    columns: CONTACT_COLUMNS,
    display,
    hostPage: 'element.html',
  });
  await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
  return { page, frame };
}

const isOpen = (page: Page) => page.evaluate(() => document.querySelector('csv-importer')!.isOpen);

describe('Escape inside the frame', () => {
  test('modal: Escape while editing a cell cancels the edit only; a second Escape asks, and Discard closes the importer', async () => {
    const { page, frame } = await inReview('modal');
    await showRow(frame, 0);
    await cell(frame, 0, 'firstName').dblclick();
    const editor = cell(frame, 0, 'firstName').locator('input');
    await editor.fill('Augusta');
    await editor.press('Escape');
    await editor.waitFor({ state: 'detached' });
    assert.equal(await cell(frame, 0, 'firstName').textContent(), 'Ada');
    assert.equal(await isOpen(page), true);
    assert.equal(await page.locator('csv-importer >> dialog[open] iframe').count(), 1);

    // The focus is on the grid, inside the frame.
    assert.equal(await frame.evaluate(() => document.hasFocus()), true);
    await page.keyboard.press('Escape');
    // The review holds the user's work: the frame asks before it is discarded.
    await frame.getByRole('alertdialog', { name: 'Discard this import?' }).waitFor();
    assert.equal(await isOpen(page), true);
    await frame
      .getByRole('button', { name: 'Discard and close' })
      .dispatchEvent('click')
      .catch((error: Error) => {
        if (!/detached/.test(error.message)) throw error;
      });
    const events = await waitForEvent(page, 'csv-importer-close');
    assert.deepEqual(
      events.map((e) => e.type),
      ['csv-importer-close'],
    );
    assert.equal(await isOpen(page), false);
    assert.equal(await page.locator('csv-importer >> iframe').count(), 0);
    await page.close();
  });

  test('inline: Escape in the frame leaves the importer open', async () => {
    const { page, frame } = await inReview('inline');
    await showRow(frame, 0);
    await cell(frame, 0, 'firstName').click();
    await page.keyboard.press('Escape');
    // A message the frame sends after the Escape arrives after anything the Escape sent. The
    // listener is in place before the click, so the download cannot come before it.
    await page.evaluate(() => {
      const seen = window as unknown as { downloads: string[] };
      seen.downloads = [];
      document.addEventListener(
        'csv-importer-download',
        (event) => {
          event.preventDefault();
          seen.downloads.push(event.type);
        },
        { once: true },
      );
    });
    await frame.getByRole('button', { name: 'Download rows with errors (CSV)' }).click();
    await page.waitForFunction(() => (window as unknown as { downloads: string[] }).downloads.length > 0);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { downloads: string[] }).downloads), [
      'csv-importer-download',
    ]);
    assert.deepEqual(await received(page), []);
    assert.equal(await isOpen(page), true);
    assert.equal(await page.locator('csv-importer >> iframe').count(), 1);
    await page.close();
  });
});
