// The frame app's script and documents, shared by scripts/build.mjs and the tests that rebuild
// the frame with a module of their own (as a compromised dependency would be bundled in).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { FRAME_CSP } from './csp.mjs';
import { templateWhitespace } from './template-whitespace.mjs';
import { valibotPure } from './valibot-pure.mjs';

/** What every esbuild pass of the frame shares: one bundle, in memory, for the browsers the importer supports. */
const inMemory = (root) => ({
  bundle: true,
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
  write: false,
});

async function bundle(root, options) {
  const result = await esbuild.build({ ...inMemory(root), format: 'iife', minify: true, ...options });
  return result.outputFiles[0].text;
}

/**
 * Leaves the XLS, XLSB and ODS readers out of a build: core's `legacy-readers.ts` resolves to its
 * stub, so such a file gets `needs_full_build`. Every build but the full variant uses it.
 */
export const withoutLegacyReaders = {
  name: 'without-legacy-readers',
  setup(build) {
    build.onResolve({ filter: /[\\/]legacy-readers\.ts$/ }, (args) => ({
      path: join(args.resolveDir, 'legacy-absent.ts'),
    }));
  },
};

/**
 * Builds the frame with every message catalog (all-catalogs.ts in place of built-in-catalogs.ts,
 * which has English only): the hosted sites and the full variant, whose size is not the
 * script-tag budget, and whose embed-URL hosts have no way to add a catalog.
 */
export const withAllCatalogs = {
  name: 'with-all-catalogs',
  setup(build) {
    build.onResolve({ filter: /[\\/]built-in-catalogs\.ts$/ }, (args) => ({
      path: join(args.resolveDir, 'all-catalogs.ts'),
    }));
  },
};

/**
 * The srcdoc frame's build: its document never carries the allow-list `<meta>` (only the hosted
 * site's does), so `frameMode` can only answer `srcdoc` there, and the hosted and embed-URL code
 * (the embed configuration's decoder and schema, the embed transport) is left out: about 0.65 KB
 * gzip of the script-tag bundle. Should that document be served with such a `<meta>` all the
 * same, it refuses to run rather than accept a parent the allow-list would not.
 */
export const srcdocOnly = {
  name: 'srcdoc-only',
  setup(build) {
    build.onLoad({ filter: /[\\/]apps[\\/]importer[\\/]src[\\/]hosted-config\.ts$/ }, () => ({
      loader: 'js',
      contents: [
        `export function frameMode(doc = document) {`,
        `  return doc.querySelector('meta[name="csv-importer-allowed-origins"]')`,
        `    ? { kind: 'refused', message: 'This build of the importer runs only inside <csv-importer>; serve the hosted site instead.' }`,
        `    : { kind: 'srcdoc' };`,
        `}`,
      ].join('\n'),
    }));
    build.onLoad({ filter: /[\\/]apps[\\/]importer[\\/]src[\\/]embed-connection\.ts$/ }, () => ({
      loader: 'js',
      contents: `export function embedTransport() { throw new Error('the srcdoc frame has no embed URL mode'); }`,
    }));
  },
};

/**
 * Builds the matching dictionary (core's `match/concepts-data.ts`) into the worker packed: each
 * name normalized and names the index skips left out (`packConceptLines`, whose test shows that
 * the index read from it is the same). About 0.6 KB gzip of the script-tag bundle.
 */
export const packedConcepts = {
  name: 'packed-concepts',
  setup(build) {
    build.onLoad({ filter: /[\\/]match[\\/]concepts-data\.ts$/ }, async (args) => {
      const entry = [
        `export * as data from ${JSON.stringify(args.path)};`,
        `export { packConceptLines } from ${JSON.stringify(join(dirname(args.path), 'concept-index.ts'))};`,
      ].join('\n');
      const result = await esbuild.build({
        stdin: { contents: entry, resolveDir: dirname(args.path), loader: 'ts' },
        bundle: true,
        format: 'esm',
        platform: 'neutral',
        write: false,
        logLevel: 'warning',
      });
      const code = Buffer.from(result.outputFiles[0].text).toString('base64');
      const { data, packConceptLines } = await import(`data:text/javascript;base64,${code}`);
      const value = (v) => (v instanceof Set ? `new Set(${JSON.stringify([...v])})` : JSON.stringify(v));
      const contents = Object.entries(data)
        .map(
          ([name, v]) =>
            `export const ${name} = ${value(name === 'CONCEPT_LINES' ? packConceptLines(v) : v)};`,
        )
        .join('\n');
      return { contents, loader: 'js' };
    });
  },
};

