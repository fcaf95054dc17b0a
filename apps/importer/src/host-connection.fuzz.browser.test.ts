import { PROTOCOL_VERSION } from '@csv-importer/protocol';
import { hostToFrameSamples, nearValid, replySamples } from '@csv-importer/protocol/conformance';
import { expect } from 'chai';
import fc from 'fast-check';
import { HostConnection, portTransport } from './host-connection.ts';

const INIT = {
  type: 'init',
  version: PROTOCOL_VERSION,
  id: 'init',
  columns: [{ key: 'a', label: 'A' }],
  options: { theme: { colorPrimary: '#000' } },
};

/** Resolves once `port` has delivered every message posted before this call. */
function flush(port: MessagePort, listen: MessagePort): Promise<void> {
  return new Promise((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if ((event.data as { id?: string } | null)?.id !== 'flush') return;
      listen.removeEventListener('message', onMessage);
      resolve();
    };
    listen.addEventListener('message', onMessage);
    port.postMessage({ type: 'theme', version: PROTOCOL_VERSION, id: 'flush', theme: {} });
  });
}

const warn = console.warn;
beforeEach(() => {
  console.warn = () => {};
});
afterEach(() => {
  console.warn = warn;
});

describe('protocol fuzzing, frame side', () => {
  it('acts on exactly the valid messages among thousands on its port, and reports each dropped one', async () => {
    const channel = new MessageChannel();
    const seen: { id: string }[] = [];
    const reports: unknown[] = [];
    channel.port1.onmessage = (event) => reports.push(event.data);
    const connection = new HostConnection(portTransport(channel.port2), (m) => seen.push(m));
    const random = fc.sample(fc.jsonValue(), { numRuns: 2000, seed: 7 });
    const valid: unknown[] = [INIT];
    let invalid = 0;
    channel.port1.postMessage(INIT);
    for (let round = 0; round < 60; round++) {
      for (const message of hostToFrameSamples((n) => `r${round}-${n}`)) {
        valid.push(message);
        channel.port1.postMessage(message);
        for (const broken of [...nearValid(message), ...random.slice(round * 30, round * 30 + 30)]) {
          channel.port1.postMessage(broken);
          invalid++;
        }
      }
      // A second init and replies to nothing pending are dropped too.
      channel.port1.postMessage({ ...INIT, id: `again-${round}` });
      channel.port1.postMessage(replySamples('nothing-pending', (n) => `x${round}-${n}`)[0]);
      invalid += 2;
    }
    expect(invalid).to.be.greaterThan(3000);
    await flush(channel.port1, channel.port2);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seen.filter((m) => m.id !== 'flush')).to.deep.equal(valid);
    const errors = reports.filter((r) => (r as { code?: string }).code === 'invalid_message');
    expect(errors.length).to.equal(invalid);
    connection.close();
  });

  it('settles a pending request only with a valid reply to it', async () => {
    const channel = new MessageChannel();
    const requests: { id: string }[] = [];
    channel.port1.onmessage = (event) => requests.push(event.data);
    const connection = new HostConnection(portTransport(channel.port2), () => {});
    const pending = connection.request({ type: 'rows', start: 0, rows: [], issues: [] });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const id = requests.find((r) => (r as { type?: string }).type === 'rows')!.id;
    const [ack] = replySamples(id, (n) => `reply-${n}`);
    for (const broken of [...nearValid(ack!), ...replySamples('someone-else', (n) => `other-${n}`)]) {
      channel.port1.postMessage(broken);
    }
    let settled = false;
    void pending.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(settled).to.equal(false);
    channel.port1.postMessage(ack);
    expect(await pending).to.deep.equal(ack);
    connection.close();
  });

  it('answers a malformed init with an invalid_message error that names the field', async () => {
    const channel = new MessageChannel();
    const reports: { code?: string; message?: string }[] = [];
    const got = new Promise<void>((resolve) => {
      channel.port1.onmessage = (event) => {
        if ((event.data as { type?: string }).type === 'alive') return;
        reports.push(event.data);
        resolve();
      };
    });
    const seen: unknown[] = [];
    const connection = new HostConnection(portTransport(channel.port2), (m) => seen.push(m));
    channel.port1.postMessage({ ...INIT, columns: [{ key: '', label: 'A' }] });
    await got;
    expect(seen).to.deep.equal([]);
    expect(reports[0]!.code).to.equal('invalid_message');
    expect(reports[0]!.message).to.match(/\(columns\.0\.key: /);
    connection.close();
  });

  it('says alive once connected and answers each ping with alive, naming the ping', async () => {
    const channel = new MessageChannel();
    const heard: { type: string; replyTo?: string }[] = [];
    channel.port1.onmessage = (event) => heard.push(event.data);
    const seen: unknown[] = [];
    const connection = new HostConnection(portTransport(channel.port2), (m) => seen.push(m));
    channel.port1.postMessage({ type: 'ping', version: PROTOCOL_VERSION, id: 'ping-1' });
    channel.port1.postMessage({ type: 'ping', version: PROTOCOL_VERSION, id: 'ping-2' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard.map((m) => [m.type, m.replyTo])).to.deep.equal([
      ['alive', undefined],
      ['alive', 'ping-1'],
      ['alive', 'ping-2'],
    ]);
    // The app never sees a ping.
    expect(seen).to.deep.equal([]);
    connection.close();
  });
});
