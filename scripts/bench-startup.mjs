// Measures the importer frame's start-up: from `open()` on <csv-importer> (srcdoc mode) to the
// upload step, every task the frame's main thread runs, and the start of its worker (the
// evaluation of the worker's script), from a Chromium trace. A task's thread
// time (CPU) is reported beside its wall time, because on a busy machine wall times mostly
// measure the other processes. Run `npm run build` first.
//
//   node scripts/bench-startup.mjs [--runs 7] [bundle.iife.js ...]
//
// With several script-tag bundles (say, one built before a change and one after) the runs
// alternate between them, so that each comparison is made under the same load.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

const { values, positionals } = parseArgs({
  options: { runs: { type: 'string', default: '7' } },
  allowPositionals: true,
});
const runs = Number(values.runs);
const files = positionals.length > 0 ? positionals : ['packages/element/dist/csv-importer.iife.js'];
const bundles = files.map((file) => readFileSync(file, 'utf8'));
// localhost, so that the page is a secure context (the element uses crypto.randomUUID).
const ORIGIN = 'http://localhost:9';
// German, added as a host adds it, so that the start-up includes a catalog passed in `init`.
const HOST_PAGE =
  '<!doctype html><script src="/element.js"></script><script src="/de.js"></script><csv-importer></csv-importer>';
const GERMAN = readFileSync('packages/element/dist/locales/de.iife.js', 'utf8');

/**
 * The frame's main-thread tasks of one trace, in order: wall and thread time in ms, and what ran;
 * `undefined` when the trace missed the frame's start (a renderer process that starts while the
 * trace runs sometimes joins it late).
 */
function frameTasks(trace) {
  const events = trace.traceEvents;
  const script = events.find((e) => e.name === 'EvaluateScript' && e.args?.data?.url === 'about:srcdoc');
  if (!script) return undefined;
  const { pid, tid } = script;
  const onThread = events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X');
  const tasks = onThread.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.ts >= script.ts - 1e6);
  return tasks.map((task) => {
    const inside = onThread.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const kinds = new Set();
    for (const e of inside) {
      // Playwright's own script, injected to find the file input, has no URL; it is not ours.
      if (e.name === 'EvaluateScript' && !e.args?.data?.url) kinds.add('injected');
      else if (e.name === 'EvaluateScript') kinds.add('script');
      else if (e.name === 'MessagePort::Accept') kinds.add('port message');
      else if (e.name === 'Layout') kinds.add('layout');
      else if (e.name === 'UpdateLayoutTree') kinds.add('style');
      else if (e.name === 'TimerFire') kinds.add('timer');
      else if (e.name === 'FunctionCall') kinds.add('function');
    }
    return { wall: task.dur / 1000, cpu: (task.tdur ?? task.dur) / 1000, what: [...kinds].join('+') || '-' };
  });
}

/**
 * The frame's worker in one trace: its script's evaluation (compiling and running it), CPU and
 * wall time in ms, and the wall time from the worker's creation to the end of that evaluation;
 * `undefined` when the trace has no worker.
 */
function workerStart(trace) {
  const events = trace.traceEvents;
  const created = events.find((e) => e.name === 'TracingSessionIdForWorker');
  const url = created?.args?.data?.url;
  const script = events.find((e) => e.name === 'EvaluateScript' && url && e.args?.data?.url === url);
  if (!script) return undefined;
  return {
    cpu: (script.tdur ?? script.dur) / 1000,
    wall: script.dur / 1000,
    ready: (script.ts + script.dur - created.ts) / 1000,
  };
}

async function measure(browser, bundle, dir) {
  const page = await browser.newPage();
  await page.route(`${ORIGIN}/**`, (route) =>
    route.fulfill(
      {
        '/element.js': { body: bundle, contentType: 'text/javascript' },
        '/de.js': { body: GERMAN, contentType: 'text/javascript' },
      }[new URL(route.request().url()).pathname] ?? { body: HOST_PAGE, contentType: 'text/html' },
    ),
  );
  await page.goto(`${ORIGIN}/`);
  await page.evaluate(() => {
    const element = document.querySelector('csv-importer');
    element.columns = [
      { key: 'name', label: 'Name', required: true },
      { key: 'email', label: 'E-mail', type: 'email' },
    ];
    element.locale = 'de';
  });
  const path = join(dir, 'trace.json');
  await browser.startTracing(page, {
    path,
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8'],
  });
  await page.evaluate(() => document.querySelector('csv-importer').open());
  const frame = await (await page.waitForSelector('csv-importer >> iframe')).contentFrame();
  await frame.waitForSelector('input[type=file]', { state: 'attached', timeout: 60_000 });
  // What follows the upload step's render (its first layout, the worker's start) belongs too.
  await page.waitForTimeout(1000);
  await browser.stopTracing();
  await page.close();
  const trace = JSON.parse(readFileSync(path, 'utf8'));
  const tasks = frameTasks(trace)?.filter((task) => !task.what.includes('injected'));
  return tasks && { tasks, worker: workerStart(trace) };
}

const dir = mkdtempSync(join(tmpdir(), 'startup-'));
const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_ARGS });
const results = files.map(() => []);
const workers = files.map(() => []);
try {
  for (let run = 0; run < runs; run++) {
    for (let i = 0; i < bundles.length; i++) {
      let measured;
      for (let attempt = 0; attempt < 5 && !measured; attempt++)
        measured = await measure(browser, bundles[i], dir);
      if (!measured) throw new Error('five traces in a row missed the frame script; is the build there?');
      results[i].push(measured.tasks);
      if (measured.worker) workers[i].push(measured.worker);
    }
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(0)} ms`;
files.forEach((file, i) => {
  const longestCpu = results[i].map((tasks) => Math.max(...tasks.map((t) => t.cpu)));
  const longestWall = results[i].map((tasks) => Math.max(...tasks.map((t) => t.wall)));
  const totalCpu = results[i].map((tasks) => tasks.reduce((sum, t) => sum + t.cpu, 0));
  console.log(`${file} (${runs} runs, medians)`);
  console.log(
    `  longest task: ${ms(median(longestCpu))} CPU, ${ms(median(longestWall))} wall; all tasks: ${ms(median(totalCpu))} CPU`,
  );
  const typical = results[i][longestCpu.indexOf(median(longestCpu))];
  const big = typical.filter((t) => t.cpu >= 10 || t.wall >= 50);
  console.log(
    `  tasks of 10 ms CPU or more, in one typical run: ${big.map((t) => `${ms(t.cpu)} ${t.what}`).join(', ')}`,
  );
  if (workers[i].length > 0) {
    const of = (key) => ms(median(workers[i].map((w) => w[key])));
    console.log(
      `  worker (${workers[i].length} traces): its script evaluated in ${of('cpu')} CPU, ${of('wall')} wall; ready ${of('ready')} after it was created`,
    );
  }
});
