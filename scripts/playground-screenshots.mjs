// The README's screenshots, taken from the real playground: `npm run screenshots` builds, then this
// starts the playground as `npm start` does, imports tests/fixtures/contacts.csv in headless Chromium, and writes
//   docs/screenshots/playground-review.png    the spec editor beside the importer at its review step
//   docs/screenshots/playground-received.png  the rows the page received, and the event log
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startPlayground } from '../apps/playground/server.mjs';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs/screenshots');
const fixture = join(root, 'tests/fixtures/contacts.csv');
// Not 5173, so that a running `npm start` does not stop the screenshots.
const PORT = Number(process.env.SCREENSHOTS_PORT ?? 5183);
// The viewport is tall enough that nothing scrolls (a clip is in viewport coordinates, and a
// full-page screenshot would resize the viewport and lay the frame out again); images are cut at
// MAX_HEIGHT.
const MAX_HEIGHT = 900;

if (!existsSync(join(root, 'apps/playground/dist/index.html'))) throw new Error('Build first: npm run build');
const servers = await startPlayground({ port: PORT }).catch((error) => {
  throw new Error(
    `cannot start the playground on ports ${PORT} and ${PORT + 1} (SCREENSHOTS_PORT): ${error.message}`,
  );
});
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: CHROMIUM_ARGS,
  headless: true,
});
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 2400 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(servers.url);
  const frame = await (await page.waitForSelector('playground-app >> csv-importer >> iframe')).contentFrame();
  await frame.waitForSelector('input[type=file]');

  // Whatever steps the sample spec needs (header row, matching, values) up to the review.
  await frame.setInputFiles('input[type=file]', fixture);
  const importButton = frame.getByRole('button', { name: /^Import [\d,]+ rows?$/ });
  const next = frame.getByRole('button', { name: 'Continue' });
  for (let step = 0; step < 5 && !(await importButton.isVisible()); step++) {
    await next.or(importButton).first().waitFor();
    if (await next.isVisible()) await next.click();
  }
  await importButton.waitFor();
  await frame.locator('[role=gridcell][aria-invalid=true]').first().waitFor();
  await settle(frame);
  const importer = page.locator('playground-app csv-importer');
  await page.screenshot({ path: join(out, 'playground-review.png'), clip: await around(page, importer) });
  console.log('docs/screenshots/playground-review.png');

  // Import: the rows arrive in the page's handler, and the log shows the protocol messages.
  await importButton.click();
  await page.getByText(/^\d+ rows from contacts\.csv/).waitFor();
  const received = page.locator('section[aria-label="Received rows"]');
  const log = page.locator('section[aria-label="Event log"]');
  await settle(page.mainFrame());
  const top = await received.boundingBox();
  const bottom = await log.boundingBox();
  if (!top || !bottom) throw new Error('the received rows or the event log is not on the page');
  // The table may be wider than its column: take all of it.
  const table = await received.locator('table').boundingBox();
  const x = Math.max(0, top.x - 16);
  const right = Math.min(
    page.viewportSize().width,
    Math.max(top.x + top.width, (table?.x ?? 0) + (table?.width ?? 0)) + 16,
  );
  const clip = {
    x,
    y: top.y - 16,
    width: right - x,
    height: Math.min(bottom.y + bottom.height - top.y + 32, MAX_HEIGHT),
  };
  await page.screenshot({ path: join(out, 'playground-received.png'), clip });
  console.log('docs/screenshots/playground-received.png');
  if (errors.length > 0) throw new Error(`the playground reported errors: ${errors.join('; ')}`);
} finally {
  await browser.close();
  await servers.close();
}

/** Two animation frames, so that what changed has been painted; no focus ring on a screenshot. */
async function settle(frame) {
  await frame.evaluate(() => document.activeElement?.blur());
  await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The page from its top to the bottom of the locator, full width. */
async function around(page, locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('the importer is not on the page');
  return {
    x: 0,
    y: 0,
    width: page.viewportSize().width,
    height: Math.min(box.y + box.height + 16, MAX_HEIGHT),
  };
}
