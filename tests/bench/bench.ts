import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Frame, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchChromium } from '../support/browser.ts';
import { ROOT } from '../support/servers.ts';
import { BENCH_HEADERS, type GeneratedFile, generateCsv } from './generate.ts';
import { MemorySampler } from './memory.ts';

/** The fields the bench application declares, one per generated column. */
const BENCH_COLUMNS = BENCH_HEADERS.map((key) => ({
  key,
  label: key,
  ...(key === 'email' ? { type: 'email' } : {}),
  ...(key === 'id' || key === 'email' ? { required: true } : {}),
  // A unique field, so that an edit re-validates through the unique index as the target says.
  ...(key === 'id' ? { unique: true } : {}),
}));

/** Edits timed per size: e-mails made invalid and valid again, and ids made duplicate and unique. */
const EDITS: readonly { row: number; key: string; value: (n: number) => string; invalid: boolean }[] = [
  { row: 0, key: 'email', value: () => 'not-an-email', invalid: true },
  { row: 0, key: 'email', value: () => 'fixed.0@example.com', invalid: false },
  { row: 1, key: 'id', value: () => '1', invalid: true },
  { row: 1, key: 'id', value: (n) => String(n + 2), invalid: false },
  { row: 2, key: 'email', value: () => 'still-not-an-email', invalid: true },
  { row: 2, key: 'email', value: () => 'fixed.2@example.com', invalid: false },
];

export interface BenchRow {
  readonly file: string;
  /** The generated file as it is, its quoted twin, or the same with the page streaming rows. */
  readonly variant: 'plain' | 'quoted' | 'stream-rows';
  readonly rows: number;
  readonly megabytes: number;
  /** Bare papaparse parse of the same file in the same browser (ms). */
  readonly baselineMs: number;
  /** File chosen to review grid with error counts, without the user's think time (ms). */
  readonly loadToGridMs: number;
  readonly ratio: number;
  /** Submit to all rows in the host's `csv-importer-complete` handler (ms). */
  readonly deliveryMs: number;
  readonly deliveryRowsPerSecond: number;
  /** Delivery over the bare parse: the target is below 1. */
  readonly deliveryRatio: number;
  /** Rows per second between the first and the last batch in the host's `csv-importer-rows` handler. */
  readonly batchRowsPerSecond: number;
  readonly batches: number;
  /** The longest main-thread task from the file chosen to the last row delivered (ms). */
  readonly longestTaskHostMs: number;
  readonly longestTaskFrameMs: number;
  /** The same, for each phase: load (to the grid), edit, submit. */
  readonly longestTaskByPhase: {
    readonly host: Record<Phase, number>;
    readonly frame: Record<Phase, number>;
  };
  /** Peak of all browser processes together during the import. */
  readonly peakMemoryMB: number;
  /** How far that peak rose over the browser's idle level just before the file was chosen. */
  readonly memoryGrowthMB: number;
  /** Growth over the file's size. */
  readonly memoryPerFileSize: number;
  /**
   * For the largest plain file, with `reviewPauseMs`: the growth when the user spends that long
   * on the review step before Import, as a person reading the errors does. The frame is idle
   * then, and V8 collects what reading the file left behind; the figures above have no pause.
   */
  readonly memoryAfterReview: {
    readonly pauseMs: number;
    readonly growthMB: number;
    readonly perFileSize: number;
  } | null;
  readonly rowsDelivered: number;
  /**
   * A cell edit re-validated (unique index included) and shown: Enter pressed to the frame after
   * the cell shows its new text and state, measured in the frame; the median of the edits (ms).
   */
  readonly editMs: number | null;
  /** The slowest of those edits (ms). */
  readonly editMaxMs: number | null;
}

export interface BenchResult {
  readonly machine: string;
  readonly date: string;
  readonly sizes: {
    readonly file: string;
    readonly rawKB: number;
    readonly gzipKB: number;
    readonly targetKB?: number;
  }[];
  readonly rows: BenchRow[];
}

