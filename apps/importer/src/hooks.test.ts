import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { FrameToHostSchema, type Init, PROTOCOL_VERSION, parseMessage } from '@csv-importer/protocol';
import { type ColumnValidator, HookRunner, type ImporterHooks } from '../../../packages/element/src/hooks.ts';
import { deliverRows } from './delivery.ts';
import { checkEditWithHost, mappingFromHost, validateWithHost } from './hooks.ts';
import { HostConnection, portTransport } from './host-connection.ts';
import { ImportSession } from './worker/import-session.ts';
import type { Remote } from './worker/session-rpc.ts';
import type { ImportSessionApi, Mapping } from './worker/session-types.ts';

// The frame's hook and delivery code against the element's real HookRunner, over a real
// MessageChannel, with a real ImportSession holding tests/fixtures/contacts.csv (no worker: the
// session is called directly, which is what session-rpc.ts does on the other side).

const COLUMNS = [
  { key: 'firstName', label: 'First name', required: true },
  { key: 'email', label: 'E-mail', type: 'email' as const, required: true },
  { key: 'country', label: 'Country' },
];
const channels: MessageChannel[] = [];
after(() => {
  for (const c of channels) {
    c.port1.close();
    c.port2.close();
  }
});

/** A connected frame side and host side; the host answers hooks with `hooks` and acks every batch. */
async function connect(
  hooks: ImporterHooks,
  options: Init['options'] = {},
  validators: ReadonlyMap<string, ColumnValidator> = new Map(),
) {
  const channel = new MessageChannel();
  channels.push(channel);
  const runner = new HookRunner(hooks, validators);
  const delivered: unknown[] = [];
  channel.port2.onmessage = async ({ data }: MessageEvent) => {
    const message = parseMessage(FrameToHostSchema, data);
    if (!message) return;
    if (message.type === 'rows') {
      delivered.push(message);
      channel.port2.postMessage({
        type: 'ack',
        version: PROTOCOL_VERSION,
        id: `ack-${message.id}`,
        replyTo: message.id,
      });
    } else if (message.type.endsWith('-request')) {
      channel.port2.postMessage(await runner.answer(message as never));
    } else delivered.push(message);
  };
  const host = new HostConnection(portTransport(channel.port1 as unknown as MessagePort), () => {});
  const init = {
    type: 'init',
    version: PROTOCOL_VERSION,
    id: 'init',
    columns: COLUMNS,
    options: { ...options, hooks: runner.flags },
  } as const;
  channel.port2.postMessage(init);
  while (!host.init) await new Promise((resolve) => setTimeout(resolve, 5));
  const session = new ImportSession();
  // As the app does: the worker applies the invalid-row policy when it builds each batch.
  session.configure(COLUMNS, options.invalidRows ? { invalidRows: options.invalidRows } : {});
  const bytes = await readFile(join(process.cwd(), 'tests/fixtures/contacts.csv'));
  const loaded = await session.load(new File([bytes], 'contacts.csv', { type: 'text/csv' }));
  assert.ok(loaded.ok);
  const mapping: Mapping = { firstName: 0, email: 2, country: 5 };
  return {
    host,
    init: host.init as Init,
    session: session as unknown as Remote<ImportSessionApi>,
    summary: loaded.summary,
    mapping,
    delivered,
    validation: session.validate(mapping),
  };
}

