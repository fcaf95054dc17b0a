import { join } from 'node:path';
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveHosted } from '../../scripts/hosted-server.mjs';
import { launchChromium } from './browser.ts';
import { ROOT, serveHost, type TestServer } from './servers.ts';

/** What the tests of one end-to-end file share; set once its `before` hook has run. */
export interface E2e {
  readonly browser: Browser;
  /** The host pages' server on `http://localhost:…`. */
  readonly host: TestServer;
  /** The built hosted importer on `http://127.0.0.1:…`, allowing the host origin (with `hosted`). */
  readonly hosted: TestServer;
}

/**
 * Starts one headless Chromium and the host server (and, with `hosted`, the hosted importer on a
 * second origin) before the calling file's tests, and closes them after. Call it at the top level
 * of a test file; read the fields inside tests and hooks.
 */
export function useBrowserAndServers(options: { hosted?: boolean } = {}): E2e {
  const e2e = {} as { browser: Browser; host: TestServer; hosted: TestServer };
  before(async () => {
    e2e.browser = await launchChromium();
    e2e.host = await serveHost();
    if (options.hosted) {
      e2e.hosted = await serveHosted({
        allowedOrigins: [e2e.host.url],
        host: '127.0.0.1',
        root: join(ROOT, 'apps/importer/dist/hosted'),
      });
    }
  });
  after(async () => {
    await e2e.browser?.close();
    await e2e.host?.close();
    await e2e.hosted?.close();
  });
  return e2e;
}
