// Finds a Chromium for the browser tests: $CHROME_PATH, then the system's, then Playwright's own.
// Where none exists and this runs as root on Debian, installs Debian's `chromium` package;
// elsewhere it stops with a one-line instruction.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** Flags that keep a headless Chromium quiet on a machine with no network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

async function playwrightOwn() {
  try {
    const { chromium } = await import('playwright-core');
    const path = chromium.executablePath();
    return path && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

function isDebianRoot() {
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '';
  return process.getuid?.() === 0 && /ID(_LIKE)?=.*debian/.test(osRelease) && existsSync('/usr/bin/apt-get');
}

/** The path of a Chromium executable, installing one when that is possible. */
export async function findChromium() {
  if (process.env.CHROME_PATH) {
    if (!existsSync(process.env.CHROME_PATH))
      throw new Error(`CHROME_PATH=${process.env.CHROME_PATH} does not exist`);
    return process.env.CHROME_PATH;
  }
  const found = SYSTEM_PATHS.find((p) => existsSync(p)) ?? (await playwrightOwn());
  if (found) return found;
  if (!isDebianRoot()) {
    throw new Error('No Chromium found: install one (Debian: apt-get install chromium) or set CHROME_PATH.');
  }
  console.log("No Chromium found; installing Debian's chromium package…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env,
  });
  const installed = SYSTEM_PATHS.find((p) => existsSync(p));
  if (!installed) throw new Error('apt-get installed chromium but no executable was found');
  return installed;
}