const now = () => performance.now();
const round = (n: number, digits = 0) => Number(n.toFixed(digits));

async function baseline(page: Page, url: string, file: GeneratedFile): Promise<number> {
  await page.goto(`${url}/bench/baseline.html`);
  const started = now();
  await page.setInputFiles('input[type=file]', file.path);
  await page.waitForFunction(() => 'baseline' in window, undefined, { timeout: 600_000, polling: 50 });
  const elapsed = now() - started;
  const parsed = await page.evaluate(
    () => (window as unknown as { baseline: { rows: number } }).baseline.rows,
  );
  if (parsed !== file.rows) throw new Error(`baseline parsed ${parsed} rows, expected ${file.rows}`);
  return elapsed;
}

async function frameLongTasks(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

const longTasks = (context: Page | Frame) =>
  context.evaluate(() => [...(window as unknown as { longTasks: number[] }).longTasks]);

/** The phases of one import, in order; a long task belongs to the phase it was reported in. */
const PHASES = ['load', 'edit', 'submit'] as const;
export type Phase = (typeof PHASES)[number];

/** How many long tasks the host page and the frame have reported so far: a phase boundary. */
async function taskMark(page: Page, frame: Frame): Promise<[number, number]> {
  const count = (context: Page | Frame) =>
    context.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length);
  return [await count(page), await count(frame)];
}

/** The longest task of each phase, given the task lists and the marks between the phases. */
function longestByPhase(tasks: number[], marks: number[]): Record<Phase, number> {
  const byPhase = {} as Record<Phase, number>;
  PHASES.forEach((phase, i) => {
    byPhase[phase] = Math.round(Math.max(0, ...tasks.slice(marks[i], marks[i + 1])));
  });
  return byPhase;
}

/**
 * One import through the element: file chosen, Continue, the grid, the timed edits (unless
 * `memory` is given), Import, every row in the host's handler. With `memory`, the browser's
 * processes are sampled throughout; that pass is not timed, since reading every process's page
 * tables every 100 ms takes a core's worth of kernel time from the import it measures.
 */
async function importThroughElement(
  page: Page,
  url: string,
  file: GeneratedFile,
  stream: boolean,
  memory?: MemorySampler,
  reviewPauseMs = 0,
) {
  await page.goto(`${url}/bench/host.html`);
  await page.evaluate(
    ({ columns, stream }) => {
      const importer = document.querySelector('csv-importer')!;
      importer.columns = columns as never;
      importer.streamRows = stream;
      importer.open();
    },
    { columns: BENCH_COLUMNS, stream },
  );
  const frame = (await (await page.waitForSelector('csv-importer >> iframe')).contentFrame())!;
  await frame.waitForSelector('input[type=file]');
  await frameLongTasks(frame);
  memory?.start();

  const marks = [await taskMark(page, frame)];
  const started = now();
  await frame.setInputFiles('input[type=file]', file.path);
  const next = frame.getByRole('button', { name: 'Continue' });
  await next.waitFor({ timeout: 600_000 });
  const read = now() - started;
  const validating = now();
  await next.click();
  await frame.getByRole('button', { name: /^Import / }).waitFor({ timeout: 600_000 });
  const loadToGridMs = read + (now() - validating);
  marks.push(await taskMark(page, frame));
  const edits = memory ? [] : await timeEdits(frame, file.rows);
  if (reviewPauseMs > 0) await new Promise((resolve) => setTimeout(resolve, reviewPauseMs));
  marks.push(await taskMark(page, frame));

  const submitting = now();
  await frame.getByRole('button', { name: /^Import / }).click();
  await page.waitForFunction(
    (rows) => (window as unknown as { delivered: number }).delivered === rows,
    file.rows,
    { timeout: 600_000, polling: 50 },
  );
  const deliveryMs = now() - submitting;
  const peak = memory?.stop();
  marks.push(await taskMark(page, frame));
  const hostLongest = longestByPhase(
    await longTasks(page),
    marks.map((m) => m[0]),
  );
  const frameLongest = longestByPhase(
    await longTasks(frame),
    marks.map((m) => m[1]),
  );
  const rowsDelivered = await page.evaluate(() => (window as unknown as { delivered: number }).delivered);
  const batches = await page.evaluate(
    () => (window as unknown as { batches: { at: number; rows: number }[] }).batches,
  );
  const first = batches[0];
  const last = batches.at(-1);
  const batchRows = batches.slice(1).reduce((sum, b) => sum + b.rows, 0);
  return {
    loadToGridMs,
    edits,
    deliveryMs,
    batches: batches.length,
    batchRowsPerSecond: first && last && last.at > first.at ? batchRows / ((last.at - first.at) / 1000) : 0,
    rowsDelivered,
    peak,
    longestTaskHostMs: Math.max(...Object.values(hostLongest)),
    longestTaskFrameMs: Math.max(...Object.values(frameLongest)),
    longestTaskByPhase: { host: hostLongest, frame: frameLongest },
  };
}

