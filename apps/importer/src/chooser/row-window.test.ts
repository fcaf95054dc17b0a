import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { visibleRange } from './row-window.ts';

describe('visible rows', () => {
  test('a short list is shown whole', () => {
    assert.deepEqual(visibleRange(0, 600, 40, 10, 8), { start: 0, end: 10, before: 0, after: 0 });
  });

  test('a long list shows a screenful and the overscan, with the space of the others around it', () => {
    const range = visibleRange(40_000, 400, 40, 2000, 8);
    assert.deepEqual(range, { start: 992, end: 1019, before: 992 * 40, after: (2000 - 1019) * 40 });
    assert.ok(range.end - range.start < 40);
  });

  test('scrolled past the end or before the start, it stays inside the list', () => {
    assert.deepEqual(visibleRange(1e9, 400, 40, 100, 8), { start: 100, end: 100, before: 4000, after: 0 });
    assert.deepEqual(visibleRange(-50, 400, 40, 100, 2), { start: 0, end: 13, before: 0, after: 87 * 40 });
  });
});
