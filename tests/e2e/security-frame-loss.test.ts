import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveHosted } from '../../scripts/hosted-server.mjs';
import { launchChromium } from '../support/browser.ts';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { type RawPage, rawPage } from '../support/raw-page.ts';
import { ROOT, serveHost, type TestServer } from '../support/servers.ts';
import { stallSink } from '../support/sockets.ts';
import { importerFrame, type Received, waitForEvent } from './importer-flow.ts';
import { openImporter } from './importer-helpers.ts';

// A frame the host loses without a second `load`: its document replaced by one that never
// finishes loading, or its renderer killed. The host must hear it (an error event), remove the
// frame and tell the user what to do; never wait for rows that cannot come.
//
// Chromium fires `close` on a MessagePort whose other end went away only behind its
// `MessagePortCloseEvent` feature (version 150): with it the element knows at once
// (`frame_lost`); without it, the liveness pings find the silent frame (`frame_unresponsive`).
// Both browsers are run.

let plain: Browser;
let flagged: Browser;
let host: TestServer;
let hosted: TestServer;
const closers: { close(): Promise<void> }[] = [];

before(async () => {
  [plain, flagged] = await Promise.all([
    launchChromium(),
    launchChromium(['--enable-blink-features=MessagePortCloseEvent']),
  ]);
  host = await serveHost();
  hosted = await serveHosted({
    allowedOrigins: [host.url],
    host: '127.0.0.1',
    root: join(ROOT, 'apps/importer/dist/hosted'),
  });
});
after(async () => {
  await plain?.close();
  await flagged?.close();
  await host?.close();
  await hosted?.close();
  for (const closer of closers) await closer.close();
});

type Mode = 'srcdoc' | 'hosted';

/** A page with the importer open in `mode` and its frame at the upload step. */
async function importerPage(browser: Browser, mode: Mode): Promise<Page> {
  const page = await browser.newPage();
  const src = mode === 'hosted' ? `${hosted.url}/` : undefined;
  await openImporter(page, host.url, { columns: CONTACT_COLUMNS, src, hostPage: 'element.html' });
  return page;
}

/** The host's one error event; the frame gone, the element closed, the reason where it was. */
async function lostAndShown(page: Page, code: string): Promise<Received> {
  const events = await waitForEvent(page, 'csv-importer-error');
  const errors = events.filter((e) => e.type === 'csv-importer-error');
  assert.deepEqual(
    errors.map((e) => e.code),
    [code],
  );
  await page.waitForFunction(
    () => !document.querySelector('csv-importer')!.shadowRoot!.querySelector('iframe'),
  );
  assert.equal(await page.evaluate(() => document.querySelector('csv-importer')!.isOpen), false);
  assert.equal(await page.locator('csv-importer >> [part=notice]').textContent(), errors[0]!.message);
  assert.equal(await page.locator('csv-importer >> [part=notice]').getAttribute('role'), 'alert');
  return errors[0]!;
}

for (const mode of ['srcdoc', 'hosted'] as const) {
  describe(`a frame whose document is replaced without a second load (${mode} mode)`, () => {
    test('where MessagePort fires close: frame_lost at once, the frame removed, the user told to open it again', async () => {
      const stall = await stallSink();
      closers.push(stall);
      const page = await importerPage(flagged, mode);
      // Another window (here the host page) sends the frame to a page that never finishes
      // loading: the importer's document is gone, and the iframe fires no second `load`.
      await page.evaluate((port) => {
        const iframe = document.querySelector('csv-importer')!.shadowRoot!.querySelector('iframe')!;
        iframe.contentWindow!.location.href = `http://127.0.0.1:${port}/`;
      }, stall.port);
      const error = await lostAndShown(page, 'frame_lost');
      assert.equal(
        error.message,
        'The importer lost its page, so its frame was removed. Open it again to retry.',
      );
      assert.equal(stall.requests, 1);
      await page.close();
    });
  });
}

describe("a frame whose renderer is killed (hosted mode: the frame's own process)", () => {
  /**
   * Crashes the renderer process of the hosted frame through the DevTools protocol (a srcdoc
   * frame runs in the host page's process: its crash is the page's). Playwright then takes the
   * whole page for crashed, so the page is read through a session of its own.
   */
  async function crashFrame(browser: Browser, page: Page): Promise<RawPage> {
    const frame = await importerFrame(page);
    const raw = await rawPage(browser, page.url());
    const cdp = await page.context().newCDPSession(frame);
    // The command does not answer: the process it would answer from is gone.
    void cdp.send('Page.crash').catch(() => {});
    return raw;
  }

  /** What `lostAndShown` checks, read past Playwright through `raw`. */
  async function lostAndShownRaw(raw: RawPage, code: string): Promise<Received> {
    await raw.waitFor("window.received.some((e) => e.type === 'csv-importer-error')");
    await raw.waitFor("!document.querySelector('csv-importer').shadowRoot.querySelector('iframe')");
    const errors = await raw.evaluate<Received[]>(
      "window.received.filter((e) => e.type === 'csv-importer-error')",
    );
    assert.deepEqual(
      errors.map((e) => e.code),
      [code],
    );
    const shown = await raw.evaluate<{ open: boolean; notice: string; role: string }>(`(() => {
      const importer = document.querySelector('csv-importer');
      const notice = importer.shadowRoot.querySelector('[part=notice]');
      return { open: importer.isOpen, notice: notice?.textContent, role: notice?.getAttribute('role') };
    })()`);
    assert.deepEqual(shown, { open: false, notice: errors[0]!.message, role: 'alert' });
    return errors[0]!;
  }

  test('the host gets frame_unresponsive within the liveness window, and the user reads why', async () => {
    const page = await importerPage(plain, 'hosted');
    const crashed = performance.now();
    const raw = await crashFrame(plain, page);
    const error = await lostAndShownRaw(raw, 'frame_unresponsive');
    assert.match(
      error.message!,
      /^The importer stopped responding for \d+ s, so its frame was removed\. Open it again to retry\.$/,
    );
    console.log(`frame_unresponsive ${Math.round(performance.now() - crashed)} ms after the crash`);
    // The host page lives on: opening again gives a new frame that greets the element.
    await raw.evaluate("document.querySelector('csv-importer').open()");
    await raw.waitFor("document.querySelector('csv-importer').shadowRoot.querySelector('iframe')");
    await raw.detach();
    await page.close();
  });

  test('where MessagePort fires close: frame_lost without waiting for the pings', async () => {
    const page = await importerPage(flagged, 'hosted');
    const raw = await crashFrame(flagged, page);
    await lostAndShownRaw(raw, 'frame_lost');
    await raw.detach();
    await page.close();
  });
});
