import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { encodeEmbedConfig } from '@csv-importer/protocol';
import type { Browser, Frame, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveHosted } from '../../scripts/hosted-server.mjs';
import { launchChromium } from '../support/browser.ts';
import { CONTACT_COLUMNS, CONTACT_ROWS } from '../support/contacts.ts';
import { FIXTURES, ROOT, serveHost, type TestServer } from '../support/servers.ts';
import { loadAndReview, submit } from './importer-flow.ts';
import { openElement } from './importer-helpers.ts';

// The importer's own code posts window messages only to its parent, addressed to the parent's
// exact origin; everything else travels on its private port. Around a full import, a window
// that opened the page, the top window above the page that embeds the importer, and a frame
// beside it each listen for every message: none hears one. In embed mode, a parent whose origin
// is not the configured one hears nothing either, though it frames the importer.

let browser: Browser;
let host: TestServer;
/** A second host origin, also allowed by the hosted importer. */
let other: TestServer;
let hosted: TestServer;

before(async () => {
  browser = await launchChromium();
  host = await serveHost();
  other = await serveHost('127.0.0.1');
  hosted = await serveHosted({
    allowedOrigins: [host.url, other.url],
    host: '127.0.0.1',
    root: join(ROOT, 'apps/importer/dist/hosted'),
  });
});
after(async () => {
  await browser?.close();
  for (const server of [host, other, hosted]) await server?.close();
});

/** Makes `target` record the type of every window message it receives in `window.heard`. */
function listen(target: Page | Frame): Promise<void> {
  return target.evaluate(() => {
    const w = window as unknown as { heard: string[] };
    w.heard = [];
    addEventListener('message', (event) => w.heard.push(String((event.data as { type?: unknown })?.type)));
  });
}

const heard = (target: Page | Frame) =>
  target.evaluate(() => (window as unknown as { heard: string[] }).heard);

/**
 * From inside the importer's frame (as the test, not as the importer), posts a `flush` to each
 * window around it, and waits until each heard it: window messages from one frame arrive in
 * order, so whatever the importer posted before has arrived by then. It also shows that each of
 * those windows can be reached from the frame: only the importer's code chooses not to.
 */
async function flush(frame: Frame, windows: (Page | Frame)[]): Promise<void> {
  await frame.evaluate(() => {
    const targets = [parent, top, top?.opener, top?.frames[0]] as (Window | null | undefined)[];
    for (const target of new Set(targets)) target?.postMessage({ type: 'flush' }, '*');
  });
  for (const target of windows)
    await target.waitForFunction(() => (window as unknown as { heard: string[] }).heard.includes('flush'));
}

/**
 * An opener page that opens a top window, which frames `middleUrl` (the page with the importer)
 * and a sibling frame. Everyone but the middle page listens from the start.
 */
async function nest(middleUrl: string): Promise<{ opener: Page; top: Page; middle: Frame; sibling: Frame }> {
  const opener = await browser.newPage();
  await opener.goto(`${host.url}/host.html`);
  await listen(opener);
  const [top] = await Promise.all([
    opener.waitForEvent('popup'),
    opener.evaluate((url) => void window.open(url), `${host.url}/host.html`),
  ]);
  await top.waitForLoadState();
  await listen(top);
  const frames = await top.evaluate(
    ({ middleUrl }) => {
      const sibling = document.createElement('iframe');
      sibling.srcdoc =
        '<script>window.heard = []; addEventListener("message", (e) => heard.push(String(e.data?.type)));</script>';
      const middle = document.createElement('iframe');
      middle.style.cssText = 'width: 1000px; height: 700px';
      middle.src = middleUrl;
      document.body.append(sibling, middle);
      return Promise.all([sibling, middle].map((f) => new Promise((r) => f.addEventListener('load', r))));
    },
    { middleUrl },
  );
  assert.equal(frames.length, 2);
  const [sibling, middle] = top.mainFrame().childFrames();
  return { opener, top, middle: middle!, sibling: sibling! };
}

/** The importer's frame inside `middle` at the upload step. */
async function importerIn(middle: Frame, selector: string): Promise<Frame> {
  const frame = (await (await middle.waitForSelector(selector)).contentFrame())!;
  await frame.waitForSelector('input[type=file]');
  return frame;
}

const CONTACTS = join(FIXTURES, 'contacts.csv');

describe('window messages from the importer go to its parent only', () => {
  for (const mode of ['srcdoc', 'hosted'] as const) {
    test(`${mode}: across a full import the parent hears one hello; opener, top and a sibling frame hear nothing`, async () => {
      const { opener, top, middle, sibling } = await nest(`${host.url}/element.html`);
      await listen(middle);
      await openElement(middle, {
        columns: CONTACT_COLUMNS,
        src: mode === 'hosted' ? `${hosted.url}/` : undefined,
      });
      const frame = await importerIn(middle, 'csv-importer >> iframe');
      await loadAndReview(frame, CONTACTS);
      await submit(frame);
      await middle.waitForFunction(() =>
        (window as unknown as { received: { type: string }[] }).received.some(
          (e) => e.type === 'csv-importer-complete',
        ),
      );
      await flush(frame, [middle, top, sibling, opener]);
      assert.deepEqual(await heard(middle), ['csv-importer:hello', 'flush']);
      assert.deepEqual(await heard(top), ['flush']);
      assert.deepEqual(await heard(sibling), ['flush']);
      assert.deepEqual(await heard(opener), ['flush']);
      await top.close();
      await opener.close();
    });
  }

  const embedUrl = (parentOrigin: string) =>
    `${hosted.url}/#config=${encodeEmbedConfig({
      version: 1,
      parentOrigin,
      columns: CONTACT_COLUMNS as never,
      options: { locale: 'en' },
    })}`;

  test('embed: the configured parent hears the rows; opener, top and a sibling frame hear nothing', async () => {
    const { opener, top, middle, sibling } = await nest(`${host.url}/embed.html`);
    await listen(middle);
    await middle.evaluate(
      (url) => (window as unknown as { embed(u: string): void }).embed(url),
      embedUrl(host.url),
    );
    const frame = await importerIn(middle, '#importer');
    await loadAndReview(frame, CONTACTS);
    await submit(frame);
    await flush(frame, [middle, top, sibling, opener]);
    assert.deepEqual(await heard(middle), ['csv-importer:complete', 'flush']);
    const [complete] = await middle.evaluate(
      () => (window as unknown as { received: { rows: unknown }[] }).received,
    );
    assert.deepEqual(complete!.rows, CONTACT_ROWS);
    assert.deepEqual(await heard(top), ['flush']);
    assert.deepEqual(await heard(sibling), ['flush']);
    assert.deepEqual(await heard(opener), ['flush']);
    await top.close();
    await opener.close();
  });

  test('embed: a parent on another allowed origin than the configured one hears nothing of a full import', async () => {
    const page = await browser.newPage();
    await page.goto(`${other.url}/embed.html`);
    await listen(page);
    // Configured for the other origin: the importer addresses that origin exactly.
    await page.evaluate(
      (url) => (window as unknown as { embed(u: string): void }).embed(url),
      embedUrl(host.url),
    );
    const frame = await importerIn(page.mainFrame(), '#importer');
    await loadAndReview(frame, CONTACTS);
    await submit(frame);
    await flush(frame, [page]);
    assert.deepEqual(await heard(page), ['flush']);
    await page.close();
  });
});
