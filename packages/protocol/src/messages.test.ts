import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as v from 'valibot';
import { localeLanguage } from './locale.ts';
import {
  CatalogSchema,
  ColumnSpecSchema,
  decodeEmbedConfig,
  EmbedConfigSchema,
  EmbedToHostSchema,
  encodeEmbedConfig,
  FrameHelloSchema,
  FrameToHostSchema,
  HostConnectSchema,
  HostToFrameSchema,
  PROTOCOL_VERSION,
} from './messages.ts';
import {
  columnCells,
  packColumn,
  type RowColumns,
  rowColumnsToRecords,
  transferList,
} from './row-columns.ts';
import { ThemeSchema } from './theme.ts';

// The wire shapes are what every host and every deployed frame depend on: a change to them must be
// deliberate (and follow the versioning rules in docs/protocol.md), so they are frozen in
// messages.snapshot.json. After a deliberate change, run with UPDATE_SNAPSHOTS=1, then
// `npx biome format --write packages/protocol/src/messages.snapshot.json`, and review the diff.

type Node = { type: string; [key: string]: unknown };

/** A plain description of a valibot schema: kinds, keys, literals, limits. */
function shape(schema: Node): unknown {
  // The column spec belongs to the engine and has its own tests; here it is a reference.
  if (schema === (ColumnSpecSchema as unknown)) return 'ColumnSpec';
  const checks = ((schema.pipe as Node[] | undefined) ?? [])
    .slice(1)
    .map((a) =>
      a.requirement === undefined || typeof a.requirement === 'function'
        ? a.type
        : `${a.type}:${String(a.requirement)}`,
    );
  const base = ((): unknown => {
    switch (schema.type) {
      case 'object':
      case 'strict_object':
        return {
          [schema.type]: Object.fromEntries(
            Object.entries(schema.entries as Record<string, Node>).map(([k, s]) => [k, shape(s)]),
          ),
        };
      case 'optional':
      case 'nullable':
        return { [schema.type]: shape(schema.wrapped as Node) };
      case 'array':
        return { array: shape(schema.item as Node) };
      case 'record':
        return { record: [shape(schema.key as Node), shape(schema.value as Node)] };
      case 'union':
        return { union: (schema.options as Node[]).map(shape) };
      case 'variant':
        return { variant: schema.key, options: (schema.options as Node[]).map(shape) };
      case 'picklist':
        return { picklist: schema.options };
      case 'literal':
        return { literal: schema.literal };
      default:
        return schema.type;
    }
  })();
  return checks.length > 0 ? { is: base, checks } : base;
}

const SCHEMAS = {
  FrameHelloSchema,
  HostConnectSchema,
  HostToFrameSchema,
  FrameToHostSchema,
  EmbedConfigSchema,
  EmbedToHostSchema,
  ThemeSchema,
};

