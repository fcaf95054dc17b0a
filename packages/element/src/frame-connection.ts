import {
  type ErrorCode,
  FrameHelloSchema,
  type FrameToHost,
  FrameToHostSchema,
  type HostToFrame,
  type Init,
  messageId,
  PROTOCOL_VERSION,
  parseMessage,
  RowsSchema,
} from '@csv-importer/protocol';
import type * as v from 'valibot';

/**
 * Why a frame is no longer the importer the host connected to: its document navigated away (a
 * second `load`), its port closed (the document was replaced or ended without a second `load`,
 * or its renderer died, where the browser fires MessagePort's `close`), or its main thread
 * stopped answering pings (frozen, or its renderer died).
 */
export type LostCode = 'frame_navigated' | 'frame_lost' | 'frame_unresponsive';

export interface FrameConnectionHandlers {
  message(message: FrameToHost): void;
  error(code: ErrorCode, message: string): void;
  /** The frame was lost (see `LostCode`): the connection has stopped; the host removes the frame. */
  lost?(code: LostCode, message: string): void;
  /** Sees every message on the port as it is sent or accepted (for the element's debug event). */
  traffic?(direction: 'sent' | 'received', message: object): void;
}

/** Reports `data`, which was dropped as `what`. */
function ignored(what: string, data?: unknown): void {
  console.warn(`csv-importer: ignored ${what}`, data);
}

/**
 * Reports a window message that was dropped, once it claims to be one of ours: the page's other
 * scripts may post anything to the window.
 */
function dropped(what: string, data: unknown): void {
  const type = (data as { type?: unknown } | null)?.type;
  if (typeof type === 'string' && ('version' in (data as object) || type.startsWith('csv-importer:')))
    ignored(what, data);
}

/** How often the host pings a frame that answers pings, and how long the frame may stay silent. */
export interface LivenessTiming {
  readonly pingIntervalMs: number;
  readonly silenceLimitMs: number;
}

/**
 * The frame's main thread answers a ping within milliseconds unless it is stuck: its own work
 * comes in short tasks (the file's work runs in the worker), so ten seconds without a word is a
 * frozen or dead frame. Three pings in a row must go unanswered too, so a host page whose timers
 * are throttled (a hidden tab) never mistakes its own slowness for the frame's.
 */
export const LIVENESS_TIMING: LivenessTiming = { pingIntervalMs: 1_000, silenceLimitMs: 10_000 };
const MISSED_PINGS = 3;

/** A host-to-frame message before the connection stamps `version` and `id` on it. */
export type HostOutgoing = HostToFrame extends infer M
  ? M extends HostToFrame
    ? Omit<M, 'version' | 'id'> & { id?: string }
    : never
  : never;

/**
 * The host's side of the protocol for one iframe. It answers a hello only from that iframe's
 * window (and, for a hosted frame, only from its exact origin), hands it a private
 * `MessagePort`, and from then on parses every message on the port.
 */
export class FrameConnection {
  readonly #frame: HTMLIFrameElement;
  readonly #init: Omit<Init, 'version' | 'id' | 'type'>;
  readonly #handlers: FrameConnectionHandlers;
  readonly #origin: string | undefined;
  #port: MessagePort | undefined;
  /** The port `rows` batches arrive on, once the frame opened it, and the batches not yet answered. */
  #rowsPort: MessagePort | undefined;
  readonly #unanswered = new Set<string>();
  #early: object[] = [];
  #disposed = false;
  #greeted = false;
  /** `load` events of the iframe so far: the first is the importer's document, any other a navigation. */
  #loads = 0;
  #liveness: ReturnType<typeof setInterval> | undefined;
  readonly #timing: LivenessTiming;

  /**
   * `origin` is the exact origin of a hosted frame; omit it for a srcdoc frame. The iframe must
   * not have loaded yet: its first `load` is taken for the importer's document.
   */
  constructor(
    frame: HTMLIFrameElement,
    init: Omit<Init, 'version' | 'id' | 'type'>,
    handlers: FrameConnectionHandlers,
    origin?: string,
    timing: LivenessTiming = LIVENESS_TIMING,
  ) {
    this.#frame = frame;
    // Rows by packed column: the schema of `rows` checks them and rebuilds the records on this
    // side; a string and a typed array per column cross to the page in a fraction of the time
    // of thousands of objects, and are checked in loops over integers. On a channel of their
    // own, the frame's worker sends them without passing through the frame's main thread.
    // Notes that only say what a cell's text was come packed too, a column of originals each.
    this.#init = {
      ...init,
      options: { ...init.options, rowEncoding: 'packed', rowChannel: true, packedNotes: true },
    };
    this.#handlers = handlers;
    this.#origin = origin;
    this.#timing = timing;
    window.addEventListener('message', this.#onWindowMessage);
    frame.addEventListener('load', this.#onLoad);
  }

  /**
   * A second `load` means the frame's document was replaced: code in it navigated (with data in
   * the URL, perhaps), or something reloaded it. Whatever it holds now is not the importer.
   */
  readonly #onLoad = (): void => {
    if (++this.#loads > 1) this.#lose('frame_navigated', 'navigated away');
  };

  /** Stops, and tells the host why in a sentence that says what the user can do. */
  #lose(code: LostCode, what: string): void {
    if (this.#disposed) return;
    this.dispose();
    this.#handlers.lost?.(code, `The importer ${what}, so its frame was removed. Open it again to retry.`);
  }

  /**
   * Pings the frame once it said it answers pings. Any message from the frame counts as a sign
   * of life; a frame silent for `silenceLimitMs` across `MISSED_PINGS` pings is lost.
   */
  #watch(): void {
    if (this.#liveness !== undefined) return;
    let missed = 0;
    let pingedAt = performance.now();
    this.#liveness = setInterval(() => {
      const now = performance.now();
      missed = this.#heardAt >= pingedAt ? 0 : missed + 1;
      const silent = now - this.#heardAt;
      if (missed >= MISSED_PINGS && silent >= this.#timing.silenceLimitMs) {
        this.#lose('frame_unresponsive', `stopped responding for ${Math.round(silent / 1000)} s`);
        return;
      }
      pingedAt = now;
      this.send({ type: 'ping' });
    }, this.#timing.pingIntervalMs);
  }

