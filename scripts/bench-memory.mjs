// `node scripts/bench-memory.mjs [--rows 1000000] [--root DIR] [--stream] [--snapshots] [--pss]`
//
// Where the memory of one import goes: the bench's sampled import of its generated file (same
// columns, same host page, every step clicked from inside the frame, then Import), with each
// browser process's memory sampled every 100 ms (private memory by default: other Chromiums on
// the machine share the libraries and move PSS about; `--pss` for the bench's own measure) and the
// JS heap of each target (host page, frame, worker) read over the DevTools protocol every
// second. It prints the levels at the grid and at the end of delivery, before and after a full
// collection, and the peak of the sum with each process's part. `--snapshots` adds heap
// snapshots of each target at the grid and after delivery, summed by constructor and, for array
// buffers, by the fields that hold them (minified names in a default build). `--root` takes the
// element's build from another checkout (after `npm run build` there) to compare two versions in
// the same conditions. Run it under the bench's lock at a million rows: it loads the machine as
// the bench does.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import WebSocket from 'ws';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';
import { bundleForNode } from './node-bundle.mjs';
import { serveStatic } from './static-server.mjs';

const here = join(import.meta.dirname, '..');
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    root: { type: 'string', default: here },
    stream: { type: 'boolean', default: false },
    snapshots: { type: 'boolean', default: false },
    pss: { type: 'boolean', default: false },
  },
});
const rows = Number(args.rows);
if (!Number.isInteger(rows) || rows <= 0) throw new Error(`--rows takes a row count, got "${args.rows}"`);

const [generate, driver] = await bundleForNode(
  [join(here, 'tests/bench/generate.ts'), join(here, 'tests/bench/frame-driver.ts')],
  join(here, '.test-build/bench-memory'),
);
const { BENCH_COLUMNS, generateCsv } = await import(generate);
const { armAutopilot, stepMarks } = await import(driver);
const file = generateCsv(join(here, 'bench-results/data'), rows);

const MB = 2 ** 20;
/** A process's private memory (or PSS with `--pss`), in bytes. */
function memoryOf(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (name) => Number(text.match(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0);
    return (args.pss ? kb('Pss') : kb('Private_Clean') + kb('Private_Dirty')) * 1024;
  } catch {
    return 0;
  }
}
/** This process's descendants (the browser and its children). */
function descendants() {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(name));
    } catch {
      // the process ended while we looked
    }
  }
  const out = [];
  const stack = [...(children.get(process.pid) ?? [])];
  while (stack.length > 0) {
    const pid = stack.pop();
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}
function kindOf(pid) {
  try {
    const type = readFileSync(`/proc/${pid}/cmdline`, 'utf8').match(/--type=([a-z-]+)/);
    return `${type ? type[1] : 'browser'}:${pid}`;
  } catch {
    return `?:${pid}`;
  }
}
/** Every process over 20 MB and the total, in MB. */
function processes() {
  const out = { total: 0 };
  for (const pid of descendants()) {
    const bytes = memoryOf(pid);
    out.total += bytes;
    if (bytes > 20 * MB) out[kindOf(pid)] = Math.round(bytes / MB);
  }
  out.total = Math.round(out.total / MB);
  return out;
}

