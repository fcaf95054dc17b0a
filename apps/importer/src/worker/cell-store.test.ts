import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ColumnBatch, parseColumnStream } from '@csv-importer/core';
import { CellStore } from './cell-store.ts';

/** Rows per packed block of the store (the tests cross its boundaries). */
const BLOCK = 4096;

/** Every cell of the store, row by row, through `get`. */
function cells(store: CellStore): string[][] {
  const out: string[][] = [];
  for (let r = 0; r < store.length; r++) {
    const row: string[] = [];
    for (let c = 0; c < store.width; c++) row.push(store.get(r, c));
    out.push(row);
  }
  return out;
}

/** `n` rows of `width` distinct cells, some empty. */
function rows(n: number, width: number, from = 0): string[][] {
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: width }, (_, c) => ((from + i) % 7 === c ? '' : `r${from + i}c${c}`)),
  );
}

/** The batches the CSV tokenizer reads from `text`, `batchRows` records a batch. */
async function packed(text: string, batchRows: number): Promise<ColumnBatch[]> {
  const batches: ColumnBatch[] = [];
  const stream = new ReadableStream<string>({
    start(controller) {
      controller.enqueue(text);
      controller.close();
    },
  });
  for await (const batch of parseColumnStream(stream, { delimiter: ',' }, undefined, batchRows))
    batches.push(batch.records);
  return batches;
}

/** `rows` as CSV text (cells without delimiters, quotes or line ends). */
const csv = (rows: readonly (readonly string[])[]) => rows.map((row) => `${row.join(',')}\n`).join('');