/**
 * Times each of `EDITS` in the frame: from the Enter that commits it to the animation frame after
 * the cell shows the new text and validity (the next paint), watched with a MutationObserver.
 */
async function timeEdits(frame: Frame, rows: number): Promise<number[]> {
  const times: number[] = [];
  for (const edit of EDITS) {
    const selector = `[role=row][data-row="${edit.row}"] [role=gridcell][data-key="${edit.key}"]`;
    const value = edit.value(rows);
    const cell = frame.locator(selector);
    await cell.dblclick();
    await cell.locator('input').fill(value);
    await frame.evaluate(
      ({ selector, value, invalid }) => {
        const w = window as unknown as { editShown: Promise<number> };
        const find = (root: Document | ShadowRoot): Element | null => {
          const hit = root.querySelector(selector);
          if (hit) return hit;
          for (const el of root.querySelectorAll('*')) {
            const inner = el.shadowRoot ? find(el.shadowRoot) : null;
            if (inner) return inner;
          }
          return null;
        };
        const grid = find(document)!.closest('[role=grid]')!;
        w.editShown = new Promise((resolve, reject) => {
          setTimeout(() => reject(new Error(`the edit of ${selector} did not show within 30 s`)), 30_000);
          let pressed = 0;
          window.addEventListener(
            'keydown',
            (event) => {
              if (event.key === 'Enter') pressed = performance.now();
            },
            { capture: true, once: true },
          );
          const observer = new MutationObserver(() => {
            const cell = find(document);
            if (
              !pressed ||
              cell?.textContent !== value ||
              cell.getAttribute('aria-invalid') !== String(invalid)
            )
              return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - pressed));
          });
          observer.observe(grid, { subtree: true, childList: true, attributes: true, characterData: true });
        });
      },
      { selector, value, invalid: edit.invalid },
    );
    await cell.locator('input').press('Enter');
    times.push(await frame.evaluate(() => (window as unknown as { editShown: Promise<number> }).editShown));
  }
  return times;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

/** The shipped bundles, with DESIGN.md's size target where it sets one. */
const BUNDLES: readonly { file: string; targetKB?: number }[] = [
  { file: 'packages/element/dist/csv-importer.iife.js', targetKB: 120 },
  { file: 'packages/element/dist/csv-importer-loader.js', targetKB: 12 },
  { file: 'packages/element/dist/csv-importer.js' },
  { file: 'apps/importer/dist/hosted/importer.js' },
];

function bundleSizes() {
  return BUNDLES.map(({ file, targetKB }) => {
    const data = readFileSync(join(ROOT, file));
    return {
      file,
      rawKB: round(data.length / 1024, 1),
      gzipKB: round(gzipSync(data, { level: 9 }).length / 1024, 1),
      ...(targetKB === undefined ? {} : { targetKB }),
    };
  });
}

/**
 * Runs the benchmark for each size, then for the largest the quoted file (with `quoted`) and an
 * import whose page sets `stream-rows` (with `stream`).
 */
