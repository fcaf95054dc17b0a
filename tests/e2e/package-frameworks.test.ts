// The template typings the element's package ships, checked by each framework's own checker in an
// application outside the repository that installed the packed packages: vue-tsc for Vue
// (`@csv-importer/element/vue`), svelte-check for Svelte (`/svelte`), tsc for React 19 JSX
// (`/react`). Each app keeps the columns in reactive state and types its rows from the spec; the
// `bad` files must fail with exactly the errors listed (a wrong property, a handler of another
// event's type), so typings that let them through fail this test.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { packBuilt, run, scratchApp } from '../package/scratch-app.ts';

const COLUMNS = `import { defineColumns, type RowOf } from '@csv-importer/core';

export const columns = defineColumns([
  { key: 'name', label: 'Name', required: true },
  { key: 'email', label: 'E-mail', type: 'email', required: true },
  { key: 'seats', label: 'Seats', type: 'integer', min: 1 },
] as const);
export type Contact = RowOf<typeof columns>;
`;

const FILES: Record<string, string> = {
  'vue/good/App.vue': `<script setup lang="ts">
import '@csv-importer/element';
import type {} from '@csv-importer/element/vue';
import type { CsvImporterCompleteEvent } from '@csv-importer/element';
import { reactive, shallowRef } from 'vue';
import { columns as spec, type Contact } from '../../columns.js';

const columns = reactive([...spec]);
const rows = shallowRef<readonly Contact[]>([]);
function onComplete(event: CsvImporterCompleteEvent<Contact>) {
  rows.value = event.rows;
}
</script>

<template>
  <csv-importer .columns="columns" locale="de" @csv-importer-complete="onComplete"></csv-importer>
  <p v-for="(row, index) in rows" :key="index">{{ row.email }} {{ row.seats ?? 0 }}</p>
</template>
`,
  'vue/bad/App.vue': `<script setup lang="ts">
import '@csv-importer/element';
import type {} from '@csv-importer/element/vue';
import type { CsvImporterRowsEvent } from '@csv-importer/element';
function onRows(event: CsvImporterRowsEvent) {
  void event.start;
}
</script>

<template>
  <csv-importer .columns="42"></csv-importer>
  <csv-importer @csv-importer-complete="onRows"></csv-importer>
</template>
`,
  'svelte/good/App.svelte': `<script lang="ts">
  import '@csv-importer/element';
  import type {} from '@csv-importer/element/svelte';
  import type { CsvImporterCompleteEvent } from '@csv-importer/element';
  import { columns as spec, type Contact } from '../../columns.js';

  let columns = $state([...spec]);
  let rows = $state.raw<readonly Contact[]>([]);
  function onComplete(event: CsvImporterCompleteEvent<Contact>) {
    rows = event.rows;
  }
</script>

<csv-importer {columns} locale="de" oncsv-importer-complete={onComplete}></csv-importer>
{#each rows as row, index (index)}
  <p>{row.email} {row.seats ?? 0}</p>
{/each}
`,
  'svelte/bad/App.svelte': `<script lang="ts">
  import '@csv-importer/element';
  import type {} from '@csv-importer/element/svelte';
  import type { CsvImporterRowsEvent } from '@csv-importer/element';
  function onRows(event: CsvImporterRowsEvent) {
    void event.start;
  }
</script>

<csv-importer columns={42}></csv-importer>
<csv-importer oncsv-importer-complete={onRows}></csv-importer>
`,
  'react/App.tsx': `import '@csv-importer/element';
import type {} from '@csv-importer/element/react';
import type { CsvImporterCompleteEvent, CsvImporterRowsEvent } from '@csv-importer/element';
import { useState } from 'react';
import { columns, type Contact } from '../columns.js';

export function App() {
  const [rows, setRows] = useState<readonly Contact[]>([]);
  function onComplete(event: CsvImporterCompleteEvent<Contact>) {
    setRows(event.rows);
  }
  return (
    <>
      <csv-importer columns={columns} locale="de" max-rows={1000} oncsv-importer-complete={onComplete}></csv-importer>
      {rows.map((row, index) => <p key={index}>{row.email}</p>)}
      {/* @ts-expect-error: columns is a list of column specs */}
      <csv-importer columns={42}></csv-importer>
      {/* @ts-expect-error: the complete event is not a rows event */}
      <csv-importer oncsv-importer-complete={(event: CsvImporterRowsEvent) => event.start}></csv-importer>
    </>
  );
}
`,
};

