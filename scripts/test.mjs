// `npm test`: builds, then runs every suite (typecheck, lint, unit, browser, end-to-end) even when
// an earlier one fails, and ends with one line `N passed, M failed[, K skipped]` over all suites.
// Exits non-zero on any failure. `node scripts/test.mjs unit e2e` runs only the named suites.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findChromium } from './chromium.mjs';
import { bundleForNode } from './node-bundle.mjs';

const root = join(import.meta.dirname, '..');
const buildDir = join(root, '.test-build');

function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Test files below `dirs` whose names end with `suffix` (and not with one of `exclude`). */
function findTests(dirs, suffix, exclude = []) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith(suffix) && !exclude.some((x) => entry.name.endsWith(x))) found.push(path);
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  // TEST_FILES=part narrows every Node suite to files whose path contains `part`.
  const only = process.env.TEST_FILES;
  return found.filter((f) => !only || f.includes(only)).sort();
}

/** Longest any one Node test or suite may take: the slowest suites take about 75 s here. */
const TEST_TIMEOUT_MS = 300_000;

/** Runs bundled tests with node's runner and reads the counts from its TAP summary. */
async function nodeSuite(name, files, concurrency) {
  if (files.length === 0) return { passed: 0, failed: 0, skipped: 0 };
  const outdir = join(buildDir, name);
  const bundled = await bundleForNode(files, outdir);
  const tap = join(outdir, 'results.tap');
  await run(process.execPath, [
    '--test',
    `--test-concurrency=${concurrency}`,
    // A test that hangs (a promise nothing settles) fails after this instead of holding up the run.
    `--test-timeout=${TEST_TIMEOUT_MS}`,
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    '--test-reporter=tap',
    `--test-reporter-destination=${tap}`,
    ...bundled,
  ]);
  if (!existsSync(tap)) return { passed: 0, failed: 1, skipped: 0 };
  const text = readFileSync(tap, 'utf8');
  const count = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  const failed = count('fail') + count('cancelled');
  // A file that fails to load reports no tests; count it.
  return {
    passed: count('pass'),
    failed: failed || (count('pass') === 0 ? 1 : 0),
    skipped: count('skipped') + count('todo'),
  };
}

async function checkSuite(command, args) {
  const code = await run(command, args);
  return { passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, skipped: 0 };
}

const bin = (name) => join(root, 'node_modules/.bin', name);
const suites = {
  typecheck: () => checkSuite(bin('tsc'), ['-p', 'tsconfig.json']),
  lint: () => checkSuite(bin('biome'), ['check', '.']),
  unit: () =>
    nodeSuite(
      'unit',
      findTests(['packages', 'apps', 'scripts', 'tests/security', 'tests/docs'], '.test.ts', [
        '.browser.test.ts',
      ]),
      2,
    ),
  browser: async () => {
    const results = join(buildDir, 'browser-results.json');
    rmSync(results, { force: true });
    const code = await run(bin('wtr'), ['--config', 'web-test-runner.config.mjs']);
    if (!existsSync(results)) return { passed: 0, failed: 1, skipped: 0 };
    const counts = JSON.parse(readFileSync(results, 'utf8'));
    if (code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  },
  e2e: () => nodeSuite('e2e', findTests(['tests/e2e'], '.test.ts'), 1),
};

const wanted = process.argv.slice(2).length > 0 ? process.argv.slice(2) : Object.keys(suites);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

process.env.CHROME_PATH ??= await findChromium();
rmSync(buildDir, { recursive: true, force: true });
const buildCode = await run(process.execPath, ['scripts/build.mjs']);
if (buildCode !== 0) {
  console.log('build failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
// The e2e suite drives the framework examples, each built by its own toolchain.
if (wanted.includes('e2e') && (await run('npm', ['run', 'build:examples'])) !== 0) {
  console.log('build:examples failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
for (const name of wanted) {
  if (!suites[name]) throw new Error(`unknown suite "${name}" (known: ${Object.keys(suites).join(', ')})`);
  console.log(`\n=== ${name} ===`);
  const result = await suites[name]();
  lines.push(`${name}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped`);
  for (const key of Object.keys(totals)) totals[key] += result[key];
}
console.log(`\n${lines.join('\n')}`);
const skipped = totals.skipped > 0 ? `, ${totals.skipped} skipped` : '';
console.log(`${totals.passed} passed, ${totals.failed} failed${skipped}`);
process.exit(totals.failed > 0 ? 1 : 0);
