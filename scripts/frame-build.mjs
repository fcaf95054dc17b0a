// The frame app's script and documents, shared by scripts/build.mjs and the tests that rebuild
// the frame with a module of their own (as a compromised dependency would be bundled in).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';
import { FRAME_CSP } from './csp.mjs';
import { templateWhitespace } from './template-whitespace.mjs';
import { valibotPure } from './valibot-pure.mjs';

async function bundle(root, options) {
  const result = await esbuild.build({
    bundle: true,
    target: 'es2022',
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: root,
    write: false,
    format: 'iife',
    minify: true,
    ...options,
  });
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

/** The worker's classic script; `root` is the repository's folder, `plugins` pick its readers. */
export function buildWorker(root, plugins = [withoutLegacyReaders]) {
  return bundle(root, {
    entryPoints: [join(root, 'apps/importer/src/worker/worker.ts')],
    plugins: [packedConcepts, ...plugins, valibotPure],
  });
}

/**
 * The frame's one script: first the guard (it removes WebRTC before any module of the bundle is
 * evaluated), then the app with the worker's source inlined. The guard is part of the same
 * script, not a script of its own, so that no document can run the app without it: a child frame
 * that copied the app's script (its hash is allowed) copies the guard too. `extraModules` are
 * bundled before the app's entry, as a dependency would be; `define` adds constants for them;
 * `plugins` (such as `withAllCatalogs`) change what the app is built with.
 */
export async function buildFrameScript(root, worker, { extraModules = [], define = {}, plugins = [] } = {}) {
  const guard = await bundle(root, { entryPoints: [join(root, 'apps/importer/src/frame-guard.ts')] });
  const imports = [...extraModules, join(root, 'apps/importer/src/main.ts')]
    .map((path) => `import ${JSON.stringify(path)};`)
    .join('\n');
  const app = await bundle(root, {
    stdin: { contents: imports, resolveDir: root, loader: 'ts' },
    define: { __WORKER_SOURCE__: JSON.stringify(worker), ...define },
    plugins: [...plugins, templateWhitespace, valibotPure],
  });
  const script = `${guard.trim()}\n${app}`;
  if (/<\/script/i.test(script))
    throw new Error('the frame script contains "</script" and cannot be inlined');
  return script;
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
