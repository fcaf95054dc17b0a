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
