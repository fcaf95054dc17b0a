// Over 400 lines on purpose: the protocol is one file of tagged unions, each message's schema
// beside its inferred type, so a host author reads the whole wire format in one place.
import { ColumnSpecSchema } from '@csv-importer/core/column-schema';
import * as v from 'valibot';
import { isNoteColumns, isRowColumns, type NoteColumn, type RowColumns } from './row-columns.ts';
import { ThemeSchema } from './theme.ts';
import { AckSchema, HookErrorSchema, id, shortText, version } from './wire.ts';

export {
  type Ack,
  AckSchema,
  type HookError,
  HookErrorSchema,
  messageId,
  PROTOCOL_VERSION,
  type RowsReply,
  RowsReplySchema,
} from './wire.ts';

export { ColumnSpecSchema };

/**
 * Every message between the host page and the importer frame, as tagged unions with a valibot
 * schema each; the TypeScript types are inferred from the schemas. The window-level handshake
 * carries a `MessagePort`; everything after it travels on that port. Each message names its
 * `type`, the protocol `version` and an `id`; a reply names the request it answers in `replyTo`.
 * Every message is parsed with its schema on arrival: one that does not parse is dropped and
 * reported, never acted on. docs/protocol.md describes the same thing for people.
 */

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const duration = v.pipe(v.number(), v.minValue(0), v.finite());
const fieldKey = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

// ---- values and issues --------------------------------------------------------------------------

/** A delivered cell: JSON-like values only (text, number, boolean, null, multi-select list). */
export const CellValueSchema = v.union([
  v.string(),
  v.pipe(v.number(), v.finite()),
  v.boolean(),
  v.null(),
  v.array(v.string()),
]);
export type CellValue = v.InferOutput<typeof CellValueSchema>;

/** A delivered row: field key to value. */
export const RecordSchema = v.record(v.string(), CellValueSchema);
export type DeliveredRecord = v.InferOutput<typeof RecordSchema>;

/**
 * Rows as columns on the wire (see `row-columns.ts`), checked and kept as columns: the receiver
 * reads them by column (`columnCells`) or makes records (`rowColumnsToRecords`) when it needs them.
 */
export const RowColumnsSchema = v.custom<RowColumns>(
  isRowColumns,
  'Expected {fields, values} with one column of cell values (an array, or packed text or numbers) per field.',
);

export const IssueLevelSchema = v.picklist(['error', 'warning', 'info']);
export type IssueLevel = v.InferOutput<typeof IssueLevelSchema>;

/** A finding about one cell; `row` is the 0-based index of the row it is about. */
export const IssueSchema = v.strictObject({
  row: count,
  column: v.string(),
  code: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
  level: IssueLevelSchema,
  params: v.optional(v.record(v.string(), v.union([v.string(), v.number()]))),
});
export type WireIssue = v.InferOutput<typeof IssueSchema>;

/**
 * A finding a host hook returns about one row of the batch it was given. `message` is shown to
 * the end user as is (the frame's catalogs do not know the host's codes); `code` is for machines.
 */
export const HostIssueSchema = v.strictObject({
  /** Index of the row in the whole import, as the request gave it. */
  row: count,
  column: fieldKey,
  level: IssueLevelSchema,
  message: v.pipe(v.string(), v.minLength(1), v.maxLength(500)),
  code: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))),
});
export type HostIssue = v.InferOutput<typeof HostIssueSchema>;

/** A replacement value a host hook returns for one cell. */
export const HostValueSchema = v.strictObject({ row: count, column: fieldKey, value: CellValueSchema });
export type HostValue = v.InferOutput<typeof HostValueSchema>;

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

/** Which host-side hooks exist; the frame asks only for those. */
export const HookFlagsSchema = v.strictObject({
  validate: v.optional(v.boolean()),
  edit: v.optional(v.boolean()),
  mapping: v.optional(v.boolean()),
});
export type HookFlags = v.InferOutput<typeof HookFlagsSchema>;

/** What happens to rows that still have errors when the user submits. */
export const InvalidRowsSchema = v.picklist(['block', 'exclude', 'include']);
export type InvalidRows = v.InferOutput<typeof InvalidRowsSchema>;

