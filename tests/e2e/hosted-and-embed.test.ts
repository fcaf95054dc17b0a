import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { encodeEmbedConfig } from '@csv-importer/protocol';
import type { Frame, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveStatic } from '../../scripts/static-server.mjs';
import { CONTACT_COLUMNS, CONTACT_ISSUES, CONTACT_ROWS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES, ROOT, serveHost } from '../support/servers.ts';
import { importerFrame, loadAndReview, received, submit, waitForEvent } from './importer-flow.ts';
import { openElement, openImporter } from './importer-helpers.ts';

const e2e = useBrowserAndServers({ hosted: true });

const CONTACTS = join(FIXTURES, 'contacts.csv');

describe('hosted mode: the importer from its own origin', () => {
  test('a host on another origin receives every row; the frame makes no request after loading', async () => {
    const page = await e2e.browser.newPage();
    // The hosted-mode loader: the element without the embedded importer.
    const frame = await openImporter(page, e2e.host.url, {
      columns: CONTACT_COLUMNS,
      src: `${e2e.hosted.url}/`,
      hostPage: 'loader.html',
    });
    const embedded = await page.evaluate(
      () => (customElements.get('csv-importer') as unknown as { frameHtml?: string }).frameHtml,
    );
    assert.equal(embedded, undefined);
    assert.equal(new URL(frame.url()).origin, e2e.hosted.url);
    const served = e2e.hosted.requests.length;
    assert.deepEqual(e2e.hosted.requests, ['/', '/importer.js']);

    await loadAndReview(frame, CONTACTS);
    await frame.getByText('11 rows, 2 with errors (2 errors).').waitFor();
    await submit(frame);
    const [complete] = await waitForEvent(page, 'csv-importer-complete');
    assert.deepEqual(complete!.rows, CONTACT_ROWS);
    assert.deepEqual(complete!.issues, CONTACT_ISSUES);
    assert.equal(e2e.hosted.requests.length, served);
    await page.close();
  });

  test('the loader without src reports that it needs one', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.host.url}/loader.html`);
    await openElement(page, { columns: CONTACT_COLUMNS });
    const [error] = await waitForEvent(page, 'csv-importer-error');
    assert.equal(error!.code, 'invalid_options');
    assert.match(error!.message!, /no embedded importer: set `src`/);
    assert.equal(await page.locator('csv-importer >> iframe').count(), 0);
    await page.close();
  });

  test('a frame whose allow-list does not name the host refuses it, and the element reports why', async () => {
    // A deployment that serves the files without headers (no frame-ancestors), allowing only
    // another origin: the frame's own check is what refuses the host.
    const bare = await serveStatic({
      host: '127.0.0.1',
      mounts: { '/': join(ROOT, 'apps/importer/dist/hosted') },
      rewriteHtml: (html: string) =>
        html.replace(/content="[^"]*" \/>\n(\s*)<title>/, 'content="https://app.example" />\n$1<title>'),
    });
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.host.url}/element.html`);
    await openElement(page, { columns: CONTACT_COLUMNS, src: `${bare.url}/` });
    const [error] = await waitForEvent(page, 'csv-importer-error');
    assert.equal(error!.code, 'origin_not_allowed');
    assert.equal(error!.message, `This importer does not accept pages from ${e2e.host.url}.`);
    const frame = (await (await page.waitForSelector('csv-importer >> iframe')).contentFrame())!;
    await frame.getByRole('alert').getByText(`This importer is not allowed on ${e2e.host.url}.`).waitFor();
    assert.equal(await frame.locator('input[type=file]').count(), 0);
    await page.close();
    await bare.close();
  });

  test('the hosted server forbids framing by pages it does not list', async () => {
    const other = await serveHost('127.0.0.2');
    const page = await e2e.browser.newPage();
    await page.goto(`${other.url}/element.html`);
    const before = e2e.hosted.requests.length;
    await page.evaluate(
      ({ columns, src }) => {
        const importer = document.querySelector('csv-importer')!;
        importer.columns = columns as never;
        importer.src = src;
        importer.startTimeoutMs = 2000;
        importer.open();
      },
      { columns: CONTACT_COLUMNS as unknown, src: `${e2e.hosted.url}/` },
    );
    const handle = await page.waitForSelector('csv-importer >> iframe');
    const frame = (await handle.contentFrame()) as Frame;
    await frame.waitForLoadState('load');
    // The server answered, but the browser refused to render the importer under this page: the
    // frame shows an error document, never the upload step, and no importer script was fetched.
    assert.deepEqual(e2e.hosted.requests.slice(before), ['/']);
    assert.notEqual(new URL(frame.url()).origin, e2e.hosted.url);
    assert.equal(await frame.locator('input[type=file]').count(), 0);
    // The page hears why once the frame is overdue: it never greeted the element.
    const [error] = await waitForEvent(page, 'csv-importer-error');
    assert.equal(error!.code, 'frame_unavailable');
    assert.match(error!.message!, /^The importer at http:\/\/127\.0\.0\.1:\d+\/ did not start within 2 s: /);
    assert.equal((await received(page)).length, 1);
    await page.close();
    await other.close();
  });
});

