import { PROTOCOL_VERSION, type RowColumns, rowColumnsToRecords } from '@csv-importer/protocol';
import { expect } from 'chai';
import { FrameConnection } from './frame-connection.ts';

/** A real frame whose script says hello with the given version and reports what it receives. */
function fakeFrame(version: number): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.srcdoc = `<script>
    addEventListener('message', (e) => {
      const port = e.ports[0];
      if (!port) return;
      port.onmessage = (m) => port.postMessage({ type: 'progress', version: ${PROTOCOL_VERSION}, id: 'echo', phase: 'reading', rows: m.data.columns.length });
    });
    parent.postMessage({ type: 'csv-importer:hello', version: ${version} }, '*');
  </script>`;
  return frame;
}

const init = { columns: [{ key: 'a', label: 'A' }], options: {} };

/** A real frame that says hello, then runs `script` with the port it was handed as `port`. */
function scriptedFrame(script: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.srcdoc = `<script>
    const v = ${PROTOCOL_VERSION};
    addEventListener('message', (e) => {
      const port = e.ports[0];
      if (!port) return;
      ${script}
    });
    parent.postMessage({ type: 'csv-importer:hello', version: v }, '*');
  </script>`;
  return frame;
}

describe('FrameConnection', () => {
  it('reports a message that cannot be posted (DataCloneError) as an error, instead of a frame that waits', async () => {
    const frame = fakeFrame(PROTOCOL_VERSION);
    // What a framework proxy would be if it got past the element's copy: structured cloning refuses it.
    const unclonable = { columns: new Proxy([{ key: 'a', label: 'A' }], {}), options: {} };
    const error = new Promise<[string, string]>((resolve) => {
      const connection = new FrameConnection(frame, unclonable as unknown as typeof init, {
        message: () => {},
        error: (code, message) => {
          connection.dispose();
          resolve([code, message]);
        },
      });
    });
    document.body.append(frame);
    const [code, message] = await error;
    expect(code).to.equal('internal');
    expect(message).to.match(/^The "init" message could not be sent: .*could not be cloned/);
    frame.remove();
  });

  it('hands its frame a port and sends init on it', async () => {
    const frame = fakeFrame(PROTOCOL_VERSION);
    const received = new Promise<unknown>((resolve) => {
      const connection = new FrameConnection(frame, init, {
        message: (m) => {
          connection.dispose();
          resolve(m);
        },
        error: () => {},
      });
    });
    document.body.append(frame);
    expect(await received).to.deep.equal({
      type: 'progress',
      version: PROTOCOL_VERSION,
      id: 'echo',
      phase: 'reading',
      rows: 1,
    });
    frame.remove();
  });

  it('shows every message it sends and accepts to a traffic observer, in order', async () => {
    const frame = fakeFrame(PROTOCOL_VERSION);
    const traffic: string[] = [];
    const done = new Promise<void>((resolve) => {
      const connection = new FrameConnection(frame, init, {
        message: () => {
          connection.dispose();
          resolve();
        },
        error: () => {},
        traffic: (direction, message) => traffic.push(`${direction} ${(message as { type: string }).type}`),
      });
    });
    document.body.append(frame);
    await done;
    expect(traffic).to.deep.equal(['sent init', 'received progress']);
    frame.remove();
  });

  it('reports a frame that speaks another protocol version instead of connecting', async () => {
    const frame = fakeFrame(PROTOCOL_VERSION + 1);
    const error = new Promise<[string, string]>((resolve) => {
      new FrameConnection(frame, init, {
        message: () => {},
        error: (code, message) => resolve([code, message]),
      });
    });
    document.body.append(frame);
    const [code, message] = await error;
    expect(code).to.equal('protocol_version');
    expect(message).to.include(String(PROTOCOL_VERSION + 1));
    frame.remove();
  });

  it('holds messages sent before the handshake and delivers them after init, in order', async () => {
    const frame = document.createElement('iframe');
    frame.setAttribute('sandbox', 'allow-scripts');
    frame.srcdoc = `<script>
      const types = [];
      addEventListener('message', (e) => {
        const port = e.ports[0];
        if (!port) return;
        port.onmessage = (m) => {
          types.push(m.data.type);
          if (types.length === 2) {
            port.postMessage({ type: 'error', version: ${PROTOCOL_VERSION}, id: 'seen', code: 'internal', message: types.join(',') });
          }
        };
      });
      parent.postMessage({ type: 'csv-importer:hello', version: ${PROTOCOL_VERSION} }, '*');
    </script>`;
    const seen = new Promise<unknown>((resolve) => {
      const connection = new FrameConnection(frame, init, {
        message: (m) => {
          connection.dispose();
          resolve(m);
        },
        error: () => {},
      });
      connection.send({ type: 'theme', theme: { colorPrimary: '#000' } });
    });
    document.body.append(frame);
    expect(((await seen) as { message: string }).message).to.equal('init,theme');
    frame.remove();
  });

  it('takes rows batches on the rows channel a frame opens, answers them there, and drops anything else on it', async () => {
    // The frame opens the channel, sends a forged message, a rows-channel without a port, then a
    // real batch of packed rows on the channel, and reports what came back on it.
    const frame = scriptedFrame(`
      port.onmessage = (m) => {
        if (m.data.type !== 'init') return;
        port.postMessage({ type: 'rows-channel', version: v, id: 'no-port' });
        const { port1, port2 } = new MessageChannel();
        port.postMessage({ type: 'rows-channel', version: v, id: 'c1' }, [port2]);
        port1.postMessage({ type: 'complete', version: v, id: 'forged', meta: {} });
        port1.postMessage({ type: 'rows', version: v, id: 'b1', start: 0, issues: [],
          rows: { fields: ['a'], values: [{ kind: 'words', words: ['x', null], codes: Uint8Array.of(0, 1, 0) }] } });
        port1.onmessage = (reply) => port.postMessage({ type: 'error', version: v, id: 'seen', code: 'internal',
          message: reply.data.type + ' ' + reply.data.replyTo + ' on the channel' });
      };`);
    const messages: unknown[] = [];
    const seen = new Promise<string>((resolve) => {
      const connection = new FrameConnection(frame, init, {
        message: (m) => {
          messages.push(m);
          if (m.type === 'rows') connection.send({ type: 'ack', replyTo: m.id });
          if (m.type === 'error') {
            connection.dispose();
            resolve(m.message);
          }
        },
        error: () => {},
      });
    });
    document.body.append(frame);
    expect(await seen).to.equal('ack b1 on the channel');
    const { rows, ...batch } = messages[0] as { rows: RowColumns };
    expect(batch).to.deep.equal({ type: 'rows', version: PROTOCOL_VERSION, id: 'b1', start: 0, issues: [] });
    // The packed columns arrive checked and stay columns; they stand for these records.
    expect(rowColumnsToRecords(rows)).to.deep.equal([{ a: 'x' }, { a: null }, { a: 'x' }]);
    expect(messages.map((m) => (m as { type: string }).type)).to.deep.equal(['rows', 'error']);
    frame.remove();
  });

  it('asks its frame for packed rows on a rows channel', async () => {
    const frame = scriptedFrame(`
      port.onmessage = (m) => port.postMessage({ type: 'error', version: v, id: 'o', code: 'internal',
        message: JSON.stringify({ rowEncoding: m.data.options.rowEncoding, rowChannel: m.data.options.rowChannel }) });`);
    const options = new Promise<string>((resolve) => {
      const connection = new FrameConnection(frame, init, {
        message: (m) => {
          connection.dispose();
          if (m.type === 'error') resolve(m.message);
        },
        error: () => {},
      });
    });
    document.body.append(frame);
    expect(JSON.parse(await options)).to.deep.equal({ rowEncoding: 'packed', rowChannel: true });
    frame.remove();
  });

  it('a second load of its iframe (the document navigated) stops the connection as frame_navigated', async () => {
    const frame = scriptedFrame("setTimeout(() => { location.href = 'about:blank#elsewhere'; }, 0);");
    const lost = new Promise<string>((resolve) => {
      new FrameConnection(frame, init, { message: () => {}, error: () => {}, lost: (code) => resolve(code) });
    });
    document.body.append(frame);
    expect(await lost).to.equal('frame_navigated');
    frame.remove();
  });

  it('pings a frame that said alive, and loses it as frame_unresponsive once it falls silent', async () => {
    // Answers two pings, then no more (as a frozen main thread would).
    const frame = scriptedFrame(`
      let answered = 0;
      port.onmessage = (m) => {
        if (m.data.type === 'ping' && answered++ < 2)
          port.postMessage({ type: 'alive', version: v, id: 'a' + answered, replyTo: m.data.id });
      };
      port.postMessage({ type: 'alive', version: v, id: 'a0' });`);
    const pings: string[] = [];
    const started = performance.now();
    const lost = new Promise<[string, string]>((resolve) => {
      new FrameConnection(
        frame,
        init,
        {
          message: () => {},
          error: () => {},
          lost: (code, message) => resolve([code, message]),
          traffic: (direction, m) => {
            if (direction === 'sent' && (m as { type: string }).type === 'ping') pings.push('ping');
          },
        },
        undefined,
        { pingIntervalMs: 50, silenceLimitMs: 300 },
      );
    });
    document.body.append(frame);
    const [code, message] = await lost;
    expect(code).to.equal('frame_unresponsive');
    expect(message).to.match(
      /^The importer stopped responding for \d+ s, so its frame was removed\. Open it again to retry\.$/,
    );
    // Two answered pings, then at least three unanswered ones over the silence limit.
    expect(pings.length).to.be.at.least(5);
    expect(performance.now() - started).to.be.at.least(300);
    frame.remove();
  });

  it('never pings a frame that did not say alive', async () => {
    const frame = scriptedFrame(
      'port.onmessage = (m) => port.postMessage({ type: "progress", version: v, id: "p", phase: "reading", rows: 0 });',
    );
    const sent: string[] = [];
    let lost = false;
    const connection = new FrameConnection(
      frame,
      init,
      {
        message: () => {},
        error: () => {},
        lost: () => {
          lost = true;
        },
        traffic: (direction, m) => {
          if (direction === 'sent') sent.push((m as { type: string }).type);
        },
      },
      undefined,
      { pingIntervalMs: 20, silenceLimitMs: 50 },
    );
    document.body.append(frame);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sent).to.deep.equal(['init']);
    expect(lost).to.equal(false);
    connection.dispose();
    frame.remove();
  });

  it('accepts one complete per delivery: one before any delivery, or a second, is an invalid_message error', async () => {
    const meta = { fileName: 'a.csv', encoding: 'utf-8', delimiter: ',', rowCount: 0, mapping: {} };
    const frame = scriptedFrame(`
      const complete = (id) => port.postMessage({ type: 'complete', version: v, id, meta: ${JSON.stringify(meta)} });
      complete('c0');
      port.postMessage({ type: 'rows-channel', version: v, id: 'r' }, [new MessageChannel().port2]);
      complete('c1');
      complete('c2');`);
    const messages: string[] = [];
    const errors: string[] = [];
    const connection = new FrameConnection(frame, init, {
      message: (m) => messages.push(m.id),
      error: (code, message) => errors.push(`${code}: ${message}`),
    });
    document.body.append(frame);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(messages).to.deep.equal(['c1']);
    expect(errors).to.deep.equal([
      'invalid_message: Dropped a completion that follows no delivery.',
      'invalid_message: Dropped a completion that follows no delivery.',
    ]);
    connection.dispose();
    frame.remove();
  });
});
