import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { ThemeSchema } from '@csv-importer/protocol';
import { packBuilt, scratchApp } from '../package/scratch-app.ts';
import { checkSnippets, extractSnippets, type Finding, type Snippet } from './snippets.ts';

const ROOT = process.cwd();
const THEME_TOKENS = Object.keys(ThemeSchema.entries);
const DOCS = [
  'README.md',
  'CHANGELOG.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`),
];

const show = (findings: readonly Finding[]) =>
  findings.map((f) => `\n  ${f.doc}:${f.line}: ${f.message}`).join('');

async function check(markdownByDoc: Record<string, string>, workDir: string) {
  const snippets: Snippet[] = [];
  const findings: Finding[] = [];
  for (const [doc, markdown] of Object.entries(markdownByDoc)) {
    const extracted = extractSnippets(doc, markdown);
    snippets.push(...extracted.snippets);
    findings.push(...extracted.findings);
  }
  // The snippets are checked against the packed packages, installed as an application installs them.
  await packBuilt();
  const result = await checkSnippets(snippets, {
    root: ROOT,
    workDir: join(ROOT, '.test-build', workDir),
    themeTokens: THEME_TOKENS,
    packages: await scratchApp(),
  });
  return { ...result, findings: [...findings, ...result.findings], snippets };
}

// The checker itself, on snippets that are wrong in one way each: every one must be found, at its line.
const BROKEN = `
# Broken on purpose

<!-- snippet: context=importer -->
\`\`\`ts
importer.openNow();
\`\`\`

\`\`\`ts
import { createImporter } from '@csv-importer/element';
\`\`\`

\`\`\`ts
importer.open();
\`\`\`

<!-- snippet: context=importer -->
\`\`\`js
importer.addEventListener('csv-importer-complete', (event) => console.log(event.rowz));
\`\`\`

\`\`\`html
<csv-importer max-row="5" display="popup" columns="[]">
  <button slot="opener">Import</button>
</csv-importer>
<script>
  document.querySelector('csv-importer').colums = [];
</script>
\`\`\`

\`\`\`html
<div><csv-importer></div>
\`\`\`

\`\`\`html
<script src="https://cdn.example/csv-importer.min.js"></script>
<csv-importer oncsv-importer-complete="save(event.rows)"></csv-importer>
\`\`\`

\`\`\`vue
<csv-importer .colums="columns" @csv-importer-done="onDone"></csv-importer>
\`\`\`

\`\`\`svelte
<csv-importer {columnz} oncsv-importer-finish={onDone}></csv-importer>
\`\`\`

\`\`\`tsx
export const App = () => <csv-importer oncsv-importer-completed={() => {}}></csv-importer>;
\`\`\`

\`\`\`json
{ "key": "email", }
\`\`\`

<!-- snippet: schema=columns -->
\`\`\`json
[{ "key": "email", "type": "e-mail" }]
\`\`\`

<!-- snippet: schema=embed-config -->
\`\`\`json
{ "version": 1, "parentOrigin": "not a url", "columns": [{ "key": "a" }] }
\`\`\`

\`\`\`css
csv-importer { --csv-importer-colour-primary: red; }
\`\`\`

\`\`\`sh
npm run no-such-script
npm run dev -w examples/no-such-example
node scripts/no-such-file.mjs
\`\`\`

\`\`\`
unlabeled
\`\`\`

<!-- snippet: skip="" -->
\`\`\`ts
whatever();
\`\`\`

<!-- snippet: context=no-such-context -->
\`\`\`ts
const x = 1;
\`\`\`
`;

