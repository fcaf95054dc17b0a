import { existsSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Frame, Page } from 'playwright-core';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { serveStatic } from '../../scripts/static-server.mjs';
import { launchChromium } from '../support/browser.ts';
import { ROOT } from '../support/servers.ts';
import {
  armAutopilot,
  longTasks,
  observeFrameLongTasks,
  stepMarks,
  taskMark,
  timeEdits,
} from './frame-driver.ts';
import { BENCH_COLUMNS, type GeneratedFile, generateCsv } from './generate.ts';
import { generateXlsx } from './generate-xlsx.ts';
import { MemorySampler } from './memory.ts';

export interface BenchRow {
  readonly file: string;
  /**
   * The generated file as it is, its quoted twin, the same with the page streaming rows, or its
   * XLSX twin (the baseline then parses the plain CSV of the same rows: there is no papaparse of
   * a workbook, and the figure to watch is the ratio's change between runs).
   */
  readonly variant: 'plain' | 'quoted' | 'stream-rows' | 'xlsx';
  readonly rows: number;
  readonly megabytes: number;
  /** papaparse on the same file in the same page right after the import: the faster way (ms). */
  readonly baselineMs: number;
  /** Streamed through `TextDecoderStream`, chunks cut at record ends (ms). */
  readonly baselineStreamedMs: number;
  /** `file.text()` and one `Papa.parse` (ms). */
  readonly baselineWholeMs: number;
  /** File chosen to the review grid with its counts, every step clicked as it appears (ms). */
  readonly toGridMs: number;
  readonly gridRatio: number;
  /** File chosen to every row in the host's `csv-importer-complete` handler, no pause (ms). */
  readonly allRowsMs: number;
  readonly allRowsRatio: number;
  /** Import clicked to every row in the host's handler (ms). */
  readonly deliveryMs: number;
  readonly deliveryRatio: number;
  /**
   * For a plain file: the same import again, the page reading every batch by column
   * (`event.columns`) instead of records: import clicked to the last batch read (ms).
   */
  readonly deliveryColumnsMs: number | null;
  readonly deliveryColumnsRatio: number | null;
  /** Rows per second between the first and the last batch in the host's `csv-importer-rows` handler. */
  readonly batchRowsPerSecond: number;
  readonly batches: number;
  readonly rowsDelivered: number;
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

const round = (n: number, digits = 0) => Number(n.toFixed(digits));

/** The phases of one import, in order; a long task belongs to the phase it was reported in. */
const PHASES = ['load', 'edit', 'submit'] as const;
export type Phase = (typeof PHASES)[number];

/** The longest task between two marks of a task list. */
const longestBetween = (tasks: readonly number[], from: number, to: number) =>
  Math.round(Math.max(0, ...tasks.slice(from, to)));

/** Opens the bench host page with the importer open on the bench's columns; resolves with its frame. */
async function openImporter(
  page: Page,
  url: string,
  stream: boolean,
  largeFile = false,
  byColumn = false,
): Promise<Frame> {
  await page.goto(`${url}/bench/host.html${byColumn ? '?columns' : ''}`);
  await page.evaluate(
    ({ columns, stream, largeFile }) => {
      const importer = document.querySelector('csv-importer')!;
      importer.columns = columns as never;
      importer.streamRows = stream;
      if (largeFile) importer.largeFile = true;
      importer.open();
    },
    { columns: BENCH_COLUMNS, stream, largeFile },
  );
  const frame = (await (await page.waitForSelector('csv-importer >> iframe')).contentFrame())!;
  await frame.waitForSelector('input[type=file]');
  await observeFrameLongTasks(frame);
  return frame;
}

const waitForDelivery = (page: Page, rows: number) =>
  page.waitForFunction(
    (rows) => {
      const w = window as unknown as { delivered: number; importError?: string };
      if (w.importError) throw new Error(w.importError);
      return w.delivered === rows;
    },
    rows,
    { timeout: 600_000, polling: 100 },
  );

/**
 * The timed import: file chosen, every step clicked from inside the frame the moment it appears,
 * Import clicked the moment the grid shows, every row in the host's handler; then, in the same
 * page, the papaparse baseline on the same file.
 */
async function timedImport(
  page: Page,
  url: string,
  file: GeneratedFile,
  stream: boolean,
  baselinePath = file.path,
) {
  const frame = await openImporter(page, url, stream);
  const timed = await importAndDeliver(page, frame, file);
  await page.setInputFiles('#baseline', baselinePath);
  await page.waitForFunction(() => 'baselineResult' in window, undefined, { timeout: 600_000, polling: 100 });
  const baseline = await page.evaluate(
    () =>
      (
        window as unknown as {
          baselineResult: { streamedRows: number; streamedMs: number; wholeRows: number; wholeMs: number };
        }
      ).baselineResult,
  );
  if (baseline.streamedRows !== file.rows || baseline.wholeRows !== file.rows)
    throw new Error(
      `baseline parsed ${baseline.streamedRows} / ${baseline.wholeRows} rows, expected ${file.rows}`,
    );
  return { ...timed, baseline };
}

/** The timed import of a page that reads every batch by column: import clicked to the last batch (ms). */
async function timedColumnsDelivery(page: Page, url: string, file: GeneratedFile): Promise<number> {
  const frame = await openImporter(page, url, false, false, true);
  const { deliveryMs, rowsDelivered } = await importAndDeliver(page, frame, file);
  if (rowsDelivered !== file.rows)
    throw new Error(`${rowsDelivered} rows read by column, expected ${file.rows}`);
  return deliveryMs;
}

/** File chosen, every step clicked as it appears, Import clicked, every row in the host's handler. */
async function importAndDeliver(page: Page, frame: Frame, file: GeneratedFile) {
  await armAutopilot(frame, true);
  const before = await taskMark(page, frame);
  await frame.setInputFiles('input[type=file]', file.path);
  const marks = await stepMarks(frame);
  const gridMark = await taskMark(page, frame);
  await waitForDelivery(page, file.rows);
  const done = await page.evaluate(() => {
    const w = window as unknown as {
      completeAt: number;
      delivered: number;
      batches: { at: number; rows: number }[];
    };
    return { completeAt: w.completeAt, delivered: w.delivered, batches: w.batches };
  });
  const hostTasks = await longTasks(page);
  const frameTasks = await longTasks(frame);
  const longest = {
    host: {
      load: longestBetween(hostTasks, before[0], gridMark[0]),
      submit: longestBetween(hostTasks, gridMark[0], hostTasks.length),
    },
    frame: {
      load: longestBetween(frameTasks, before[1], gridMark[1]),
      submit: longestBetween(frameTasks, gridMark[1], frameTasks.length),
    },
  };
  const { batches } = done;
  const first = batches[0];
  const last = batches.at(-1);
  const batchRows = batches.slice(1).reduce((sum, b) => sum + b.rows, 0);
  return {
    toGridMs: marks.grid - marks.chosen,
    allRowsMs: done.completeAt - marks.chosen,
    deliveryMs: done.completeAt - marks.submitted!,
    rowsDelivered: done.delivered,
    batches: batches.length,
    batchRowsPerSecond: first && last && last.at > first.at ? batchRows / ((last.at - first.at) / 1000) : 0,
    longest,
  };
}

/**
 * The sampled import: the same file in a fresh context with the browser's memory sampled
 * throughout (not timed: reading every process's page tables ten times a second takes a core's
 * worth of kernel time), the edits timed on the review step with the sampler paused, optionally
 * a pause on the review step, then Import.
 */
async function sampledImport(
  page: Page,
  url: string,
  file: GeneratedFile,
  stream: boolean,
  options: { edits: boolean; reviewPauseMs: number },
) {
  const memory = new MemorySampler();
  const frame = await openImporter(page, url, stream);
  await armAutopilot(frame, false);
  memory.start();
  await frame.setInputFiles('input[type=file]', file.path);
  await stepMarks(frame);
  const before = await taskMark(page, frame);
  memory.pause();
  const edits = options.edits ? await timeEdits(frame) : [];
  const after = await taskMark(page, frame);
  memory.resume();
  if (options.reviewPauseMs > 0) await new Promise((resolve) => setTimeout(resolve, options.reviewPauseMs));
  await frame.getByRole('button', { name: /^Import / }).click();
  await waitForDelivery(page, file.rows);
  const peak = memory.stop();
  const editTasks = {
    host: longestBetween(await longTasks(page), before[0], after[0]),
    frame: longestBetween(await longTasks(frame), before[1], after[1]),
  };
  return { edits, peak, editTasks };
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
  /** Row counts of XLSX twins to import too (at most 1,048,575, Excel's last row less the header). */
  xlsxSizes?: readonly number[];
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
    const plan = options.sizes.map((n) => ({ n, quoted: false, stream: false, xlsx: false }));
    if (options.stream) plan.push({ n: largest, quoted: false, stream: true, xlsx: false });
    if (options.quoted) plan.push({ n: largest, quoted: true, stream: false, xlsx: false });
    for (const n of options.xlsxSizes ?? []) {
      if (!(n > 0 && n <= 1_048_575))
        throw new Error(`an XLSX sheet holds 1 to 1,048,575 data rows, not ${n}`);
      plan.push({ n, quoted: false, stream: false, xlsx: true });
    }
    for (const { n, quoted, stream, xlsx } of plan) {
      const csv = generateCsv(options.dataDir, n, quoted);
      const file = xlsx ? generateXlsx(csv) : csv;
      log(`${file.path.split('/').pop()}: ${round(file.bytes / 2 ** 20, 1)} MB`);
      // A fresh context per pass, so one run's garbage does not bill the next.
      const inContext = async <T>(run: (page: Page) => Promise<T>): Promise<T> => {
        const context = await browser.newContext();
        try {
          return await run(await context.newPage());
        } finally {
          await context.close();
        }
      };
      const timed = await inContext((page) => timedImport(page, server.url, file, stream, csv.path));
      const plain = !quoted && !stream && !xlsx;
      const columnsMs = plain
        ? await inContext((page) => timedColumnsDelivery(page, server.url, file))
        : null;
      const sampled = await inContext((page) =>
        sampledImport(page, server.url, file, stream, { edits: true, reviewPauseMs: 0 }),
      );
      const pauseMs = options.reviewPauseMs ?? 0;
      let memoryAfterReview: BenchRow['memoryAfterReview'] = null;
      if (pauseMs > 0 && n === largest && !quoted && !stream && !xlsx) {
        const { peak } = await inContext((page) =>
          sampledImport(page, server.url, file, stream, { edits: false, reviewPauseMs: pauseMs }),
        );
        memoryAfterReview = {
          pauseMs,
          growthMB: round(peak.growth / 2 ** 20),
          perFileSize: round(peak.growth / file.bytes, 1),
        };
      }
      const baselineMs = Math.min(timed.baseline.streamedMs, timed.baseline.wholeMs);
      const longestTaskByPhase = {
        host: {
          load: timed.longest.host.load,
          edit: sampled.editTasks.host,
          submit: timed.longest.host.submit,
        },
        frame: {
          load: timed.longest.frame.load,
          edit: sampled.editTasks.frame,
          submit: timed.longest.frame.submit,
        },
      };
      const row: BenchRow = {
        file: `${n.toLocaleString('en')} rows${quoted ? ', quoted' : ''}${stream ? ', stream-rows' : ''}${xlsx ? ', XLSX' : ''}`,
        variant: xlsx ? 'xlsx' : quoted ? 'quoted' : stream ? 'stream-rows' : 'plain',
        rows: n,
        megabytes: round(file.bytes / 2 ** 20, 1),
        baselineMs: round(baselineMs),
        baselineStreamedMs: round(timed.baseline.streamedMs),
        baselineWholeMs: round(timed.baseline.wholeMs),
        toGridMs: round(timed.toGridMs),
        gridRatio: round(timed.toGridMs / baselineMs, 2),
        allRowsMs: round(timed.allRowsMs),
        allRowsRatio: round(timed.allRowsMs / baselineMs, 2),
        deliveryMs: round(timed.deliveryMs),
        deliveryRatio: round(timed.deliveryMs / baselineMs, 2),
        deliveryColumnsMs: columnsMs === null ? null : round(columnsMs),
        deliveryColumnsRatio: columnsMs === null ? null : round(columnsMs / baselineMs, 2),
        batchRowsPerSecond: round(timed.batchRowsPerSecond),
        batches: timed.batches,
        rowsDelivered: timed.rowsDelivered,
        longestTaskHostMs: Math.max(...Object.values(longestTaskByPhase.host)),
        longestTaskFrameMs: Math.max(...Object.values(longestTaskByPhase.frame)),
        longestTaskByPhase,
        peakMemoryMB: round(sampled.peak.peak / 2 ** 20),
        memoryGrowthMB: round(sampled.peak.growth / 2 ** 20),
        memoryPerFileSize: round(sampled.peak.growth / file.bytes, 1),
        memoryAfterReview,
        editMs: round(median(sampled.edits)),
        editMaxMs: round(Math.max(...sampled.edits)),
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

/** What `npm run bench:huge` measures: one large-file import of a generated file, sampled. */
export interface HugeResult {
  readonly machine: string;
  readonly date: string;
  readonly rows: number;
  readonly megabytes: number;
  /** Load average over the last minute when the import started (the machine is shared). */
  readonly loadAverage: number;
  /** File chosen to the review grid (every row read and checked; the rows with issues kept). */
  readonly toGridMs: number;
  /** Import clicked to every row counted in the host's handler. */
  readonly deliveryMs: number;
  readonly allRowsMs: number;
  readonly rowsDelivered: number;
  readonly batches: number;
  readonly longestTaskHostMs: number;
  readonly longestTaskFrameMs: number;
  readonly peakMemoryMB: number;
  readonly memoryGrowthMB: number;
  /** The six timed edits on the review grid (which holds only the rows with issues), median and slowest. */
  readonly editMs: number;
  readonly editMaxMs: number;
}

/**
 * `npm run bench:huge`: one import of a `rows`-row file (10,000,000 by default: 0.97 GB) in the
 * importer's large-file mode (set by the page, so that a smaller `--rows` measures it too; a
 * file of 10M rows would take it by its size anyway), through the real element, frame and worker,
 * with the page streaming rows (`stream-rows`: a page cannot keep ten million records for the
 * complete event) and the browser's memory sampled once a second all along (the sampler costs
 * some CPU, so these times are a little slower than an unsampled run's). No papaparse baseline: its
 * whole-text parse cannot hold a gigabyte file in one string.
 */
export async function runHugeBench(options: {
  rows: number;
  dataDir: string;
  log?: (line: string) => void;
}): Promise<HugeResult> {
  const log = options.log ?? (() => {});
  // Writing a gigabyte takes a minute: a file of this size from an earlier run is used again.
  const path = join(options.dataDir, `bench-${options.rows}.csv`);
  const file = existsSync(path)
    ? { path, rows: options.rows, bytes: statSync(path).size }
    : generateCsv(options.dataDir, options.rows);
  log(`${file.path.split('/').pop()}: ${round(file.bytes / 2 ** 20, 1)} MB`);
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
  try {
    const page = await (await browser.newContext()).newPage();
    const memory = new MemorySampler();
    const frame = await openImporter(page, server.url, true, true);
    await armAutopilot(frame, false);
    const loadAverage = round(loadavg()[0]!, 2);
    // Once a second, not ten times: reading every process's page tables costs CPU the import
    // would otherwise have, for minutes here; a peak that lasts under a second may be missed.
    memory.start(1000);
    const start = await taskMark(page, frame);
    await frame.setInputFiles('input[type=file]', file.path);
    const marks = await stepMarks(frame);
    const grid = await taskMark(page, frame);
    log(`to the grid: ${round(marks.grid - marks.chosen)} ms`);
    memory.pause();
    const edits = await timeEdits(frame);
    const afterEdits = await taskMark(page, frame);
    memory.resume();
    const submitted = await frame.evaluate(() => performance.timeOrigin + performance.now());
    await frame.getByRole('button', { name: /^Import / }).click();
    await waitForDelivery(page, file.rows);
    const peak = memory.stop();
    const done = await page.evaluate(() => {
      const w = window as unknown as { completeAt: number; delivered: number; batches: unknown[] };
      return { completeAt: w.completeAt, delivered: w.delivered, batches: w.batches.length };
    });
    const hostTasks = await longTasks(page);
    const frameTasks = await longTasks(frame);
    const cpu = cpus();
    return {
      machine: `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${round(totalmem() / 2 ** 30)} GiB, Chromium ${version}`,
      date: new Date().toISOString(),
      rows: file.rows,
      megabytes: round(file.bytes / 2 ** 20, 1),
      loadAverage,
      toGridMs: round(marks.grid - marks.chosen),
      deliveryMs: round(done.completeAt - submitted),
      allRowsMs: round(done.completeAt - marks.chosen),
      rowsDelivered: done.delivered,
      batches: done.batches,
      // Load and submit; the edits are timed apart, with the sampler paused.
      longestTaskHostMs: Math.max(
        longestBetween(hostTasks, start[0], grid[0]),
        longestBetween(hostTasks, afterEdits[0], hostTasks.length),
      ),
      longestTaskFrameMs: Math.max(
        longestBetween(frameTasks, start[1], grid[1]),
        longestBetween(frameTasks, afterEdits[1], frameTasks.length),
      ),
      peakMemoryMB: round(peak.peak / 2 ** 20),
      memoryGrowthMB: round(peak.growth / 2 ** 20),
      editMs: round(median(edits)),
      editMaxMs: round(Math.max(...edits)),
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
