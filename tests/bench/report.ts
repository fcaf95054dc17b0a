import type { BenchResult, BenchRow } from './bench.ts';

/** The targets of DESIGN.md, each as a check over one row. */
const TARGETS: readonly { label: string; check(row: BenchRow): string }[] = [
  { label: 'load-to-grid within 1.5x parse', check: (r) => verdict(r.ratio <= 1.5, `${r.ratio}x`) },
  {
    label: 'no main-thread task over 100 ms',
    check: (r) =>
      verdict(
        Math.max(r.longestTaskHostMs, r.longestTaskFrameMs) <= 100,
        `${Math.max(r.longestTaskHostMs, r.longestTaskFrameMs)} ms`,
      ),
  },
  {
    label: 'delivery faster than the parse',
    check: (r) => verdict(r.deliveryMs < r.baselineMs, `${r.deliveryMs} ms, ${r.deliveryRatio}x the parse`),
  },
  {
    label: 'peak memory growth under 6x file size',
    check: (r) => verdict(r.memoryPerFileSize < 6, `${r.memoryPerFileSize}x`),
  },
  {
    label: 'edit re-validated in under 50 ms',
    check: (r) =>
      r.editMs === null
        ? 'not measured'
        : verdict(r.editMs < 50, `median ${r.editMs} ms, slowest ${r.editMaxMs} ms`),
  },
];

const round1 = (n: number) => Math.round(n * 10) / 10;

function verdict(ok: boolean, value: string): string {
  return `${ok ? 'met' : 'MISSED'} (${value})`;
}

/** The result as a Markdown document section: a table per concern, then the targets at 1M rows. */
export function toMarkdown(result: BenchResult): string {
  const header =
    '| file | MB | papaparse (ms) | load to grid (ms) | ratio | delivery (ms) | delivery / parse | rows/s | batch rows/s | edit median / slowest (ms) | longest task host / frame (ms) | peak memory (MB) | growth (MB) | growth / file |';
  const lines = [
    `Measured ${result.date} on ${result.machine}.`,
    '',
    header,
    `|${'---|'.repeat(14)}`,
    ...result.rows.map(
      (r) =>
        `| ${r.file} | ${r.megabytes} | ${r.baselineMs} | ${r.loadToGridMs} | ${r.ratio}x | ${r.deliveryMs} | ${r.deliveryRatio}x | ${r.deliveryRowsPerSecond} | ${r.batchRowsPerSecond} | ${r.editMs ?? '–'} / ${r.editMaxMs ?? '–'} | ${r.longestTaskHostMs} / ${r.longestTaskFrameMs} | ${r.peakMemoryMB} | ${r.memoryGrowthMB} | ${r.memoryPerFileSize}x |`,
    ),
    '',
    'Longest main-thread task by phase, host / frame (ms): load is file chosen to the grid with its',
    'counts, edit the six timed edits, submit the click to the last row in the host.',
    '',
    '| file | load | edit | submit |',
    '|---|---|---|---|',
    ...result.rows.map((r) => {
      const { host, frame } = r.longestTaskByPhase;
      return `| ${r.file} | ${host.load} / ${frame.load} | ${host.edit} / ${frame.edit} | ${host.submit} / ${frame.submit} |`;
    }),
    '',
    '| bundle | raw (KB) | gzip (KB) | target (gzip) |',
    '|---|---|---|---|',
    ...result.sizes.map(
      (s) =>
        `| \`${s.file}\` | ${s.rawKB} | ${s.gzipKB} | ${
          s.targetKB === undefined
            ? '–'
            : `< ${s.targetKB} KB: ${verdict(s.gzipKB < s.targetKB, `${round1(Math.abs(s.targetKB - s.gzipKB))} KB ${s.gzipKB < s.targetKB ? 'under' : 'over'}`)}`
        } |`,
    ),
  ];
  const largest = result.rows.filter((r) => r.variant === 'plain').at(-1);
  for (const row of result.rows.filter((r) => r.rows === largest?.rows && r.variant !== 'quoted')) {
    lines.push('', `Targets at ${row.file}:`, '');
    for (const target of TARGETS) lines.push(`- ${target.label}: ${target.check(row)}`);
    const review = row.memoryAfterReview;
    if (review) {
      lines.push(
        `- the same import with ${review.pauseMs / 1000} s on the review step before Import: growth ${review.growthMB} MB, ${review.perFileSize}x the file`,
      );
    }
  }
  return lines.join('\n');
}
