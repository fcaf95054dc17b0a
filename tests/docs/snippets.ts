// Checks the fenced code blocks of Markdown documents, so the docs cannot rot. Each block is checked
// by its language:
//   ts, tsx       type-checked, strict, against the packed packages as an application installs
//                 them (one tsc program for all of them)
//   js, jsx       type-checked as JavaScript (checkJs; nulls not checked), one more tsc program;
//                 in tsx and jsx also the `<csv-importer>` props and `on…` events, as for Svelte
//   html          parsed; `<csv-importer>` attributes, values and slots checked against the element's
//                 custom-elements.json; inline scripts type-checked as js; a script named
//                 csv-importer*.js must be a file the build writes
//   vue, svelte   `<csv-importer>` bindings checked (properties, attributes, events); a Svelte
//                 `<script lang="ts">` type-checked as ts
//   json          parsed; with `schema=` validated by the real schema (columns, embed-config, theme,
//                 init-options)
//   css           `--csv-importer-*` custom properties checked against the element's manifest
//   sh            every `npm run x` / `npm start` / `npm test` names an existing script (of the
//                 workspace given with -w), every `node file` an existing file
//   text          not code (diagrams, headers, URLs); an unlabeled block is an error
// An HTML comment right before a block adjusts the check:
//   <!-- snippet: context=importer,save -->  the block is a fragment: import the names declared in
//                                           tests/docs/contexts/<name>.ts before it
//   <!-- snippet: file=columns.ts -->        write the block as that file, so a later block of the
//                                           same document can import it
//   <!-- snippet: schema=columns -->         the JSON schema to validate with
//   <!-- snippet: skip="why" -->             not checked; the reason is printed
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { assertColumns } from '@csv-importer/core';
import { ColumnSpecSchema } from '@csv-importer/core/column-schema';
import { EmbedConfigSchema, InitOptionsSchema, ThemeSchema } from '@csv-importer/protocol';
import * as v from 'valibot';

export interface Directives {
  readonly context: readonly string[];
  readonly file?: string;
  readonly schema?: string;
  readonly skip?: string;
}

export interface Snippet {
  /** The document, relative to the repository root. */
  readonly doc: string;
  /** 1-based line of the opening fence. */
  readonly line: number;
  readonly lang: string;
  readonly code: string;
  readonly directives: Directives;
}

export interface Finding {
  readonly doc: string;
  readonly line: number;
  readonly message: string;
}

export interface CheckResult {
  readonly findings: Finding[];
  readonly skipped: { readonly snippet: Snippet; readonly reason: string }[];
  /** The blocks that were checked (not the skipped ones, not `text`). */
  readonly checked: Snippet[];
}

const LANGUAGES = ['ts', 'tsx', 'js', 'jsx', 'html', 'vue', 'svelte', 'json', 'css', 'sh', 'text'];
const ALIASES: Record<string, string> = {
  typescript: 'ts',
  javascript: 'js',
  bash: 'sh',
  shell: 'sh',
  console: 'sh',
  http: 'text',
  txt: 'text',
};

