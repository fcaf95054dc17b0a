import * as v from 'valibot';

/**
 * What every message is built from, and the two replies to a `rows` batch: small enough for the
 * worker, which delivers batches on a channel of their own (see `rowChannel`), to check the host's
 * replies with the same schemas without taking every other message's schema into its bundle.
 */

/**
 * Major version of the protocol. A peer speaking another version is refused with a clear error.
 * Adding an optional field or a new message type that a peer may ignore keeps the version;
 * renaming, removing or retyping anything, or a new message a peer must understand, bumps it.
 */
export const PROTOCOL_VERSION = 1;

export const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
export const version = v.literal(PROTOCOL_VERSION);
export const shortText = v.pipe(v.string(), v.maxLength(1000));

/** Host acknowledges a `rows` batch: the frame may send the next one. */
export const AckSchema = v.strictObject({ type: v.literal('ack'), version, id, replyTo: id });
export type Ack = v.InferOutput<typeof AckSchema>;

/** A host hook threw or rejected; the frame turns this into issues, never a hang. */
export const HookErrorSchema = v.strictObject({
  type: v.literal('hook-error'),
  version,
  id,
  replyTo: id,
  message: shortText,
});
export type HookError = v.InferOutput<typeof HookErrorSchema>;

/** What the host may answer a `rows` batch with. */
export const RowsReplySchema = v.variant('type', [AckSchema, HookErrorSchema]);
export type RowsReply = v.InferOutput<typeof RowsReplySchema>;

/**
 * A fresh id for a message: 128 random bits in hex. `crypto.getRandomValues`, unlike
 * `crypto.randomUUID`, exists on pages that are not a secure context (plain-http intranets).
 */
export function messageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let id = '';
  for (const byte of bytes) id += byte.toString(16).padStart(2, '0');
  return id;
}
