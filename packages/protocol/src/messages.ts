import { ColumnSpecSchema } from '@csv-importer/core/column-schema';
import * as v from 'valibot';

export { ColumnSpecSchema };

/**
 * Every message between the host page and the importer frame. The window-level handshake
 * carries a `MessagePort`; everything after it travels on that port. Each message names its
 * `type`, the protocol `version` and an `id`, and is parsed with its schema on arrival: a message
 * that does not parse is dropped and reported, never acted on.
 */

/** Major version of the protocol. A peer speaking another version is refused with a clear error. */
export const PROTOCOL_VERSION = 1;

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const version = v.literal(PROTOCOL_VERSION);
const shortText = v.pipe(v.string(), v.maxLength(1000));

// ---- handshake (window.postMessage) -------------------------------------------------------------

/** Frame to host, once its script runs: "I am here, and I speak this version". */
export const FrameHelloSchema = v.strictObject({
  type: v.literal('csv-importer:hello'),
  version: v.pipe(v.number(), v.integer()),
});
export type FrameHello = v.InferOutput<typeof FrameHelloSchema>;

/** Host to frame, in reply to hello, with the port transferred beside it. */
export const HostConnectSchema = v.strictObject({
  type: v.literal('csv-importer:connect'),
  version,
});
export type HostConnect = v.InferOutput<typeof HostConnectSchema>;

// ---- host to frame (port) -----------------------------------------------------------------------

export const InitSchema = v.strictObject({
  type: v.literal('init'),
  version,
  id,
  columns: v.pipe(v.array(ColumnSpecSchema), v.minLength(1), v.maxLength(500)),
  options: v.strictObject({
    locale: v.optional(v.pipe(v.string(), v.maxLength(35))),
  }),
});
export type Init = v.InferOutput<typeof InitSchema>;

export const HostToFrameSchema = v.variant('type', [InitSchema]);
export type HostToFrame = v.InferOutput<typeof HostToFrameSchema>;

// ---- frame to host (port) -----------------------------------------------------------------------

const IssueSchema = v.strictObject({
  row: v.pipe(v.number(), v.integer(), v.minValue(0)),
  column: v.string(),
  code: v.string(),
  level: v.picklist(['error', 'warning', 'info']),
  params: v.optional(v.record(v.string(), v.union([v.string(), v.number()]))),
});

export const ProgressSchema = v.strictObject({
  type: v.literal('progress'),
  version,
  id,
  phase: v.picklist(['reading', 'validating', 'submitting']),
  rows: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type Progress = v.InferOutput<typeof ProgressSchema>;

export const CompleteSchema = v.strictObject({
  type: v.literal('complete'),
  version,
  id,
  rows: v.array(
    v.record(v.string(), v.union([v.string(), v.number(), v.boolean(), v.null(), v.array(v.string())])),
  ),
  issues: v.array(IssueSchema),
  meta: v.strictObject({
    fileName: shortText,
    encoding: shortText,
    delimiter: shortText,
    rowCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
    /** Field key to the file header it was matched with. */
    mapping: v.record(v.string(), v.string()),
  }),
});
export type Complete = v.InferOutput<typeof CompleteSchema>;

export const ErrorCodeSchema = v.picklist([
  'protocol_version',
  'invalid_message',
  'invalid_columns',
  'file_unreadable',
  'internal',
]);
export type ErrorCode = v.InferOutput<typeof ErrorCodeSchema>;

export const ErrorSchema = v.strictObject({
  type: v.literal('error'),
  version,
  id,
  code: ErrorCodeSchema,
  message: shortText,
});
export type ErrorMessage = v.InferOutput<typeof ErrorSchema>;

export const CloseSchema = v.strictObject({ type: v.literal('close'), version, id });

export const FrameToHostSchema = v.variant('type', [
  ProgressSchema,
  CompleteSchema,
  ErrorSchema,
  CloseSchema,
]);
export type FrameToHost = v.InferOutput<typeof FrameToHostSchema>;

/** Parses an incoming message; `undefined` means drop it. */
export function parseMessage<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
): v.InferOutput<S> | undefined {
  const result = v.safeParse(schema, data);
  return result.success ? result.output : undefined;
}

/** A fresh id for a message. */
export function messageId(): string {
  return crypto.randomUUID();
}
