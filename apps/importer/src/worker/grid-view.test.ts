import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contacts } from '../../../../tests/support/import-session.ts';

describe('the grid view', () => {
  test('filters to rows with errors, in one field or any, and jumps between errors', async () => {
    const { session } = await contacts();
    let summary = session.setFilter({ errorsOnly: true });
    assert.equal(summary.viewCount, 2);
    assert.deepEqual(
      session.window(0, 10).rows.map((r) => r.index),
      [2, 7],
    );
    summary = session.setFilter({ errorsOnly: true, field: 'firstName' });
    assert.equal(summary.viewCount, 1);
    session.setFilter({ errorsOnly: false });
    const first = session.nextError(null);
    assert.deepEqual(first, { position: 2, field: 2 });
    assert.deepEqual(session.nextError(first), { position: 7, field: 0 });
    assert.deepEqual(session.nextError({ position: 7, field: 0 }), first, 'wraps around');
    assert.deepEqual(session.nextError(first, true), { position: 7, field: 0 });
  });

  test('filters to rows without errors', async () => {
    const { session } = await contacts();
    const summary = session.setFilter({ errorsOnly: false, validOnly: true });
    assert.equal(summary.viewCount, 9);
    assert.ok(!session.window(0, 20).rows.some((r) => r.index === 2 || r.index === 7));
  });
});