/** The worker's classic script for the hosted site; `root` is the repository's folder, `plugins` pick its readers. */
export function buildWorker(root, plugins = [withoutLegacyReaders]) {
  return bundle(root, {
    entryPoints: [join(root, 'apps/importer/src/worker/worker.ts')],
    plugins: [packedConcepts, ...plugins, valibotPure],
  });
}

/**
 * The guard, the first statements of every frame script: it removes WebRTC and the rest (see
 * frame-guard.ts) before any module of the app is evaluated. It is part of the app's script, not
 * a script of its own, so that no document can run the app without it: a child frame that copied
 * the app's script (its hash is allowed) copies the guard too.
 */
async function buildGuard(root) {
  return `${(await bundle(root, { entryPoints: [join(root, 'apps/importer/src/frame-guard.ts')] })).trim()}\n`;
}

function frameScript(guard, app) {
  const script = `${guard}${app}`;
  if (/<\/script/i.test(script))
    throw new Error('the frame script contains "</script" and cannot be inlined');
  // The HTML parser would change these, and the script's text would no longer be its hash's.
  if (/[\r\0]/.test(script)) throw new Error('the frame script contains a carriage return or NUL');
  return script;
}

/** esbuild resolves `name` to a module whose source is `contents`, read from `root`. */
function virtualModule(name, contents, root) {
  return {
    name: `virtual-${name}`,
    setup(build) {
      build.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: name, namespace: 'virtual' }));
      build.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
        contents,
        loader: 'js',
        resolveDir: root,
      }));
    },
  };
}

/**
 * The srcdoc frame's one script, which is also its worker's: first the guard, then the app,
 * which picks its role when it runs. In a worker (no `window`) it evaluates the worker's modules;
 * in the document it evaluates `worker-source.ts` first, right after the guard (it keeps the
 * script's own text after the guard: the worker's script), then `extraModules` (as a dependency
 * would be bundled in), then the frame UI. Neither role evaluates a module only the other uses
 * (Lit's `customElements.define` would throw in a worker; the import session has no business in
 * the document). `readers` pick the spreadsheet readers; `define` adds constants for
 * `extraModules`; `plugins` (such as `withAllCatalogs`) change what the app is built with.
 *
 * Two esbuild passes. The first bundles the two roles as ES modules with code splitting: the
 * worker's entry, the frame's entry, and one chunk of the modules both use (valibot, the
 * protocol, the column schema, parts of core), each a scope-hoisted module whose top-level code
 * may run in either role. The second bundles those few modules into one classic script whose
 * entry `require`s the role's entry: esbuild wraps each of them in a lazy initialiser, evaluated
 * synchronously (while `document.currentScript` is set; an error at start is the script's own, a
 * worker's `error` event). Wrapping the app's 150 modules one by one instead (a single pass that
 * `require`s `main.ts` or `worker.ts`) costs about 2 KB gzip of wrappers and hoisted bindings.
 */
