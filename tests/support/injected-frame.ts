import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { buildFrameScript, buildWorker, frameHtml } from '../../scripts/frame-build.mjs';
import type { Attack } from './exfiltrate.ts';
import { ROOT } from './servers.ts';

// Test builds of the frame with tests/support/exfiltrate.ts bundled in before the app, the way a
// compromised dependency would be: the script is built as the product's is, the srcdoc document
// pins its hash, and the hosted site serves it as its importer.js.

let worker: Promise<string> | undefined;

/** The frame's script with the attack bundled in. */
export async function injectedScript(attack: Attack): Promise<string> {
  worker ??= buildWorker(ROOT);
  return buildFrameScript(ROOT, await worker, {
    extraModules: [join(ROOT, 'tests/support/exfiltrate.ts')],
    define: { __ATTACK__: JSON.stringify(attack) },
  });
}

/** The srcdoc document of a frame that carries `attack`. */
export async function injectedSrcdoc(attack: Attack): Promise<string> {
  return frameHtml(ROOT, await injectedScript(attack));
}

/**
 * A copy of the built hosted site (apps/importer/dist/hosted) whose importer.js carries
 * `attack`; removed after the calling file's tests.
 */
export async function injectedHostedSite(attack: Attack): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'csv-importer-hosted-'));
  after(() => rm(dir, { recursive: true, force: true }));
  await cp(join(ROOT, 'apps/importer/dist/hosted'), dir, { recursive: true });
  await writeFile(join(dir, 'importer.js'), await injectedScript(attack));
  return dir;
}
