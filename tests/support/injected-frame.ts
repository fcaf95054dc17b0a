import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { buildHostedScript, buildSrcdocScript, buildWorker, frameHtml } from '../../scripts/frame-build.mjs';
import type { Attack } from './exfiltrate.ts';
import { ROOT } from './servers.ts';

// Test builds of the frame with tests/support/exfiltrate.ts bundled in before the app, the way a
// compromised dependency would be: each script is built as the product's is, the srcdoc document
// pins its hash (its one script is also its worker's, which does not evaluate the attack), and
// the hosted site serves its own build (the worker's script inlined) as its importer.js.

const attackBuild = (attack: Attack) => ({
  extraModules: [join(ROOT, 'tests/support/exfiltrate.ts')],
  define: { __ATTACK__: JSON.stringify(attack) },
});

let worker: Promise<string> | undefined;

/** The srcdoc document of a frame that carries `attack`. */
export async function injectedSrcdoc(attack: Attack): Promise<string> {
  return frameHtml(ROOT, await buildSrcdocScript(ROOT, attackBuild(attack)));
}

/**
 * A copy of the built hosted site (apps/importer/dist/hosted) whose importer.js carries
 * `attack`; removed after the calling file's tests.
 */
export async function injectedHostedSite(attack: Attack): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'csv-importer-hosted-'));
  after(() => rm(dir, { recursive: true, force: true }));
  await cp(join(ROOT, 'apps/importer/dist/hosted'), dir, { recursive: true });
  worker ??= buildWorker(ROOT);
  await writeFile(join(dir, 'importer.js'), await buildHostedScript(ROOT, await worker, attackBuild(attack)));
  return dir;
}
