import { FrameToHostSchema, PROTOCOL_VERSION } from '@csv-importer/protocol';
import { frameToHostSamples, nearValid } from '@csv-importer/protocol/conformance';
import { expect } from 'chai';
import fc from 'fast-check';
import * as v from 'valibot';
import './csv-importer.ts';
import { CsvImporter } from './csv-importer.component.ts';
import type { CsvImporterErrorEvent } from './events.ts';
import { FrameConnection } from './frame-connection.ts';

const init = { columns: [{ key: 'a', label: 'A' }], options: {} };

/** Valid messages, each followed by its near-valid breakages and some random JSON. */
function stream(rounds: number): { all: unknown[]; valid: unknown[] } {
  const random = fc.sample(fc.jsonValue(), { numRuns: rounds * 40, seed: 4 });
  const all: unknown[] = [];
  const valid: unknown[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const message of frameToHostSamples((n) => `r${round}-${n}`)) {
      valid.push(message);
      all.push(message, ...nearValid(message), ...random.splice(0, 5));
    }
  }
  return { all, valid };
}

/**
 * A real frame that does the handshake, then posts `messages` on its port and `windowMessages`
 * on the window, and finally a marker message so the test knows it is done.
 */
function fuzzFrame(messages: unknown[], windowMessages: unknown[]): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  const data = JSON.stringify({ messages, windowMessages }).replace(/</g, '\\u003c');
  frame.srcdoc = `<script>
    const { messages, windowMessages } = ${data};
    addEventListener('message', (e) => {
      const port = e.ports[0];
      if (!port) return;
      for (const m of windowMessages) parent.postMessage(m, '*');
      for (const m of messages) port.postMessage(m);
      port.postMessage({ type: 'close', version: ${PROTOCOL_VERSION}, id: 'done' });
    });
    parent.postMessage({ type: 'csv-importer:hello', version: ${PROTOCOL_VERSION} }, '*');
  </script>`;
  return frame;
}

/** Counts console warnings instead of printing thousands of them. */
let warnings: unknown[][] = [];
const warn = console.warn;
beforeEach(() => {
  warnings = [];
  console.warn = (...args: unknown[]) => warnings.push(args);
});
afterEach(() => {
  console.warn = warn;
});

describe('protocol fuzzing, host side', () => {
  it('acts on exactly the valid messages among thousands from the right frame, in order, and reports the rest', async () => {
    const { all, valid } = stream(20);
    expect(all.length).to.be.greaterThan(3000);
    const frame = fuzzFrame(all, []);
    const seen: unknown[] = [];
    await new Promise<void>((resolve) => {
      const connection = new FrameConnection(frame, init, {
        message: (m) => {
          if (m.id === 'done') {
            connection.dispose();
            resolve();
          } else seen.push(m);
        },
        error: () => {},
      });
      document.body.append(frame);
    });
    frame.remove();
    // As acted on: rows sent by column arrive as records.
    expect(seen).to.deep.equal(valid.map((m) => v.parse(FrameToHostSchema, m)));
    const dropped = warnings.filter((w) => String(w[0]).includes('does not match the protocol'));
    expect(dropped.length).to.equal(all.length - valid.length);
  });

  it('ignores valid messages and hellos from the page itself and from another frame', async () => {
    const { valid } = stream(2);
    const hello = { type: 'csv-importer:hello', version: PROTOCOL_VERSION };
    const frame = fuzzFrame([], []);
    const impostor = fuzzFrame(valid, [hello, ...valid]);
    const seen: unknown[] = [];
    const connection = new FrameConnection(frame, init, {
      message: (m) => seen.push(m),
      error: () => {},
    });
    // The impostor frame says hello and posts valid messages first; it never gets a port.
    document.body.append(impostor);
    for (const m of [hello, ...valid]) window.postMessage(m, '*');
    await new Promise((resolve) => setTimeout(resolve, 200));
    document.body.append(frame);
    await new Promise<void>((resolve) => {
      const poll = () => (seen.length > 0 ? resolve() : setTimeout(poll, 20));
      poll();
    });
    connection.dispose();
    frame.remove();
    impostor.remove();
    // Only the real frame's closing marker came through.
    expect(seen).to.deep.equal([{ type: 'close', version: PROTOCOL_VERSION, id: 'done' }]);
  });
});

describe('<csv-importer> and a frame of another protocol version', () => {
  it('dispatches a protocol_version error event naming both versions', async () => {
    const original = CsvImporter.frameHtml;
    CsvImporter.frameHtml = `<script>parent.postMessage({ type: 'csv-importer:hello', version: 99 }, '*');</script>`;
    try {
      const element = document.createElement('csv-importer');
      element.columns = [{ key: 'a', label: 'A' }];
      document.body.append(element);
      const error = new Promise<CsvImporterErrorEvent>((resolve) =>
        element.addEventListener('csv-importer-error', resolve, { once: true }),
      );
      element.open();
      const event = await error;
      expect(event.code).to.equal('protocol_version');
      expect(event.message).to.equal(
        `The frame speaks protocol version 99, this element ${PROTOCOL_VERSION}.`,
      );
      element.remove();
    } finally {
      CsvImporter.frameHtml = original;
    }
  });
});
