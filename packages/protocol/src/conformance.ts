import { PROTOCOL_VERSION } from './messages.ts';

/**
 * Valid sample messages of each direction, and mutations that make a valid message invalid by
 * construction. Tests (ours, or those of a host that speaks the protocol without our element)
 * use them to check that a peer acts on exactly the valid messages.
 */

const version = PROTOCOL_VERSION;
const issue = { row: 0, column: 'email', code: 'invalid_email', level: 'error' };
const meta = {
  fileName: 'a.csv',
  encoding: 'utf-8',
  delimiter: ',',
  rowCount: 1,
  mapping: { email: 'E-mail' },
};

/** One valid message of every frame-to-host type, with a fresh `id`. */
export function frameToHostSamples(id: (n: number) => string): Record<string, unknown>[] {
  return [
    { type: 'progress', version, id: id(0), phase: 'reading', rows: 10, total: 20 },
    { type: 'validate-request', version, id: id(1), rows: [{ row: 0, record: { email: 'a@b.c', n: 1 } }] },
    { type: 'edit-request', version, id: id(2), row: 3, column: 'email', record: { email: null } },
    {
      type: 'mapping-request',
      version,
      id: id(3),
      headers: ['E-mail'],
      samples: [['a@b.c']],
      suggested: { email: 'E-mail' },
    },
    {
      type: 'rows',
      version,
      id: id(4),
      start: 0,
      rows: [{ email: 'a@b.c', tags: ['x'], ok: true }],
      issues: [issue],
    },
    {
      type: 'rows',
      version,
      id: id(8),
      start: 1,
      rows: {
        fields: ['email', 'n', 'tags', 'ok'],
        values: [
          ['d@e.f', 'g@h.i'],
          [2.5, 0],
          [[], ['x']],
          [null, true],
        ],
      },
      issues: [],
    },
    { type: 'complete', version, id: id(5), meta },
    { type: 'error', version, id: id(6), code: 'internal', message: 'boom' },
    { type: 'close', version, id: id(7) },
    { type: 'close-request', version, id: id(8), reason: 'escape' },
    { type: 'cancelled', version, id: id(10), phase: 'reading' },
    {
      type: 'save-file',
      version,
      id: id(9),
      fileName: 'rows-with-errors.csv',
      mimeType: 'text/csv',
      text: "First name,E-mail\r\n'=1+1,a@\r\n",
    },
    { type: 'work', version, id: id(10), unsaved: true },
  ];
}

/** One valid message of every host-to-frame type that is not a reply (init comes once, first). */
export function hostToFrameSamples(id: (n: number) => string): Record<string, unknown>[] {
  return [
    { type: 'theme', version, id: id(0), theme: { colorPrimary: '#123456', density: 'compact' } },
    { type: 'theme', version, id: id(1), theme: {} },
    { type: 'close-request', version, id: id(2) },
  ];
}

/** Valid replies to the request with id `replyTo`. */
export function replySamples(replyTo: string, id: (n: number) => string): Record<string, unknown>[] {
  return [
    { type: 'ack', version, id: id(0), replyTo },
    {
      type: 'validate-result',
      version,
      id: id(1),
      replyTo,
      issues: [{ row: 0, column: 'a', level: 'warning', message: 'm' }],
    },
    { type: 'mapping-result', version, id: id(2), replyTo, mapping: { a: null } },
    { type: 'hook-error', version, id: id(3), replyTo, message: 'failed' },
  ];
}

/**
 * Every way this module knows to break `message` while keeping it close to valid: a required
 * key dropped, a wrong version, an unknown type, a bad id, an extra key (every object is strict),
 * a nested extra key.
 */
export function nearValid(message: Record<string, unknown>): unknown[] {
  const out: unknown[] = [];
  for (const key of Object.keys(message)) {
    const { [key]: _, ...rest } = message;
    // `total` and the like are optional; dropping them keeps the message valid.
    if (
      [
        'type',
        'version',
        'id',
        'replyTo',
        'rows',
        'meta',
        'code',
        'issues',
        'theme',
        'record',
        'reason',
        'fileName',
        'mimeType',
        'text',
      ].includes(key)
    ) {
      out.push(rest);
    }
  }
  for (const bad of [0, PROTOCOL_VERSION + 1, String(PROTOCOL_VERSION), PROTOCOL_VERSION + 0.5, null]) {
    out.push({ ...message, version: bad });
  }
  out.push({ ...message, type: `${String(message.type)}x` });
  out.push({ ...message, type: String(message.type).toUpperCase() });
  out.push({ ...message, id: '' });
  out.push({ ...message, id: 'x'.repeat(65) });
  out.push({ ...message, id: 7 });
  out.push({ ...message, extra: true });
  out.push({ ...message, __proto__: { polluted: true }, constructor: 'x' });
  if (Array.isArray(message.issues) && message.issues.length > 0) {
    out.push({ ...message, issues: [{ ...(message.issues[0] as object), extra: 1 }] });
  }
  if (typeof message.replyTo === 'string') out.push({ ...message, replyTo: '' });
  if (typeof message.fileName === 'string') {
    // A file the host saves: no path, no other extension, no markup type.
    for (const fileName of [
      '../rows.csv',
      'C:\\rows.csv',
      'rows.csv.exe',
      'rows\n.csv',
      '.csv',
      `${'x'.repeat(200)}.csv`,
    ])
      out.push({ ...message, fileName });
    out.push({ ...message, mimeType: 'text/html' });
    out.push({ ...message, text: 7 });
  }
  if (message.reason !== undefined) out.push({ ...message, reason: 'click' });
  if (message.type === 'rows' && !Array.isArray(message.rows)) {
    // Rows by column hold what records would: one column per field, of cell values, all as long.
    for (const rows of [
      { fields: ['a'], values: [[1]], extra: [] },
      { fields: ['a', 'b'], values: [[1]] },
      { fields: ['a', 'a'], values: [[1], [2]] },
      { fields: ['a', 'b'], values: [[1], [2, 3]] },
      { fields: ['a'], values: [[{ b: 1 }]] },
      { fields: ['a'], values: [[[1]]] },
      { fields: [1], values: [['x']] },
      { fields: ['__proto__'], values: [[null]] },
      { fields: ['a'], values: ['x'] },
    ]) {
      out.push({ ...message, rows });
    }
  }
  return out;
}