describe('embed URL mode: a plain iframe, configuration in the fragment', () => {
  const embedUrl = (parentOrigin: string) =>
    `${e2e.hosted.url}/#config=${encodeEmbedConfig({
      version: 1,
      parentOrigin,
      columns: CONTACT_COLUMNS as never,
      // Embed mode posts records whatever encoding the configuration asks for.
      options: { locale: 'en', rowEncoding: 'packed' },
    })}`;

  test('rows are posted to the configured parent origin, and the fragment never reaches the server', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.host.url}/embed.html`);
    const before = e2e.hosted.requests.length;
    await page.evaluate(
      (url) => (window as unknown as { embed(u: string): void }).embed(url),
      embedUrl(e2e.host.url),
    );
    const frame = (await (await page.waitForSelector('#importer')).contentFrame())!;
    await frame.waitForSelector('input[type=file]');
    assert.deepEqual(e2e.hosted.requests.slice(before), ['/', '/importer.js']);

    await loadAndReview(frame, CONTACTS);
    await submit(frame);
    const [complete] = await waitForEvent(page, 'csv-importer:complete');
    assert.deepEqual(complete!.rows, CONTACT_ROWS);
    assert.deepEqual(complete!.issues, CONTACT_ISSUES);
    assert.equal(complete!.meta!.fileName, 'contacts.csv');
    assert.equal(complete!.meta!.rowCount, 11);
    assert.equal(e2e.hosted.requests.length, before + 2);
    await page.close();
  });

  test('a configuration naming a parent origin outside the allow-list is refused in the frame', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.host.url}/embed.html`);
    await page.evaluate(
      (url) => (window as unknown as { embed(u: string): void }).embed(url),
      embedUrl('https://attacker.example'),
    );
    const frame = (await (await page.waitForSelector('#importer')).contentFrame())!;
    await frame
      .getByRole('alert')
      .getByText('This importer does not accept pages from https://attacker.example.')
      .waitFor();
    assert.equal(await frame.locator('input[type=file]').count(), 0);
    await page.close();
  });
});

describe('a frame that never starts', () => {
  /** Opens the importer with `startTimeoutMs` and collects its error events in `window.errors`. */
  async function openWatched(page: Page, url: string, startTimeoutMs: number, src?: string) {
    await page.goto(url);
    // Through the driver, not a script of the page: the page's own CSP may forbid inline scripts.
    await page.evaluate(
      ({ columns, startTimeoutMs, src }) => {
        const errors: { code: string; message: string }[] = [];
        (window as unknown as { errors: typeof errors }).errors = errors;
        document.addEventListener('csv-importer-error', (event) => {
          const { code, message } = event as unknown as { code: string; message: string };
          errors.push({ code, message });
        });
        const importer = document.querySelector('csv-importer')!;
        importer.columns = columns as never;
        importer.startTimeoutMs = startTimeoutMs;
        if (src) importer.src = src;
        importer.open();
      },
      { columns: CONTACT_COLUMNS as unknown, startTimeoutMs, src },
    );
  }

  const errors = (page: Page) =>
    page.evaluate(() => (window as unknown as { errors: { code: string; message: string }[] }).errors);

  test('a src that serves no importer becomes frame_unavailable, naming the URL', async () => {
    const empty = await serveStatic({ host: '127.0.0.1', mounts: { '/files/': FIXTURES } });
    const page = await e2e.browser.newPage();
    const src = `${empty.url}/no-importer-here/`;
    await openWatched(page, `${e2e.host.url}/element.html`, 1000, src);
    await page.waitForFunction(() => (window as unknown as { errors: unknown[] }).errors.length > 0);
    assert.deepEqual(await errors(page), [
      {
        code: 'frame_unavailable',
        message: `The importer at ${src} did not start within 1 s: does the URL serve it, and do its frame-ancestors allow this page?`,
      },
    ]);
    // The frame stays where it was; the page decides whether to close it.
    assert.equal(await page.locator('csv-importer >> iframe').count(), 1);
    await page.close();
    await empty.close();
  });

  test("a page whose CSP stops the srcdoc frame's inline script gets frame_unavailable; without that CSP the same page starts it", async () => {
    const strict = await serveStatic({
      host: 'localhost',
      mounts: {
        '/': join(ROOT, 'tests/e2e/pages'),
        '/element/': join(ROOT, 'packages/element/dist'),
      },
      headers: { 'content-security-policy': "script-src 'self'" },
    });
    const page = await e2e.browser.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/.test(message.text())) violations.push(message.text());
    });
    await openWatched(page, `${strict.url}/element.html`, 1500);
    await page.waitForFunction(() => (window as unknown as { errors: unknown[] }).errors.length > 0);
    const [error] = await errors(page);
    assert.equal(error!.code, 'frame_unavailable');
    assert.match(
      error!.message,
      /did not start within 1\.5 s: this page's Content-Security-Policy may stop its inline script/,
    );
    assert.ok(violations.length > 0, 'the browser reported the blocked script');

    // The control: the same page without the header starts the frame, and no error follows.
    await openWatched(page, `${e2e.host.url}/element.html`, 3000);
    await (await importerFrame(page)).waitForSelector('input[type=file]');
    await page.waitForTimeout(3500);
    assert.deepEqual(await errors(page), []);
    await page.close();
    await strict.close();
  });
});
