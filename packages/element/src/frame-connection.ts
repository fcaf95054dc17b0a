import {
  type ErrorCode,
  FrameHelloSchema,
  type FrameToHost,
  FrameToHostSchema,
  type Init,
  messageId,
  PROTOCOL_VERSION,
  parseMessage,
} from '@csv-importer/protocol';

export interface FrameConnectionHandlers {
  message(message: FrameToHost): void;
  error(code: ErrorCode, message: string): void;
}

/** True for data that claims to be one of our messages, so that impostors can be reported. */
function looksLikeProtocol(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false;
  const type = (data as { type?: unknown }).type;
  return typeof type === 'string' && ('version' in data || type.startsWith('csv-importer:'));
}

/**
 * The host's side of the protocol for one iframe. It answers a hello only from that iframe's
 * window, hands it a private `MessagePort`, and from then on parses every message on the port.
 */
export class FrameConnection {
  readonly #frame: HTMLIFrameElement;
  readonly #init: Omit<Init, 'version' | 'id' | 'type'>;
  readonly #handlers: FrameConnectionHandlers;
  #port: MessagePort | undefined;

  constructor(
    frame: HTMLIFrameElement,
    init: Omit<Init, 'version' | 'id' | 'type'>,
    handlers: FrameConnectionHandlers,
  ) {
    this.#frame = frame;
    this.#init = init;
    this.#handlers = handlers;
    window.addEventListener('message', this.#onWindowMessage);
  }

  dispose(): void {
    window.removeEventListener('message', this.#onWindowMessage);
    this.#port?.close();
    this.#port = undefined;
  }

  readonly #onWindowMessage = (event: MessageEvent): void => {
    if (event.source !== this.#frame.contentWindow || this.#port) {
      if (looksLikeProtocol(event.data)) {
        console.warn(
          'csv-importer: ignored a protocol-shaped message that did not come from its frame',
          event.data,
        );
      }
      return;
    }
    const hello = parseMessage(FrameHelloSchema, event.data);
    if (!hello) {
      if (looksLikeProtocol(event.data)) console.warn('csv-importer: ignored a malformed hello', event.data);
      return;
    }
    if (hello.version !== PROTOCOL_VERSION) {
      this.#handlers.error(
        'protocol_version',
        `The importer frame speaks protocol version ${hello.version}; this element speaks ${PROTOCOL_VERSION}.`,
      );
      return;
    }
    const channel = new MessageChannel();
    this.#port = channel.port1;
    this.#port.addEventListener('message', this.#onPortMessage);
    this.#port.start();
    // An opaque-origin (srcdoc) frame can only be addressed with '*'; the source check above and
    // the port make sure only this frame's document hears what follows.
    (event.source as Window).postMessage(
      { type: 'csv-importer:connect', version: PROTOCOL_VERSION },
      { targetOrigin: '*', transfer: [channel.port2] },
    );
    this.#port.postMessage({ type: 'init', version: PROTOCOL_VERSION, id: messageId(), ...this.#init });
  };

  readonly #onPortMessage = (event: MessageEvent): void => {
    const message = parseMessage(FrameToHostSchema, event.data);
    if (!message) {
      console.warn(
        'csv-importer: dropped a message from the frame that does not match the protocol',
        event.data,
      );
      return;
    }
    this.#handlers.message(message);
  };
}