describe('CellStore', () => {
  test("appendPacked keeps the tokenizer's batches as runs: they read back, part batches too, and take edits", async () => {
    const all = rows(2 * BLOCK + 300, 3).map((row, i) => (i % 500 === 3 ? [...row, 'extra', 'é😀'] : row));
    const batches = await packed(csv(all), BLOCK);
    const store = new CellStore();
    for (const batch of batches) store.appendPacked(batch);
    assert.equal(store.length, all.length);
    assert.equal(store.width, 5);
    assert.deepEqual(
      cells(store),
      all.map((row) => [...row, '', ''].slice(0, 5)),
    );
    for (let i = 0; i < 300; i++) store.set(BLOCK + i, 1, `edited ${i}`);
    assert.equal(store.get(BLOCK + 299, 1), 'edited 299');
    assert.equal(store.get(BLOCK + 300, 1), all[BLOCK + 300]![1]);
    // Only the first records of a batch (a preview), then plain appends after them.
    const preview = new CellStore();
    preview.appendPacked(batches[0]!, 10);
    preview.append([['after', 'it']]);
    assert.deepEqual(
      cells(preview).slice(0, 10),
      all.slice(0, 10).map((row) => [...row, '', ''].slice(0, 5)),
    );
    assert.deepEqual(preview.record(10), ['after', 'it', '', '', '']);
    // Rows appended as strings, then a packed batch: the open rows are packed first.
    const mixed = new CellStore();
    mixed.append([['x', 'y']]);
    mixed.appendPacked(batches[2]!);
    assert.deepEqual(mixed.record(0), ['x', 'y', '']);
    assert.deepEqual(mixed.record(1), all[2 * BLOCK]);
  });

  test('reads back what was appended, across batches and blocks', () => {
    const store = new CellStore();
    const all = rows(3 * BLOCK + 17, 3);
    // Batches that do not line up with blocks.
    for (let i = 0; i < all.length; i += 1000) store.append(all.slice(i, i + 1000));
    assert.equal(store.length, all.length);
    assert.equal(store.width, 3);
    assert.deepEqual(cells(store), all);
    for (const r of [0, BLOCK - 1, BLOCK, 2 * BLOCK + 5, all.length - 1])
      assert.deepEqual(store.record(r), all[r]);
  });

  test('appends of every size read back, and so do edits, across runs packed from each append', () => {
    const store = new CellStore();
    const all: string[][] = [];
    // Sizes around the smallest run packed at the end of an append (256) and the largest (4,096).
    for (const size of [1, 255, 1, 256, 257, 3, 5000, 4096, 4095, 2, 300, 8193, 7]) {
      const batch = rows(size, 3, all.length);
      store.append(batch);
      all.push(...batch);
    }
    assert.equal(store.length, all.length);
    assert.deepEqual(cells(store), all);
    // Reads out of order find each row's run as well as a scan does.
    for (let r = all.length - 1; r >= 0; r -= 997) assert.deepEqual(store.record(r), all[r]);
    for (const r of [0, 1, 256, 257, 513, 5000, all.length - 1]) {
      store.set(r, 2, `edit ${r}`);
      all[r]![2] = `edit ${r}`;
    }
    assert.deepEqual(cells(store), all);
  });

  test('a ragged row widens the store: shorter rows, before and after, read back empty cells', () => {
    const store = new CellStore();
    store.append([['a'], ['b', 'c']]);
    store.append(rows(BLOCK, 1, 2));
    store.append([['d', 'e', 'f', 'g'], []]);
    assert.equal(store.width, 4);
    assert.deepEqual(store.record(0), ['a', '', '', '']);
    assert.deepEqual(store.record(1), ['b', 'c', '', '']);
    assert.deepEqual(store.record(2), [rows(1, 1, 2)[0]![0], '', '', '']);
    assert.deepEqual(store.record(BLOCK + 2), ['d', 'e', 'f', 'g']);
    assert.deepEqual(store.record(BLOCK + 3), ['', '', '', '']);
  });

  test('a column that widens the store inside a block, then fills it', () => {
    const store = new CellStore();
    store.append(rows(10, 1));
    store.append(Array.from({ length: 2 * BLOCK }, (_, i) => ['x', `late${i}`]));
    assert.equal(store.get(9, 1), '');
    assert.equal(store.get(10, 1), 'late0');
    assert.equal(store.get(2 * BLOCK + 9, 1), `late${2 * BLOCK - 1}`);
  });

  test('cells outside the store read back empty', () => {
    const store = new CellStore();
    store.append(rows(BLOCK + 2, 2));
    for (const [r, c] of [
      [-1, 0],
      [BLOCK + 2, 0],
      [0, 2],
      [0, -1],
      [BLOCK + 1, 5],
      [0.5, 0],
    ] as const) {
      assert.equal(store.get(r, c), '', `${r},${c}`);
    }
    assert.equal(new CellStore().get(0, 0), '');
    assert.deepEqual(new CellStore().record(0), []);
  });

  test('keeps text whole: a leading byte order mark, two-byte text, emoji, combining marks, a lone surrogate', () => {
    // A byte order mark opens the first cell: it is the cell's text, whatever UTF-8 makes of it.
    const samples = ['\uFEFFZoë', '李雷', '👩🏽‍💻', 'e\u0301', '', 'plain', '\u0000', 'ﬀ', '🇫🇮,"quoted"'];
    // Column 2 holds one lone surrogate, which UTF-8 cannot encode.
    const all = Array.from({ length: BLOCK + 50 }, (_, i) => [
      samples[i % samples.length]!,
      `${i}`,
      i === 5 ? 'half \uD83D pair' : `n${i}`,
    ]);
    const store = new CellStore();
    store.append(all);
    assert.deepEqual(cells(store), all);
    assert.equal(store.get(0, 0), '\uFEFFZoë');
    assert.equal(store.get(2, 0), '👩🏽‍💻');
    assert.equal(store.get(5, 2), 'half \uD83D pair');
  });

  test('long cells (a block of more than 64K characters) read back whole', () => {
    const long = 'x'.repeat(40);
    const store = new CellStore();
    store.append(Array.from({ length: BLOCK + 1 }, (_, i) => [`${long}${i}`]));
    assert.equal(store.get(0, 0), `${long}0`);
    assert.equal(store.get(BLOCK - 1, 0), `${long}${BLOCK - 1}`);
    assert.equal(store.get(BLOCK, 0), `${long}${BLOCK}`);
  });

  test('set edits packed rows and open rows alike; they read back and survive more appends', () => {
    const store = new CellStore();
    store.append(rows(BLOCK + 10, 2));
    store.set(0, 0, 'first');
    store.set(BLOCK - 1, 1, '👍');
    store.set(BLOCK + 3, 0, 'open');
    store.set(5, 1, '');
    assert.equal(store.get(0, 0), 'first');
    assert.equal(store.get(BLOCK - 1, 1), '👍');
    assert.equal(store.get(BLOCK + 3, 0), 'open');
    assert.equal(store.get(5, 1), '');
    assert.equal(store.get(1, 0), rows(2, 2)[1]![0], 'a neighbour is untouched');
    store.set(0, 0, 'again');
    assert.equal(store.get(0, 0), 'again');
    // The open block fills and is packed with its edit.
    store.append(rows(BLOCK, 2, BLOCK + 10));
    assert.equal(store.get(BLOCK + 3, 0), 'open');
    assert.equal(store.get(0, 0), 'again');
    assert.deepEqual(store.record(BLOCK - 1), [rows(BLOCK, 2)[BLOCK - 1]![0], '👍']);
  });

  test('many edits in one block (packed into it again) and edits back to the original', () => {
    const store = new CellStore();
    const all = rows(2 * BLOCK, 2);
    store.append(all);
    const expected = all.map((row) => [...row]);
    for (let r = 0; r < BLOCK; r += 3) {
      store.set(r, 1, `edited ${r} ✓`);
      expected[r]![1] = `edited ${r} ✓`;
    }
    for (let r = 0; r < BLOCK; r += 9) {
      store.set(r, 1, all[r]![1]!);
      expected[r]![1] = all[r]![1]!;
    }
    assert.deepEqual(cells(store), expected);
  });

  test('set outside the store throws a RangeError', () => {
    const store = new CellStore();
    store.append(rows(BLOCK + 1, 2));
    for (const [r, c] of [
      [-1, 0],
      [BLOCK + 1, 0],
      [0, 2],
      [0, -1],
      [1.5, 0],
    ] as const) {
      assert.throws(() => store.set(r, c, 'x'), RangeError, `${r},${c}`);
    }
    assert.throws(() => new CellStore().set(0, 0, 'x'), RangeError);
  });

  test('addColumn adds an empty column to every row, which set then fills', () => {
    const store = new CellStore();
    store.append(rows(BLOCK + 3, 2));
    const added = store.addColumn();
    assert.equal(added, 2);
    assert.equal(store.width, 3);
    assert.equal(store.get(0, added), '');
    assert.equal(store.get(BLOCK + 2, added), '');
    store.set(7, added, 'by hand');
    store.set(BLOCK + 1, added, 'open');
    assert.deepEqual(store.record(7), [...rows(8, 2)[7]!, 'by hand']);
    assert.equal(store.get(BLOCK + 1, added), 'open');
    // Rows appended later have the column too.
    store.append([['a', 'b']]);
    assert.deepEqual(store.record(BLOCK + 3), ['a', 'b', '']);
    assert.equal(new CellStore().addColumn(), 0);
  });
});
