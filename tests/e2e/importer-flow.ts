// Shared steps of the end-to-end tests: open the element on a host page, walk the importer's
// steps inside its frame, read what the host page received.
import type { Frame, Page } from 'playwright-core';

/** What the test host pages record for each event (see tests/e2e/pages/host.html). */
export interface Received {
  type: string;
  rows?: Record<string, unknown>[];
  issues?: { row: number; column: string; code: string; level: string; params?: Record<string, unknown> }[];
  meta?: Record<string, unknown>;
  code?: string;
  message?: string;
}

export const received = (page: Page): Promise<Received[]> =>
  page.evaluate(() => (window as unknown as { received: Received[] }).received);

/** Waits for the importer frame inside `<csv-importer>` to show its upload step. */
export async function importerFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('csv-importer >> iframe');
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector('input[type=file]');
  return frame;
}

/** Picks a file in the importer and continues past the matching step to the review step. */
export async function loadAndReview(
  frame: Frame,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  await frame.setInputFiles('input[type=file]', file);
  await toReview(frame);
}

/** The review step's import button ("Import 1 row", "Import 100,000 rows"). */
export const importButton = (frame: Frame) => frame.getByRole('button', { name: /^Import [\d,]+ rows?$/ });

/**
 * From a loaded file to the review step through whichever steps the file and the spec need
 * (header row, match, select values), accepting each step's suggestion with Continue.
 */
export async function toReview(frame: Frame, timeout = 30_000): Promise<void> {
  const next = frame.getByRole('button', { name: 'Continue' });
  for (let step = 0; step < 6; step++) {
    await next.or(importButton(frame)).first().waitFor({ timeout });
    if (await importButton(frame).isVisible()) return;
    // The button may be busy or gone by the time it is clicked (validation finishing moves the
    // flow on); the next round looks again.
    await next.click({ timeout: 2_000 }).catch(() => {});
  }
  await importButton(frame).waitFor({ timeout });
}

/** Submits from the review step and waits until the frame says the import is complete. */
export async function submit(frame: Frame): Promise<void> {
  await frame.getByRole('button', { name: /^Import [\d,]+ rows?$/ }).click();
  await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
}

/** Waits until the host page has recorded an event of `type`, and returns every event so far. */
export async function waitForEvent(page: Page, type: string): Promise<Received[]> {
  await page.waitForFunction(
    (t) => (window as unknown as { received: { type: string }[] }).received.some((e) => e.type === t),
    type,
  );
  return received(page);
}
