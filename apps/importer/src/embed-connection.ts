import {
  type EmbedConfig,
  type EmbedToHost,
  type FrameToHost,
  messageId,
  PROTOCOL_VERSION,
  type WireIssue,
} from '@csv-importer/protocol';
import type { HostTransport } from './host-connection.ts';

/**
 * The transport of embed URL mode: the host page runs none of our code, so there is no port and
 * no hooks. Row batches are acknowledged here and collected; `complete` posts every row, issue and
 * the metadata in one `csv-importer:complete` window message, errors as `csv-importer:error` and
 * files the user asked for as `csv-importer:save-file`, each addressed to the configured parent
 * origin only (never `'*'`). The init message is built from the configuration and goes through
 * the same schema check as one from a port.
 */
export function embedTransport(config: EmbedConfig, parent: Window = window.parent): HostTransport {
  let receive: (data: unknown) => void = () => {};
  let rows: unknown[] = [];
  let issues: WireIssue[] = [];
  const post = (
    message: EmbedToHost extends infer M
      ? M extends EmbedToHost
        ? Omit<M, 'version' | 'id'>
        : never
      : never,
  ) => parent.postMessage({ ...message, version: PROTOCOL_VERSION, id: messageId() }, config.parentOrigin);
  return {
    post(message: FrameToHost) {
      switch (message.type) {
        case 'rows':
          rows = rows.concat(message.rows);
          issues = issues.concat(message.issues);
          queueMicrotask(() =>
            receive({ type: 'ack', version: PROTOCOL_VERSION, id: messageId(), replyTo: message.id }),
          );
          return;
        case 'complete':
          post({ type: 'csv-importer:complete', rows: rows as never, issues, meta: message.meta });
          rows = [];
          issues = [];
          return;
        case 'error':
          post({ type: 'csv-importer:error', code: message.code, message: message.message });
          return;
        case 'save-file':
          // The host page saves it (see docs/protocol.md): the frame may not download.
          post({
            type: 'csv-importer:save-file',
            fileName: message.fileName,
            mimeType: message.mimeType,
            text: message.text,
          });
          return;
        default:
          return;
      }
    },
    listen(listener) {
      receive = listener;
      queueMicrotask(() =>
        receive({
          type: 'init',
          version: PROTOCOL_VERSION,
          id: messageId(),
          columns: config.columns,
          // The rows are gathered here into one array of records, whatever the configuration
          // asked for: a host page in embed mode reads records, and has no port to open a
          // rows channel on; every issue is an object of that array's `issues`.
          options: { ...config.options, rowEncoding: 'records', rowChannel: false, packedNotes: false },
        }),
      );
    },
    close() {
      receive = () => {};
    },
  };
}