// A persistent context so that the DevTools port is known: Playwright gives no CDP session for a
// worker, so the worker is reached over the browser's own endpoint with flat sessions.
const userDir = mkdtempSync(join(tmpdir(), 'bench-memory-'));
const context = await chromium.launchPersistentContext(userDir, {
  executablePath: await findChromium(),
  headless: true,
  args: [...CHROMIUM_ARGS, '--remote-debugging-port=0'],
});
const [port, path] = readFileSync(join(userDir, 'DevToolsActivePort'), 'utf8').split('\n');
const server = await serveStatic({
  host: 'localhost',
  mounts: {
    '/bench/': join(here, 'tests/bench/pages'),
    '/element/': join(args.root, 'packages/element/dist'),
    '/vendor/papaparse/': join(here, 'node_modules/papaparse'),
  },
});
const socket = new WebSocket(`ws://127.0.0.1:${port}${path}`, {
  perMessageDeflate: false,
  maxPayload: 2 ** 31,
});
await new Promise((resolve) => socket.once('open', resolve));
let nextId = 1;
const pending = new Map();
const listeners = new Set();
socket.on('message', (data) => {
  const message = JSON.parse(data.toString());
  const waiting = pending.get(message.id);
  if (waiting) {
    pending.delete(message.id);
    if (message.error) waiting.reject(new Error(JSON.stringify(message.error)));
    else waiting.resolve(message.result);
  } else for (const listener of listeners) listener(message);
});
const send = (method, params = {}, sessionId = undefined) =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
  });

const page = await context.newPage();
await page.goto(`${server.url}/bench/host.html`);
await page.evaluate(
  ({ columns, stream }) => {
    const importer = document.querySelector('csv-importer');
    importer.columns = columns;
    importer.streamRows = stream;
    importer.open();
  },
  { columns: BENCH_COLUMNS, stream: args.stream },
);
const frame = await (await page.waitForSelector('csv-importer >> iframe')).contentFrame();
await frame.waitForSelector('input[type=file]');

const sessions = new Map();
async function attachAll() {
  const { targetInfos } = await send('Target.getTargets');
  for (const target of targetInfos) {
    const name =
      target.type === 'page' && target.url.includes('/bench/host.html')
        ? 'host'
        : target.type === 'iframe'
          ? 'frame'
          : target.type === 'worker'
            ? 'worker'
            : undefined;
    if (!name || [...sessions.values()].some((s) => s.targetId === target.targetId)) continue;
    const { sessionId } = await send('Target.attachToTarget', { targetId: target.targetId, flatten: true });
    sessions.set(name, { targetId: target.targetId, sessionId });
  }
}
/** Each target's JS heap, used / total MB; with `collect`, after a full collection. */
async function heaps(collect = false) {
  await attachAll();
  const out = {};
  for (const [name, { sessionId }] of sessions) {
    try {
      if (collect) await send('HeapProfiler.collectGarbage', {}, sessionId);
      const { usedSize, totalSize } = await send('Runtime.getHeapUsage', {}, sessionId);
      out[name] = `${(usedSize / MB).toFixed(1)}/${(totalSize / MB).toFixed(1)}`;
    } catch (error) {
      out[name] = String(error.message).slice(0, 60);
    }
  }
  return out;
}

async function snapshots(label) {
  await attachAll();
  for (const [name, { sessionId }] of sessions) {
    const chunks = [];
    const listener = (message) => {
      if (message.sessionId === sessionId && message.method === 'HeapProfiler.addHeapSnapshotChunk')
        chunks.push(message.params.chunk);
    };
    listeners.add(listener);
    await send('HeapProfiler.enable', {}, sessionId);
    await send('HeapProfiler.takeHeapSnapshot', { reportProgress: false }, sessionId);
    listeners.delete(listener);
    summarize(`${label} ${name}`, JSON.parse(chunks.join('')));
  }
}

