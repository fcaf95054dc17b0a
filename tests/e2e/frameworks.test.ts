import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchChromium } from '../support/browser.ts';
import { CONTACT_COLUMNS, CONTACT_ROWS } from '../support/contacts.ts';
import { FIXTURES, ROOT, type TestServer } from '../support/servers.ts';

/** The example apps under examples/, each built by its own toolchain into its `dist/`. */
const FRAMEWORKS = ['vue', 'angular', 'svelte', 'react'] as const;

let browser: Browser;

before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** Serves one example's build on `http://localhost:…`, as its own site. */
function serveExample(framework: string): Promise<TestServer> {
  const dist = join(ROOT, 'examples', framework, 'dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`examples/${framework} is not built: run \`npm run build && npm run build:examples\``);
  }
  return serveStatic({ host: 'localhost', mounts: { '/': dist } });
}

/**
 * The rows as the framework rendered them from its own state: one object per body row, keyed by
 * the column each header names. An empty cell reads as `null`, as the element delivers it.
 */
function renderedRows(page: Page): Promise<Record<string, string | null>[]> {
  return page.locator('table').evaluate((table: HTMLTableElement) => {
    const keys = [...table.tHead!.rows[0]!.cells].map((th) => th.dataset.key!);
    return [...table.tBodies[0]!.rows].map((tr) =>
      Object.fromEntries(keys.map((key, i) => [key, tr.cells[i]!.textContent || null])),
    );
  });
}

describe('framework examples: contacts.csv through <csv-importer> into framework state', () => {
  for (const framework of FRAMEWORKS) {
    test(`${framework}: the app's own table holds every imported row, and no request is made`, async () => {
      const server = await serveExample(framework);
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      try {
        await page.goto(`${server.url}/`);
        if (framework === 'vue' || framework === 'svelte') {
          // These apps keep their columns in reactive state (`reactive`, `$state`): the element gets
          // a proxy, which postMessage cannot clone, and must copy it.
          await page.waitForSelector('csv-importer');
          const proxied = await page.evaluate(() => {
            try {
              structuredClone(document.querySelector('csv-importer')!.columns);
              return false;
            } catch {
              return true;
            }
          });
          assert.equal(proxied, true, `the ${framework} app handed over its columns as a proxy`);
        }
        // The importer opens only with valid columns, so the frame appearing proves the framework
        // set the `columns` property.
        await page.getByRole('button', { name: 'Import a file' }).click();
        const frame = (await (await page.waitForSelector('csv-importer >> iframe')).contentFrame())!;
        await frame.waitForSelector('input[type=file]');
        const served = server.requests.length;
        const browserRequests: string[] = [];
        page.on('request', (request) => browserRequests.push(request.url()));

        await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
        await frame.getByRole('button', { name: 'Continue' }).click();
        await frame.getByRole('button', { name: 'Import 11 rows' }).click();

        await frame.getByRole('heading', { name: 'Import complete' }).waitFor();

        // The element has dispatched its event; the framework must now have rendered the rows.
        const status = page.getByRole('status');
        await status.waitFor({ timeout: 5_000 }).catch(() => {
          assert.fail(
            `the ${framework} app rendered no result: its csv-importer-complete listener did not run`,
          );
        });
        assert.equal((await status.textContent())!.trim(), '11 rows from contacts.csv, 2 issues');
        assert.deepEqual(
          await page.locator('th').allTextContents(),
          CONTACT_COLUMNS.map((c) => c.label),
        );
        assert.deepEqual(await renderedRows(page), CONTACT_ROWS);
        // The framework rendered cells as text: the markup in row 11 made no element.
        assert.equal(await page.locator('table img').count(), 0);

        assert.deepEqual(errors, []);
        assert.deepEqual(browserRequests, []);
        assert.equal(server.requests.length, served, server.requests.slice(served).join(', '));
      } finally {
        await page.close();
        await server.close();
      }
    });
  }
});