  /** When the frame was last heard from on its ports. */
  #heardAt = 0;
  /** A delivery has begun (a rows channel opened, or a batch came) and has not completed yet. */
  #delivering = false;

  /**
   * Sends a message on the port; held until the handshake (after `init`), dropped after
   * `dispose`. A reply to a batch that came on the rows channel goes back on that channel.
   */
  send(message: HostOutgoing): void {
    if (this.#disposed) return;
    const stamped = { id: messageId(), ...message, version: PROTOCOL_VERSION };
    if ('replyTo' in message && this.#unanswered.delete(message.replyTo)) this.#post(stamped, this.#rowsPort);
    else if (this.#port) this.#post(stamped);
    else this.#early.push(stamped);
  }

  /** Whether the frame's document has said hello: it loaded and runs, whatever came after. */
  get greeted(): boolean {
    return this.#greeted;
  }

  /** Stops for good: nothing is sent or received after it (the host drops this connection). */
  dispose(): void {
    this.#disposed = true;
    clearInterval(this.#liveness);
    this.#frame.removeEventListener('load', this.#onLoad);
    window.removeEventListener('message', this.#onWindowMessage);
    this.#port?.close();
    this.#rowsPort?.close();
  }

  readonly #onWindowMessage = (event: MessageEvent): void => {
    const wrongOrigin = this.#origin !== undefined && event.origin !== this.#origin;
    if (event.source !== this.#frame.contentWindow || this.#port || wrongOrigin) {
      dropped('a message that did not come from its frame', event.data);
      return;
    }
    const hello = parseMessage(FrameHelloSchema, event.data);
    if (!hello) {
      dropped('a malformed hello', event.data);
      return;
    }
    this.#greeted = true;
    if (hello.version !== PROTOCOL_VERSION) {
      this.#handlers.error(
        'protocol_version',
        `The frame speaks protocol version ${hello.version}, this element ${PROTOCOL_VERSION}.`,
      );
      return;
    }
    const channel = new MessageChannel();
    this.#port = channel.port1;
    this.#port.addEventListener('message', this.#onPortMessage);
    // The frame's end of the port goes with its document: a document replaced without a second
    // `load` (a navigation that never finishes loading) or a renderer that died. Where the
    // browser fires `close` for that, the frame is known lost at once, not after the pings.
    this.#port.addEventListener('close', () => this.#lose('frame_lost', 'lost its page'));
    this.#port.start();
    // An opaque-origin (srcdoc) frame can only be addressed with '*'; the source check above and
    // the port make sure only this frame's document hears what follows. A hosted frame is
    // addressed by its exact origin, so the port cannot reach a document that navigated away.
    (event.source as Window).postMessage(
      { type: 'csv-importer:connect', version: PROTOCOL_VERSION },
      { targetOrigin: this.#origin ?? '*', transfer: [channel.port2] },
    );
    this.#post({ type: 'init', version: PROTOCOL_VERSION, id: messageId(), ...this.#init });
    for (const message of this.#early) this.#post(message);
    this.#early = [];
  };

  #post(message: object, port = this.#port): void {
    try {
      port?.postMessage(message);
    } catch (error) {
      // A value structured cloning refuses: the page hears it instead of a frame that waits forever.
      const type = (message as { type: string }).type;
      this.#handlers.error(
        'internal',
        `The "${type}" message could not be sent: ${(error as Error).message}`,
      );
      return;
    }
    this.#handlers.traffic?.('sent', message);
  }

  readonly #onPortMessage = (event: MessageEvent): void => {
    const message = accept(FrameToHostSchema, event.data, 'a message that does not match the protocol');
    if (!message) return;
    this.#heardAt = performance.now();
    this.#handlers.traffic?.('received', message);
    if (message.type === 'rows-channel') {
      this.#delivering = true;
      this.#openRowsChannel(event.ports);
    } else if (message.type === 'alive') this.#watch();
    else if (message.type === 'complete' && !this.#delivering) {
      // One completion per delivery: a second one (or one before any) is not the frame's app.
      this.#handlers.error('invalid_message', 'Dropped a completion that follows no delivery.');
    } else {
      if (message.type === 'rows') this.#delivering = true;
      if (message.type === 'complete') this.#delivering = false;
      this.#handlers.message(message);
    }
  };

  #openRowsChannel(ports: readonly MessagePort[]): void {
    const [port] = ports;
    if (ports.length !== 1 || !port) {
      ignored('a rows-channel without exactly one port');
      return;
    }
    this.#rowsPort?.close();
    this.#unanswered.clear();
    this.#rowsPort = port;
    port.addEventListener('message', (event: MessageEvent) => {
      if (port !== this.#rowsPort) return;
      // Only batches travel on this port; each is answered on it.
      const message = accept(RowsSchema, event.data, 'a message on the rows channel that is no batch');
      if (!message) return;
      this.#heardAt = performance.now();
      this.#unanswered.add(message.id);
      this.#handlers.traffic?.('received', message);
      this.#handlers.message(message);
    });
    port.start();
  }
}

/** `data` parsed with `schema`, or `undefined` after a warning naming what was dropped. */
function accept<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
  what: string,
): v.InferOutput<S> | undefined {
  const message = parseMessage(schema, data);
  if (!message) ignored(what, data);
  return message;
}
