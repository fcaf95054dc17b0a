// The path a developer takes today: `npm run pack`, then `npm install` of the tarballs into their
// own application (a fresh folder outside the repository), typed rows checked by `tsc --strict`
// (with and without `skipLibCheck`), and `validateRecords` run from the installed core in plain
// Node. The `@ts-expect-error` lines are the types' refusals: a type that lets one through fails
// the check as an unused directive.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { PACKAGES_DIR, ROOT, run, scratchApp, tarballs } from '../package/scratch-app.ts';

/** The application's column list, shared by the element and the server, as the docs show it. */
const COLUMNS = `import { defineColumns, type RowOf } from '@csv-importer/core';

const taken = new Set(['taken@example.com']);

export const columns = defineColumns([
  { key: 'name', label: 'Name', required: true },
  {
    key: 'email',
    label: 'E-mail',
    type: 'email',
    required: true,
    // As a server would ask its database: asynchronously.
    validate: async (value) => (taken.has(String(value)) ? 'This address already has an account' : null),
  },
  { key: 'seats', label: 'Seats', type: 'integer', min: 1 },
  { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] },
  { key: 'code', label: 'Code', type: 'regex', pattern: { pattern: '^[a-z]{2}$', flags: 'i' } },
] as const);

export type Contact = RowOf<typeof columns>;
`;

/** The server: Node ESM, resolved as Node resolves it (nodenext), typed rows out. */
const SERVER = `import { validateRecords } from '@csv-importer/core';
import { columns, type Contact } from './columns.js';

const body: unknown[] = JSON.parse(process.argv[2] ?? '[]');
const { ok, records, issues } = await validateRecords(columns, body);
const first: Contact | undefined = records[0];
const name: string = records[0]!.name;
const seats: number | null = records[0]!.seats;
const plan: 'free' | 'pro' | null = records[0]!.plan;
// @ts-expect-error: seats is a number, not text
const wrong: string = records[0]!.seats;
void [first, name, seats, plan, wrong];
console.log(JSON.stringify({ ok, records, issues }));
`;

/** The browser side: the element typed by the same columns. */
const CLIENT = `import '@csv-importer/element';
import {
  type CsvImporterCompleteEvent,
  type CsvImporterRowsEvent,
  type ImporterColumn,
  type ImporterHooks,
} from '@csv-importer/element';
import { defineColumns, validateRecords } from '@csv-importer/core';
import { columns, type Contact } from './columns.js';

const importer = document.createElement('csv-importer');
// A readonly list from defineColumns, validators included.
importer.columns = columns;
// The list the element takes is the list validateRecords takes.
const list: readonly ImporterColumn[] = importer.columns;
void validateRecords(list, []);

importer.addEventListener('csv-importer-complete', (event: CsvImporterCompleteEvent<Contact>) => {
  const email: string = event.rows[0]!.email;
  const seats: number | null = event.rows[0]!.seats;
  void [email, seats, event.meta.rowCount];
});
importer.addEventListener('csv-importer-rows', (event: CsvImporterRowsEvent<Contact>) => {
  event.waitUntil(Promise.resolve(event.rows.map((row) => row.name)));
});
// Unannotated, a listener gets the element's own row type.
importer.addEventListener('csv-importer-complete', (event) => void event.rows[0]?.['email']);
// A row type written by hand is accepted too.
interface Handwritten {
  name: string;
  email: string;
}
importer.addEventListener('csv-importer-complete', (event: CsvImporterCompleteEvent<Handwritten>) => {
  void event.rows[0]?.name;
});
const hooks: ImporterHooks<Contact> = {
  validate: async (rows) =>
    rows.filter(({ record }) => record.seats !== null && record.seats > 100).map(({ row }) => ({
      row,
      column: 'seats',
      message: 'Call us for more than 100 seats',
    })),
};
importer.hooks = hooks;

// @ts-expect-error: the complete event is not a rows event
importer.addEventListener('csv-importer-complete', (event: CsvImporterRowsEvent<Contact>) => event.start);
// @ts-expect-error: columns is a list of column specs
importer.columns = 42;
// @ts-expect-error: a column needs a label (were the column type lost to any, this would pass)
importer.columns = [{ key: 'name' }];
// @ts-expect-error: min belongs to number and integer columns (a text column has minLength)
defineColumns([{ key: 'name', label: 'Name', min: 3 }] as const);
// @ts-expect-error: g and y make matching stateful; the runtime refuses them
defineColumns([{ key: 'c', label: 'C', type: 'regex', pattern: { pattern: 'a', flags: 'g' } }] as const);
// @ts-expect-error: a select column needs its options
defineColumns([{ key: 'p', label: 'P', type: 'select' }] as const);
`;

const tsconfig = (options: Record<string, unknown>, files: string[]) =>
  JSON.stringify({
    compilerOptions: {
      strict: true,
      noEmit: true,
      target: 'ES2022',
      ...options,
    },
    files,
  });

