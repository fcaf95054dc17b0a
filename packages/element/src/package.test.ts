import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';

// The built package as an application installs it (run after `npm run build`, as `npm test` does).
const ROOT = process.cwd();
const DIST = join(ROOT, 'packages/element/dist');
const read = (file: string) => JSON.parse(readFileSync(join(DIST, file), 'utf8'));

describe('@csv-importer/element as published', () => {
  test('every entry of the exports map exists', () => {
    const manifest = read('package.json');
    const targets: string[] = [];
    for (const value of Object.values(manifest.exports) as (string | Record<string, string>)[]) {
      targets.push(...(typeof value === 'string' ? [value] : Object.values(value)));
    }
    for (const target of targets) assert.ok(existsSync(join(DIST, target)), `${target} is missing`);
    assert.equal(manifest.customElements, './custom-elements.json');
  });

  test('custom-elements.json describes the public API: attributes, properties, methods, events, slot, parts', () => {
    const [module] = read('custom-elements.json').modules;
    const [element] = module.declarations;
    assert.equal(element.tagName, 'csv-importer');
    assert.deepEqual(
      element.attributes.map((a: { name: string }) => a.name),
      [
        'open',
        'locale',
        'display',
        'max-rows',
        'max-file-size',
        'accept',
        'src',
        'invalid-rows',
        'include-unmatched',
        'large-file',
        'stream-rows',
        'batch-size',
        'debug',
        'remember-mappings',
      ],
    );
    const fields = element.members
      .filter((m: { kind: string }) => m.kind === 'field')
      .map((m: { name: string }) => m.name);
    for (const name of ['columns', 'hooks', 'theme', 'metadata', 'messages'])
      assert.ok(fields.includes(name), name);
    assert.deepEqual(
      element.members
        .filter((m: { kind: string }) => m.kind === 'method')
        .map((m: { name: string }) => m.name),
      ['open', 'close', 'importFile', 'reset'],
    );
    assert.deepEqual(
      element.events.map((e: { name: string }) => e.name),
      [
        'csv-importer-complete',
        'csv-importer-rows',
        'csv-importer-cancel',
        'csv-importer-progress',
        'csv-importer-error',
        'csv-importer-message',
        'csv-importer-close',
        'csv-importer-download',
      ],
    );
    assert.deepEqual(
      element.slots.map((s: { name: string }) => s.name),
      ['trigger'],
    );
    assert.deepEqual(
      element.cssParts.map((p: { name: string }) => p.name),
      ['trigger', 'frame', 'dialog', 'notice'],
    );
  });

  test('the declarations type-check an application that uses the element, its events and hooks', () => {
    const dir = join(ROOT, '.test-build/consumer');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'app.ts'),
      `import { CsvImporterRowsEvent, type ImporterHooks } from '../../packages/element/dist/csv-importer.js';
const importer = document.createElement('csv-importer');
importer.columns = [{ key: 'email', label: 'E-mail', type: 'email', validate: (v) => (v ? null : 'empty') }];
const hooks: ImporterHooks = { validate: async (rows) => rows.map(({ row }) => ({ row, column: 'email', message: 'no' })) };
importer.hooks = hooks;
importer.addEventListener('csv-importer-complete', (e) => { const n: number = e.meta.rowCount; void n; void e.rows[0]?.email; });
importer.addEventListener('csv-importer-rows', (e: CsvImporterRowsEvent) => e.waitUntil(Promise.resolve()));
importer.addEventListener('csv-importer-download', (e) => { const csv: string = e.text; void csv; e.preventDefault(); });
// @ts-expect-error: the complete event is not a rows event
importer.addEventListener('csv-importer-complete', (e: CsvImporterRowsEvent) => e.start);
`,
    );
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'ESNext',
          moduleResolution: 'bundler',
          lib: ['ES2023', 'DOM'],
          types: [],
          skipLibCheck: false,
        },
        files: ['app.ts'],
      }),
    );
    try {
      execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', dir], {
        encoding: 'utf8',
      });
    } catch (error) {
      assert.fail((error as { stdout: string }).stdout);
    }
  });
});
