// `npm run bench:core`: times the engine in Node on 1,000,000 rows x 10 columns generated on the fly
// (about 90 MB of CSV), in one run: a bare papaparse parse of the whole text, our streaming parse
// into arrays of strings (parse-only) and into packed columns (as the worker reads a file), and
// the streaming parse plus validation of every cell (parse+validate), then the
// ratios. Pass a row count to try other sizes: `npm run bench:core -- 200000`; BENCH_ROUNDS sets
// how many interleaved rounds are timed (default 3; the fastest of each is reported).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { bundleForNode } from './node-bundle.mjs';

const ROWS = Number(process.argv[2] ?? 1_000_000);
const root = join(import.meta.dirname, '..');

// The engine is TypeScript: bundle its entry for Node, npm packages left to Node (so the bundle
// lives under node_modules, where Node resolves them).
const [entry] = await bundleForNode(
  [join(root, 'packages/core/src/index.ts')],
  join(root, 'node_modules/.cache/bench-core'),
);
const core = await import(pathToFileURL(entry).href);

const COLUMNS = core.defineColumns([
  { key: 'id', label: 'ID', type: 'integer', min: 1 },
  { key: 'name', label: 'Name', required: true, maxLength: 100 },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'born', label: 'Born', type: 'date' },
  { key: 'amount', label: 'Amount', type: 'number', decimals: 2 },
  { key: 'active', label: 'Active', type: 'boolean' },
  { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'starter', 'pro', 'enterprise'] },
  { key: 'country', label: 'Country', type: 'regex', pattern: '^[A-Z]{2}$' },
  { key: 'website', label: 'Website', type: 'url' },
  { key: 'notes', label: 'Notes' },
]);

/** Deterministic rows: mostly valid, about 1% invalid values, some quoted cells. */
function generate(rows) {
  const chunks = ['id,name,email,born,amount,active,plan,country,website,notes\r\n'];
  const names = ['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds', 'Zoë Müller', 'Ken Thompson', '李雷'];
  const plans = ['free', 'starter', 'pro', 'enterprise', 'Pro'];
  const countries = ['GB', 'US', 'DE', 'FI', 'FR'];
  let seed = 42;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    const r = next();
    const bad = r % 100 === 0;
    const name = names[r % names.length];
    const day = String((r % 28) + 1).padStart(2, '0');
    const month = String((r % 12) + 1).padStart(2, '0');
    chunk +=
      `${i},${name},${bad ? 'not-an-email' : `user${i}@example.com`},${1950 + (r % 60)}-${month}-${day},` +
      `${(r % 100000) / 100},${r % 2 ? 'yes' : 'no'},${plans[r % plans.length]},${countries[r % countries.length]},` +
      `https://example.com/u/${i},${r % 7 === 0 ? '"said ""hi"", left"' : 'ok'}\r\n`;
    if (i % 10_000 === 0) {
      chunks.push(chunk);
      chunk = '';
    }
  }
  if (chunk) chunks.push(chunk);
  return chunks;
}

const streamOf = (chunks) => {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      if (i < chunks.length) controller.enqueue(chunks[i++]);
      else controller.close();
    },
  });
};

async function parseOnly(chunks) {
  let rows = 0;
  for await (const batch of core.parseTextStream(streamOf(chunks))) rows += batch.rows.length;
  return rows;
}

async function parseColumns(chunks) {
  let rows = 0;
  for await (const batch of core.parseColumnStream(streamOf(chunks))) rows += batch.records.rows;
  return rows;
}

async function parseAndValidate(chunks) {
  // As the worker does: compiled once, typed values into a reused array, issues into one list.
  const compiled = COLUMNS.map(core.compileColumn);
  const values = new Array(compiled.length);
  const issues = [];
  let header;
  let row = 0;
  let errors = 0;
  for await (const batch of core.parseTextStream(streamOf(chunks))) {
    for (const cells of batch.rows) {
      if (!header) {
        header = cells;
        continue;
      }
      errors += core.validateCells(compiled, cells, row++, values, issues);
    }
  }
  return { rows: row, errors, issues: issues.length };
}

function time(label, fn) {
  return async () => {
    const start = performance.now();
    const result = await fn();
    const ms = performance.now() - start;
    return { label, ms, result };
  };
}

const t0 = performance.now();
const chunks = generate(ROWS);
const megabytes = chunks.reduce((n, c) => n + c.length, 0) / 1e6;
console.log(
  `generated ${ROWS.toLocaleString('en')} rows x 10 columns, ${megabytes.toFixed(1)} MB, in ${Math.round(performance.now() - t0)} ms`,
);

// Warm up the code paths on a small slice so the JIT does not bill its first compile to one side.
await parseOnly(chunks.slice(0, 5));
await parseAndValidate(chunks.slice(0, 5));

// The machine is shared: interleave the two measured passes over several rounds and report the
// fastest of each (the run least disturbed by others), with the median beside it.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const parseTimes = [];
const columnTimes = [];
const fullTimes = [];
let full;
for (let round = 0; round < ROUNDS; round++) {
  parseTimes.push((await time('parse-only', () => parseOnly(chunks))()).ms);
  columnTimes.push((await time('packed columns', () => parseColumns(chunks))()).ms);
  full = await time('parse+validate', () => parseAndValidate(chunks))();
  fullTimes.push(full.ms);
}
const bare = await time('papaparse', () => Papa.parse(chunks.join(''), { delimiter: ',' }).data.length)();

const min = (xs) => Math.min(...xs);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const line = (label, xs) =>
  console.log(
    `${label.padEnd(50)} ${String(Math.round(min(xs))).padStart(6)} ms  (median ${Math.round(median(xs))} ms)`,
  );
line('papaparse, whole text in one call (reference)', [bare.ms]);
line('parse-only (parseTextStream)', parseTimes);
line('packed columns (parseColumnStream)', columnTimes);
line('parse+validate (parseTextStream + validateCells)', fullTimes);
console.log(
  `rows validated: ${full.result.rows.toLocaleString('en')}, errors: ${full.result.errors.toLocaleString('en')}, issues (with info): ${full.result.issues.toLocaleString('en')}`,
);
console.log(`ratio parse+validate / parse-only: ${(min(fullTimes) / min(parseTimes)).toFixed(2)}`);
console.log(`ratio parse+validate / bare papaparse: ${(min(fullTimes) / bare.ms).toFixed(2)}`);