/** JSON-like metadata the host attaches to an import; echoed back in `complete`. */
const MetadataSchema = v.record(
  v.string(),
  v.union([v.string(), v.pipe(v.number(), v.finite()), v.boolean(), v.null()]),
);

/** A locale's messages: its language (see `localeLanguage`) and message key to text. */
export const CatalogSchema = v.strictObject({
  language: v.pipe(v.string(), v.regex(/^[a-z]{2,8}$/)),
  messages: v.pipe(
    v.record(v.pipe(v.string(), v.maxLength(200)), v.pipe(v.string(), v.maxLength(2000))),
    v.check((m) => Object.keys(m).length <= 2000, 'a catalog holds at most 2000 messages'),
  ),
});
export type Catalog = v.InferOutput<typeof CatalogSchema>;

/** Most file columns, and most values per field, a set of saved mappings may name. */
export const SAVED_MAPPINGS_MAX_ENTRIES = 2000;

const savedText = v.pipe(v.string(), v.maxLength(1000));
const bounded = <T extends object>(what: string) =>
  v.check<T, string>(
    (record) => Object.keys(record).length <= SAVED_MAPPINGS_MAX_ENTRIES,
    `Expected at most ${SAVED_MAPPINGS_MAX_ENTRIES} ${what}.`,
  );

/**
 * The column and value choices of an import, in a form the host can store and give back to a
 * later import (`init.options.mappings`, `complete.meta.mappings`). `columns` maps a file
 * column's header text to the field key it went to (`null`: the user left it out); `values` maps,
 * per select field, a file value to the option value it stands for. Version 1; a later form gets
 * another `version`, and a frame ignores a form it does not know.
 */
export const SavedMappingsSchema = v.strictObject({
  version: v.literal(1),
  columns: v.pipe(v.record(savedText, v.nullable(fieldKey)), bounded('columns')),
  values: v.pipe(
    v.record(fieldKey, v.pipe(v.record(savedText, savedText), bounded('values per field'))),
    bounded('fields'),
  ),
});
export type SavedMappings = v.InferOutput<typeof SavedMappingsSchema>;

export const InitOptionsSchema = v.strictObject({
  /** BCP 47 tag of the UI language. */
  locale: v.optional(v.pipe(v.string(), v.maxLength(35))),
  /** Message catalog overrides, by message key. */
  messages: v.optional(v.record(v.pipe(v.string(), v.maxLength(200)), v.pipe(v.string(), v.maxLength(2000)))),
  /**
   * The messages of the locale's language, for a frame that has no catalog of it built in (the
   * default srcdoc frame has English only): data the host added (a locale companion file), used
   * as text, never as code.
   */
  catalog: v.optional(CatalogSchema),
  maxRows: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /**
   * Large-file mode whatever the file's size: rows are validated while the file is read, only
   * the rows with issues are kept for review, the valid ones are read again at submit.
   */
  largeFile: v.optional(v.boolean()),
  /** Bytes. */
  maxFileSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  /** Like the `accept` attribute of a file input: extensions and MIME types. */
  accept: v.optional(v.pipe(v.string(), v.maxLength(500))),
  invalidRows: v.optional(InvalidRowsSchema),
  /** Deliver file columns matched to no field, under their header, in `unmatched`. */
  includeUnmatched: v.optional(v.boolean()),
  theme: v.optional(ThemeSchema),
  metadata: v.optional(MetadataSchema),
  hooks: v.optional(HookFlagsSchema),
  /** Rows per `rows` batch; the frame picks a default when omitted. */
  batchSize: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(50_000))),
  /** How long the frame waits for a host hook before reporting it as failed. */
  hookTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(600_000))),
  /** How long the frame waits for the host to acknowledge one batch of rows before giving up. */
  ackTimeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3_600_000))),
  /**
   * How `rows` batches carry their rows: `records` (the default) an array of objects, `columns`
   * one array per field (`RowColumns`), `packed` the same with text and number columns packed
   * into one string or typed array each. A host that rebuilds the records asks for columns or
   * packed columns: they cost far less to pass between threads.
   */
  rowEncoding: v.optional(v.picklist(['records', 'columns', 'packed'])),
  /**
   * The host takes `rows` batches on a channel of their own: on submit the frame sends
   * `rows-channel` with a `MessagePort`, the batches arrive on that port and their replies go back
   * on it. The frame's worker then sends the batches itself, so they never pass through the
   * frame's main thread.
   */
  rowChannel: v.optional(v.boolean()),
  /**
   * Column and value mappings of an earlier import (`complete.meta.mappings`): applied where the
   * file's headers and values are the same, and marked as remembered; the user can change them.
   */
  mappings: v.optional(SavedMappingsSchema),
  /**
   * The info notes that only say what a cell's text was (`params: {original}` and nothing else,
   * as `phone_normalized` or `trimmed`) travel in each `rows` batch's `notes`, one packed column
   * of originals per field and code, instead of one issue object each in `issues`.
   */
  packedNotes: v.optional(v.boolean()),
});
export type InitOptions = v.InferOutput<typeof InitOptionsSchema>;