const GOOD = `
<!-- snippet: context=importer,save -->
\`\`\`ts
importer.columns = [{ key: 'email', label: 'E-mail', type: 'email', required: true }];
importer.addEventListener('csv-importer-complete', (event) => save(event.rows));
\`\`\`

<!-- snippet: file=columns.ts -->
\`\`\`ts
import { defineColumns } from '@csv-importer/core';
export const columns = defineColumns([{ key: 'email', label: 'E-mail', type: 'email' }] as const);
\`\`\`

\`\`\`ts
import { columns } from './columns.ts';
const key: 'email' = columns[0].key;
\`\`\`

\`\`\`html
<csv-importer display="modal" invalid-rows="exclude" max-rows="100" open>
  <button slot="trigger">Import</button>
</csv-importer>
<script>
  document.querySelector('csv-importer').addEventListener('csv-importer-complete', (e) => console.log(e.rows.length));
</script>
\`\`\`

<!-- snippet: schema=columns -->
\`\`\`json
[{ "key": "email", "label": "E-mail", "type": "email", "required": true }]
\`\`\`

<!-- snippet: schema=theme -->
\`\`\`json
{ "colorScheme": "dark", "colorPrimary": "#8250df", "radius": "4px" }
\`\`\`

\`\`\`vue
<csv-importer .columns="columns" locale="de" @csv-importer-complete="onComplete" @click="log"></csv-importer>
\`\`\`

\`\`\`svelte
<csv-importer {columns} hooks={hooks} oncsv-importer-rows={onRows} onclick={log}></csv-importer>
\`\`\`

\`\`\`css
csv-importer { --csv-importer-height: 600px; --csv-importer-color-primary: #8250df; --csv-importer-font-size: 14px; }
\`\`\`

<!-- snippet: skip="shows a deliberately invalid call" -->
\`\`\`ts
importer.explode();
\`\`\`

\`\`\`sh
npm run build && npm test   # and a comment
\`\`\`
`;

// One check of everything, so that one tsc program type-checks every TypeScript snippet (and one
// every JavaScript snippet), the documents' and the checker's own test cases alike.
let all: Awaited<ReturnType<typeof check>>;
before(async () => {
  const documents = Object.fromEntries(DOCS.map((doc) => [doc, readFileSync(join(ROOT, doc), 'utf8')]));
  all = await check({ ...documents, 'broken.md': BROKEN, 'good.md': GOOD }, 'docs-snippets');
});
const only = (doc: string) => ({
  findings: all.findings.filter((f) => f.doc === doc),
  skipped: all.skipped.filter((s) => s.snippet.doc === doc),
  checked: all.checked.filter((s) => s.doc === doc),
  snippets: all.snippets.filter((s) => s.doc === doc),
});

describe('the snippets of README.md, CHANGELOG.md and docs/*.md', () => {
  before(() => {
    for (const { snippet, reason } of all.skipped.filter((s) => DOCS.includes(s.snippet.doc))) {
      console.log(`skipped on purpose: ${snippet.doc}:${snippet.line} (${snippet.lang}): ${reason}`);
    }
  });

  test('are all found, and each is checked or skipped with a reason', () => {
    const code = DOCS.flatMap((doc) => only(doc).snippets).filter((s) => s.lang !== 'text');
    const skipped = DOCS.flatMap((doc) => only(doc).skipped);
    assert.ok(code.some((s) => s.doc === 'README.md'));
    assert.ok(code.length >= 20, `only ${code.length} code blocks found`);
    const checked = all.checked.filter((s) => DOCS.includes(s.doc));
    assert.equal(checked.length + skipped.length, code.length);
  });

  for (const doc of DOCS) {
    test(`${doc}: every code block type-checks, parses and names what exists`, () => {
      const { findings } = only(doc);
      assert.equal(findings.length, 0, show(findings));
    });
  }

  test('no finding outside the documents (in the packages the snippets import)', () => {
    const elsewhere = all.findings.filter((f) => ![...DOCS, 'broken.md', 'good.md'].includes(f.doc));
    assert.equal(elsewhere.length, 0, show(elsewhere));
  });
});

