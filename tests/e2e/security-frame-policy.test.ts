import assert from 'node:assert/strict';
import { createServer, request } from 'node:http';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { PERMISSIONS_POLICY } from '../../scripts/csp.mjs';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveHosted } from '../../scripts/hosted-server.mjs';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchChromium } from '../support/browser.ts';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { ROOT, serveHost, type TestServer } from '../support/servers.ts';
import { openElement, openImporter } from './importer-helpers.ts';

// What the hosted mode's response headers and the element's iframe attributes take away from
// the importer's document, checked in the browser against a control that lacks them:
// - the Permissions-Policy header: no powerful feature, even where the embedder delegates one;
// - `credentialless`: the cookies of the importer's site are not sent with its document.

const FEATURES: string[] = PERMISSIONS_POLICY.split(', ').map((entry: string) => entry.replace('=()', ''));
const SITE = join(ROOT, 'apps/importer/dist/hosted');

let browser: Browser;
let host: TestServer;
let hosted: TestServer;
/** The same files as the hosted site, served without any of its headers. */
let bare: TestServer;
const closers: { close(): Promise<void> }[] = [];

before(async () => {
  // Names under .test reach loopback, so that the application and the importer can share a site.
  browser = await launchChromium(['--host-resolver-rules=MAP *.test 127.0.0.1, EXCLUDE localhost']);
  host = await serveHost();
  hosted = await serveHosted({ allowedOrigins: [host.url], host: '127.0.0.1', root: SITE });
  bare = await serveStatic({ host: '127.0.0.1', mounts: { '/': SITE } });
});
after(async () => {
  await browser?.close();
  for (const server of [host, hosted, bare, ...closers]) await server?.close();
});

/** The features the document's Permissions Policy allows, among those the header names. */
function allowed(frame: Page | Frame): Promise<string[]> {
  return frame.evaluate((features) => {
    const policy = (document as unknown as { featurePolicy: { allowedFeatures(): string[] } }).featurePolicy;
    return policy.allowedFeatures().filter((f) => features.includes(f));
  }, FEATURES);
}

/** Asks for the position; resolves with the outcome ('position', or the error's code and text). */
function geolocation(frame: Frame): Promise<string> {
  return frame.evaluate(
    () =>
      new Promise<string>((resolve) =>
        navigator.geolocation.getCurrentPosition(
          () => resolve('position'),
          (error) => resolve(`error ${error.code}: ${error.message}`),
          { timeout: 5_000 },
        ),
      ),
  );
}

/** A plain iframe (not the element's) at `src` with `allow`, added to the page; its frame. */
async function plainFrame(page: Page, src: string, allow = ''): Promise<Frame> {
  const handle = await page.evaluateHandle(
    ({ src, allow }) => {
      const iframe = document.createElement('iframe');
      iframe.allow = allow;
      iframe.src = src;
      document.body.append(iframe);
      return new Promise<HTMLIFrameElement>((resolve) =>
        iframe.addEventListener('load', () => resolve(iframe)),
      );
    },
    { src, allow },
  );
  return (await handle.asElement()!.contentFrame())!;
}

describe('hosted mode: the Permissions-Policy header', () => {
  test('the importer opened on its own is allowed none of the features the header names; a page without it is', async () => {
    const page = await browser.newPage();
    await page.goto(`${host.url}/element.html`);
    const control = await allowed(page);
    await page.goto(`${hosted.url}/`);
    const importer = await allowed(page);
    console.log(`allowed without the header: ${control.join(', ')}`);
    assert.ok(control.length >= 10, `a page without the header is allowed many of them (${control})`);
    assert.deepEqual(importer, []);
    await page.close();
  });

  test("in the element's frame nothing is allowed, and geolocation is refused even where the embedder delegates it", async () => {
    const page = await browser.newPage();
    const context = page.context();
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 51.5, longitude: -0.12 });
    const element = await openImporter(page, host.url, {
      columns: CONTACT_COLUMNS,
      src: `${hosted.url}/`,
      hostPage: 'element.html',
    });
    assert.deepEqual(await allowed(element), []);
    // The same importer document delegated geolocation (and camera) by its embedder: the
    // header still refuses it. The control is the same files without the header.
    const delegated = await plainFrame(page, `${hosted.url}/?delegated`, 'geolocation *; camera *');
    const control = await plainFrame(page, `${bare.url}/?control`, 'geolocation *; camera *');
    assert.deepEqual(await allowed(delegated), []);
    assert.ok((await allowed(control)).includes('geolocation'));
    assert.ok((await allowed(control)).includes('camera'));
    assert.equal(await geolocation(control), 'position');
    assert.match(await geolocation(delegated), /^error 1: /);
    await page.close();
  });
});

/**
 * A proxy in front of the hosted site that records the Cookie header of every request by path,
 * so the test sees what the browser sent with the importer's document.
 */
async function recordingProxy(
  target: string,
): Promise<{ url: string; cookies: [string, string][]; close(): Promise<void> }> {
  const cookies: [string, string][] = [];
  const server = createServer((req, res) => {
    cookies.push([req.url ?? '', req.headers.cookie ?? '']);
    const upstream = request(
      `${target}${req.url}`,
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    cookies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe('hosted mode on the same site as the application: credentialless', () => {
  test("the element's frame is credentialless, and the site's cookies do not ride with its document", async () => {
    const app = await serveHost();
    closers.push(app);
    const appOrigin = `http://app.test:${new URL(app.url).port}`;
    const site = await serveHosted({ allowedOrigins: [appOrigin], host: '127.0.0.1', root: SITE });
    closers.push(site);
    const proxy = await recordingProxy(site.url);
    closers.push(proxy);
    const importerUrl = `http://importer.app.test:${new URL(proxy.url).port}/`;
    const page = await browser.newPage();
    await page.goto(`${appOrigin}/element.html`);
    // The application's session cookie, for its whole site (importer.app.test included).
    await page.evaluate(() => {
      // biome-ignore lint/suspicious/noDocumentCookie: the application's own cookie, set as a page would.
      document.cookie = 'session=secret; domain=app.test; path=/';
    });
    await openElement(page, { columns: CONTACT_COLUMNS, src: importerUrl });
    const handle = await page.waitForSelector('csv-importer >> iframe');
    const frame = (await handle.contentFrame())!;
    await frame.waitForSelector('input[type=file]');
    assert.equal(
      await handle.evaluate((iframe) => (iframe as unknown as { credentialless: boolean }).credentialless),
      true,
    );
    assert.equal(
      await frame.evaluate(() => (window as unknown as { credentialless: boolean }).credentialless),
      true,
    );
    assert.equal(await frame.evaluate(() => document.cookie), '');
    const byElement = proxy.cookies.length;
    // The control: the same importer framed without `credentialless` gets the site's cookie.
    const control = await plainFrame(page, `${importerUrl}?control`);
    assert.equal(await control.evaluate(() => document.cookie), 'session=secret');
    assert.deepEqual(proxy.cookies.slice(0, byElement), [
      ['/', ''],
      ['/importer.js', ''],
    ]);
    assert.deepEqual(proxy.cookies.slice(byElement), [
      ['/?control', 'session=secret'],
      ['/importer.js', 'session=secret'],
    ]);
    await page.close();
  });
});