export const InitSchema = v.strictObject({
  type: v.literal('init'),
  version,
  id,
  columns: v.pipe(v.array(ColumnSpecSchema), v.minLength(1), v.maxLength(500)),
  options: InitOptionsSchema,
});
export type Init = v.InferOutput<typeof InitSchema>;

/** Reply to `validate-request` and `edit-request`: issues and replacement values. */
export const ValidateResultSchema = v.strictObject({
  type: v.literal('validate-result'),
  version,
  id,
  replyTo: id,
  issues: v.array(HostIssueSchema),
  values: v.optional(v.array(HostValueSchema)),
});
export type ValidateResult = v.InferOutput<typeof ValidateResultSchema>;

/** Reply to `mapping-request`: field key to the file header it should take, `null` for none. */
export const MappingResultSchema = v.strictObject({
  type: v.literal('mapping-result'),
  version,
  id,
  replyTo: id,
  mapping: v.record(fieldKey, v.nullable(v.pipe(v.string(), v.maxLength(1000)))),
});
export type MappingResult = v.InferOutput<typeof MappingResultSchema>;

/** New theme tokens while the importer is open. */
export const ThemeUpdateSchema = v.strictObject({
  type: v.literal('theme'),
  version,
  id,
  theme: ThemeSchema,
});

/** The host closes the import; the frame stops what it is doing. */
export const CancelSchema = v.strictObject({ type: v.literal('cancel'), version, id });

/**
 * The host asks whether the frame's main thread still answers; the frame replies `alive`. A host
 * sends it only to a frame that has sent `alive` of its own accord (frames before this message
 * existed never do, and would report it as invalid).
 */
export const PingSchema = v.strictObject({ type: v.literal('ping'), version, id });

/**
 * The user asked the host page to close the importer (Escape in the page, a click on the modal's
 * backdrop) while the frame holds work closing would lose (its last `work` said `unsaved: true`).
 * The frame asks the user to confirm and sends `close` if they do; otherwise nothing changes. A
 * host sends it only to a frame that has sent `work` (older frames never do: close them at once).
 */
export const HostCloseRequestSchema = v.strictObject({ type: v.literal('close-request'), version, id });

/**
 * A file the host page hands over (the element's `importFile`): the frame reads it as if the user
 * had chosen it at the upload step, with the same checks (`accept`, `maxFileSize`) and the same
 * errors, after asking the user when the import in progress would be discarded.
 */
export const HostFileSchema = v.strictObject({
  type: v.literal('file'),
  version,
  id,
  file: v.instance(File),
});

export const HostToFrameSchema = v.variant('type', [
  InitSchema,
  AckSchema,
  ValidateResultSchema,
  MappingResultSchema,
  HookErrorSchema,
  ThemeUpdateSchema,
  CancelSchema,
  PingSchema,
  HostCloseRequestSchema,
  HostFileSchema,
]);
export type HostToFrame = v.InferOutput<typeof HostToFrameSchema>;

