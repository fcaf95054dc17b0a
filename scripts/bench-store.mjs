// `npm run bench:store [file.csv] [-- --against DIR]`: what reading a file into the worker's cell
// store costs, in Node, against papaparse parsing the same file in the same run. Reads the CSV
// the way the worker does (decodeFile, then the parser's batches appended to the CellStore) and
// the way the browser bench's baseline does (decodeFile, each chunk cut after its last line end,
// `Papa.parse` per chunk), alternating, and reports for each: CPU time and wall time (the best of
// the rounds; CPU time counts every thread of the process, and moves less with the machine's
// load), the part of the read spent appending to the store, memory held after a full GC (JS heap
// plus typed-array buffers), and the time to `get` every cell; and decoding alone, for scale.
// `--against DIR` also reads with the cell store and parser of another checkout of the
// repository (say, main), in the same rounds.
// The default file is the 1,000,000-row benchmark file that `npm run bench -- --sizes 1000000
// --no-quoted` writes. BENCH_ROUNDS sets the rounds (default 3).
import { spawnSync } from 'node:child_process';
import { existsSync, openAsBlob, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { bundleForNode } from './node-bundle.mjs';

// Memory is read after `gc()`, which needs the flag: start again with it.
if (typeof globalThis.gc !== 'function') {
  const run = spawnSync(process.execPath, ['--expose-gc', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const againstAt = args.indexOf('--against');
const against = againstAt >= 0 ? resolve(args[againstAt + 1]) : undefined;
if (againstAt >= 0) args.splice(againstAt, 2);
const file = args[0] ?? join(root, 'bench-results/data/bench-1000000.csv');
if (!existsSync(file)) {
  console.error(`${file} is missing: make it with \`npm run bench -- --sizes 1000000 --no-quoted\``);
  process.exit(1);
}

/** The cell store and the parser of the checkout at `dir`, bundled for Node. */
async function reader(dir, name) {
  // TypeScript in, ES modules out (npm packages left to Node, so they live under node_modules).
  const [storeModule, coreModule] = await bundleForNode(
    [join(dir, 'apps/importer/src/worker/cell-store.ts'), join(dir, 'packages/core/src/index.ts')],
    join(root, `node_modules/.cache/bench-store-${name}`),
    dir,
  );
  const { CellStore } = await import(pathToFileURL(storeModule).href);
  const core = await import(pathToFileURL(coreModule).href);
  /** Reads the file into a new store as the worker does; returns the store and the append time. */
  return async () => {
    const store = new CellStore();
    let appendMs = 0;
    const blob = await openAsBlob(file);
    if (core.parseEncodedColumnStream && store.appendPacked) {
      const { encoding } = await core.fileEncoding(blob);
      for await (const batch of core.parseEncodedColumnStream(blob.stream(), encoding)) {
        const start = performance.now();
        store.appendPacked(batch.records);
        appendMs += performance.now() - start;
      }
      return { store, appendMs };
    }
    const decoded = await core.decodeFile(blob);
    if (core.parseColumnStream && store.appendPacked) {
      for await (const batch of core.parseColumnStream(decoded.text)) {
        const start = performance.now();
        store.appendPacked(batch.records);
        appendMs += performance.now() - start;
      }
    } else {
      for await (const batch of core.parseTextStream(decoded.text)) {
        const start = performance.now();
        store.append(batch.rows);
        appendMs += performance.now() - start;
      }
    }
    return { store, appendMs };
  };
}

const [decodeModule] = await bundleForNode(
  [join(root, 'packages/core/src/decode/decode.ts')],
  join(root, 'node_modules/.cache/bench-store-decode'),
);
const { decodeFile } = await import(pathToFileURL(decodeModule).href);

/** papaparse streamed, as the browser bench's baseline: records cut at a line end per chunk. */
async function papaparse() {
  const decoded = await decodeFile(await openAsBlob(file));
  let rest = '';
  let rows = 0;
  for await (const chunk of decoded.text) {
    const text = rest + chunk;
    const cut = text.lastIndexOf('\n') + 1;
    rest = text.slice(cut);
    rows += Papa.parse(text.slice(0, cut), { delimiter: ',' }).data.length;
  }
  if (rest) rows += Papa.parse(rest, { delimiter: ',' }).data.length;
  return { store: undefined, appendMs: 0, rows };
}

/** Decoding alone, what every reader above pays before its parse. */
async function decodeOnly() {
  const decoded = await decodeFile(await openAsBlob(file));
  let chars = 0;
  for await (const chunk of decoded.text) chars += chunk.length;
  return { store: undefined, appendMs: 0, chars };
}

const held = () => {
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/** One timed read with `read`; memory held and `get` of every cell when it fills a store. */
async function measure(read) {
  const before = held();
  const cpu = process.cpuUsage();
  const start = performance.now();
  const { store, appendMs } = await read();
  const wallMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  if (!store) return { wallMs, cpuMs, appendMs };
  const bytes = held() - before;
  const getStart = performance.now();
  let chars = 0;
  for (let c = 0; c < store.width; c++)
    for (let r = 0; r < store.length; r++) chars += store.get(r, c).length;
  const getMs = performance.now() - getStart;
  return { wallMs, cpuMs, appendMs, bytes, getMs, chars, rows: store.length, width: store.width };
}

const readers = [
  ['papaparse streamed (baseline)', papaparse],
  ['decoding alone', decodeOnly],
];
if (against) readers.push([`CellStore, ${against}`, await reader(against, 'against')]);
readers.push(['CellStore, this checkout', await reader(root, 'here')]);

const size = statSync(file).size;
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const results = readers.map(() => []);
for (let round = 0; round < rounds; round++)
  for (let i = 0; i < readers.length; i++) results[i].push(await measure(readers[i][1]));
const stored = results.slice(2);
if (stored.some((xs) => xs[0].chars !== stored[0][0].chars || xs[0].rows !== stored[0][0].rows))
  throw new Error('the stores read back differently');

const best = (xs, key) => Math.min(...xs.map((x) => x[key]));
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
const ms = (x) => `${Math.round(x)} ms`;
const [load] = (await import('node:os')).loadavg();
console.log(
  `${file.split('/').at(-1)}: ${mb(size)}, ${stored[0][0].rows.toLocaleString('en')} records x ${stored[0][0].width} columns, ${rounds} rounds, load average ${load.toFixed(1)}`,
);
const baseCpu = best(results[0], 'cpuMs');
const baseWall = best(results[0], 'wallMs');
for (let i = 0; i < readers.length; i++) {
  const xs = results[i];
  const line = [
    `cpu ${ms(best(xs, 'cpuMs')).padStart(8)} (${(best(xs, 'cpuMs') / baseCpu).toFixed(2)}x)`,
    `wall ${ms(best(xs, 'wallMs')).padStart(8)} (${(best(xs, 'wallMs') / baseWall).toFixed(2)}x)`,
  ];
  if (i > 1)
    line.push(
      `append ${ms(best(xs, 'appendMs'))}`,
      `held ${mb(best(xs, 'bytes'))} (${(best(xs, 'bytes') / size).toFixed(2)}x the file)`,
      `get every cell ${ms(best(xs, 'getMs'))}`,
    );
  console.log(`${readers[i][0].padEnd(34)} ${line.join(', ')}`);
}