describe('protocol', () => {
  test('the wire shapes of every message match the frozen snapshot', () => {
    const actual = Object.fromEntries(
      Object.entries(SCHEMAS).map(([name, schema]) => [name, shape(schema as unknown as Node)]),
    );
    const file = join(process.cwd(), 'packages/protocol/src/messages.snapshot.json');
    if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
      writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
    }
    assert.deepEqual(actual, JSON.parse(readFileSync(file, 'utf8')));
  });

  test('a rows batch carries records or the same by column; columns are checked and stand for the records', () => {
    const base = { type: 'rows', version: PROTOCOL_VERSION, id: 'r1', start: 0, issues: [] };
    const records = [
      { email: 'a@b.c', n: 1, ok: true, none: null, tags: ['x', 'y'] },
      { email: 'd@e.f', n: -2.5, ok: false, none: null, tags: [] },
    ];
    const columns = {
      fields: ['email', 'n', 'ok', 'none', 'tags'],
      values: [
        ['a@b.c', 'd@e.f'],
        [1, -2.5],
        [true, false],
        [null, null],
        [['x', 'y'], []],
      ],
    };
    const asRecords = v.safeParse(FrameToHostSchema, { ...base, rows: records });
    const asColumns = v.safeParse(FrameToHostSchema, { ...base, rows: columns });
    assert.ok(asRecords.success && asColumns.success);
    // Columns stay columns once parsed: the receiver makes records only if it needs them.
    const parsedColumns = (asColumns.output as { rows: RowColumns }).rows;
    assert.deepEqual(parsedColumns, columns);
    assert.deepEqual(rowColumnsToRecords(parsedColumns), (asRecords.output as { rows: unknown[] }).rows);
    const empty = v.safeParse(FrameToHostSchema, { ...base, rows: { fields: [], values: [] } });
    assert.ok(empty.success);
    assert.deepEqual(rowColumnsToRecords((empty.output as { rows: RowColumns }).rows), []);
    for (const rows of [
      { fields: ['a'], values: [['x']], more: 1 },
      { fields: ['a', 'b'], values: [['x'], ['y', 'z']] },
      { fields: ['a'], values: [[{ nested: 1 }]] },
      { fields: ['a'], values: [[Number.POSITIVE_INFINITY]] },
      { fields: ['a'], values: [[['x', 2]]] },
      { fields: ['__proto__'], values: [[{ polluted: true }]] },
      { fields: ['a', 'a'], values: [['x'], ['y']] },
    ]) {
      assert.equal(v.safeParse(FrameToHostSchema, { ...base, rows }).success, false, JSON.stringify(rows));
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  test('packed columns (text, words, numbers) stand for the same records, and malformed ones are refused', () => {
    const base = { type: 'rows', version: PROTOCOL_VERSION, id: 'r2', start: 0, issues: [] };
    const many = Array.from({ length: 400 }, (_, i) => `user.${i}@example.com`);
    const cells = {
      email: [...many],
      plan: many.map((_, i) => (i % 7 === 0 ? null : ['free', 'pro', 'Zoë – 名前 😀'][i % 3]!)),
      n: many.map((_, i) => (i % 5 === 0 ? null : i - 200.5)),
      note: many.map((_, i) => (i % 4 === 0 ? null : `note ${i} 😀`)),
      mixed: many.map((_, i) => (i % 2 ? 'x' : true)),
    } as const;
    const fields = Object.keys(cells);
    const plain = { fields, values: Object.values(cells).map((column) => [...column]) };
    const packed = { fields, values: Object.values(cells).map((column) => packColumn([...column])) };
    assert.deepEqual(
      packed.values.map((column) => (Array.isArray(column) ? 'array' : column.kind)),
      ['text', 'words', 'number', 'text', 'array'],
    );
    // Through a real structured clone, as on the wire, with the buffers transferred.
    const wire = structuredClone(packed, { transfer: transferList(packed) });
    assert.equal((packed.values[1] as { codes: Uint8Array }).codes.length, 0, 'the codes were transferred');
    const fromPlain = v.safeParse(FrameToHostSchema, { ...base, rows: plain });
    const fromPacked = v.safeParse(FrameToHostSchema, { ...base, rows: wire });
    assert.ok(fromPlain.success && fromPacked.success);
    const records = (output: unknown) => rowColumnsToRecords((output as { rows: RowColumns }).rows);
    assert.deepEqual(records(fromPacked.output), records(fromPlain.output));
    assert.equal(records(fromPacked.output)[3]!.plan, 'free');
    assert.deepEqual(Object.keys(records(fromPacked.output)[0]!), fields);
    // Read by column, a packed column gives the same values as the plain one.
    const packedRows = (fromPacked.output as { rows: RowColumns }).rows;
    assert.deepEqual(packedRows.values.map(columnCells), plain.values);

    const text = { kind: 'text', text: 'abcd', ends: Uint32Array.of(1, 4) };
    const words = { kind: 'words', words: ['a', null], codes: Uint8Array.of(0, 1) };
    const numbers = { kind: 'number', values: Float64Array.of(1, Number.NaN) };
    for (const column of [text, words, numbers]) {
      assert.ok(
        v.safeParse(FrameToHostSchema, { ...base, rows: { fields: ['a'], values: [column] } }).success,
      );
    }
    for (const column of [
      { ...text, ends: Uint32Array.of(3, 2) },
      { ...text, ends: Uint32Array.of(1, 5) },
      { ...text, ends: Int32Array.of(1, 4) },
      { ...text, nulls: Uint8Array.of(1) },
      { ...text, extra: 1 },
      { ...words, codes: Uint8Array.of(0, 2) },
      { ...words, words: ['a', 1] },
      { ...words, words: Array.from({ length: 257 }, (_, i) => String(i)), codes: Uint8Array.of(0, 1) },
      { ...numbers, values: Float64Array.of(1, Number.POSITIVE_INFINITY) },
      { ...numbers, values: [1, 2] },
      { kind: 'other', values: [1, 2] },
    ]) {
      const rows = { fields: ['a'], values: [column] };
      assert.equal(v.safeParse(FrameToHostSchema, { ...base, rows }).success, false, JSON.stringify(column));
    }
    // Columns of different lengths are refused whatever their kind.
    const uneven = { fields: ['a', 'b'], values: [text, { ...numbers, values: Float64Array.of(1) }] };
    assert.equal(v.safeParse(FrameToHostSchema, { ...base, rows: uneven }).success, false);
  });

  test('an embed configuration survives the URL fragment, non-ASCII included, and a broken one is refused with the reason', () => {
    const config: v.InferOutput<typeof EmbedConfigSchema> = {
      version: PROTOCOL_VERSION,
      parentOrigin: 'https://app.example',
      columns: [{ key: 'name', label: 'Nom complet – 名前' }],
      options: { locale: 'fr', invalidRows: 'exclude', theme: { colorPrimary: '#0969da' } },
    };
    const encoded = encodeEmbedConfig(config);
    assert.match(encoded, /^[A-Za-z0-9_-]+$/);
    assert.deepEqual(decodeEmbedConfig(encoded), config);
    assert.throws(() => decodeEmbedConfig('%%%'), /not base64url-encoded JSON/);
    assert.throws(
      () => decodeEmbedConfig(encodeEmbedConfig({ ...config, parentOrigin: 'not a url' })),
      /^Error: The #config fragment is not valid: parentOrigin: /,
    );
    assert.throws(
      () =>
        decodeEmbedConfig(
          encodeEmbedConfig({ ...config, options: { theme: { colorPrimary: 'red;background:url(x)' } } }),
        ),
      /options\.theme\.colorPrimary: Expected a CSS color/,
    );
  });
});

describe('a locale catalog in init', () => {
  const messages = { 'upload.title': 'Datei hochladen', 'common.back': 'Zurück' };
  test('is a language and text messages, and nothing else', () => {
    assert.ok(v.is(CatalogSchema, { language: 'de', messages }));
    for (const bad of [
      { language: 'de-AT', messages },
      { language: 'DE', messages },
      { language: 'de', messages: { 'upload.title': 1 } },
      { language: 'de', messages: { 'upload.title': { toString: 'x' } } },
      { language: 'de', messages: { 'upload.title': 'x'.repeat(2001) } },
      {
        language: 'de',
        messages: Object.fromEntries(Array.from({ length: 2001 }, (_, i) => [`k${i}`, 'x'])),
      },
      { language: 'de', messages, code: 'alert(1)' },
    ]) {
      assert.equal(v.is(CatalogSchema, bad), false, JSON.stringify(bad).slice(0, 80));
    }
  });

  test('is looked up by the language of the locale tag', () => {
    assert.equal(localeLanguage('de-AT'), 'de');
    assert.equal(localeLanguage('PT_br'), 'pt');
    assert.equal(localeLanguage('nn-NO'), 'nb');
    assert.equal(localeLanguage(''), 'en');
    assert.equal(localeLanguage(undefined), 'en');
  });
});
