import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { ALIVE, answerPings, PING } from './heartbeat.ts';
import { DisconnectedError, disconnect, type Endpoint, expose, transfer, wrap } from './session-rpc.ts';

// The session's calls over a real MessageChannel (one end as the frame's, the other as the
// worker's); session-rpc.browser.test.ts runs them against a real worker.

class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
  readonly code = 'too_large';
}

/** What the worker side exposes; `held` keeps what a test wants to look at afterwards. */
class Service {
  held: { buffer?: ArrayBuffer; progress?: (n: number) => void } = {};
  add(a: number, b: number): number {
    return a + b;
  }
  async echo<T>(value: T): Promise<T> {
    await new Promise((resolve) => setTimeout(resolve, 1));
    return value;
  }
  count(to: number, onProgress: (n: number) => void): Promise<string> {
    this.held.progress = onProgress;
    for (let n = 1; n <= to; n++) onProgress(n);
    return Promise.resolve('counted');
  }
  /** Calls the callback of an earlier call, which has settled by now. */
  callLate(): void {
    this.held.progress?.(99);
  }
  size(buffer: ArrayBuffer): number {
    return buffer.byteLength;
  }
  bytes(length: number, transferred: boolean): { buffer: ArrayBuffer } {
    const buffer = new ArrayBuffer(length);
    this.held.buffer = buffer;
    return transferred ? transfer({ buffer }, [buffer]) : { buffer };
  }
  fail(): never {
    throw new WorkbookError('The workbook is too large.');
  }
  failWithText(): never {
    throw 'plain text';
  }
  never(): Promise<never> {
    return new Promise(() => {});
  }
  unclonable(): () => void {
    return () => {};
  }
}

let channel: MessageChannel;
afterEach(() => {
  channel.port1.close();
  channel.port2.close();
});

function connect(service = new Service()) {
  channel = new MessageChannel();
  expose(service, channel.port2 as unknown as Endpoint);
  return { service, remote: wrap<Service>(channel.port1 as unknown as Endpoint) };
}

describe('session-rpc', () => {
  test('a call resolves with the answer of the method, sync or async, as a copy', async () => {
    const { remote } = connect();
    assert.equal(await remote.add(2, 3), 5);
    const value = { rows: [1, 2], nested: { text: 'ü' } };
    const echoed = await remote.echo(value);
    assert.deepEqual(echoed, value);
    assert.notEqual(echoed, value);
  });

  test('calls in flight resolve each with its own answer', async () => {
    const { remote } = connect();
    const answers = await Promise.all([remote.echo('a'), remote.add(1, 1), remote.echo('c')]);
    assert.deepEqual(answers, ['a', 2, 'c']);
  });

  test('a function argument is called back, before the answer, and not after the call settled', async () => {
    const { remote } = connect();
    const heard: number[] = [];
    const answer = await remote.count(3, (n) => heard.push(n));
    assert.equal(answer, 'counted');
    assert.deepEqual(heard, [1, 2, 3]);
    await remote.callLate();
    await remote.add(0, 0);
    assert.deepEqual(heard, [1, 2, 3]);
  });

  test('transfer hands a buffer over both ways (the sender keeps a detached one); otherwise it is copied', async () => {
    const { service, remote } = connect();
    const sent = new ArrayBuffer(8);
    assert.equal(await remote.size(transfer(sent, [sent])), 8);
    assert.equal(sent.byteLength, 0);
    const copied = new ArrayBuffer(8);
    assert.equal(await remote.size(copied), 8);
    assert.equal(copied.byteLength, 8);

    const answer = await remote.bytes(16, true);
    assert.equal(answer.buffer.byteLength, 16);
    assert.equal(service.held.buffer?.byteLength, 0);
    await remote.bytes(16, false);
    assert.equal(service.held.buffer?.byteLength, 16);
  });

  test('an error thrown in the worker arrives as an Error with its name and message', async () => {
    const { remote } = connect();
    const error = await remote.fail().catch((e: unknown) => e);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'WorkbookError');
    assert.equal(error.message, 'The workbook is too large.');
    const text = await remote.failWithText().catch((e: unknown) => e);
    assert.ok(text instanceof Error);
    assert.equal(text.message, 'plain text');
    const missing = await (remote as unknown as { nothing(): Promise<void> })
      .nothing()
      .catch((e: unknown) => e);
    assert.ok(missing instanceof Error);
    assert.equal(missing.name, 'TypeError');
    assert.match(missing.message, /no method "nothing"/);
  });

  test('what cannot be cloned rejects the call, on either side, instead of leaving it waiting', async () => {
    const { remote } = connect();
    const answer = await remote.unclonable().catch((e: unknown) => e);
    assert.ok(answer instanceof Error);
    assert.equal(answer.name, 'DataCloneError');
    const argument = await remote.echo({ f: () => {} }).catch((e: unknown) => e);
    assert.ok(argument instanceof Error);
    assert.equal(argument.name, 'DataCloneError');
    assert.equal(await remote.add(1, 2), 3);
  });

  test('disconnect rejects the calls waiting and every later one, and drops their callbacks', async () => {
    const { service, remote } = connect();
    const heard: number[] = [];
    const waiting = remote.never();
    const counting = remote.count(1, (n) => heard.push(n));
    disconnect(channel.port1 as unknown as Endpoint, 'The worker failed.');
    const error = await waiting.catch((e: unknown) => e);
    assert.ok(error instanceof DisconnectedError);
    assert.equal(error.message, 'The worker failed.');
    await assert.rejects(counting, DisconnectedError);
    await assert.rejects(remote.add(1, 2), DisconnectedError);
    service.held.progress?.(5);
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(heard, []);
  });

  test('a call waiting when the other end of the port closes rejects', async () => {
    const { remote } = connect();
    const waiting = remote.never();
    await remote.add(1, 1);
    channel.port2.close();
    await assert.rejects(waiting, DisconnectedError);
  });

  test("the heartbeat's pings are answered on the same channel, and the calls pass them by", async () => {
    channel = new MessageChannel();
    const worker = channel.port2 as unknown as Endpoint;
    answerPings(worker);
    expose(new Service(), worker);
    const frame = channel.port1 as unknown as Endpoint;
    const remote = wrap<Service>(frame);
    const messages: unknown[] = [];
    frame.addEventListener('message', (event) => messages.push(event.data));
    const sum = remote.add(20, 22);
    frame.postMessage({ type: PING }, []);
    assert.equal(await sum, 42);
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(
      messages.filter((m) => (m as { type: string }).type === ALIVE),
      [{ type: ALIVE }],
    );
    // Nothing answered the ping but the heartbeat: the call's answer and the ping's.
    assert.equal(messages.length, 2);
  });
});