/** Replies the frame waits for, by the request they answer. */
export type HostReply = Extract<HostToFrame, { replyTo: string }>;

// ---- frame to host (port) -----------------------------------------------------------------------

export const ProgressSchema = v.strictObject({
  type: v.literal('progress'),
  version,
  id,
  phase: v.picklist(['reading', 'validating', 'submitting']),
  rows: count,
  /** Rows in all, when known. */
  total: v.optional(count),
});
export type Progress = v.InferOutput<typeof ProgressSchema>;

/** One row handed to a host hook: its index in the import and its typed values. */
const IndexedRecordSchema = v.strictObject({ row: count, record: RecordSchema });

/** Asks the host's validate hook about a batch of rows; answered by `validate-result`. */
export const ValidateRequestSchema = v.strictObject({
  type: v.literal('validate-request'),
  version,
  id,
  rows: v.array(IndexedRecordSchema),
});
export type ValidateRequest = v.InferOutput<typeof ValidateRequestSchema>;

/** Tells the host's edit hook that the user changed a row; answered by `validate-result`. */
export const EditRequestSchema = v.strictObject({
  type: v.literal('edit-request'),
  version,
  id,
  row: count,
  column: fieldKey,
  record: RecordSchema,
});
export type EditRequest = v.InferOutput<typeof EditRequestSchema>;

/** Asks the host's mapping hook for a column mapping; answered by `mapping-result`. */
export const MappingRequestSchema = v.strictObject({
  type: v.literal('mapping-request'),
  version,
  id,
  headers: v.array(shortText),
  /** A few sample values per file column, in header order. */
  samples: v.array(v.array(shortText)),
  /** The frame's own suggestion: field key to header, `null` for none. */
  suggested: v.record(fieldKey, v.nullable(shortText)),
});
export type MappingRequest = v.InferOutput<typeof MappingRequestSchema>;

/**
 * One batch of delivered rows, in order: `start` is the index of its first row among all
 * delivered rows. The frame sends the next batch only after the host's `ack`.
 */
export const RowsSchema = v.strictObject({
  type: v.literal('rows'),
  version,
  id,
  start: count,
  /**
   * The records, or (when the host asked for `rowEncoding: 'columns'` or `'packed'`) the same as
   * columns, which stay columns once parsed.
   */
  rows: v.union([v.array(RecordSchema), RowColumnsSchema]),
  /** File columns matched to no field, by header, per row (only with `includeUnmatched`). */
  unmatched: v.optional(v.array(v.record(v.string(), v.string()))),
  /** Findings about these rows; `row` is the index among all delivered rows. */
  issues: v.array(IssueSchema),
  /**
   * Info notes about these rows packed by field and code (only with `packedNotes`), each column
   * as long as the batch: the issues they stand for are not in `issues` (see `noteIssues`).
   */
  notes: v.optional(
    v.custom<NoteColumn[]>(
      (value) => isNoteColumns(value),
      'Expected a list of {column, code, originals} with one text or null per row of the batch.',
    ),
  ),
});
export type Rows = v.InferOutput<typeof RowsSchema>;

export const ImportMetaSchema = v.strictObject({
  fileName: shortText,
  encoding: shortText,
  delimiter: shortText,
  /** Sheet of a workbook the rows came from; `null` for text files. */
  sheet: v.optional(v.nullable(shortText)),
  /** Rows delivered. */
  rowCount: count,
  /** Delivered rows without errors. */
  validRowCount: v.optional(count),
  /** Delivered rows with errors (only with `invalidRows: 'include'`). */
  invalidRowCount: v.optional(count),
  /** Rows left out because they had errors (with `invalidRows: 'exclude'`). */
  excludedRowCount: v.optional(count),
  /** Field key to the file header it was matched with. */
  mapping: v.record(v.string(), v.string()),
  /** The column and value mappings of this import, to store and give back as `init.options.mappings`. */
  mappings: v.optional(SavedMappingsSchema),
  /** Milliseconds spent in each phase, measured in the frame. */
  timings: v.optional(
    v.strictObject({ read: v.optional(duration), validate: v.optional(duration), deliver: duration }),
  ),
  /** The host's `metadata`, echoed back. */
  metadata: v.optional(MetadataSchema),
});
export type ImportMeta = v.InferOutput<typeof ImportMetaSchema>;

