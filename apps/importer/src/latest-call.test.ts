import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LatestCall } from './latest-call.ts';

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('LatestCall', () => {
  test('only the latest run commits; the one before sees its signal abort', async () => {
    const calls = new LatestCall();
    const first = deferred<string>();
    const second = deferred<string>();
    let firstSignal: AbortSignal | undefined;
    const a = calls.run((signal) => {
      firstSignal = signal;
      return first.promise;
    });
    const b = calls.run(() => second.promise);
    assert.equal(firstSignal?.aborted, true);
    // The older answer arrives last, and still does not win.
    second.resolve('new');
    first.resolve('old');
    assert.deepEqual(await b, { current: true, value: 'new' });
    assert.deepEqual(await a, { current: false });
  });

  test('cancel drops the current run, and an error of a superseded run is not thrown', async () => {
    const calls = new LatestCall();
    const run = deferred<number>();
    const cancelled = calls.run(() => run.promise);
    calls.cancel();
    run.reject(new Error('read stopped'));
    assert.deepEqual(await cancelled, { current: false });
    await assert.rejects(
      calls.run(() => Promise.reject(new Error('boom'))),
      /boom/,
    );
    assert.deepEqual(await calls.run(() => 7), { current: true, value: 7 });
  });
});
