// Screenshots of every step of the importer for the docs, in light, dark and Arabic:
// `npm run screenshots` (which builds first, and also runs playground-screenshots.mjs) writes
// docs/screenshots/<look>-<n>-<step>.png.
// Headless Chromium drives the built element on the test host page with the fixture files.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { serveStatic } from './static-server.mjs';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs/screenshots');
const fixtures = join(root, 'tests/fixtures');
if (!existsSync(join(root, 'packages/element/dist/csv-importer.iife.js'))) {
  throw new Error('Build first: npm run build');
}

const COLUMNS = [
  { key: 'firstName', label: 'First name', required: true },
  { key: 'lastName', label: 'Last name', required: true },
  { key: 'email', label: 'E-mail', type: 'email', required: true },
  { key: 'phone', label: 'Phone' },
  { key: 'dateOfBirth', label: 'Date of birth' },
  { key: 'country', label: 'Country' },
  { key: 'plan', label: 'Plan' },
  { key: 'seats', label: 'Seats' },
  { key: 'active', label: 'Active' },
  { key: 'notes', label: 'Notes' },
];
const LOOKS = [
  { name: 'light', locale: 'en', scheme: 'light' },
  { name: 'dark', locale: 'en', scheme: 'dark' },
  { name: 'arabic', locale: 'ar', scheme: 'light' },
];

mkdirSync(out, { recursive: true });
const server = await serveStatic({
  host: 'localhost',
  mounts: { '/': join(root, 'tests/e2e/pages'), '/element/': join(root, 'packages/element/dist') },
});
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: CHROMIUM_ARGS,
  headless: true,
});
try {
  for (const look of LOOKS) {
    const page = await browser.newPage({ viewport: { width: 900, height: 640 } });
    await page.goto(`${server.url}/host.html`);
    // Another language than English: its catalog added as a host does, with its companion script.
    if (look.locale !== 'en') await page.addScriptTag({ url: `/element/locales/${look.locale}.iife.js` });
    await page.addStyleTag({
      content:
        'body { margin: 0; } csv-importer { --csv-importer-height: 640px; } csv-importer iframe { border: 0; border-radius: 0; }',
    });
    await page.evaluate(
      ({ columns, locale, scheme }) => {
        const importer = document.querySelector('csv-importer');
        importer.columns = columns;
        importer.locale = locale;
        // The color scheme through the theme API, as an application sets it.
        importer.theme = { colorScheme: scheme };
        importer.open();
      },
      { columns: COLUMNS, locale: look.locale, scheme: look.scheme },
    );
    const frame = await (await page.waitForSelector('csv-importer >> iframe')).contentFrame();
    await frame.waitForSelector('input[type=file]');
    const shot = async (name, { blur = true } = {}) => {
      if (blur) await frame.evaluate(() => document.activeElement?.blur());
      // Two animation frames, so the step has painted.
      await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await page.screenshot({ path: join(out, `${look.name}-${name}.png`) });
      console.log(`docs/screenshots/${look.name}-${name}.png`);
    };
    await shot('1-upload');
    await frame.setInputFiles('input[type=file]', join(fixtures, 'inventory-bom-preamble.csv'));
    await frame.locator('csv-header-step h2').waitFor();
    await shot('2-header-row');
    await frame.locator('csv-header-step button:not(.primary)').click();
    await frame.setInputFiles('input[type=file]', join(fixtures, 'contacts.csv'));
    await frame.locator('csv-match-step h2').waitFor();
    // One column left for the user to match, as the step looks when the file needs a decision.
    // One column left for the user to match, as the step looks when the file needs a decision
    // ("not imported" is the list's first option).
    const dateColumn = frame.getByRole('combobox', { name: 'Date of Birth', exact: true });
    await dateColumn.click();
    await frame.getByRole('listbox').getByRole('option').first().click();
    await shot('3-match');
    await dateColumn.click();
    await dateColumn.fill(COLUMNS[4].label);
    await frame
      .getByRole('listbox')
      .getByRole('option')
      .filter({ hasText: COLUMNS[4].label })
      .first()
      .click();
    await frame.locator('csv-match-step button.primary').click();
    await frame.locator('[role=gridcell][aria-invalid=true]').first().waitFor();
    await frame.locator('[role=grid]').press('F8');
    await frame.locator('[role=grid][aria-activedescendant="cell-2-2"]').waitFor();
    await shot('4-review', { blur: false });
    await frame.locator('csv-review-step button[aria-expanded]').click();
    await frame.locator('csv-review-step [role=search] input[type=text]').first().fill('example.com');
    await frame.locator('csv-review-step [role=search] [role=status]').filter({ hasText: /\S/ }).waitFor();
    await shot('5-find-replace');
    await frame.locator('csv-submit-summary button.primary').click();
    await frame.locator('csv-result-step h2.ok').waitFor();
    await shot('6-done');
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
