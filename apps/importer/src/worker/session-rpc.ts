/**
 * The frame's calls into its worker's session, over the worker's own message channel: `wrap` on
 * the frame's side gives an object whose every method posts a call and returns a promise of its
 * answer; `expose` on the worker's side answers those calls from an object (the `ImportSession`).
 *
 * - A function passed as an argument (at the top level) is a callback: the worker calls it back,
 *   by the call's id on the same channel, until the call settles; after that it does nothing.
 * - `transfer(value, list)` marks an argument or an answer whose `list` (buffers, ports) is
 *   transferred rather than copied.
 * - An error thrown in the worker arrives as an `Error` with its `name`, `message` and `stack`;
 *   other fields are lost on the way, so a failure the UI must tell apart is an answer, not a throw.
 * - `disconnect(endpoint)` (the worker failed or was ended) rejects every call still waiting, and
 *   any later one, with a `DisconnectedError`, and drops their callbacks; a `MessagePort` whose
 *   other side closes does the same by itself where the platform fires `close`.
 *
 * Messages that are not calls (the heartbeat's pings, see `heartbeat.ts`) pass by untouched on
 * either side, so they are answered whatever the session is doing.
 */

/** A message channel's end: a `Worker`, the worker's own scope, or a `MessagePort`. */
export interface Endpoint {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  removeEventListener(type: string, listener: (event: MessageEvent) => void): void;
  start?(): void;
}

/** `T`'s methods as the other side of the channel calls them: each answer comes as a promise. */
export type Remote<T> = {
  readonly [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => Promise<Awaited<R>>
    : never;
};

/** A call; the arguments at `callbacks` were functions (sent as `null`). */
interface CallMessage {
  readonly type: 'session-rpc:call';
  readonly id: number;
  readonly method: string;
  readonly args: unknown[];
  readonly callbacks: readonly number[];
}
/** The worker calling back the function at argument `index` of call `id`. */
interface CallbackMessage {
  readonly type: 'session-rpc:callback';
  readonly id: number;
  readonly index: number;
  readonly args: unknown[];
}
interface ReturnMessage {
  readonly type: 'session-rpc:return';
  readonly id: number;
  readonly value: unknown;
}
interface ThrowMessage {
  readonly type: 'session-rpc:throw';
  readonly id: number;
  readonly error: { readonly name: string; readonly message: string; readonly stack?: string | undefined };
}
type ToCaller = CallbackMessage | ReturnMessage | ThrowMessage;

/** What each `transfer`-marked value hands over instead of copying. */
const transfers = new WeakMap<object, Transferable[]>();

/** Marks `value` (an argument or a method's answer) so that `list` is transferred with it. */
export function transfer<T extends object>(value: T, list: Transferable[]): T {
  transfers.set(value, list);
  return value;
}

function transferOf(value: unknown): Transferable[] {
  return (typeof value === 'object' && value !== null && transfers.get(value)) || [];
}

/** What a call rejects with once its channel has ended (see `disconnect`). */
export class DisconnectedError extends Error {
  override readonly name = 'DisconnectedError';
}

/** Every channel `wrap` serves, with what ends it. */
const connections = new WeakMap<Endpoint, (reason: Error) => void>();

/**
 * Calls on `endpoint`: method calls of the returned object are posted as calls and resolve with
 * their answers. (The object answers any property name with a method, `then` excepted; boxed
 * where a library probes bound values, see `session-handle.ts`.)
 */
export function wrap<T>(endpoint: Endpoint): Remote<T> {
  type Pending = {
    resolve(value: unknown): void;
    reject(error: Error): void;
    callbacks: ((...args: unknown[]) => void)[];
  };
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let closed: Error | undefined;

  const onMessage = ({ data }: MessageEvent) => {
    const message = data as ToCaller | null;
    const call = typeof message?.id === 'number' ? pending.get(message.id) : undefined;
    if (!call || !message) return;
    if (message.type === 'session-rpc:callback') {
      call.callbacks[message.index]?.(...message.args);
    } else if (message.type === 'session-rpc:return') {
      pending.delete(message.id);
      call.resolve(message.value);
    } else if (message.type === 'session-rpc:throw') {
      pending.delete(message.id);
      const { name, message: text, stack } = message.error;
      call.reject(Object.assign(new Error(text), { name, stack }));
    }
  };
  const onClose = () => close(new DisconnectedError('The channel to the worker closed.'));
  const close = (reason: Error) => {
    if (closed) return;
    closed = reason;
    endpoint.removeEventListener('message', onMessage);
    endpoint.removeEventListener('close', onClose);
    connections.delete(endpoint);
    for (const call of pending.values()) call.reject(reason);
    pending.clear();
  };
  connections.set(endpoint, close);
  endpoint.addEventListener('message', onMessage);
  endpoint.addEventListener('close', onClose);
  endpoint.start?.();

  const call = (method: string, args: unknown[]) =>
    new Promise((resolve, reject) => {
      if (closed) throw closed;
      const id = nextId++;
      const callbacks: Pending['callbacks'] = [];
      const indexes: number[] = [];
      const sent = args.map((arg, index) => {
        if (typeof arg !== 'function') return arg;
        callbacks[index] = arg as Pending['callbacks'][number];
        indexes.push(index);
        return null;
      });
      const message: CallMessage = { type: 'session-rpc:call', id, method, args: sent, callbacks: indexes };
      // A value that cannot be cloned throws here, and rejects the call.
      endpoint.postMessage(message, args.flatMap(transferOf));
      pending.set(id, { resolve, reject, callbacks });
    });
  return new Proxy({} as Remote<T>, {
    get: (_, name) =>
      typeof name === 'string' && name !== 'then' ? (...args: unknown[]) => call(name, args) : undefined,
  });
}

/** Ends the calls on `endpoint`: every call waiting, and any later one, rejects with `message`. */
export function disconnect(endpoint: Endpoint, message = 'The worker was ended.'): void {
  connections.get(endpoint)?.(new DisconnectedError(message));
}

/** Answers the calls that arrive on `endpoint` (by default the worker's own scope) from `target`. */
export function expose(target: object, endpoint: Endpoint = globalThis as unknown as Endpoint): void {
  endpoint.addEventListener('message', async ({ data }) => {
    const message = data as CallMessage | null;
    if (message?.type !== 'session-rpc:call') return;
    const { id, method, args, callbacks } = message;
    let settled = false;
    for (const index of callbacks) {
      args[index] = (...values: unknown[]) => {
        if (!settled) endpoint.postMessage({ type: 'session-rpc:callback', id, index, args: values }, []);
      };
    }
    let reply: ReturnMessage | ThrowMessage;
    try {
      const run = (target as Record<string, unknown>)[method];
      if (typeof run !== 'function') throw new TypeError(`The session has no method "${method}".`);
      reply = { type: 'session-rpc:return', id, value: await run.apply(target, args) };
    } catch (error) {
      reply = thrown(id, error);
    }
    settled = true;
    try {
      endpoint.postMessage(reply, reply.type === 'session-rpc:return' ? transferOf(reply.value) : []);
    } catch (error) {
      // An answer that cannot be cloned: the caller hears why rather than waiting forever.
      endpoint.postMessage(thrown(id, error), []);
    }
  });
  endpoint.start?.();
}

function thrown(id: number, error: unknown): ThrowMessage {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  return { type: 'session-rpc:throw', id, error: { name, message, stack } };
}
