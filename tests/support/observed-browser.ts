import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { findChromium } from '../../scripts/chromium.mjs';
import { type DnsSink, dnsSink, type TcpSink, tcpSink, type UdpSink, udpSink } from './sockets.ts';

// A Chromium that can be watched on every channel, for the privacy tests of the frame:
// - spawned by hand and driven over CDP, so none of Playwright's default switches apply: with
//   `--disable-background-networking` (one of them) a browser makes no preconnect and no DNS
//   prefetch at all, and a test could not see those channels;
// - pages open in the profile's own context: Playwright's `newContext()` makes an off-the-record
//   context, in which Chromium's loading predictor (what carries preconnect and DNS prefetch)
//   is off;
// - names under `.test` (the test servers' names) map to 127.0.0.1 with `--host-resolver-rules`;
//   every other name is resolved through the DNS-over-HTTPS responder of `dnsSink`, in secure
//   mode (no fallback to the system's resolver), which answers 127.0.0.1 and records the name.
//   So no lookup leaves the machine and every lookup is seen; `observedBrowser` checks that
//   before it returns.

export interface ObservedBrowser {
  readonly browser: Browser;
  /** The profile's own (not off-the-record) context; open pages here. */
  readonly context: BrowserContext;
  readonly tcp: TcpSink;
  readonly udp: UdpSink;
  readonly dns: DnsSink;
  close(): Promise<void>;
}

/** Flags for a headless Chromium on a machine without network, background networking left on. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-sync',
  '--disable-component-update',
  '--ignore-certificate-errors',
  '--remote-debugging-port=0',
  '--host-resolver-rules=MAP *.test 127.0.0.1, EXCLUDE localhost',
];

export async function observedBrowser(): Promise<ObservedBrowser> {
  const [tcp, udp, dns] = await Promise.all([tcpSink(), udpSink(), dnsSink()]);
  const profile = await mkdtemp(join(tmpdir(), 'csv-importer-observed-'));
  // Secure DNS is a setting of the browser's local state, read at start-up.
  await writeFile(
    join(profile, 'Local State'),
    JSON.stringify({ dns_over_https: { mode: 'secure', templates: dns.template } }),
  );
  await mkdir(join(profile, 'Default'));
  const executable: string = await findChromium();
  const child = spawn(executable, [...ARGS, `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const endpoint = await devToolsEndpoint(child);
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0]!;
  const observed: ObservedBrowser = {
    browser,
    context,
    tcp,
    udp,
    dns,
    close: async () => {
      await browser.close().catch(() => {});
      child.kill();
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(0)));
      await Promise.all([tcp.close(), udp.close(), dns.close()]);
      await rm(profile, { recursive: true, force: true });
    },
  };
  await checkResolver(observed);
  return observed;
}

/** The DevTools WebSocket URL Chromium prints on start. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 30_000);
    child.stderr!.on('data', (data: Buffer) => {
      text += data.toString();
      const match = text.match(/DevTools listening on (ws:\/\/\S+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}: ${text}`)));
  });
}

/**
 * Proves the resolver is ours: a name outside `.test` is looked up by the page and must reach
 * the responder (else lookups would go to the system's resolver, unseen, and off the machine).
 */
async function checkResolver(observed: ObservedBrowser): Promise<void> {
  const name = `resolver-check-${Date.now()}.example`;
  const page = await observed.context.newPage();
  try {
    await page.goto(`http://${name}:${observed.tcp.port}/`, { timeout: 10_000 }).catch(() => {});
    if (!observed.dns.names.includes(name)) {
      throw new Error('the browser did not resolve through the test DNS responder');
    }
  } catch (error) {
    await observed.close();
    throw error;
  } finally {
    await page.close().catch(() => {});
  }
}
