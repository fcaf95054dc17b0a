import type { BenchResult, BenchRow } from './bench.ts';

/** The targets (issue of the honest bench, DESIGN.md), each as a check over one row. */
const TARGETS: readonly { label: string; check(row: BenchRow): string }[] = [
  {
    label: 'to the review grid within 1.2x the parse',
    check: (r) => verdict(r.gridRatio <= 1.2, `${r.gridRatio}x`),
  },
  {
    label: 'every row in the host, from upload, within 1.6x the parse',
    check: (r) => verdict(r.allRowsRatio <= 1.6, `${r.allRowsRatio}x`),
  },
  {
    label: 'delivery alone within 0.5x the parse',
    check: (r) => verdict(r.deliveryRatio <= 0.5, `${r.deliveryRatio}x`),
  },
  {
    label: 'no main-thread task over 50 ms',
    check: (r) =>
      verdict(
        Math.max(r.longestTaskHostMs, r.longestTaskFrameMs) <= 50,
        `${Math.max(r.longestTaskHostMs, r.longestTaskFrameMs)} ms`,
      ),
  },
  {
    label: 'memory growth under 3x the file',
    check: (r) => verdict(r.memoryPerFileSize < 3, `${r.memoryPerFileSize}x`),
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
    '| file | MB | papaparse streamed / whole text (ms) | to grid (ms) | ÷ parse | all rows in host, from upload (ms) | ÷ parse | delivery alone (ms) | ÷ parse | batch rows/s | edit median / slowest (ms) | longest task host / frame (ms) | growth (MB) | growth / file |';
  const lines = [
    `Measured ${result.date} on ${result.machine}.`,
    'The baseline is the faster of the two papaparse runs, in the same page right after the import.',
    'An XLSX row imports the XLSX twin of the plain file (the same rows as Excel stores them: shared',
    'strings, numbers, booleans, dates as styled serial numbers); its baseline is papaparse on the',
    'plain CSV of the same rows, and its growth is over the XLSX file’s size.',
    '',
    header,
    `|${'---|'.repeat(14)}`,
    ...result.rows.map(
      (r) =>
        `| ${r.file} | ${r.megabytes} | ${r.baselineStreamedMs} / ${r.baselineWholeMs} | ${r.toGridMs} | ${r.gridRatio}x | ${r.allRowsMs} | ${r.allRowsRatio}x | ${r.deliveryMs} | ${r.deliveryRatio}x | ${r.batchRowsPerSecond} | ${r.editMs ?? '–'} / ${r.editMaxMs ?? '–'} | ${r.longestTaskHostMs} / ${r.longestTaskFrameMs} | ${r.memoryGrowthMB} | ${r.memoryPerFileSize}x |`,
    ),
    '',
    'Delivery alone when the page reads each batch by column (`event.columns`, no record per row),',
    'beside the page that reads records (the table above); import clicked to the last batch read:',
    '',
    '| file | records (ms) | ÷ parse | columns (ms) | ÷ parse |',
    '|---|---|---|---|---|',
    ...result.rows
      .filter((r) => r.deliveryColumnsMs !== null && r.deliveryColumnsMs !== undefined)
      .map(
        (r) =>
          `| ${r.file} | ${r.deliveryMs} | ${r.deliveryRatio}x | ${r.deliveryColumnsMs} | ${r.deliveryColumnsRatio}x |`,
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
  const small = result.rows.find((r) => r.variant === 'plain' && r.rows === 10_000);
  if (small) {
    lines.push(
      '',
      `Target at 10,000 rows: every row in the host within 500 ms of upload: ${verdict(small.allRowsMs <= 500, `${small.allRowsMs} ms`)}`,
    );
  }
  const largest = result.rows.filter((r) => r.variant === 'plain').at(-1);
  for (const row of result.rows.filter(
    (r) => r.rows === largest?.rows && (r.variant === 'plain' || r.variant === 'stream-rows'),
  )) {
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