describe('host hooks from the frame side', () => {
  test('validate: host findings and replacement values join the engine own, and delivery follows them', async () => {
    const { host, init, session, validation, delivered } = await connect(
      {
        validate: async (rows) => ({
          issues: rows
            .filter((r) => r.record.country === 'GB')
            .map((r) => ({ row: r.row, column: 'country', message: 'Not in the UK.' })),
          values: [{ row: 5, column: 'country', value: 'Deutschland' }],
        }),
      },
      { invalidRows: 'exclude', batchSize: 3 },
    );
    assert.equal(validation.invalidRowCount, 2);
    const { rowCount, invalidRowCount, errorCount, errorsByColumn } = await validateWithHost(
      host,
      init,
      session,
      validation,
    );
    assert.deepEqual(
      { rowCount, invalidRowCount, errorCount, errorsByColumn },
      {
        rowCount: 11,
        invalidRowCount: 5,
        errorCount: 5,
        errorsByColumn: { email: 1, firstName: 1, country: 3 },
      },
    );
    await deliverRows(host, session, {
      fileName: 'contacts.csv',
      encoding: 'utf-8',
      delimiter: ',',
      mapping: {},
    });
    const batches = delivered.filter((m) => (m as { type: string }).type === 'rows') as {
      start: number;
      rows: { firstName: string; country: string }[];
    }[];
    assert.deepEqual(
      batches.map((b) => [b.start, b.rows.map((r) => r.firstName)]),
      // Batches of `batchSize` delivered rows, the rows with errors left out.
      [
        [0, ['Grace', 'Margaret', 'Zoë']],
        [3, ['Ken', '=HYPERLINK("http://evil.example","click")', '<img src=x onerror=alert(1)>']],
      ],
    );
    assert.equal(batches[0]!.rows[2]!.country, 'Deutschland');
    const isComplete = (m: unknown) => (m as { type: string }).type === 'complete';
    while (!delivered.some(isComplete)) await new Promise((resolve) => setTimeout(resolve, 5));
    const complete = delivered.find(isComplete) as { meta: Record<string, unknown> };
    assert.equal(complete.meta.excludedRowCount, 5);
  });

  test("a column's validate function gives the issue custom, as validateRecords does; a hook's finding is host", async () => {
    const { host, init, session, validation } = await connect(
      {
        validate: (rows) =>
          rows
            .filter((r) => r.row === 1)
            .map((r) => ({ row: r.row, column: 'email', message: 'Taken.', code: 'taken' })),
      },
      {},
      new Map([['country', (value: unknown) => (value === 'US' ? 'Not served.' : null)]]),
    );
    await validateWithHost(host, init, session, validation);
    const [us] = await session.records(1, 1);
    assert.deepEqual(
      us!.issues.map((i) => [i.column, i.code, i.params]),
      [
        ['email', 'host', { message: 'Taken.', code: 'taken' }],
        ['country', 'custom', { message: 'Not served.' }],
      ],
    );
  });

  test('edit: the edit hook is asked about the edited row only, and its answer replaces earlier findings', async () => {
    const asked: unknown[] = [];
    const { host, init, session, validation } = await connect({
      validate: (rows) =>
        rows.filter((r) => r.row === 4).map((r) => ({ row: r.row, column: 'email', message: 'Taken.' })),
      edit: (change) => {
        asked.push(change);
        return [{ row: change.row, column: change.column, message: 'Still taken.', level: 'warning' }];
      },
    });
    await validateWithHost(host, init, session, validation);
    const summary = await checkEditWithHost(host, init, session, 4, 'email');
    assert.deepEqual(asked, [
      { row: 4, column: 'email', record: { firstName: 'Tim', email: 'tim@example.com', country: 'GB' } },
    ]);
    assert.equal(summary!.errorCount, 2);
    const [row] = await session.records(4, 1);
    assert.deepEqual(
      row!.issues.map((i) => [i.code, i.level, i.params?.message]),
      [['host', 'warning', 'Still taken.']],
    );
  });

  test('edit: an answer to a superseded check is dropped, so an older answer never overwrites a newer one', async () => {
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      release = resolve;
    });
    const { host, init, session } = await connect({
      // The first check waits; the second answers at once.
      edit: async (change) => {
        if (change.record.email === 'old@example.com') await slow;
        return [{ row: change.row, column: 'email', message: `About ${String(change.record.email)}.` }];
      },
    });
    session.edit(4, 'email', 'old@example.com');
    const older = new AbortController();
    const first = checkEditWithHost(host, init, session, 4, 'email', older.signal);
    await new Promise((resolve) => setTimeout(resolve, 20));
    session.edit(4, 'email', 'new@example.com');
    older.abort();
    await checkEditWithHost(host, init, session, 4, 'email', new AbortController().signal);
    release();
    assert.equal(await first, undefined);
    const [row] = await session.records(4, 1);
    assert.deepEqual(
      row!.issues.map((i) => i.params?.message),
      ['About new@example.com.'],
    );
  });

  test('mapping: the host picks headers by name; unknown headers and fields are ignored', async () => {
    const { host, init, summary, mapping } = await connect({
      mapping: ({ suggested }) => ({ ...suggested, country: 'Notes', email: 'No such header', nope: 'Plan' }),
    });
    const chosen = await mappingFromHost(host, init, summary, mapping);
    assert.deepEqual(chosen, { firstName: 0, email: 2, country: 9 });
  });

  test('a hook that never answers becomes hook_failed issues after hookTimeoutMs', async () => {
    const { host, init, session, validation } = await connect(
      { validate: () => new Promise<undefined>(() => {}) },
      { hookTimeoutMs: 50 },
    );
    const summary = await validateWithHost(host, init, session, validation);
    assert.equal(summary.invalidRowCount, 11);
    const [row] = await session.records(0, 1);
    assert.deepEqual(
      row!.issues.map((i) => [i.code, i.column, i.params?.message]),
      [['hook_failed', 'firstName', 'The host did not answer validate-request within 50 ms.']],
    );
  });
});
