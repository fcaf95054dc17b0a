import {
  type FrameToHost,
  HostConnectSchema,
  type HostToFrame,
  HostToFrameSchema,
  messageId,
  PROTOCOL_VERSION,
  parseMessage,
} from '@csv-importer/protocol';

type Outgoing = FrameToHost extends infer M
  ? M extends FrameToHost
    ? Omit<M, 'version' | 'id'>
    : never
  : never;

/**
 * The frame's side of the protocol. It says hello to its parent window, accepts a port only from
 * that window, and from then on speaks only over the port, parsing every message it receives.
 */
export class HostConnection {
  readonly #port: MessagePort;

  private constructor(port: MessagePort, onMessage: (message: HostToFrame) => void) {
    this.#port = port;
    port.addEventListener('message', (event: MessageEvent) => {
      const message = parseMessage(HostToFrameSchema, event.data);
      if (!message) {
        console.warn(
          'csv-importer: dropped a message from the host that does not match the protocol',
          event.data,
        );
        this.send({
          type: 'error',
          code: 'invalid_message',
          message: 'The frame dropped a malformed message.',
        });
        return;
      }
      onMessage(message);
    });
    port.start();
  }

  /** Greets the parent window and resolves once it hands over a port. */
  static connect(onMessage: (message: HostToFrame) => void): Promise<HostConnection> {
    return new Promise((resolve, reject) => {
      if (window.parent === window) {
        reject(new Error('The importer must be embedded in a page.'));
        return;
      }
      const onWindowMessage = (event: MessageEvent) => {
        if (event.source !== window.parent) return;
        const port = event.ports[0];
        const data = event.data as { type?: unknown; version?: unknown } | null;
        if (!port || data?.type !== 'csv-importer:connect') return;
        if (!parseMessage(HostConnectSchema, data)) {
          port.postMessage({
            type: 'error',
            version: PROTOCOL_VERSION,
            id: messageId(),
            code: 'protocol_version',
            message: `The importer frame speaks protocol version ${PROTOCOL_VERSION}, the host sent ${String(data.version)}.`,
          });
          return;
        }
        window.removeEventListener('message', onWindowMessage);
        resolve(new HostConnection(port, onMessage));
      };
      window.addEventListener('message', onWindowMessage);
      // The parent's origin is opaque to a srcdoc frame, and the hello carries nothing secret.
      window.parent.postMessage({ type: 'csv-importer:hello', version: PROTOCOL_VERSION }, '*');
    });
  }

  send(message: Outgoing): void {
    this.#port.postMessage({ ...message, version: PROTOCOL_VERSION, id: messageId() });
  }
}