export async function runBench(options: {
  sizes: readonly number[];
  quoted?: boolean;
  stream?: boolean;
  /** Time on the review step for the extra memory pass over the largest plain file; 0 for none. */
  reviewPauseMs?: number;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<BenchResult> {
  const log = options.log ?? (() => {});
  const server = await serveStatic({
    host: 'localhost',
    mounts: {
      '/bench/': join(ROOT, 'tests/bench/pages'),
      '/element/': join(ROOT, 'packages/element/dist'),
      '/vendor/papaparse/': join(ROOT, 'node_modules/papaparse'),
    },
  });
  const browser: Browser = await launchChromium();
  const version = browser.version();
  const rows: BenchRow[] = [];
  try {
    const largest = Math.max(...options.sizes);
    const plan = options.sizes.map((n) => ({ n, quoted: false, stream: false }));
    if (options.stream) plan.push({ n: largest, quoted: false, stream: true });
    if (options.quoted) plan.push({ n: largest, quoted: true, stream: false });
    for (const { n, quoted, stream } of plan) {
      const file = generateCsv(options.dataDir, n, quoted);
      log(`${file.path.split('/').pop()}: ${round(file.bytes / 2 ** 20, 1)} MB`);
      // A fresh context per file, so one run's garbage does not bill the next.
      const context = await browser.newContext();
      const page = await context.newPage();
      const baselineMs = await baseline(page, server.url, file);
      await page.close();
      const importPage = await context.newPage();
      const result = await importThroughElement(importPage, server.url, file, stream);
      await context.close();
      // Memory comes from a second import of the same file, in a fresh context, sampled.
      const sampledImport = async (reviewPauseMs = 0) => {
        const memoryContext = await browser.newContext();
        const sampled = await importThroughElement(
          await memoryContext.newPage(),
          server.url,
          file,
          stream,
          new MemorySampler(),
          reviewPauseMs,
        );
        await memoryContext.close();
        return sampled.peak!;
      };
      const peak = await sampledImport();
      const pauseMs = options.reviewPauseMs ?? 0;
      let memoryAfterReview: BenchRow['memoryAfterReview'] = null;
      if (pauseMs > 0 && n === largest && !quoted && !stream) {
        const { growth } = await sampledImport(pauseMs);
        memoryAfterReview = {
          pauseMs,
          growthMB: round(growth / 2 ** 20),
          perFileSize: round(growth / file.bytes, 1),
        };
      }
      const row: BenchRow = {
        file: `${n.toLocaleString('en')} rows${quoted ? ', quoted' : ''}${stream ? ', stream-rows' : ''}`,
        variant: quoted ? 'quoted' : stream ? 'stream-rows' : 'plain',
        rows: n,
        megabytes: round(file.bytes / 2 ** 20, 1),
        baselineMs: round(baselineMs),
        loadToGridMs: round(result.loadToGridMs),
        ratio: round(result.loadToGridMs / baselineMs, 2),
        deliveryMs: round(result.deliveryMs),
        deliveryRowsPerSecond: round(n / (result.deliveryMs / 1000)),
        deliveryRatio: round(result.deliveryMs / baselineMs, 2),
        batchRowsPerSecond: round(result.batchRowsPerSecond),
        batches: result.batches,
        longestTaskHostMs: round(result.longestTaskHostMs),
        longestTaskFrameMs: round(result.longestTaskFrameMs),
        longestTaskByPhase: result.longestTaskByPhase,
        peakMemoryMB: round(peak.peak / 2 ** 20),
        memoryGrowthMB: round(peak.growth / 2 ** 20),
        memoryPerFileSize: round(peak.growth / file.bytes, 1),
        memoryAfterReview,
        rowsDelivered: result.rowsDelivered,
        editMs: round(median(result.edits)),
        editMaxMs: round(Math.max(...result.edits)),
      };
      log(JSON.stringify(row));
      rows.push(row);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const cpu = cpus();
  return {
    machine: `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${round(totalmem() / 2 ** 30)} GiB, Chromium ${version}`,
    date: new Date().toISOString().slice(0, 10),
    sizes: bundleSizes(),
    rows,
  };
}