export async function buildSrcdocScript(
  root,
  { readers = [withoutLegacyReaders], extraModules = [], define = {}, plugins = [] } = {},
) {
  const guard = await buildGuard(root);
  const workerSource = join(root, 'apps/importer/src/worker-source.ts');
  const frameEntry = [...extraModules, join(root, 'apps/importer/src/main.ts')]
    .map((path) => `import ${JSON.stringify(path)};`)
    .join('\n');
  const roles = await esbuild.build({
    ...inMemory(root),
    format: 'esm',
    splitting: true,
    // Not written: only the second pass reads these paths.
    outdir: join(root, 'frame-roles'),
    minifySyntax: true,
    entryPoints: { worker: join(root, 'apps/importer/src/worker/worker.ts'), frame: 'frame-entry' },
    define,
    plugins: [
      virtualModule('frame-entry', frameEntry, root),
      // Left to the second pass, whose entry evaluates it before anything else.
      {
        name: 'worker-source',
        setup: (build) =>
          build.onResolve({ filter: /[\\/]worker-source\.ts$/ }, () => ({
            path: workerSource,
            external: true,
          })),
      },
      packedConcepts,
      ...readers,
      ...plugins,
      templateWhitespace,
      valibotPure,
    ],
  });
  const outputs = new Map(roles.outputFiles.map((file) => [file.path, file.text]));
  const fromRoles = {
    name: 'frame-roles',
    setup(build) {
      // The chunks import each other by relative paths.
      build.onResolve({ filter: /^\.\.?\//, namespace: 'frame-roles' }, (args) => ({
        path: resolve(dirname(args.importer), args.path),
        namespace: 'frame-roles',
      }));
      build.onResolve({ filter: /[\\/]frame-roles[\\/]/ }, (args) => ({
        path: args.path,
        namespace: 'frame-roles',
      }));
      build.onLoad({ filter: /.*/, namespace: 'frame-roles' }, (args) => {
        const contents = outputs.get(args.path);
        const eager = basename(args.path) !== 'worker.js';
        return {
          contents: eager ? `${EAGER_START}();\n${contents}\n${EAGER_END}();` : contents,
          loader: 'js',
          resolveDir: root,
        };
      });
    },
  };
  const at = (name) => JSON.stringify(join(root, 'frame-roles', name));
  const entry = [
    `if (typeof window === 'undefined') require(${at('worker.js')});`,
    `else { require(${JSON.stringify(workerSource)}); require(${at('frame.js')}); }`,
  ].join('\n');
  const app = await bundle(root, {
    stdin: { contents: entry, resolveDir: root, loader: 'js' },
    define: { __WORKER_SOURCE__: 'null', __GUARD_LENGTH__: String(guard.length) },
    plugins: [fromRoles],
  });
  return frameScript(guard, compileEagerly(app));
}

const EAGER_START = '__csvImporterEagerStart__';
const EAGER_END = '__csvImporterEagerEnd__';

/**
 * Puts the lazy initialisers of the frame's entry and of the shared chunk in parentheses, which
 * V8 takes as a hint to compile a function with the script instead of when it is first called:
 * otherwise the document parses their code twice, once to find where the function ends and again
 * to run it (about 5 ms of the frame's first task). The worker's initialiser stays lazy, so the
 * document only pre-parses the worker's code. Each initialiser's code is marked by `EAGER_START`
 * and `EAGER_END` calls, which come out of esbuild as the first statement of the initialiser
 * (after the calls that initialise what it imports) and the last; they are replaced here.
 */
function compileEagerly(app) {
  const start = new RegExp(`\\(\\)=>\\{((?:[\\w$]+\\(\\)[,;])*)${EAGER_START}\\(\\)[,;]?`, 'g');
  const end = new RegExp(`[,;]?${EAGER_END}\\(\\)\\}\\)`, 'g');
  const starts = app.match(start)?.length ?? 0;
  const ends = app.match(end)?.length ?? 0;
  const out = app.replace(start, '(()=>{$1').replace(end, '}))');
  if (starts !== ends || starts < 2 || out.includes(EAGER_START) || out.includes(EAGER_END))
    throw new Error("the frame script's lazy initialisers are not where compileEagerly expects them");
  return out;
}

/**
 * The hosted site's script (its importer.js): the guard, then the frame UI with `worker`, the
 * worker's script, inlined as a string. A script that is a file cannot read its own text (the
 * frame's CSP allows no fetch), so here the worker's script is a second bundle. `extraModules`
 * are bundled before the app's entry, as a dependency would be; `define` and `plugins` as above.
 */
export async function buildHostedScript(root, worker, { extraModules = [], define = {}, plugins = [] } = {}) {
  const guard = await buildGuard(root);
  const app = await bundle(root, {
    stdin: {
      contents: [...extraModules, join(root, 'apps/importer/src/main.ts')]
        .map((path) => `import ${JSON.stringify(path)};`)
        .join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    define: { __WORKER_SOURCE__: JSON.stringify(worker), __GUARD_LENGTH__: '0', ...define },
    plugins: [...plugins, templateWhitespace, valibotPure],
  });
  return frameScript(guard, app);
}

/** The srcdoc document: the template with the script inlined and its SHA-256 pinned in the CSP. */
export async function frameHtml(root, script) {
  const hash = `sha256-${createHash('sha256').update(script).digest('base64')}`;
  const template = await readFile(join(root, 'apps/importer/src/frame.html'), 'utf8');
  return (
    template
      .replace('%CSP%', FRAME_CSP.replace('%HASH%', hash))
      // A function replacement, so `$&`-like sequences in the script are not interpreted.
      .replace('/*%SCRIPT%*/', () => script)
  );
}
