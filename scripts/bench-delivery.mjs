// `npm run bench:delivery [rows]`: what delivering the bench file costs, in Node, on both sides of
// the rows channel. The bench file (`tests/bench/generate.ts`, 1,000,000 rows by default; written
// to bench-results/data if missing) is read into the worker's ImportSession and validated with every
// column mapped (`validate`, every round); then every row is delivered as our element asks for it (packed columns, info notes
// packed), in batches of 5,000: the worker builds each batch (`build`), a structured clone carries
// it (`clone`, as postMessage does), and the element's side parses it with the protocol's schema
// and keeps its rows and issues for the complete event (`host`). `issues read` is the cost of the
// host reading every issue once (materializing packed notes). Memory is what the host holds after
// a full GC. BENCH_ROUNDS sets the rounds (default 2; the best of each figure is reported).
import { spawnSync } from 'node:child_process';
import { existsSync, openAsBlob, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForNode } from './node-bundle.mjs';

if (typeof globalThis.gc !== 'function') {
  const run = spawnSync(process.execPath, ['--expose-gc', ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const ROWS = Number(process.argv[2] ?? 1_000_000);
const BATCH = 5000;
const root = join(import.meta.dirname, '..');
const [sessionModule, protocolModule, generateModule, lazyModule] = await bundleForNode(
  [
    join(root, 'apps/importer/src/worker/import-session.ts'),
    join(root, 'packages/protocol/src/index.ts'),
    join(root, 'tests/bench/generate.ts'),
    join(root, 'packages/element/src/delivered-issues.ts'),
  ].filter((f) => existsSync(f)),
  join(root, 'node_modules/.cache/bench-delivery'),
);
const { ImportSession } = await import(pathToFileURL(sessionModule).href);
const protocol = await import(pathToFileURL(protocolModule).href);
const { generateCsv, BENCH_COLUMNS } = await import(pathToFileURL(generateModule).href);
const lazy = lazyModule ? await import(pathToFileURL(lazyModule).href) : undefined;

const dataDir = join(root, 'bench-results/data');
const path = join(dataDir, `bench-${ROWS}.csv`);
const file = existsSync(path) ? { path, bytes: statSync(path).size } : generateCsv(dataDir, ROWS);

const held = () => {
  globalThis.gc();
  globalThis.gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

const session = new ImportSession();
session.configure(BENCH_COLUMNS, { invalidRows: 'include' });
const loaded = await session.load(new File([await openAsBlob(file.path)], 'bench.csv'));
if (!loaded.ok) throw new Error(loaded.message);
const mapping = Object.fromEntries(BENCH_COLUMNS.map((c, i) => [c.key, i]));

async function deliver() {
  const started = performance.now();
  session.validate(mapping);
  const validate = performance.now() - started;
  const rows = [];
  const issues = [];
  const notes = [];
  const before = held();
  let build = 0;
  let clone = 0;
  let host = 0;
  for (let start = 0; ; start += BATCH) {
    let t = performance.now();
    const batch = session.deliveryBatch(start, BATCH, { encoding: 'packed', packedNotes: true });
    build += performance.now() - t;
    if (batch.count === 0) break;
    t = performance.now();
    const message = {
      type: 'rows',
      version: protocol.PROTOCOL_VERSION,
      id: protocol.messageId(),
      start,
      rows: batch.rows,
      issues: batch.issues,
      ...(batch.notes ? { notes: batch.notes } : {}),
    };
    const copy = structuredClone(message, { transfer: protocol.transferList(batch.rows) });
    clone += performance.now() - t;
    t = performance.now();
    const parsed = protocol.parseMessage(protocol.RowsSchema, copy);
    if (!parsed) throw new Error('a batch did not parse');
    // The element makes records of a batch sent by column (a page that reads columns skips this).
    const records = Array.isArray(parsed.rows) ? parsed.rows : protocol.rowColumnsToRecords(parsed.rows);
    for (const row of records) rows.push(row);
    for (const issue of parsed.issues) issues.push(issue);
    if (parsed.notes) notes.push({ start, notes: parsed.notes, count: records.length });
    host += performance.now() - t;
  }
  const bytes = held() - before;
  const t = performance.now();
  let read = issues.length;
  if (lazy && notes.length > 0) read = lazy.mergeIssues(issues, notes).length;
  const readMs = performance.now() - t;
  return { validate, build, clone, host, bytes, readMs, rows: rows.length, issues: read };
}

const rounds = Number(process.env.BENCH_ROUNDS ?? 2);
const results = [];
for (let round = 0; round < rounds; round++) results.push(await deliver());
const best = (key) => Math.min(...results.map((r) => r[key]));
const ms = (key) => `${Math.round(best(key))} ms`.padStart(8);
const [first] = results;
console.log(
  `${file.path.split('/').at(-1)}: ${(file.bytes / 1e6).toFixed(1)} MB, ${first.rows.toLocaleString('en')} rows delivered, ${first.issues.toLocaleString('en')} issues; ${rounds} rounds, best of each`,
);
console.log(
  `validate ${ms('validate')} | delivery: build ${ms('build')} | clone ${ms('clone')} | host ${ms('host')} | total ${Math.round(
    Math.min(...results.map((r) => r.build + r.clone + r.host)),
  )} ms | issues read ${ms('readMs')} | host holds ${(best('bytes') / 1e6).toFixed(0)} MB (${(best('bytes') / file.bytes).toFixed(2)}x the file)`,
);
