import {
  describeIssue,
  type FrameToHostInput,
  HostConnectSchema,
  type HostReply,
  type HostToFrame,
  HostToFrameSchema,
  type Init,
  messageId,
  PROTOCOL_VERSION,
  parseMessage,
} from '@csv-importer/protocol';
import * as v from 'valibot';

/** A frame-to-host message before the connection stamps `version` and `id` on it. */
export type Outgoing = FrameToHostInput extends infer M
  ? M extends FrameToHostInput
    ? Omit<M, 'version' | 'id'>
    : never
  : never;

/** The requests that expect a reply, and the reply each expects. */
type Request = Extract<Outgoing, { type: 'validate-request' | 'edit-request' | 'mapping-request' | 'rows' }>;

/**
 * Where the connection's messages go and come from: a `MessagePort` after the handshake, or the
 * parent window in embed URL mode. Tests swap in a `MessageChannel`.
 */
export interface HostTransport {
  /** `transfer` lists buffers the message hands over rather than copies (see `transferList`). */
  post(message: FrameToHostInput, transfer?: Transferable[]): void;
  listen(receive: (data: unknown) => void): void;
  close(): void;
}

/** The parent's origin as a `postMessage` target, or `'*'` where the browser does not say it. */
export function parentOrigin(): string {
  const origin = (location as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins?.[0];
  return origin && origin !== 'null' ? origin : '*';
}

/** A `MessagePort` as a transport. */
export function portTransport(port: MessagePort): HostTransport {
  return {
    post: (message, transfer = []) => port.postMessage(message, transfer),
    listen: (receive) => {
      port.addEventListener('message', (event: MessageEvent) => receive(event.data));
      port.start();
    },
    close: () => port.close(),
  };
}

/** A host did not answer a request in time. */
export class HostTimeoutError extends Error {
  override readonly name = 'HostTimeoutError';
}

/** A host hook threw or rejected; `message` is what the host reported. */
export class HostHookError extends Error {
  override readonly name = 'HostHookError';
}

/** The host's messages the app acts on: not replies, not the connection's own `ping`. */
export type HostCommand = Exclude<HostToFrame, HostReply | { type: 'ping' }>;

interface Pending {
  resolve(reply: HostReply): void;
  reject(error: Error): void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * The frame's side of the protocol. `connect` says hello to the parent window and accepts a port
 * only from that window (and, in hosted mode, only from an allowed origin); from then on every
 * message is parsed with its schema. Messages that do not parse, and replies to nothing pending,
 * are dropped and reported to the host as `invalid_message`, never acted on.
 */
export class HostConnection {
  readonly #transport: HostTransport;
  readonly #pending = new Map<string, Pending>();
  #closed = false;
  #init: Init | undefined;

  constructor(transport: HostTransport, onMessage: (message: HostCommand) => void) {
    this.#transport = transport;
    transport.listen((data) => {
      if (this.#closed) return;
      const parsed = v.safeParse(HostToFrameSchema, data);
      if (!parsed.success) {
        this.#reject(
          `The frame dropped a message that does not match the protocol (${describeIssue(parsed.issues[0])}).`,
          data,
        );
        return;
      }
      const message = parsed.output;
      if (message.type === 'ping') {
        // Answered here, on this thread: a frozen main thread cannot answer, which is the point.
        this.send({ type: 'alive', replyTo: message.id });
        return;
      }
      if ('replyTo' in message) {
        const pending = this.#pending.get(message.replyTo);
        if (!pending) {
          this.#reject(`The frame dropped a reply to an unknown or expired request (${message.type}).`, data);
          return;
        }
        this.#pending.delete(message.replyTo);
        clearTimeout(pending.timer);
        if (message.type === 'hook-error') pending.reject(new HostHookError(message.message));
        else pending.resolve(message);
        return;
      }
      if (message.type === 'init') {
        if (this.#init) {
          this.#reject('The frame dropped a second init.', data);
          return;
        }
        this.#init = message;
      }
      onMessage(message);
    });
    // Tells the host that this frame answers `ping`, so that it may watch over this thread.
    this.send({ type: 'alive' });
  }

  /** The host's init message, once it arrived. */
  get init(): Init | undefined {
    return this.#init;
  }

  /**
   * Greets the parent window and resolves once it hands over a port. With `allowedOrigins`
   * (hosted mode) the port is accepted only from a parent whose origin is listed exactly.
   */
  static connect(
    onMessage: (message: HostCommand) => void,
    allowedOrigins?: readonly string[],
  ): Promise<HostConnection> {
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
        const refuse = (code: 'protocol_version' | 'origin_not_allowed', message: string) => {
          port.postMessage({ type: 'error', version: PROTOCOL_VERSION, id: messageId(), code, message });
          port.close();
        };
        if (allowedOrigins && !allowedOrigins.includes(event.origin)) {
          window.removeEventListener('message', onWindowMessage);
          refuse('origin_not_allowed', `This importer does not accept pages from ${event.origin}.`);
          reject(new Error(`This importer is not allowed on ${event.origin}.`));
          return;
        }
        if (!parseMessage(HostConnectSchema, data)) {
          refuse(
            'protocol_version',
            `The importer frame speaks protocol version ${PROTOCOL_VERSION}, the host sent ${String(data.version)}.`,
          );
          return;
        }
        window.removeEventListener('message', onWindowMessage);
        resolve(new HostConnection(portTransport(port), onMessage));
      };
      window.addEventListener('message', onWindowMessage);
      // The hello carries nothing secret, but it goes to the parent's exact origin where the
      // browser tells it (`location.ancestorOrigins`, also in an opaque-origin srcdoc frame), so
      // no other document the parent window may hold by then hears it; what follows travels on
      // the port, which is accepted only from the parent (see above).
      window.parent.postMessage({ type: 'csv-importer:hello', version: PROTOCOL_VERSION }, parentOrigin());
    });
  }

  /** Sends a message that expects no reply (handing over `transfer`); returns its id. */
  send(message: Outgoing, transfer?: Transferable[]): string {
    const id = messageId();
    if (!this.#closed)
      this.#transport.post({ ...message, version: PROTOCOL_VERSION, id } as FrameToHostInput, transfer);
    return id;
  }

  /**
   * Sends a request and resolves with the host's reply. Rejects with `HostHookError` when the
   * host's hook failed and with `HostTimeoutError` after `timeoutMs` (no limit when omitted: the
   * host sets the pace of row delivery).
   */
  request(message: Request, timeoutMs?: number, transfer?: Transferable[]): Promise<HostReply> {
    return new Promise((resolve, reject) => {
      if (this.#closed) {
        reject(new Error('The connection to the host is closed.'));
        return;
      }
      const id = messageId();
      const timer =
        timeoutMs === undefined
          ? undefined
          : setTimeout(() => {
              this.#pending.delete(id);
              reject(new HostTimeoutError(`The host did not answer ${message.type} within ${timeoutMs} ms.`));
            }, timeoutMs);
      this.#pending.set(id, { resolve, reject, timer });
      this.#transport.post({ ...message, version: PROTOCOL_VERSION, id } as FrameToHostInput, transfer);
    });
  }

  /** Stops listening; pending requests reject. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const pending of this.#pending.values()) {
      clearTimeout(pending.timer);
      pending.reject(new Error('The connection to the host is closed.'));
    }
    this.#pending.clear();
    this.#transport.close();
  }

  #reject(text: string, data: unknown): void {
    console.warn(`csv-importer: ${text}`, data);
    this.send({ type: 'error', code: 'invalid_message', message: text });
  }
}
