import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveStatic } from '../../scripts/static-server.mjs';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES, ROOT, type TestServer } from '../support/servers.ts';
import { importButton, toReview, waitForEvent } from './importer-flow.ts';
import { openImporter } from './importer-helpers.ts';

// The privacy promise, proven from outside the browser: across a full import of every fixture,
// in both modes, no request reaches any server after the frame's own load (counted by the
// servers themselves, including a "sink" on another origin that the file's cells point at), and
// afterwards no origin holds a cookie, local or session storage, an IndexedDB database or a cache.

/** Fields loose enough that every fixture imports; none required, so every row is delivered. */
const COLUMNS = [
  { key: 'name', label: 'Name', synonyms: ['first name', 'Vorname', 'customer', 'product'] },
  { key: 'email', label: 'E-mail' },
  { key: 'notes', label: 'Notes' },
];

const e2e = useBrowserAndServers({ hosted: true });
/** A server on a third origin that hostile cells try to reach. */
let sink: TestServer;

before(async () => {
  sink = await serveStatic({ host: '127.0.0.2', mounts: { '/': join(ROOT, 'tests/e2e/pages') } });
});
after(async () => {
  await sink?.close();
});

/** A CSV whose cells try every way markup or a formula could fetch from the sink. */
function beaconFile(): { name: string; mimeType: string; buffer: Buffer } {
  const url = `${sink.url}/beacon`;
  const payloads = [
    `<img src="${url}/img">`,
    `<script src="${url}/script"></script>`,
    `<link rel=stylesheet href="${url}/css">`,
    `<style>@import "${url}/import";</style>`,
    `<iframe src="${url}/iframe"></iframe>`,
    `<form action="${url}/form"><button>x</button></form>`,
    `<a ping="${url}/ping" href="${url}/a">x</a>`,
    `<object data="${url}/object"></object>`,
    `<svg><image href="${url}/svg"/></svg>`,
    `=IMPORTXML("${url}/formula","//a")`,
    `=HYPERLINK("${url}/link","x")`,
    `${url}/plain`,
  ];
  const field = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const body = payloads.map((p) => `${field(p)},${field('a@example.com')},${field(p)}`).join('\r\n');
  return {
    name: 'beacons.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`name,email,notes\r\n${body}\r\n`),
  };
}

const FILES = [
  'contacts.csv',
  'sales-de-windows1252.csv',
  'unicode-text-utf16le.txt',
  'inventory-bom-preamble.csv',
  'customers-two-sheets.xlsx',
] as const;

/** Everything any origin of the context keeps, read through CDP and Playwright from outside. */
async function storedState(context: BrowserContext, page: Page, origins: string[]): Promise<string[]> {
  const found: string[] = [];
  const state = await context.storageState();
  for (const cookie of state.cookies) found.push(`cookie ${cookie.domain} ${cookie.name}`);
  for (const origin of state.origins) {
    for (const item of origin.localStorage) found.push(`localStorage ${origin.origin} ${item.name}`);
  }
  for (const origin of origins) {
    // DOM storage is read through a live frame of its origin (the page, or an out-of-process
    // probe frame with its own CDP target); IndexedDB and caches through any session.
    const frame = page.frames().find((f) => f.url().startsWith(`${origin}/`));
    const cdp = await context.newCDPSession(!frame || frame === page.mainFrame() ? page : frame);
    const storageKey = `${origin}/`;
    for (const isLocalStorage of frame ? [true, false] : []) {
      const { entries } = (await cdp.send('DOMStorage.getDOMStorageItems', {
        storageId: { storageKey, isLocalStorage },
      })) as { entries: string[][] };
      for (const [key] of entries)
        found.push(`${isLocalStorage ? 'local' : 'session'}Storage ${origin} ${key}`);
    }
    // Bytes the origin holds, by kind (indexeddb, cache_storage, service_workers, file_systems…).
    const { usageBreakdown } = await cdp.send('Storage.getUsageAndQuota', { origin });
    for (const { storageType, usage } of usageBreakdown)
      if (usage > 0)
        found.push(`${storageType === 'indexeddb' ? 'indexedDB' : storageType} ${origin} ${usage} bytes`);
    const { caches } = await cdp.send('CacheStorage.requestCacheNames', { storageKey });
    for (const cache of caches) found.push(`cache ${origin} ${cache.cacheName}`);
    await cdp.detach();
  }
  return found;
}

