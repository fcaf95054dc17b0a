import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Geometry } from './grid-geometry.ts';
import { COLUMN_WIDTH, HEADER_HEIGHT, MAX_SCROLL_HEIGHT, ROW_HEIGHT } from './grid-types.ts';

const metrics = { top: 0, left: 0, width: 600, height: HEADER_HEIGHT + 10 * ROW_HEIGHT };

describe('grid geometry', () => {
  test('the rows and fields in view, and the scroll that brings a cell into view', () => {
    const g = new Geometry(100, 8, metrics);
    assert.equal(g.visibleRows, 11);
    assert.deepEqual(g.range, { first: 0, last: 11, offsetY: 0, firstField: 0, lastField: 5, offsetX: 0 });
    assert.deepEqual(g.scrollTo(20, 6), { top: 11 * ROW_HEIGHT, left: 7 * COLUMN_WIDTH + 92 - 600 });
    assert.deepEqual(g.scrollTo(0, -1), { top: 0, left: 0 }, 'the row header scrolls no column');
  });

  test('past the height cap, scroll is scaled so the last row is still reached', () => {
    const total = 1_000_000;
    const g = new Geometry(total, 8, metrics);
    assert.ok(g.scrollRange < MAX_SCROLL_HEIGHT);
    const { top } = g.scrollTo(total - 1, 0);
    const end = new Geometry(total, 8, { ...metrics, top });
    assert.equal(end.range.last, total);
  });
});
