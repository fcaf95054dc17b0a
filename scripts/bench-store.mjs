// `npm run bench:store [file.csv]`: what the worker's cell store costs at scale, in Node. Reads a
// CSV the way the worker does (decodeFile, then parseTextStream in batches appended to the store)
// into the packed CellStore and into the store it replaced (one array of strings per column), in
// one run, and reports for each: memory held after a full GC (JS heap plus typed-array buffers),
// time to read the file (decode, parse and append) and the part of it spent in `append`, and time to `get` every cell; then new/old ratios. The default file is
// the 1,000,000-row benchmark file that `npm run bench -- --sizes 1000000 --no-quoted` writes.
// BENCH_ROUNDS sets how many interleaved rounds are run (default 2; the best of each is reported).
import { spawnSync } from 'node:child_process';
import { existsSync, openAsBlob, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForNode } from './node-bundle.mjs';

// Memory is read after `gc()`, which needs the flag: start again with it.
if (typeof globalThis.gc !== 'function') {
  const run = spawnSync(process.execPath, ['--expose-gc', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const root = join(import.meta.dirname, '..');
const file = process.argv[2] ?? join(root, 'bench-results/data/bench-1000000.csv');
if (!existsSync(file)) {
  console.error(`${file} is missing: make it with \`npm run bench -- --sizes 1000000 --no-quoted\``);
  process.exit(1);
}

// TypeScript in, ES modules out (npm packages left to Node, so they live under node_modules).
const [storeModule, coreModule] = await bundleForNode(
  [join(root, 'apps/importer/src/worker/cell-store.ts'), join(root, 'packages/core/src/index.ts')],
  join(root, 'node_modules/.cache/bench-store'),
);
const { CellStore } = await import(pathToFileURL(storeModule).href);
const { decodeFile, parseTextStream } = await import(pathToFileURL(coreModule).href);

/** The store the packed one replaced, as it was: one array of strings per file column. */
class ArrayStore {
  #columns = [];
  #length = 0;
  get length() {
    return this.#length;
  }
  get width() {
    return this.#columns.length;
  }
  append(rows) {
    for (const row of rows) {
      const at = this.#length;
      while (this.#columns.length < row.length) this.#columns.push(new Array(at).fill(''));
      for (let c = 0; c < this.#columns.length; c++) this.#columns[c].push(row[c] ?? '');
      this.#length++;
    }
  }
  get(row, column) {
    return this.#columns[column]?.[row] ?? '';
  }
}

const held = () => {
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/** Loads the file into a new store of `Store`; returns the figures and the store. */
async function load(Store) {
  const before = held();
  const store = new Store();
  let appendMs = 0;
  const loadStart = performance.now();
  const decoded = await decodeFile(await openAsBlob(file));
  for await (const batch of parseTextStream(decoded.text)) {
    const start = performance.now();
    store.append(batch.rows);
    appendMs += performance.now() - start;
  }
  const loadMs = performance.now() - loadStart;
  const bytes = held() - before;
  const start = performance.now();
  let chars = 0;
  for (let c = 0; c < store.width; c++)
    for (let r = 0; r < store.length; r++) chars += store.get(r, c).length;
  const getMs = performance.now() - start;
  return { bytes, loadMs, appendMs, getMs, chars, rows: store.length, width: store.width };
}

const size = statSync(file).size;
const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const results = { old: [], packed: [] };
for (let round = 0; round < rounds; round++) {
  results.old.push(await load(ArrayStore));
  results.packed.push(await load(CellStore));
}
const [a, b] = [results.old, results.packed];
if (a[0].chars !== b[0].chars || a[0].rows !== b[0].rows)
  throw new Error('the two stores read back differently');
const best = (xs, key) => Math.min(...xs.map((x) => x[key]));
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(
  `${file.split('/').at(-1)}: ${mb(size)}, ${a[0].rows.toLocaleString('en')} records x ${a[0].width} columns, ${rounds} rounds`,
);
for (const [label, xs] of [
  ['array of strings per column (old)', a],
  ['packed blocks (CellStore)', b],
]) {
  const bytes = best(xs, 'bytes');
  console.log(
    `${label.padEnd(34)} held ${mb(bytes).padStart(9)} (${(bytes / size).toFixed(2)}x the file), ` +
      `read ${Math.round(best(xs, 'loadMs'))} ms, of which append ${Math.round(best(xs, 'appendMs'))} ms, get every cell ${Math.round(best(xs, 'getMs'))} ms`,
  );
}
const ratio = (key) => (best(b, key) / best(a, key)).toFixed(2);
console.log(
  `packed / old: memory ${ratio('bytes')}, read ${ratio('loadMs')}, append ${ratio('appendMs')}, get ${ratio('getMs')}`,
);
