import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { LoadProgress, LoadResult, LoadSummary, ReadOptions } from '../worker/session-types.ts';
import type { Skipped, State } from './flow-state.ts';
import { ReadingController, type ReadingHost } from './reading-controller.ts';

const SUMMARY: LoadSummary = {
  fileName: 'contacts.csv',
  encoding: 'utf-8',
  delimiter: ',',
  headerRow: 0,
  headerCertain: true,
  headers: ['First Name', 'Last Name', 'E-mail', 'Phone'],
  rowCount: 2,
  suggestions: [],
  samples: [],
  preview: [],
};

/** A read the test settles when it wants, with the progress callback the controller passed. */
interface PendingRead {
  readonly file: File | undefined;
  readonly options: ReadOptions | undefined;
  progress?: (progress: LoadProgress) => void;
  settle(result: LoadResult): void;
}

/** A controller on a fake app and a fake worker session that records what happens. */
function setup(maxRows?: number) {
  let state: State = { step: 'upload' };
  const reads: PendingRead[] = [];
  const sent: unknown[] = [];
  const events: string[] = [];
  let passed: { summary: LoadSummary; skipped: Skipped } | undefined;
  const pending = (file: File | undefined, options: ReadOptions | undefined) =>
    new Promise<LoadResult>((resolve) => {
      reads.push({ file, options, settle: resolve });
    });
  const session = {
    load: async (file: File, progress?: (progress: LoadProgress) => void) => {
      const read = pending(file, undefined);
      reads.at(-1)!.progress = progress;
      return read;
    },
    reread: async (options: ReadOptions) => pending(undefined, options),
    cancel: async () => {
      events.push('cancel');
    },
    setHeaderRow: async (row: number) => ({ ...SUMMARY, headerRow: row, headerCertain: undefined }),
  };
  const host: ReadingHost = {
    state: () => state,
    go: (next) => {
      state = next;
    },
    session: () => session as never,
    maxRows: () => maxRows,
    send: (message) => sent.push(message),
    newFile: () => events.push('new file'),
    toMatch: (summary, skipped) => {
      passed = { summary, skipped };
    },
  };
  const controller = new ReadingController(host);
  const flush = () => new Promise((resolve) => setTimeout(resolve));
  return { controller, reads, sent, events, flush, state: () => state, passed: () => passed };
}

const file = (name: string) => new File(['x'], name, { type: 'text/csv' });

describe('ReadingController', () => {
  test('a clean file: progress on the upload step, then on to matching with the header step passed and said', async () => {
    const { controller, reads, events, flush, state, passed } = setup();
    const done = controller.load(file('contacts.csv'));
    await flush();
    assert.deepEqual(state(), {
      step: 'upload',
      reading: { fileName: 'contacts.csv', rows: 0, fraction: 0 },
    });
    assert.equal(controller.reading, true);
    reads[0]!.progress!({ rows: 5, fraction: 0.5 });
    assert.deepEqual(state(), {
      step: 'upload',
      reading: { fileName: 'contacts.csv', rows: 5, fraction: 0.5 },
    });
    reads[0]!.settle({ ok: true, summary: SUMMARY });
    await done;
    assert.deepEqual(events, ['new file']);
    assert.equal(passed()?.summary, SUMMARY);
    assert.deepEqual(passed()?.skipped, {
      step: 'header',
      note: 'The column names are in row 1 of the file (First Name, Last Name, E-mail, …), so there was nothing to choose.',
    });
  });

  test('an uncertain header row, several sheets or an unsure encoding show the header step', async () => {
    for (const summary of [
      { ...SUMMARY, headerCertain: undefined },
      { ...SUMMARY, headerRow: 2, headerCertain: undefined },
      { ...SUMMARY, sheets: ['Notes', 'Customers'], sheet: 'Customers' },
      { ...SUMMARY, encodingDoubt: { confidence: 20, alternatives: [] } },
      { ...SUMMARY, readingFindings: [{ code: 'malformed_quotes' as const, count: 1, rows: [3] }] },
    ]) {
      const { controller, reads, flush, state, passed } = setup();
      const done = controller.load(file('f.csv'));
      await flush();
      reads[0]!.settle({ ok: true, summary });
      await done;
      assert.deepEqual(state(), { step: 'header', summary }, JSON.stringify(summary));
      assert.equal(passed(), undefined);
    }
  });

  test('Cancel: the read in progress no longer moves the flow on; the user and the host hear it', async () => {
    const { controller, reads, sent, events, flush, state, passed } = setup();
    const done = controller.load(file('big.csv'));
    await flush();
    controller.cancel();
    assert.deepEqual(state(), { step: 'upload', notice: 'Reading the file was cancelled.' });
    assert.deepEqual(sent, [{ type: 'cancelled', phase: 'reading' }]);
    assert.deepEqual(events, ['cancel']);
    reads[0]!.progress!({ rows: 9, fraction: 0.9 });
    reads[0]!.settle({ ok: true, summary: SUMMARY });
    await done;
    assert.deepEqual(state(), { step: 'upload', notice: 'Reading the file was cancelled.' });
    assert.equal(passed(), undefined);
  });

  test('a newer file supersedes the read in progress: only the latest moves on', async () => {
    const { controller, reads, flush, passed } = setup();
    const first = controller.load(file('old.csv'));
    await flush();
    const second = controller.load(file('new.csv'));
    await flush();
    reads[1]!.settle({ ok: true, summary: { ...SUMMARY, fileName: 'new.csv' } });
    await second;
    reads[0]!.settle({ ok: true, summary: { ...SUMMARY, fileName: 'old.csv' } });
    await first;
    assert.equal(passed()?.summary.fileName, 'new.csv');
  });

  test('a file refused by the worker goes back to upload with the reason; the host hears its own row limit', async () => {
    const { controller, reads, sent, flush, state } = setup(1000);
    const done = controller.load(file('long.csv'));
    await flush();
    reads[0]!.settle({ ok: false, code: 'too_many_rows', message: 'The file has more than 1,000 rows.' });
    await done;
    assert.equal(state().step, 'upload');
    const error = (state() as { error: string }).error;
    assert.match(error, /1,000/);
    assert.deepEqual(sent, [{ type: 'error', code: 'too_many_rows', message: error }]);
  });

  test('reading again with other options and another header row stay on the header step', async () => {
    const { controller, reads, flush, state } = setup();
    const done = controller.reread({ encoding: 'windows-1252', delimiter: ';' });
    await flush();
    assert.deepEqual(reads[0]!.options, { encoding: 'windows-1252', delimiter: ';' });
    reads[0]!.settle({ ok: true, summary: SUMMARY });
    await done;
    assert.deepEqual(
      state(),
      { step: 'header', summary: SUMMARY },
      'a certain header row is shown all the same',
    );
    await controller.setHeaderRow(1);
    assert.equal((state() as { summary: LoadSummary }).summary.headerRow, 1);
  });
});
