import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FORMULA_PAYLOADS, hostileCorpus, scriptInjectionPayloads } from './corpus.ts';

// The corpus itself: large enough, varied, and really hostile where it claims to be.
test('the hostile corpus holds over a hundred distinct files covering every named category', () => {
  const corpus = hostileCorpus();
  assert.ok(corpus.length >= 100, `${corpus.length} files`);
  assert.equal(new Set(corpus.map((f) => f.name)).size, corpus.length);
  const has = (pattern: RegExp) => corpus.some((f) => pattern.test(f.name));
  for (const pattern of [
    /renamed\.csv$/,
    /^empty/,
    /^zero-bytes\.xlsx$/,
    /^truncated/,
    /^corrupt/,
    /^bomb/,
    /^unclosed/,
    /^nul/,
    /100000-columns/,
    /10mb-cell/,
    /invalid-utf8/,
    /mixed-line/,
    /^xss-cell/,
    /^xss-headers/,
    /^formula/,
    /^far-cell-ref\.xlsx$/,
    /^huge-row-number\.xlsx$/,
    /^20000-columns\.xlsx$/,
    /^huge-cell\.xlsx$/,
    /^unclosed-row\.xlsx$/,
    /^unclosed-si\.xlsx$/,
    /^large-shared-strings\.xlsx$/,
    /^bad-code-point\.xlsx$/,
    /^many-entries\.xlsx$/,
  ]) {
    assert.ok(has(pattern), `no file matches ${pattern}`);
  }
  const payloads = scriptInjectionPayloads();
  assert.ok(payloads.length > 200);
  // Every payload of the list is in some cell.
  const cells = corpus
    .filter((f) => f.name.startsWith('xss-cell'))
    .map((f) => f.bytes.toString('utf8'))
    .join('\n');
  for (const payload of payloads) assert.ok(cells.includes(`"${payload.replace(/"/g, '""')}"`), payload);
  assert.equal(corpus.filter((f) => f.name.startsWith('formula')).length, FORMULA_PAYLOADS.length);
});

test('the decompression bombs are small on disk and inflate over a hundredfold', async () => {
  const { inflateRawSync } = await import('node:zlib');
  const bombs = hostileCorpus().filter((f) => f.name.startsWith('bomb'));
  assert.equal(bombs.length, 2);
  for (const bomb of bombs) {
    assert.ok(bomb.bytes.length < 8 * 2 ** 20, `${bomb.name} is ${bomb.bytes.length} bytes`);
    // Inflate only the start: a bounded read proves the ratio without paying for the bomb.
    const start = bomb.bytes.indexOf('xl/worksheets/sheet1.xml') + 'xl/worksheets/sheet1.xml'.length;
    const first = inflateRawSync(bomb.bytes.subarray(start, start + 4096), { finishFlush: 2 });
    assert.ok(first.length > 500_000, `first 4 KB inflate to ${first.length} bytes`);
  }
});

test('the hostile workbooks are small files that declare huge things', () => {
  const byName = new Map(hostileCorpus().map((f) => [f.name, f]));
  for (const name of ['far-cell-ref.xlsx', 'huge-row-number.xlsx', 'bad-code-point.xlsx'])
    assert.ok(
      byName.get(name)!.bytes.length < 8 * 1024,
      `${name} is ${byName.get(name)!.bytes.length} bytes`,
    );
  // The large shared-strings part: over 200 MB declared in a file of a few MB, an honest size
  // that stays under the zip-bomb ratio, so only a size limit on the part refuses it.
  const strings = byName.get('large-shared-strings.xlsx')!.bytes;
  // The central directory entry (after the local one): its name starts 46 bytes in.
  const central = strings.lastIndexOf('xl/sharedStrings.xml') - 46;
  const declared = strings.readUInt32LE(central + 24);
  const compressed = strings.readUInt32LE(central + 20);
  assert.ok(declared >= 200 * 2 ** 20, `declares ${declared}`);
  assert.ok(strings.length < 8 * 2 ** 20, `${strings.length} bytes on disk`);
  assert.ok(declared / compressed < 1000, `ratio ${declared / compressed}`);
  // Two million characters that compress less than twentyfold: refused for its length, not as a bomb.
  assert.ok(
    byName.get('huge-cell.xlsx')!.bytes.length > 100_000,
    'the huge cell is not compressible to nothing',
  );
  assert.equal(
    byName.get('many-entries.xlsx')!.bytes.readUInt16LE(byName.get('many-entries.xlsx')!.bytes.length - 12),
    20_005,
  );
});
