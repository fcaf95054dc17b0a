// A scratch application outside the repository that installs the packed packages the way a user
// does today: `npm install` of the tarballs `npm run pack` writes into dist/packages/. Their
// dependencies (valibot, papaparse, ...) come from the npm registry; nothing resolves into the
// workspace. Installed once per test run (scripts/test.mjs empties .test-build, where the folder
// is recorded) and shared by the tests that need it, unless the tarballs changed.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const ROOT = process.cwd();
export const PACKAGES_DIR = join(ROOT, 'dist/packages');

/**
 * Beside our packages: the TypeScript most applications have today, Node's types, and each
 * framework with its own template checker (vue-tsc, svelte-check; tsc reads React's JSX types).
 */
const DEV_DEPENDENCIES = {
  typescript: '~5.9.3',
  '@types/node': '^20.19.43',
  vue: '^3.5.45',
  'vue-tsc': '^3.3.14',
  svelte: '^5.57.3',
  'svelte-check': '^4.7.8',
  '@types/react': '^19.3.0',
};
const RECORD = join(ROOT, '.test-build/scratch-app.json');

export function run(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      resolve({
        code: error ? ((error as { code?: number }).code ?? 1) : 0,
        output: `${stdout}${stderr}`,
      }),
    );
  });
}

/** The tarballs in dist/packages, by package name (`@csv-importer/core`). */
export function tarballs(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const file of readdirSync(PACKAGES_DIR)) {
    const match = file.match(/^csv-importer-([a-z]+)-\d+\.\d+\.\d+\.tgz$/);
    if (match) found[`@csv-importer/${match[1]}`] = join(PACKAGES_DIR, file);
  }
  return found;
}

/** Packs the packages without building them again (for a caller that runs after `npm test`'s build). */
export async function packBuilt(): Promise<void> {
  const result = await run(process.execPath, [join(ROOT, 'scripts/pack.mjs'), '--no-build'], ROOT);
  if (result.code !== 0) throw new Error(`pack failed:\n${result.output}`);
}

/**
 * A fresh folder (in the system's temporary directory) with its own package.json and the tarballs
 * installed; made once per test run and shared, a new one when the tarballs change.
 */
export async function scratchApp(): Promise<string> {
  const packed = tarballs();
  if (!packed['@csv-importer/core'] || !packed['@csv-importer/element']) {
    throw new Error(`no tarballs in ${PACKAGES_DIR}: run npm run pack`);
  }
  const hash = createHash('sha256');
  for (const file of Object.values(packed).sort()) hash.update(readFileSync(file));
  hash.update(JSON.stringify(DEV_DEPENDENCIES));
  const key = hash.digest('hex');
  if (existsSync(RECORD)) {
    const recorded = JSON.parse(readFileSync(RECORD, 'utf8')) as { key: string; dir: string };
    if (recorded.key === key && existsSync(join(recorded.dir, 'node_modules/.installed')))
      return recorded.dir;
  }
  const dir = mkdtempSync(join(tmpdir(), 'csv-importer-app-'));
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'scratch-app', private: true, type: 'module' }, null, 2),
  );
  const result = await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--loglevel=error',
      ...Object.values(packed),
      ...Object.entries(DEV_DEPENDENCIES).map(([name, range]) => `${name}@${range}`),
    ],
    dir,
  );
  if (result.code !== 0) throw new Error(`npm install in ${dir} failed:\n${result.output}`);
  writeFileSync(join(dir, 'node_modules/.installed'), '');
  mkdirSync(dirname(RECORD), { recursive: true });
  writeFileSync(RECORD, JSON.stringify({ key, dir }));
  return dir;
}
