import { expect } from 'chai';
import { type WorkerFailure, watchWorker } from '../worker-watchdog.ts';
import { ALIVE } from './heartbeat.ts';
import { DisconnectedError, disconnect, type Remote, transfer, wrap } from './session-rpc.ts';

// The session's calls to a real worker in Chromium, which answers them with `expose` on its own
// scope, and answers the heartbeat's pings on the same channel as the frame's worker does.

const SOURCE = `
  import { expose, transfer } from '${new URL('./session-rpc.ts', import.meta.url)}';
  import { answerPings } from '${new URL('./heartbeat.ts', import.meta.url)}';
  const beat = answerPings(self);
  class WorkbookError extends Error { name = 'WorkbookError'; }
  expose({
    add: (a, b) => a + b,
    count(to, onProgress) {
      for (let n = 1; n <= to; n++) onProgress(n);
      return 'counted';
    },
    size: (buffer) => buffer.byteLength,
    bytes(length) {
      const buffer = new ArrayBuffer(length);
      return transfer({ buffer }, [buffer]);
    },
    fail() { throw new WorkbookError('The workbook is too large.'); },
    busy(ms) {
      const end = performance.now() + ms;
      while (performance.now() < end) beat();
      return 'done';
    },
    never: () => new Promise(() => {}),
  });
`;

interface Api {
  add(a: number, b: number): number;
  count(to: number, onProgress: (n: number) => void): string;
  size(buffer: ArrayBuffer): number;
  bytes(length: number): { buffer: ArrayBuffer };
  fail(): never;
  busy(ms: number): string;
  never(): Promise<never>;
}

let worker: Worker;
let remote: Remote<Api>;
beforeEach(() => {
  const url = URL.createObjectURL(new Blob([SOURCE], { type: 'text/javascript' }));
  worker = new Worker(url, { type: 'module' });
  URL.revokeObjectURL(url);
  remote = wrap<Api>(worker);
});
afterEach(() => worker.terminate());

describe('session-rpc with a real worker', () => {
  it('calls resolve with their answers; a callback is called back before the answer', async () => {
    expect(await remote.add(40, 2)).to.equal(42);
    const heard: number[] = [];
    expect(await remote.count(3, (n) => heard.push(n))).to.equal('counted');
    expect(heard).to.deep.equal([1, 2, 3]);
  });

  it('a transferred buffer leaves the frame detached, and one comes back from the worker', async () => {
    const buffer = new ArrayBuffer(1024);
    expect(await remote.size(transfer(buffer, [buffer]))).to.equal(1024);
    expect(buffer.byteLength).to.equal(0);
    expect((await remote.bytes(64)).buffer.byteLength).to.equal(64);
  });

  it('an error thrown in the worker arrives with its name and message', async () => {
    const error = await remote.fail().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(Error);
    expect(error).to.include({ name: 'WorkbookError', message: 'The workbook is too large.' });
  });

  it('a call waiting on a worker that is terminated rejects once the frame disconnects it', async () => {
    const waiting = remote.never();
    expect(await remote.add(1, 1)).to.equal(2);
    worker.terminate();
    disconnect(worker, 'The worker failed.');
    const error = await waiting.catch((e: unknown) => e);
    expect(error).to.be.instanceOf(DisconnectedError);
    expect(error).to.include({ message: 'The worker failed.' });
  });

  it('the watchdog hears the worker through a long call that beats, and the call answers', async () => {
    let failure: WorkerFailure | undefined;
    let alive = 0;
    worker.addEventListener('message', (event) => {
      if ((event.data as { type?: string }).type === ALIVE) alive++;
    });
    const stop = watchWorker(worker, (f) => (failure = f), { pingIntervalMs: 100, silenceLimitMs: 1_000 });
    expect(await remote.busy(2_500)).to.equal('done');
    stop();
    expect(failure).to.equal(undefined);
    expect(alive).to.be.greaterThan(1);
  });
});
