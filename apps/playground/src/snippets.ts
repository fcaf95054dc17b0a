import type { ColumnSpec } from '@csv-importer/core';

/** What the playground is set to; every snippet reproduces it. */
export interface SnippetConfig {
  readonly columns: readonly ColumnSpec[];
  readonly locale: string;
  readonly display: 'inline' | 'modal';
  readonly invalidRows: 'include' | 'exclude' | 'block';
  readonly theme: Readonly<Record<string, string>>;
  /** Hosted importer URL, for hosted mode; absent for the default srcdoc mode. */
  readonly src?: string;
}

export const SNIPPET_KINDS = ['script', 'vue', 'angular', 'svelte', 'react'] as const;
export type SnippetKind = (typeof SNIPPET_KINDS)[number];

const json = (value: unknown, indent: string) => JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`);

/** The element's attributes for the configuration, in a stable order. */
function attributes(config: SnippetConfig): string {
  const attrs: string[] = [];
  if (config.src) attrs.push(`src="${config.src}"`);
  if (config.locale !== 'en') attrs.push(`locale="${config.locale}"`);
  if (config.display !== 'inline') attrs.push(`display="${config.display}"`);
  if (config.invalidRows !== 'include') attrs.push(`invalid-rows="${config.invalidRows}"`);
  return attrs.map((a) => ` ${a}`).join('');
}

const hasTheme = (config: SnippetConfig) => Object.keys(config.theme).length > 0;

/**
 * The language whose catalog the page must add (docs/i18n.md): the srcdoc importer has English
 * built in only; a hosted importer has every language.
 */
const addedLanguage = (config: SnippetConfig) => {
  const language = config.locale.toLowerCase().split('-')[0]!;
  return language === 'en' || config.src ? undefined : language;
};

/** `text` with the locale's catalog imported after the element, and registered after the imports. */
function withLocaleImport(text: string, config: SnippetConfig): string {
  const language = addedLanguage(config);
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.trim() === "import '@csv-importer/element';");
  if (!language || at === -1) return text;
  const indent = lines[at]!.slice(0, lines[at]!.indexOf('import'));
  lines.splice(
    at + 1,
    0,
    `${indent}import { registerLocale } from '@csv-importer/element';`,
    `${indent}import ${language} from '@csv-importer/element/locales/${language}';`,
  );
  const last = lines.findLastIndex((line) => line.trimStart().startsWith('import '));
  lines.splice(last + 1, 0, '', `${indent}registerLocale(${language});`);
  return lines.join('\n');
}

/** A copyable snippet that embeds the importer as configured, for one way of embedding. */
export function snippet(kind: SnippetKind, config: SnippetConfig): string {
  return kind === 'script' ? scriptSnippet(config) : withLocaleImport(moduleSnippet(kind, config), config);
}

function scriptSnippet(config: SnippetConfig): string {
  const attrs = attributes(config);
  const script = config.src ? `${new URL(config.src).origin}/csv-importer-loader.js` : 'csv-importer.iife.js';
  const language = addedLanguage(config);
  const locale = language ? `\n<script src="locales/${language}.iife.js"></script>` : '';
  return `<script src="${script}"></script>${locale}
<csv-importer id="importer"${attrs}></csv-importer>
<script>
  const importer = document.getElementById('importer');
  importer.columns = ${json(config.columns, '  ')};${hasTheme(config) ? `\n  importer.theme = ${json(config.theme, '  ')};` : ''}
  importer.addEventListener('csv-importer-complete', (event) => {
    console.log(event.rows, event.issues, event.meta);
  });
</script>`;
}

function moduleSnippet(kind: Exclude<SnippetKind, 'script'>, config: SnippetConfig): string {
  const attrs = attributes(config);
  switch (kind) {
    case 'vue':
      return `<!-- vite.config: vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'csv-importer' } } }) -->
<script setup lang="ts">
import '@csv-importer/element';
import type { CsvImporterCompleteEvent } from '@csv-importer/element';
import { ref } from 'vue';

const columns = ${json(config.columns, '')};${hasTheme(config) ? `\nconst theme = ${json(config.theme, '')};` : ''}
const rows = ref<CsvImporterCompleteEvent['rows']>([]);
</script>

<template>
  <csv-importer${attrs} .columns="columns"${hasTheme(config) ? ' .theme="theme"' : ''} @csv-importer-complete="rows = $event.rows" />
</template>`;
    case 'angular':
      return `import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import '@csv-importer/element';
import type { CsvImporterCompleteEvent, ImportedRow } from '@csv-importer/element';

@Component({
  selector: 'app-import',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: \`<csv-importer${attrs} [columns]="columns"${hasTheme(config) ? ' [theme]="theme"' : ''} (csv-importer-complete)="onComplete($event)"></csv-importer>\`,
})
export class ImportComponent {
  readonly columns = ${json(config.columns, '  ')};${hasTheme(config) ? `\n  readonly theme = ${json(config.theme, '  ')};` : ''}
  readonly rows = signal<readonly ImportedRow[]>([]);
  onComplete(event: Event) {
    this.rows.set((event as CsvImporterCompleteEvent).rows);
  }
}`;
    case 'svelte':
      return `<script lang="ts">
  import '@csv-importer/element';
  import type { CsvImporterCompleteEvent, ImportedRow } from '@csv-importer/element';

  const columns = ${json(config.columns, '  ')};${hasTheme(config) ? `\n  const theme = ${json(config.theme, '  ')};` : ''}
  let rows = $state<readonly ImportedRow[]>([]);
</script>

<csv-importer${attrs} {columns}${hasTheme(config) ? ' {theme}' : ''} oncsv-importer-complete={(event: CsvImporterCompleteEvent) => (rows = event.rows)}></csv-importer>`;
    case 'react':
      return `import '@csv-importer/element';
import type { CsvImporterCompleteEvent, ImportedRow } from '@csv-importer/element';
import { useState } from 'react';

const columns = ${json(config.columns, '')};${hasTheme(config) ? `\nconst theme = ${json(config.theme, '')};` : ''}

export function Import() {
  const [rows, setRows] = useState<readonly ImportedRow[]>([]);
  // React 19 sets properties on custom elements and listens to their events as on + event name.
  return (
    <csv-importer${attrs} columns={columns}${hasTheme(config) ? ' theme={theme}' : ''} oncsv-importer-complete={(event: CsvImporterCompleteEvent) => setRows(event.rows)} />
  );
}`;
  }
}
