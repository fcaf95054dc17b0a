import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT } from '../support/servers.ts';
import { runBench, runHugeBench } from './bench.ts';
import { toMarkdown } from './report.ts';

// `npm run bench [-- --sizes 10000,100000 --xlsx 100000 --no-quoted --no-stream --review-pause 15 --write-docs]`
const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000' },
    // Row counts of XLSX twins of the plain files (the same rows as Excel stores them); '' for none.
    xlsx: { type: 'string', default: '100000' },
    'no-quoted': { type: 'boolean', default: false },
    'no-stream': { type: 'boolean', default: false },
    // Seconds on the review step in one more memory pass over the largest plain file; 0 for none.
    'review-pause': { type: 'string', default: '15' },
    'write-docs': { type: 'boolean', default: false },
    // `npm run bench:huge`: one large-file import of a file of --rows rows, nothing else.
    huge: { type: 'boolean', default: false },
    rows: { type: 'string', default: '10000000' },
  },
});
if (values.huge) {
  const rows = Number(values.rows);
  if (!Number.isInteger(rows) || rows <= 0) throw new Error(`--rows takes a row count, got "${values.rows}"`);
  const outDir = join(ROOT, 'bench-results');
  mkdirSync(outDir, { recursive: true });
  const huge = await runHugeBench({
    rows,
    dataDir: join(outDir, 'data'),
    log: (line) => console.error(line),
  });
  writeFileSync(join(outDir, 'huge.json'), `${JSON.stringify(huge, null, 2)}\n`);
  console.log(JSON.stringify(huge, null, 2));
  process.exit(0);
}
const sizes = values.sizes.split(',').map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n <= 0))
  throw new Error(`--sizes takes row counts, got "${values.sizes}"`);

const xlsxSizes = values.xlsx === '' ? [] : values.xlsx.split(',').map(Number);
if (xlsxSizes.some((n) => !Number.isInteger(n) || n <= 0))
  throw new Error(`--xlsx takes row counts, got "${values.xlsx}"`);

const reviewPause = Number(values['review-pause']);
if (!(reviewPause >= 0)) throw new Error(`--review-pause takes seconds, got "${values['review-pause']}"`);

const outDir = join(ROOT, 'bench-results');
mkdirSync(outDir, { recursive: true });
const result = await runBench({
  sizes,
  quoted: !values['no-quoted'],
  stream: !values['no-stream'],
  xlsxSizes,
  reviewPauseMs: reviewPause * 1000,
  dataDir: join(outDir, 'data'),
  log: (line) => console.error(line),
});
writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(result, null, 2)}\n`);
const markdown = toMarkdown(result);
console.log(markdown);
if (values['write-docs']) {
  const doc = join(ROOT, 'docs/performance.md');
  const text = readFileSync(doc, 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const from = text.indexOf(begin);
  const to = text.indexOf(end);
  if (from === -1 || to === -1) throw new Error(`docs/performance.md lacks the ${begin} … ${end} markers`);
  writeFileSync(doc, `${text.slice(0, from + begin.length)}\n${markdown}\n${text.slice(to)}`);
  console.error('docs/performance.md updated');
}
