import { expect } from 'chai';
import { type WorkerFailure, watchWorker } from './worker-watchdog.ts';

// Real workers that answer pings with the worker side of the heartbeat (worker/heartbeat.ts),
// watched with a short silence limit: busy work that beats is alive, busy work that does not
// beat, a worker that closes itself and one that throws are given up.

const TIMING = { pingIntervalMs: 100, silenceLimitMs: 1_000 };

const SOURCE = `
  import { answerPings } from '${new URL('./worker/heartbeat.ts', import.meta.url)}';
  const beat = answerPings(self);
  self.addEventListener('message', ({ data }) => {
    const spin = (ms, each) => {
      const end = performance.now() + ms;
      while (performance.now() < end) each();
      postMessage({ type: 'done' });
    };
    if (data.command === 'busy') spin(data.ms, beat);
    if (data.command === 'busy without beats') spin(data.ms, () => {});
    if (data.command === 'close') close();
    if (data.command === 'throw') setTimeout(() => { throw new Error('boom'); });
  });
`;

let worker: Worker | undefined;
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  worker?.terminate();
});

/** Starts a watched worker, sends it `command`, and resolves with its failure or 'done'. */
function run(command: string, ms = 0): Promise<WorkerFailure | 'done'> {
  const url = URL.createObjectURL(new Blob([SOURCE], { type: 'text/javascript' }));
  worker = new Worker(url, { type: 'module' });
  URL.revokeObjectURL(url);
  return new Promise((resolve) => {
    stop = watchWorker(worker!, resolve, TIMING);
    worker!.addEventListener('message', (event) => {
      if ((event.data as { type?: string }).type === 'done') resolve('done');
    });
    worker!.postMessage({ command, ms });
  });
}

describe('worker watchdog', () => {
  it('a worker busy for three times the silence limit, beating, is not given up', async () => {
    expect(await run('busy', 3_000)).to.equal('done');
  });

  it('a worker busy without beating is given up as silent', async () => {
    const outcome = await run('busy without beats', 5_000);
    expect(outcome).to.include({ kind: 'silent' });
  });

  it('a worker that closes itself fires no event and is given up as silent', async () => {
    expect(await run('close')).to.include({ kind: 'silent' });
  });

  it("a worker's uncaught error is a failure with its message", async () => {
    const outcome = await run('throw');
    expect(outcome).to.have.property('kind', 'error');
    expect((outcome as { detail: string }).detail).to.match(/boom/);
  });
});