/** The fenced blocks of one Markdown document, with the directive comment before each. */
export function extractSnippets(doc: string, markdown: string): { snippets: Snippet[]; findings: Finding[] } {
  const lines = markdown.split('\n');
  const snippets: Snippet[] = [];
  const findings: Finding[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i]!.match(/^(\s*)(`{3,}|~{3,})\s*([\w-]*)(.*)$/);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.trimStart().startsWith(fence!); i++) {
      body.push(lines[i]!.startsWith(indent!) ? lines[i]!.slice(indent!.length) : lines[i]!);
    }
    if (i >= lines.length) findings.push({ doc, line: start + 1, message: 'code block is never closed' });
    let previous = start - 1;
    while (previous >= 0 && lines[previous]!.trim() === '') previous--;
    const comment = previous >= 0 ? lines[previous]!.match(/^\s*<!--\s*snippet:(.*?)-->\s*$/) : null;
    const parsed = parseDirectives(comment?.[1] ?? '');
    for (const problem of parsed.problems) findings.push({ doc, line: previous + 1, message: problem });
    const raw = info!.toLowerCase();
    const lang = ALIASES[raw] ?? raw;
    if (lang === '') {
      findings.push({
        doc,
        line: start + 1,
        message: 'code block without a language (use `text` for non-code)',
      });
    } else if (!LANGUAGES.includes(lang)) {
      findings.push({
        doc,
        line: start + 1,
        message: `code block language "${raw}" is not checked (${LANGUAGES.join(', ')})`,
      });
    }
    snippets.push({ doc, line: start + 1, lang, code: body.join('\n'), directives: parsed.directives });
  }
  return { snippets, findings };
}

function parseDirectives(text: string): { directives: Directives; problems: string[] } {
  const problems: string[] = [];
  const directives: { context: string[]; file?: string; schema?: string; skip?: string } = { context: [] };
  for (const [, key, quoted, bare] of text.matchAll(/(\w+)=(?:"([^"]*)"|(\S+))/g)) {
    const value = (quoted ?? bare ?? '').trim();
    if (key === 'context') directives.context.push(...value.split(',').filter(Boolean));
    else if (key === 'file' || key === 'schema' || key === 'skip') directives[key] = value;
    else problems.push(`unknown snippet directive "${key}" (context, file, schema, skip)`);
  }
  if (directives.skip !== undefined && directives.skip.length < 10) {
    problems.push('a skipped snippet needs a reason: <!-- snippet: skip="why it cannot be checked" -->');
  }
  const leftover = text.replace(/(\w+)=(?:"[^"]*"|\S+)/g, '').trim();
  if (leftover !== '') problems.push(`cannot read snippet directive "${leftover}" (write key=value)`);
  return { directives, problems };
}

// --- TypeScript and JavaScript -------------------------------------------------------------------

interface SourceFile {
  readonly path: string;
  readonly snippet: Snippet;
  /** Doc line of the file's line 1 (the prelude), so file line n is doc line firstLine + n - 1. */
  readonly firstLine: number;
}

/** Names a context module exports, split into values and types. */
function contextExports(path: string): { values: string[]; types: string[] } {
  const text = readFileSync(path, 'utf8');
  const values = [...text.matchAll(/^export declare (?:const|let|function|class) (\$?\w+)/gm)].map(
    (m) => m[1]!,
  );
  const types = [...text.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]!);
  for (const match of text.matchAll(/^export (type )?\{([^}]*)\}/gm)) {
    for (const part of match[2]!.split(',')) {
      const entry = part.trim();
      if (entry === '') continue;
      const local = entry
        .replace(/^type\s+/, '')
        .split(/\s+as\s+/)
        .pop()!;
      (match[1] !== undefined || entry.startsWith('type ') ? types : values).push(local);
    }
  }
  return { values, types };
}

const tsDiagnostic = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

function runTsc(root: string, project: string): Promise<{ failed: boolean; output: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'node_modules/typescript/bin/tsc'), '-p', project, '--pretty', 'false'],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ failed: error !== null, output: `${stdout}${stderr}` }),
    );
  });
}

async function typeCheck(
  root: string,
  dir: string,
  packages: string,
  files: SourceFile[],
  javascript: boolean,
): Promise<Finding[]> {
  if (files.length === 0) return [];
  const project = join(dir, javascript ? 'tsconfig.js.json' : 'tsconfig.ts.json');
  const installed = join(packages, 'node_modules/@csv-importer');
  const compilerOptions = {
    target: 'ES2022',
    module: 'ESNext',
    moduleResolution: 'bundler',
    allowImportingTsExtensions: true,
    lib: ['ES2023', 'DOM', 'DOM.Iterable', 'DOM.AsyncIterable'],
    types: [],
    strict: true,
    noUncheckedIndexedAccess: !javascript,
    skipLibCheck: true,
    noEmit: true,
    jsx: 'react-jsx',
    // Our packages as an application installs them (the packed tarballs), not the workspace sources.
    paths: {
      '@csv-importer/core': [join(installed, 'core/index.d.ts')],
      '@csv-importer/element': [join(installed, 'element/csv-importer.d.ts')],
      '@csv-importer/element/loader': [join(installed, 'element/csv-importer-loader.d.ts')],
      '@csv-importer/element/*': [join(installed, 'element/*.d.ts')],
      // React's types from the same application, so the element's JSX typing augments the copy
      // the snippets use.
      react: [join(packages, 'node_modules/@types/react/index.d.ts')],
      'react/*': [join(packages, 'node_modules/@types/react/*')],
    },
    ...(javascript ? { allowJs: true, checkJs: true, strictNullChecks: false, noImplicitAny: false } : {}),
  };
  // The element is always part of the program: a script tag registers it globally, so its tag and
  // event maps are there for every snippet, as on a page; so is its JSX typing, for tsx snippets.
  const always = [join(installed, 'element/csv-importer.d.ts'), join(installed, 'element/react.d.ts')];
  writeFileSync(
    project,
    JSON.stringify({ compilerOptions, files: [...always, ...files.map((f) => f.path)] }, null, 2),
  );
  const { failed, output } = await runTsc(root, project);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const findings: { doc: string; line: number; message: string }[] = [];
  let last: (typeof findings)[number] | undefined;
  for (const line of output.split('\n')) {
    const match = line.match(tsDiagnostic);
    if (!match) {
      // A message's further lines (an elaboration) are indented.
      if (last && /^\s+\S/.test(line)) last.message += ` ${line.trim()}`;
      continue;
    }
    const [, file, row, , code, message] = match;
    const source = byPath.get(join(root, file!)) ?? byPath.get(file!);
    last = source
      ? { doc: source.snippet.doc, line: source.firstLine + Number(row) - 1, message: `${code}: ${message}` }
      : {
          doc: relative(root, file!),
          line: Number(row),
          message: `${code}: ${message} (outside the snippets)`,
        };
    findings.push(last);
  }
  if (failed && findings.length === 0) {
    findings.push({
      doc: relative(root, project),
      line: 1,
      message: `tsc failed: ${output.trim().slice(0, 500)}`,
    });
  }
  return findings;
}

// --- HTML, Vue and Svelte markup -----------------------------------------------------------------

interface Attribute {
  readonly name: string;
  readonly value: string | undefined;
  readonly line: number;
}
interface Tag {
  readonly name: string;
  readonly attributes: Attribute[];
  readonly line: number;
  /** The tag of the innermost open element around this one. */
  readonly parent: string | undefined;
}

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title']);

/**
 * Start tags of an HTML fragment (also Vue and Svelte templates: `{expr}` values and `{name}`
 * shorthands), with each raw-text element's content. Reports what a browser would recover from
 * silently but a writer did not mean: unclosed tags, comments, quotes and raw-text elements.
 */
export function scanMarkup(code: string): {
  tags: Tag[];
  scripts: { attributes: Attribute[]; body: string; line: number }[];
  problems: { line: number; message: string }[];
} {
  const tags: Tag[] = [];
  const scripts: { attributes: Attribute[]; body: string; line: number }[] = [];
  const problems: { line: number; message: string }[] = [];
  const open: { name: string; line: number }[] = [];
  const lineAt = (index: number) => code.slice(0, index).split('\n').length;
  let i = 0;
  while (i < code.length) {
    const lt = code.indexOf('<', i);
    if (lt < 0) break;
    if (code.startsWith('<!--', lt)) {
      const end = code.indexOf('-->', lt + 4);
      if (end < 0) {
        problems.push({ line: lineAt(lt), message: 'comment is never closed' });
        break;
      }
      i = end + 3;
      continue;
    }
    const close = code.slice(lt).match(/^<\/([a-zA-Z][\w-]*)\s*>/);
    if (close) {
      const name = close[1]!.toLowerCase();
      const at = open.map((o) => o.name).lastIndexOf(name);
      if (at < 0) problems.push({ line: lineAt(lt), message: `</${name}> closes nothing` });
      else {
        for (const unclosed of open.slice(at + 1)) {
          problems.push({ line: unclosed.line, message: `<${unclosed.name}> is never closed` });
        }
        open.length = at;
      }
      i = lt + close[0].length;
      continue;
    }
    const nameMatch = code.slice(lt).match(/^<([a-zA-Z][\w-]*)/);
    if (!nameMatch) {
      i = lt + 1;
      continue;
    }
    const name = nameMatch[1]!.toLowerCase();
    const line = lineAt(lt);
    const attributes: Attribute[] = [];
    let j = lt + nameMatch[0].length;
    let selfClosing = false;
    for (;;) {
      while (j < code.length && /\s/.test(code[j]!)) j++;
      if (j >= code.length) {
        problems.push({ line, message: `<${name}> tag is never ended with >` });
        return { tags, scripts, problems };
      }
      if (code[j] === '>') {
        j++;
        break;
      }
      if (code.startsWith('/>', j)) {
        selfClosing = true;
        j += 2;
        break;
      }
      const attributeLine = lineAt(j);
      if (code[j] === '{') {
        const end = matchingBrace(code, j);
        if (end < 0) {
          problems.push({ line: attributeLine, message: `unbalanced { in <${name}>` });
          return { tags, scripts, problems };
        }
        attributes.push({ name: code.slice(j, end + 1), value: undefined, line: attributeLine });
        j = end + 1;
        continue;
      }
      const attributeName = code.slice(j).match(/^[^\s"'>/=]+/)?.[0];
      if (!attributeName) {
        problems.push({
          line: attributeLine,
          message: `cannot read an attribute of <${name}> at "${code.slice(j, j + 20)}"`,
        });
        j++;
        continue;
      }
      j += attributeName.length;
      let value: string | undefined;
      if (code[j] === '=') {
        j++;
        const quote = code[j];
        if (quote === '"' || quote === "'") {
          const end = code.indexOf(quote, j + 1);
          if (end < 0) {
            problems.push({ line: attributeLine, message: `unclosed quote in <${name} ${attributeName}>` });
            return { tags, scripts, problems };
          }
          value = code.slice(j + 1, end);
          j = end + 1;
        } else if (quote === '{') {
          const end = matchingBrace(code, j);
          if (end < 0) {
            problems.push({ line: attributeLine, message: `unbalanced { in <${name} ${attributeName}>` });
            return { tags, scripts, problems };
          }
          value = code.slice(j, end + 1);
          j = end + 1;
        } else {
          value = code.slice(j).match(/^[^\s>]*/)![0];
          j += value.length;
        }
      }
      attributes.push({ name: attributeName, value, line: attributeLine });
    }
    tags.push({ name, attributes, line, parent: open.at(-1)?.name });
    if (RAW_TEXT.has(name) && !selfClosing) {
      const end = code.toLowerCase().indexOf(`</${name}`, j);
      if (end < 0) {
        problems.push({ line, message: `<${name}> is never closed` });
        break;
      }
      if (name === 'script') scripts.push({ attributes, body: code.slice(j, end), line: lineAt(j) });
      i = code.indexOf('>', end) + 1;
      continue;
    }
    if (!selfClosing && !VOID.has(name)) open.push({ name, line });
    i = j;
  }
  for (const unclosed of open)
    problems.push({ line: unclosed.line, message: `<${unclosed.name}> is never closed` });
  return { tags, scripts, problems };
}

function matchingBrace(code: string, start: number): number {
  let depth = 0;
  for (let k = start; k < code.length; k++) {
    if (code[k] === '{') depth++;
    else if (code[k] === '}' && --depth === 0) return k;
  }
  return -1;
}

interface Manifest {
  modules: { declarations: unknown[] }[];
}

interface ElementApi {
  readonly attributes: Map<string, string | undefined>;
  readonly properties: Set<string>;
  readonly events: Set<string>;
  readonly slots: Set<string>;
  readonly cssProperties: Set<string>;
}

/** The element's API as its custom-elements.json describes it, generated from the source as the build does. */
async function loadElementApi(root: string): Promise<ElementApi> {
  // Imported by URL: the generator is a plain script of the repository, outside the bundle.
  const generator = pathToFileURL(join(root, 'scripts/element-manifest.mjs')).href;
  const { elementManifest } = (await import(generator)) as { elementManifest: (source: string) => Manifest };
  const manifest = elementManifest(
    readFileSync(join(root, 'packages/element/src/csv-importer.component.ts'), 'utf8'),
  );
  const element = manifest.modules[0]?.declarations[0] as {
    attributes: { name: string; type?: { text: string } }[];
    members: { kind: string; name: string }[];
    events: { name: string }[];
    slots: { name: string }[];
    cssProperties: { name: string }[];
  };
  return {
    attributes: new Map(element.attributes.map((a) => [a.name, a.type?.text])),
    properties: new Set(element.members.filter((m) => m.kind === 'field').map((m) => m.name)),
    events: new Set(element.events.map((e) => e.name)),
    slots: new Set(element.slots.map((s) => s.name)),
    cssProperties: new Set(element.cssProperties.map((p) => p.name)),
  };
}

const GLOBAL_ATTRIBUTES = new Set([
  'id',
  'class',
  'style',
  'slot',
  'title',
  'hidden',
  'lang',
  'dir',
  'tabindex',
  'role',
  'part',
  'inert',
]);

function checkAttributeValue(api: ElementApi, name: string, value: string | undefined): string | undefined {
  const type = api.attributes.get(name);
  if (!type || value === undefined) return undefined;
  const literals = [...type.matchAll(/'([^']*)'/g)].map((m) => m[1]);
  if (
    literals.length > 0 &&
    type.replace(/'[^']*'|\||\s|undefined/g, '') === '' &&
    !literals.includes(value)
  ) {
    return `<csv-importer ${name}="${value}">: expected ${literals.map((l) => `"${l}"`).join(' or ')}`;
  }
  if (/^number\b/.test(type) && !/^\d+(\.\d+)?$/.test(value))
    return `<csv-importer ${name}="${value}">: expected a number`;
  if (type === 'boolean' && value !== '' && value !== name) {
    return `<csv-importer ${name}="${value}">: a boolean attribute is on when present; write it without a value`;
  }
  return undefined;
}

type Dialect = 'html' | 'vue' | 'svelte' | 'jsx';
type Binding = { kind: 'event' | 'property' | 'attribute'; name: string };

/**
 * What a markup attribute of `<csv-importer>` binds to. Vue: `@x` listens, `.x`/`:x` set a
 * property. Svelte 5 and React 19: `on` + an exact event name listens, `{x}` and `x={…}` set the
 * property when the element has one. HTML: attributes only.
 */
function bindingOf(dialect: Dialect, name: string, value: string | undefined): Binding {
  if (dialect === 'vue') {
    const event = name.match(/^(?:@|v-on:)([\w-]+)/)?.[1];
    if (event) return { kind: 'event', name: event };
    const property = name.match(/^(?:\.|:|v-bind:)([\w-]+)/)?.[1];
    if (property) return { kind: 'property', name: property };
  } else if (dialect === 'svelte' || dialect === 'jsx') {
    const event = name.match(/^on:?([\w-]+)$/)?.[1];
    if (event) return { kind: 'event', name: event };
    const property = name.match(/^\{(\w+)\}$/)?.[1] ?? name.match(/^bind:(\w+)$/)?.[1];
    if (property) return { kind: 'property', name: property };
    if (value?.startsWith('{')) return { kind: 'property', name };
  }
  return { kind: 'attribute', name };
}

function checkBinding(api: ElementApi, dialect: Dialect, { name, value }: Attribute): string | undefined {
  const binding = bindingOf(dialect, name, value);
  const camel = binding.name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  switch (binding.kind) {
    case 'event':
      // Only the element's own events are checked; `click` and the like are the DOM's.
      return binding.name.startsWith('csv-importer-') && !api.events.has(binding.name)
        ? `<csv-importer> dispatches no event "${binding.name}" (${[...api.events].join(', ')})`
        : undefined;
    case 'property':
      return api.properties.has(camel) || api.attributes.has(binding.name)
        ? undefined
        : `<csv-importer> has no property "${binding.name}"`;
    case 'attribute':
      if (name.startsWith('oncsv-importer-')) {
        return `<csv-importer ${name}>: the element's events have no handler attributes; use addEventListener`;
      }
      if (GLOBAL_ATTRIBUTES.has(name) || /^(data|aria)-|^on[a-z]+$/.test(name)) return undefined;
      if (!api.attributes.has(name)) {
        const asProperty = api.properties.has(name) ? ` ("${name}" is a property: set it from script)` : '';
        return `<csv-importer> has no attribute "${name}"${asProperty}`;
      }
      return checkAttributeValue(api, name, value);
  }
}

/** The `<csv-importer>` bindings and slotted children of some markup, against the element's API. */
function checkElementTags(
  api: ElementApi,
  tags: Tag[],
  dialect: Dialect,
): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  for (const tag of tags) {
    const slot = tag.attributes.find((a) => a.name === 'slot');
    if (tag.parent === 'csv-importer' && slot?.value !== undefined && !api.slots.has(slot.value)) {
      problems.push({
        line: slot.line,
        message: `<csv-importer> has no slot "${slot.value}" (${[...api.slots].join(', ')})`,
      });
    }
    if (tag.name !== 'csv-importer') continue;
    for (const attribute of tag.attributes) {
      const problem = checkBinding(api, dialect, attribute);
      if (problem) problems.push({ line: attribute.line, message: problem });
    }
  }
  return problems;
}

/** Where the build writes the files a page loads with `<script src>`. */
const BUNDLE_DIRS = ['packages/element/dist', 'apps/importer/dist/hosted'];

/** A script named like one of ours (`…/csv-importer*.js`) must be a file the build writes. */
function checkBundleName(root: string, src: string): string | undefined {
  const file = src.split(/[?#]/)[0]!.split('/').pop()!;
  if (!file.startsWith('csv-importer')) return undefined;
  if (!BUNDLE_DIRS.some((dir) => existsSync(join(root, dir))))
    return `cannot check <script src="${src}">: build first`;
  return BUNDLE_DIRS.some((dir) => existsSync(join(root, dir, file)))
    ? undefined
    : `<script src="${src}">: the build writes no ${file} (${BUNDLE_DIRS.join(', ')})`;
}

// --- JSON, CSS and shell -------------------------------------------------------------------------

const SCHEMAS: Record<string, (value: unknown) => void> = {
  columns: (value) => {
    v.parse(v.array(ColumnSpecSchema), value);
    assertColumns(value as Parameters<typeof assertColumns>[0]);
  },
  'embed-config': (value) => v.parse(EmbedConfigSchema, value),
  theme: (value) => v.parse(ThemeSchema, value),
  'init-options': (value) => v.parse(InitOptionsSchema, value),
};

function checkJson(snippet: Snippet): string[] {
  let value: unknown;
  try {
    value = JSON.parse(snippet.code);
  } catch (error) {
    return [`invalid JSON: ${(error as Error).message}`];
  }
  const schema = snippet.directives.schema;
  if (schema === undefined) return [];
  const validate = SCHEMAS[schema];
  if (!validate) return [`unknown schema "${schema}" (${Object.keys(SCHEMAS).join(', ')})`];
  try {
    validate(value);
    return [];
  } catch (error) {
    const issues = (error as { issues?: { message: string; path?: { key: unknown }[] }[] }).issues;
    const detail = issues
      ? issues.map((i) => `${i.path?.map((p) => String(p.key)).join('.') ?? ''}: ${i.message}`).join('; ')
      : (error as Error).message;
    return [`not a valid ${schema}: ${detail}`];
  }
}

function checkCss(
  api: ElementApi,
  code: string,
  themeTokens: readonly string[],
): { line: number; message: string }[] {
  const known = new Set([
    ...api.cssProperties,
    ...themeTokens.map((t) => `--csv-importer-${t.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`),
  ]);
  const problems: { line: number; message: string }[] = [];
  code.split('\n').forEach((text, index) => {
    for (const [name] of text.matchAll(/--csv-importer-[\w-]+/g)) {
      if (!known.has(name))
        problems.push({ line: index + 1, message: `<csv-importer> reads no custom property ${name}` });
    }
  });
  return problems;
}

function checkShell(root: string, code: string): { line: number; message: string }[] {
  const problems: { line: number; message: string }[] = [];
  const scriptsOf = (dir: string) =>
    existsSync(join(root, dir, 'package.json'))
      ? (JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).scripts ?? {})
      : undefined;
  code.split('\n').forEach((text, index) => {
    const command = text.replace(/(^|\s)#.*$/, '');
    for (const part of command.split(/&&|\|\||;|\|/)) {
      const words = part
        .trim()
        .split(/\s+/)
        .filter((w) => !/^[A-Z_]+=/.test(w));
      if (words[0] === 'npm') {
        const verb = words[1];
        const workspaceAt = words.findIndex((w) => w === '-w' || w === '--workspace');
        const workspace =
          workspaceAt > 0
            ? words[workspaceAt + 1]
            : words.find((w) => w.startsWith('--workspace='))?.split('=')[1];
        const dir = workspace ?? '.';
        const scripts = scriptsOf(dir);
        if (!scripts) {
          problems.push({ line: index + 1, message: `npm workspace "${workspace}" has no package.json` });
          continue;
        }
        const name =
          verb === 'run' || verb === 'run-script'
            ? words[2]
            : verb === 'start' || verb === 'test'
              ? verb
              : undefined;
        if (
          name !== undefined &&
          !(name in scripts) &&
          !(name === 'start' && existsSync(join(root, dir, 'server.js')))
        ) {
          problems.push({
            line: index + 1,
            message: `npm script "${name}" does not exist in ${join(dir, 'package.json')}`,
          });
        }
      } else if (words[0] === 'node' && words[1] && !words[1].startsWith('-')) {
        if (!existsSync(join(root, words[1])))
          problems.push({ line: index + 1, message: `${words[1]} does not exist` });
      }
    }
  });
  return problems;
}

// --- All together --------------------------------------------------------------------------------

export interface CheckOptions {
  /** The repository root. */
  readonly root: string;
  /** A scratch directory inside the repository (so that packages resolve); emptied first. */
  readonly workDir: string;
  /** Theme token names, for CSS custom properties. */
  readonly themeTokens: readonly string[];
  /** An application folder where the packed packages are installed (tests/package/scratch-app.ts). */
  readonly packages: string;
}

export async function checkSnippets(
  snippets: readonly Snippet[],
  options: CheckOptions,
): Promise<CheckResult> {
  const { root, workDir } = options;
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  const api = await loadElementApi(root);
  const findings: Finding[] = [];
  const skipped: { snippet: Snippet; reason: string }[] = [];
  const ts: SourceFile[] = [];
  const js: SourceFile[] = [];
  const contextDir = join(root, 'tests/docs/contexts');
  const checked: Snippet[] = [];
  const usedNames = new Set<string>();

  const addSource = (snippet: Snippet, code: string, firstLine: number, extension: string) => {
    const javascript = extension === 'js' || extension === 'jsx';
    const docDir = join(workDir, snippet.doc.replace(/[^\w]+/g, '_'));
    mkdirSync(docDir, { recursive: true });
    const preludes: string[] = [];
    for (const name of snippet.directives.context) {
      const path = join(contextDir, `${name}.ts`);
      if (!existsSync(path)) {
        findings.push({
          doc: snippet.doc,
          line: snippet.line,
          message: `unknown snippet context "${name}" (tests/docs/contexts/)`,
        });
        continue;
      }
      const { values, types } = contextExports(path);
      const names = javascript ? values : [...values, ...types.map((t) => `type ${t}`)];
      let from = relative(docDir, path);
      if (!from.startsWith('.')) from = `./${from}`;
      if (names.length > 0) preludes.push(`import { ${names.join(', ')} } from '${from}';`);
      else preludes.push(`import '${from}';`);
    }
    // One line of prelude, so the snippet's lines keep their offset; `export {}` makes every block
    // a module of its own, so two blocks may declare the same name.
    const prelude = `export {}; ${preludes.join(' ')}`;
    let fileName = snippet.directives.file ?? `line-${firstLine}.${extension}`;
    if (usedNames.has(join(docDir, fileName))) fileName = `line-${firstLine}-${fileName}`;
    const path = join(docDir, fileName);
    usedNames.add(path);
    writeFileSync(path, `${prelude}\n${code}\n`);
    (javascript ? js : ts).push({ path, snippet, firstLine: firstLine - 1 });
  };

  for (const snippet of snippets) {
    const at = (line: number, message: string) =>
      findings.push({ doc: snippet.doc, line: snippet.line + line, message });
    if (snippet.directives.skip !== undefined) {
      skipped.push({ snippet, reason: snippet.directives.skip });
      continue;
    }
    if (snippet.lang === 'text' || snippet.lang === '') continue;
    checked.push(snippet);
    switch (snippet.lang) {
      case 'ts':
      case 'js':
        addSource(snippet, snippet.code, snippet.line + 1, snippet.lang);
        break;
      case 'tsx':
      case 'jsx':
        addSource(snippet, snippet.code, snippet.line + 1, snippet.lang);
        // TypeScript lets any hyphenated JSX attribute through, `oncsv-importer-…` included.
        for (const p of checkElementTags(api, scanMarkup(snippet.code).tags, 'jsx')) at(p.line, p.message);
        break;
      case 'html':
      case 'vue':
      case 'svelte': {
        const dialect = snippet.lang;
        const { tags, scripts, problems } = scanMarkup(snippet.code);
        for (const p of [...problems, ...checkElementTags(api, tags, dialect)]) at(p.line, p.message);
        for (const script of scripts) {
          const src = script.attributes.find((a) => a.name === 'src')?.value;
          if (src !== undefined) {
            const problem = checkBundleName(root, src);
            if (problem) at(script.line, problem);
            continue;
          }
          const type = script.attributes.find((a) => a.name === 'type')?.value;
          if (type !== undefined && type !== 'module' && type !== 'text/javascript') continue;
          const lang = script.attributes.find((a) => a.name === 'lang')?.value === 'ts' ? 'ts' : 'js';
          addSource(snippet, script.body, snippet.line + script.line, lang);
        }
        break;
      }
      case 'json':
        for (const message of checkJson(snippet)) at(1, message);
        break;
      case 'css':
        for (const p of checkCss(api, snippet.code, options.themeTokens)) at(p.line, p.message);
        break;
      case 'sh':
        for (const p of checkShell(root, snippet.code)) at(p.line, p.message);
        break;
    }
  }
  const [tsFindings, jsFindings] = await Promise.all([
    typeCheck(root, workDir, options.packages, ts, false),
    typeCheck(root, workDir, options.packages, js, true),
  ]);
  findings.push(...tsFindings, ...jsFindings);
  return { findings, skipped, checked };
}