for (const mode of ['srcdoc', 'hosted'] as const) {
  describe(`privacy (${mode} mode): nothing leaves the page, nothing stays`, () => {
    for (const name of [...FILES, 'beacons.csv']) {
      test(`${name}: a full import reaches no server after the frame loaded, and leaves no storage`, async () => {
        const context = await e2e.browser.newContext();
        const page = await context.newPage();
        const src = mode === 'hosted' ? `${e2e.hosted.url}/` : undefined;
        const frame = await openImporter(page, e2e.host.url, { columns: COLUMNS, src });
        // The frame has loaded; from here on no server may hear from it.
        const counts = () => [e2e.host.requests.length, e2e.hosted.requests.length, sink.requests.length];
        const loaded = counts();

        const file = name === 'beacons.csv' ? beaconFile() : join(FIXTURES, name);
        await frame.setInputFiles('input[type=file]', file);
        await toReview(frame);
        const rows = Number((await importButton(frame).textContent())!.replace(/[^\d]/g, ''));
        assert.ok(rows > 0);
        await importButton(frame).click();
        await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
        const [complete] = (await waitForEvent(page, 'csv-importer-complete')).filter(
          (e) => e.type === 'csv-importer-complete',
        );
        assert.equal(complete!.rows!.length, rows, 'every row reaches the host');
        if (name === 'beacons.csv') {
          // The payloads arrive as the text they are, and nothing fetched them.
          assert.match(String(complete!.rows![0]!.name), /^<img src=/);
        }

        // Close the importer: the frame goes, with its worker.
        await page.evaluate(() => document.querySelector('csv-importer')!.close());
        await page.waitForFunction(
          () => !document.querySelector('csv-importer')!.shadowRoot!.querySelector('iframe'),
        );
        assert.deepEqual(counts(), loaded, 'requests after the frame loaded (host, hosted, sink)');
        assert.deepEqual(sink.requests, []);
        // A probe frame of the importer's origin in the same tab, so that its local and session
        // storage (kept per tab and origin) can be read from outside.
        await page.evaluate((src) => {
          const probe = document.createElement('iframe');
          probe.src = src;
          document.body.append(probe);
        }, `${e2e.hosted.url}/`);
        const probe = await (await page.waitForSelector('body > iframe')).contentFrame();
        await probe!.waitForLoadState('load');
        // The sink was never reached (above), so no document of its origin could have stored anything.
        assert.deepEqual(await storedState(context, page, [e2e.host.url, e2e.hosted.url]), []);
        await context.close();
      });
    }
  });
}

describe('the storage inspection itself', () => {
  test('finds what a page of either origin stores (so an empty result means empty)', async () => {
    const context = await e2e.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${e2e.host.url}/host.html`);
    await page.evaluate(async () => {
      localStorage.setItem('l', '1');
      sessionStorage.setItem('s', '1');
      // biome-ignore lint/suspicious/noDocumentCookie: the control stores a cookie as a page script would.
      document.cookie = 'c=1';
      await new Promise((resolve) => {
        const request = indexedDB.open('db');
        request.onsuccess = resolve;
      });
      await caches.open('cache');
    });
    const found = await storedState(context, page, [e2e.host.url]);
    for (const kind of ['cookie', 'localStorage', 'sessionStorage', 'indexedDB', 'cache'])
      assert.ok(
        found.some((f) => f.startsWith(kind)),
        `${kind} not found in ${found.join('; ')}`,
      );
    await context.close();
  });
});
