import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Issue } from '@csv-importer/core';
import { messageId, PROTOCOL_VERSION } from '@csv-importer/protocol/wire';
import { ImportSession } from './import-session.ts';

/** Every row delivered on a port, each batch acknowledged at once: the duplicates' issues. */
async function deliveredDuplicates(session: ImportSession) {
  const { port1, port2 } = new MessageChannel();
  const issues: Issue[] = [];
  port2.onmessage = (event: MessageEvent) => {
    const message = event.data as { id: string; issues: Issue[] };
    issues.push(...message.issues);
    port2.postMessage({ type: 'ack', version: PROTOCOL_VERSION, id: messageId(), replyTo: message.id });
  };
  const outcome = await session.deliverOnPort(
    port1,
    { batchSize: 3_000, encoding: 'records', unmatched: false, timeoutMs: 10_000 },
    () => {},
  );
  port2.close();
  assert.ok(outcome.ok);
  return issues.filter((i) => i.code === 'duplicate').map((i) => [i.row, i.params?.firstRow]);
}

describe('unique fields', () => {
  test('settled for a delivery, then built again for edits, deletions and undo after it', async () => {
    // 10,000 rows; every 1,000th id is repeated 5,000 rows later.
    const ids = Array.from({ length: 10_000 }, (_, i) =>
      i >= 5_000 && i % 1_000 === 0 ? `${i - 5_000}` : `${i}`,
    );
    const session = new ImportSession();
    session.configure([{ key: 'id', label: 'ID', unique: true }]);
    assert.ok((await session.load(new File([`id\n${ids.join('\n')}\n`], 'ids.csv'))).ok);
    session.validate({ id: 0 });
    const repeats = [5_000, 6_000, 7_000, 8_000, 9_000].map((row) => [row, row - 5_000]);
    assert.deepEqual(await deliveredDuplicates(session), repeats);
    // Delivered again (a delivery that failed is tried again): the same answers.
    assert.deepEqual(await deliveredDuplicates(session), repeats);

    // An edit after a delivery: a third holder of a value repeats the first.
    const third = session.edit(9_999, 'id', ' 1000 ');
    assert.deepEqual(third.cell.issue, { code: 'duplicate', level: 'error', params: { firstRow: 1_000 } });
    assert.equal(third.summary.errorCount, 6);
    assert.deepEqual((await deliveredDuplicates(session)).at(-1), [9_999, 1_000]);

    // The first holder changes after a delivery: the next one is first, the last repeat names it.
    const moved = session.edit(1_000, 'id', 'moved');
    assert.deepEqual(
      moved.others?.map((o) => [o.row, o.cell.issue?.params?.firstRow]),
      [
        [6_000, undefined],
        [9_999, 6_000],
      ],
    );
    assert.deepEqual((await deliveredDuplicates(session)).at(-1), [9_999, 6_000]);

    // Deleting a first holder after a delivery makes its repeat first; undo makes it a repeat again.
    let summary = session.deleteRows([0]);
    assert.equal(summary.errorCount, 4);
    await deliveredDuplicates(session);
    summary = session.undo();
    assert.equal(summary.errorCount, 5);
    await deliveredDuplicates(session);
    summary = session.undo();
    assert.equal(summary.errorCount, 6);
    assert.deepEqual(await deliveredDuplicates(session), [...repeats, [9_999, 1_000]]);
  });
});