const COMPILER_OPTIONS = {
  strict: true,
  noEmit: true,
  target: 'ES2022',
  module: 'esnext',
  moduleResolution: 'bundler',
  lib: ['ES2023', 'DOM'],
  types: [],
  verbatimModuleSyntax: true,
  // The frameworks' own declarations are not what is tested (package-install.test.ts checks ours
  // in full); skipping them halves the checkers' time.
  skipLibCheck: true,
};

/** The two errors every `bad` app must get, in its own checker's words. */
const WRONG_COLUMNS = "Type 'number' is not assignable to type 'readonly ColumnSpec[]'";
const WRONG_HANDLER =
  "Type '(event: CsvImporterRowsEvent<ImportedRow>) => void' is not assignable to type '(event: CsvImporterCompleteEvent<any>) => void'";

type Checked = Promise<{ code: number; output: string }>;

describe('template typings of the packed element, in each framework checker', () => {
  let dir = '';
  // The three checkers start together (each is one process, mostly waiting on one core).
  const checks: { vue?: Checked; svelte?: Checked; react?: Checked } = {};
  before(async () => {
    await packBuilt();
    const app = await scratchApp();
    dir = join(app, 'frameworks');
    for (const [file, text] of Object.entries({ 'columns.ts': COLUMNS, ...FILES })) {
      mkdirSync(join(dir, file, '..'), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    const tsconfig = (options: object, include: string[]) =>
      JSON.stringify({ compilerOptions: options, include });
    writeFileSync(join(dir, 'vue/tsconfig.json'), tsconfig(COMPILER_OPTIONS, ['**/*.vue']));
    writeFileSync(join(dir, 'svelte/tsconfig.json'), tsconfig(COMPILER_OPTIONS, ['**/*.svelte']));
    writeFileSync(
      join(dir, 'react/tsconfig.json'),
      tsconfig({ ...COMPILER_OPTIONS, jsx: 'react-jsx' }, ['*.tsx']),
    );
    const bin = (name: string) => join(dir, '..', 'node_modules', name);
    checks.vue = run(
      process.execPath,
      [bin('vue-tsc/bin/vue-tsc.js'), '-p', 'tsconfig.json'],
      join(dir, 'vue'),
    );
    checks.svelte = run(
      process.execPath,
      [bin('svelte-check/bin/svelte-check'), '--workspace', '.', '--output', 'machine'],
      join(dir, 'svelte'),
    );
    checks.react = run(
      process.execPath,
      [bin('typescript/bin/tsc'), '-p', 'tsconfig.json'],
      join(dir, 'react'),
    );
  });

  test('vue-tsc: reactive columns and typed rows pass; a wrong property and a wrong handler fail', async () => {
    const result = await checks.vue!;
    const errors = result.output.split('\n').filter((line) => /error TS\d+/.test(line));
    assert.deepEqual(
      errors.map((line) => line.replace(/: error TS\d+: .*/, '')),
      ['bad/App.vue(11,18)', 'bad/App.vue(12,18)'],
      result.output,
    );
    assert.ok(errors[0]!.includes(WRONG_COLUMNS), errors[0]);
    assert.ok(errors[1]!.includes(WRONG_HANDLER), errors[1]);
  });

  test('svelte-check: $state columns and typed rows pass; a wrong property and a wrong handler fail', async () => {
    const result = await checks.svelte!;
    const errors = result.output
      .split('\n')
      .filter((line) => / ERROR /.test(line))
      .map((line) => line.replace(/^\d+ ERROR /, ''));
    assert.deepEqual(
      errors.map((line) => line.split(' "')[0]),
      ['"bad/App.svelte" 10:15', '"bad/App.svelte" 11:15'],
      result.output,
    );
    assert.ok(errors[0]!.includes(WRONG_COLUMNS), errors[0]);
    assert.ok(errors[1]!.includes(WRONG_HANDLER), errors[1]);
  });

  test('tsc with React 19 JSX: typed rows pass; a wrong property and a wrong handler are refused', async () => {
    const result = await checks.react!;
    assert.equal(result.code, 0, result.output);
  });
});