const PROJECTS = [
  ['tsconfig.server.json', 'a Node server (nodenext)'],
  ['tsconfig.client.json', 'a browser app (bundler), every declaration checked'],
  ['tsconfig.client-skiplib.json', 'a browser app with skipLibCheck, where types must not become any'],
] as const;

describe('the packed packages in an application outside the repository', () => {
  let app = '';
  const checks = new Map<string, Promise<{ code: number; output: string }>>();
  before(async () => {
    // `npm run pack` as a user runs it: build, then one tarball per published package.
    const packed = await run('npm', ['run', 'pack', '--silent'], ROOT);
    assert.equal(packed.code, 0, packed.output);
    app = await scratchApp();
    writeFileSync(join(app, 'columns.ts'), COLUMNS);
    writeFileSync(join(app, 'server.ts'), SERVER);
    writeFileSync(join(app, 'client.ts'), CLIENT);
    const node = { module: 'nodenext', moduleResolution: 'nodenext' };
    const bundler = { module: 'esnext', moduleResolution: 'bundler', lib: ['ES2023', 'DOM'], types: [] };
    // Our declarations are checked in full by the client run (skipLibCheck off); the server run
    // skips Node's own, which take longer to check than everything else together.
    writeFileSync(
      join(app, 'tsconfig.server.json'),
      tsconfig({ ...node, skipLibCheck: true, types: ['node'] }, ['server.ts']),
    );
    writeFileSync(join(app, 'tsconfig.client.json'), tsconfig(bundler, ['client.ts']));
    writeFileSync(
      join(app, 'tsconfig.client-skiplib.json'),
      tsconfig({ ...bundler, skipLibCheck: true }, ['client.ts']),
    );
    writeFileSync(
      join(app, 'tsconfig.emit.json'),
      JSON.stringify({
        compilerOptions: { ...node, target: 'ES2022', strict: true, types: ['node'], outDir: 'out' },
        files: ['server.ts'],
      }),
    );
    // The checks start together (each is one process, mostly waiting on one core).
    const tsc = (bin: string, project: string) => run(process.execPath, [bin, '-p', project], app);
    for (const [project] of PROJECTS) {
      checks.set(project, tsc(join(app, 'node_modules/typescript/bin/tsc'), project));
    }
    checks.set('typescript 7', tsc(join(ROOT, 'node_modules/typescript/bin/tsc'), 'tsconfig.client.json'));
  });

  test('npm run pack writes one tarball per published package, each with its declared dependencies', () => {
    const packed = tarballs();
    assert.deepEqual(Object.keys(packed).sort(), ['@csv-importer/core', '@csv-importer/element']);
    assert.ok(existsSync(PACKAGES_DIR));
    const installed = (name: string) =>
      JSON.parse(readFileSync(join(app, 'node_modules', name, 'package.json'), 'utf8'));
    assert.deepEqual(Object.keys(installed('@csv-importer/core').dependencies).sort(), ['valibot']);
    assert.ok(installed('@csv-importer/element').dependencies.valibot);
    // The dependencies came with them (from the registry), not from the repository.
    for (const dependency of ['valibot']) {
      assert.ok(existsSync(join(app, 'node_modules', dependency, 'package.json')), dependency);
    }
  });

  for (const [project, what] of PROJECTS) {
    test(`tsc --strict accepts the typed rows of ${what} and refuses what the runtime refuses`, async () => {
      const result = await checks.get(project)!;
      assert.equal(result.code, 0, result.output);
    });
  }

  test('the repository TypeScript (7) reads the same declarations', async () => {
    const result = await checks.get('typescript 7')!;
    assert.equal(result.code, 0, result.output);
  });

  test('validateRecords from the installed core runs in plain Node and awaits async validators', async () => {
    const emitted = await run(
      process.execPath,
      [join(app, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.emit.json', '--noCheck'],
      app,
    );
    assert.equal(emitted.code, 0, emitted.output);
    mkdirSync(join(app, 'out'), { recursive: true });
    const rows = [
      { name: 'Ada', email: 'ada@example.com', seats: 3, plan: 'pro', code: 'AB', extra: 'dropped' },
      { name: 'Bob', email: 'taken@example.com', seats: 0, plan: 'gold', code: 'abc' },
    ];
    const result = await run(process.execPath, [join(app, 'out/server.js'), JSON.stringify(rows)], app);
    assert.equal(result.code, 0, result.output);
    const { ok, records, issues } = JSON.parse(result.output);
    assert.equal(ok, false);
    assert.deepEqual(records[0], {
      name: 'Ada',
      email: 'ada@example.com',
      seats: 3,
      plan: 'pro',
      code: 'AB',
    });
    assert.deepEqual(
      issues.map((i: { row: number; column: string; code: string }) => [i.row, i.column, i.code]),
      [
        [1, 'seats', 'too_small'],
        [1, 'plan', 'invalid_option'],
        [1, 'code', 'pattern_mismatch'],
        [1, 'email', 'custom'],
      ],
    );
    assert.equal(issues[3].params.message, 'This address already has an account');
  });
});