/** Self sizes by constructor, and array buffers' bytes by the path of fields that holds them. */
function summarize(label, snapshot) {
  const meta = snapshot.snapshot.meta;
  const nodeFields = meta.node_fields;
  const width = nodeFields.length;
  const [typeAt, nameAt, sizeAt, edgesAt] = ['type', 'name', 'self_size', 'edge_count'].map((f) =>
    nodeFields.indexOf(f),
  );
  const edgeFields = meta.edge_fields;
  const [edgeTypeAt, edgeNameAt, edgeToAt] = ['type', 'name_or_index', 'to_node'].map((f) =>
    edgeFields.indexOf(f),
  );
  const { nodes, edges, strings } = snapshot;
  const nodeName = (i) => strings[nodes[i + nameAt]];
  const byName = new Map();
  const retainers = new Map();
  let total = 0;
  let edge = 0;
  for (let i = 0; i < nodes.length; i += width) {
    const type = meta.node_types[0][nodes[i + typeAt]];
    const name = ['object', 'closure', 'native'].includes(type) ? nodeName(i).slice(0, 60) : `(${type})`;
    const size = nodes[i + sizeAt];
    total += size;
    const entry = byName.get(name) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += size;
    byName.set(name, entry);
    for (let k = 0; k < nodes[i + edgesAt]; k++, edge += edgeFields.length) {
      const edgeType = meta.edge_types[0][edges[edge + edgeTypeAt]];
      if (edgeType === 'weak') continue;
      const to = edges[edge + edgeToAt];
      const edgeName = ['element', 'hidden'].includes(edgeType)
        ? String(edges[edge + edgeNameAt])
        : strings[edges[edge + edgeNameAt]];
      if (!retainers.has(to)) retainers.set(to, { from: i, name: edgeName });
    }
  }
  console.log(`--- ${label}: ${(total / MB).toFixed(1)} MB`);
  for (const [name, { count, size }] of [...byName].sort((a, b) => b[1].size - a[1].size).slice(0, 12))
    console.log(`  ${(size / MB).toFixed(1).padStart(7)} MB ${String(count).padStart(9)}  ${name}`);
  const holders = new Map();
  for (let i = 0; i < nodes.length; i += width) {
    if (nodeName(i) !== 'system / JSArrayBufferData') continue;
    const path = [];
    for (let at = i, depth = 0; depth < 4; depth++) {
      const retainer = retainers.get(at);
      if (!retainer) break;
      path.push(`${retainer.name}<${nodeName(retainer.from).slice(0, 25)}`);
      at = retainer.from;
    }
    const key = path.slice(1, 3).join(' ');
    holders.set(key, (holders.get(key) ?? 0) + nodes[i + sizeAt]);
  }
  for (const [key, size] of [...holders].sort((a, b) => b[1] - a[1]).slice(0, 16))
    if (size >= 0.05 * MB) console.log(`  buffers ${(size / MB).toFixed(2).padStart(7)} MB  ${key}`);
}

await armAutopilot(frame, false);
const idle = processes();
console.log(
  `${rows.toLocaleString('en')} rows, ${(file.bytes / MB).toFixed(1)} MB, element from ${args.root}`,
);
console.log('idle', JSON.stringify(idle), JSON.stringify(await heaps()));
let phase = 'load';
let peak = { total: 0 };
const started = Date.now();
const sampler = setInterval(() => {
  const now = processes();
  if (now.total > peak.total) peak = { ...now, phase, at: Date.now() - started };
}, 100);
let logging = false;
const logger = setInterval(async () => {
  if (logging) return;
  logging = true;
  console.log(
    `${phase} ${Date.now() - started} ms`,
    JSON.stringify(processes()),
    JSON.stringify(await heaps()),
  );
  logging = false;
}, 1000);
await frame.setInputFiles('input[type=file]', file.path);
await stepMarks(frame);
phase = 'review';
console.log('at the grid', JSON.stringify(processes()), JSON.stringify(await heaps()));
console.log('at the grid, collected', JSON.stringify(await heaps(true)), JSON.stringify(processes()));
if (args.snapshots) await snapshots('grid');
phase = 'submit';
await frame.getByRole('button', { name: /^Import / }).click();
await page.waitForFunction((n) => window.delivered === n, file.rows, { timeout: 600_000, polling: 100 });
clearInterval(sampler);
clearInterval(logger);
console.log('delivered', JSON.stringify(processes()), JSON.stringify(await heaps()));
console.log('delivered, collected', JSON.stringify(await heaps(true)), JSON.stringify(processes()));
console.log('peak', JSON.stringify(peak), `growth ${peak.total - idle.total} MB`);
if (args.snapshots) await snapshots('delivered');
socket.close();
await context.close();
await server.close();