describe('the snippet checker', () => {
  let broken: ReturnType<typeof only>;
  let good: ReturnType<typeof only>;
  before(() => {
    broken = only('broken.md');
    good = only('good.md');
  });
  const lineOf = (text: string, from = 0) => BROKEN.split('\n').indexOf(text, from) + 1;
  const found = (line: number, pattern: RegExp) => {
    const hit = broken.findings.find((f) => f.line === line && pattern.test(f.message));
    assert.ok(hit, `nothing matching ${pattern} at line ${line}:${show(broken.findings)}`);
  };

  test('finds a method, an export and a field that do not exist, in TypeScript and JavaScript', () => {
    found(lineOf('importer.openNow();'), /openNow.*does not exist/);
    found(lineOf("import { createImporter } from '@csv-importer/element';"), /createImporter/);
    found(
      lineOf("importer.addEventListener('csv-importer-complete', (event) => console.log(event.rowz));"),
      /rowz/,
    );
  });

  test('finds a fragment that uses a name without declaring its context', () => {
    found(lineOf('importer.open();'), /Cannot find name 'importer'/);
  });

  test('finds unknown attributes, values, slots and script properties in HTML', () => {
    const tag = lineOf('<csv-importer max-row="5" display="popup" columns="[]">');
    found(tag, /no attribute "max-row"/);
    found(tag, /display="popup".*"inline" or "modal"/);
    found(tag, /no attribute "columns".*property/);
    found(lineOf('  <button slot="opener">Import</button>'), /no slot "opener"/);
    found(lineOf("  document.querySelector('csv-importer').colums = [];"), /colums/);
    found(lineOf('<div><csv-importer></div>'), /<csv-importer> is never closed/);
    found(
      lineOf('<script src="https://cdn.example/csv-importer.min.js"></script>'),
      /writes no csv-importer\.min\.js/,
    );
    found(
      lineOf('<csv-importer oncsv-importer-complete="save(event.rows)"></csv-importer>'),
      /use addEventListener/,
    );
  });

  test('finds unknown properties and events in Vue, Svelte and JSX', () => {
    const vue = lineOf('<csv-importer .colums="columns" @csv-importer-done="onDone"></csv-importer>');
    found(vue, /no property "colums"/);
    found(vue, /no event "csv-importer-done"/);
    const svelte = lineOf('<csv-importer {columnz} oncsv-importer-finish={onDone}></csv-importer>');
    found(svelte, /no property "columnz"/);
    found(svelte, /no event "csv-importer-finish"/);
    found(
      lineOf('export const App = () => <csv-importer oncsv-importer-completed={() => {}}></csv-importer>;'),
      /no event "csv-importer-completed"/,
    );
  });

  test('finds invalid JSON and JSON that the real schemas refuse', () => {
    found(lineOf('{ "key": "email", }'), /invalid JSON/);
    found(lineOf('[{ "key": "email", "type": "e-mail" }]'), /not a valid columns/);
    found(
      lineOf('{ "version": 1, "parentOrigin": "not a url", "columns": [{ "key": "a" }] }'),
      /parentOrigin/,
    );
  });

  test('finds a custom property the element does not read', () => {
    found(lineOf('csv-importer { --csv-importer-colour-primary: red; }'), /--csv-importer-colour-primary/);
  });

  test('finds npm scripts, workspaces and files that do not exist', () => {
    found(lineOf('npm run no-such-script'), /"no-such-script" does not exist/);
    found(lineOf('npm run dev -w examples/no-such-example'), /no package\.json/);
    found(lineOf('node scripts/no-such-file.mjs'), /does not exist/);
  });

  test('asks for a language, a skip reason and a known context', () => {
    found(lineOf('unlabeled') - 1, /without a language/);
    found(lineOf('<!-- snippet: skip="" -->'), /needs a reason/);
    found(
      lineOf('<!-- snippet: context=no-such-context -->') + 1,
      /unknown snippet context "no-such-context"/,
    );
  });

  test('reports nothing else for the broken document, and nothing at all for correct snippets', () => {
    assert.equal(broken.findings.filter((f) => f.doc !== 'broken.md').length, 0, show(broken.findings));
    assert.deepEqual(good.findings, [], show(good.findings));
    assert.deepEqual(
      good.skipped.map((s) => s.reason),
      ['shows a deliberately invalid call'],
    );
    assert.equal(good.checked.length, 10);
  });
});