/** Every batch has been acknowledged; the import is done. */
export const CompleteSchema = v.strictObject({
  type: v.literal('complete'),
  version,
  id,
  meta: ImportMetaSchema,
});
export type Complete = v.InferOutput<typeof CompleteSchema>;

/**
 * The frame's main thread runs: sent once right after the handshake (which tells the host it may
 * send `ping`), then in reply to each `ping`. A host that hears nothing on the port for a while
 * after pings knows the frame froze or its renderer died.
 */
export const AliveSchema = v.strictObject({
  type: v.literal('alive'),
  version,
  id,
  replyTo: v.optional(id),
});
export type Alive = v.InferOutput<typeof AliveSchema>;

export const ErrorCodeSchema = v.picklist([
  'protocol_version',
  'invalid_message',
  'invalid_columns',
  'invalid_options',
  'origin_not_allowed',
  'file_unreadable',
  'file_too_large',
  'too_many_rows',
  'hook_failed',
  'host_timeout',
  'worker_failed',
  'frame_removed',
  'locale_unavailable',
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

/**
 * The user pressed Escape inside the frame and no widget of the frame used it (a cell editor
 * cancels its edit instead). A host that shows the importer in a modal closes it, as Escape in
 * the host page does; an inline importer ignores it. Unlike `close`, this is a request.
 */
export const CloseRequestSchema = v.strictObject({
  type: v.literal('close-request'),
  version,
  id,
  reason: v.picklist(['escape']),
});
export type CloseRequest = v.InferOutput<typeof CloseRequestSchema>;

/**
 * Whether the frame holds work that closing would lose (a file read, columns matched, cells
 * fixed); sent when that changes. While it is `true`, a host asks the frame (`close-request`)
 * before it closes the importer at the user's request from the page.
 */
export const WorkSchema = v.strictObject({ type: v.literal('work'), version, id, unsaved: v.boolean() });
export type Work = v.InferOutput<typeof WorkSchema>;

/**
 * The user cancelled reading a file (`phase: 'reading'`): the frame is back at its upload step
 * and the worker has stopped reading. Needs no answer.
 */
export const CancelledSchema = v.strictObject({
  type: v.literal('cancelled'),
  version,
  id,
  phase: v.picklist(['reading']),
});
export type Cancelled = v.InferOutput<typeof CancelledSchema>;

/**
 * Opens the channel `rows` batches travel on (only for a host that set `rowChannel`): the
 * message's one transferred `MessagePort` carries `rows` to the host and its `ack` or
 * `hook-error` back. Nothing else is accepted on that port. `complete` still comes on the main port,
 * after the last batch was acknowledged.
 */
export const RowsChannelSchema = v.strictObject({
  type: v.literal('rows-channel'),
  version,
  id,
});
export type RowsChannel = v.InferOutput<typeof RowsChannelSchema>;

/**
 * Longest text a `save-file` carries, in UTF-16 code units (128 Mi: the invalid rows of a
 * million-row file fit; the structured clone of one message stays bounded).
 */
export const SAVE_FILE_MAX_LENGTH = 2 ** 27;

/**
 * A file name for the user's downloads folder: up to 200 characters, none of them a path
 * separator, a control character or one that Windows refuses (`<>:"|?*`), ending in `.csv`.
 */
const FileNameSchema = v.pipe(
  v.string(),
  v.minLength(5),
  v.maxLength(200),
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it refuses.
  v.regex(/^[^\\/\u0000-\u001f\u007f<>:"|?*]+\.csv$/, 'Expected a plain file name ending in .csv'),
);

/**
 * The user asked the frame for a file (the template of the expected columns, the rows with
 * errors). A sandboxed frame may not download, so the host saves `text` under `fileName`: the
 * exact bytes the frame produced, formula-injection guard included.
 */
export const SaveFileSchema = v.strictObject({
  type: v.literal('save-file'),
  version,
  id,
  fileName: FileNameSchema,
  mimeType: v.picklist(['text/csv']),
  text: v.pipe(v.string(), v.maxLength(SAVE_FILE_MAX_LENGTH)),
});
export type SaveFile = v.InferOutput<typeof SaveFileSchema>;

export const FrameToHostSchema = v.variant('type', [
  ProgressSchema,
  ValidateRequestSchema,
  EditRequestSchema,
  MappingRequestSchema,
  RowsSchema,
  CompleteSchema,
  ErrorSchema,
  CloseSchema,
  CloseRequestSchema,
  SaveFileSchema,
  RowsChannelSchema,
  AliveSchema,
  WorkSchema,
  CancelledSchema,
]);
export type FrameToHost = v.InferOutput<typeof FrameToHostSchema>;
/** A frame-to-host message as sent: as received, but `rows` may be `RowColumns`. */
export type FrameToHostInput = v.InferInput<typeof FrameToHostSchema>;

// ---- embed URL mode (window.postMessage to the configured parent origin) ------------------------

/**
 * Configuration of a plain `<iframe src=".../#config=…">`, base64url-encoded JSON in the URL
 * fragment (a fragment is never sent to a server). The frame posts results only to
 * `parentOrigin`.
 */
export const EmbedConfigSchema = v.strictObject({
  version,
  parentOrigin: v.pipe(v.string(), v.url(), v.maxLength(300)),
  columns: v.pipe(v.array(ColumnSpecSchema), v.minLength(1), v.maxLength(500)),
  options: v.optional(v.omit(InitOptionsSchema, ['hooks'])),
});
export type EmbedConfig = v.InferOutput<typeof EmbedConfigSchema>;

/** Embed mode: every row, every issue and the metadata, in one window message. */
export const EmbedCompleteSchema = v.strictObject({
  type: v.literal('csv-importer:complete'),
  version,
  id,
  rows: v.array(RecordSchema),
  issues: v.array(IssueSchema),
  meta: ImportMetaSchema,
});
export type EmbedComplete = v.InferOutput<typeof EmbedCompleteSchema>;

/** Embed mode: the import cannot go on. */
export const EmbedErrorSchema = v.strictObject({
  type: v.literal('csv-importer:error'),
  version,
  id,
  code: ErrorCodeSchema,
  message: shortText,
});

/** Embed mode: a file for the host page to save (see `save-file`). */
export const EmbedSaveFileSchema = v.strictObject({
  ...SaveFileSchema.entries,
  type: v.literal('csv-importer:save-file'),
});
export type EmbedSaveFile = v.InferOutput<typeof EmbedSaveFileSchema>;

export const EmbedToHostSchema = v.variant('type', [
  EmbedCompleteSchema,
  EmbedErrorSchema,
  EmbedSaveFileSchema,
]);
export type EmbedToHost = v.InferOutput<typeof EmbedToHostSchema>;

/** Encodes an embed configuration for the URL fragment: `#config=` + this. */
export function encodeEmbedConfig(config: EmbedConfig): string {
  const bytes = new TextEncoder().encode(JSON.stringify(config));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes and checks a `#config=` fragment value; throws with the reason when it is not valid. */
export function decodeEmbedConfig(encoded: string): EmbedConfig {
  let json: unknown;
  try {
    const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
    json = JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    throw new Error('The #config fragment is not base64url-encoded JSON.');
  }
  const result = v.safeParse(EmbedConfigSchema, json);
  if (!result.success)
    throw new Error(`The #config fragment is not valid: ${describeIssue(result.issues[0])}`);
  return result.output;
}

// ---- parsing ------------------------------------------------------------------------------------

/** Parses an incoming message; `undefined` means drop it. */
export function parseMessage<S extends v.GenericSchema>(
  schema: S,
  data: unknown,
): v.InferOutput<S> | undefined {
  const result = v.safeParse(schema, data);
  return result.success ? result.output : undefined;
}

/** `path.to.field: message` for the first problem valibot found. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
