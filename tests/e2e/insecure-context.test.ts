import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type Browser, chromium } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.mjs';
import { CONTACT_COLUMNS, CONTACT_ROWS } from '../support/contacts.ts';
import { FIXTURES, serveHost, type TestServer } from '../support/servers.ts';
import { importerFrame, loadAndReview, submit, waitForEvent } from './importer-flow.ts';
import { openElement } from './importer-helpers.ts';

// An intranet page served over plain http from a name that is not localhost is not a secure
// context: APIs such as crypto.randomUUID do not exist there. The importer must work anyway.
const NAME = 'intranet.test';

let browser: Browser;
let host: TestServer;

before(async () => {
  browser = await chromium.launch({
    executablePath: await findChromium(),
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${NAME} 127.0.0.1`],
    headless: true,
  });
  host = await serveHost('127.0.0.1');
});
after(async () => {
  await browser?.close();
  await host?.close();
});

describe('a host page that is not a secure context', () => {
  test('imports contacts.csv over plain http from a non-local name', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const url = new URL('/host.html', host.url);
    url.hostname = NAME;
    await page.goto(url.href);
    assert.equal(await page.evaluate(() => window.isSecureContext), false);
    assert.equal(await page.evaluate(() => typeof crypto.randomUUID), 'undefined');

    await openElement(page, { columns: CONTACT_COLUMNS });
    const frame = await importerFrame(page);
    await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
    await submit(frame);
    const complete = (await waitForEvent(page, 'csv-importer-complete')).find(
      (e) => e.type === 'csv-importer-complete',
    )!;
    assert.deepEqual(complete.rows, CONTACT_ROWS);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
