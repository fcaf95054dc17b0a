// An esbuild plugin for the worker: papaparse is one UMD file that a bundler cannot tree-shake,
// and the importer calls one of its entries only, `Papa.parse` on a string (to guess the
// delimiter: packages/core/src/parse/parse.ts). Its other input paths and its writer (`unparse`, the
// network, File, Node and readable-stream streamers, its own worker mode, which DESIGN.md rules
// out) are about 40% of the file. The plugin bundles papaparse's unminified source with those
// functions' bodies replaced by a throw, so the parser itself is papaparse's own code, unchanged.
// A papaparse whose source no longer has one of them fails the build instead of shipping it whole.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/** Top-level functions of papaparse 5.x that no call of the importer reaches. */
export const UNUSED_PAPAPARSE_FUNCTIONS = [
  'getWorkerBlob',
  'JsonToCsv',
  'NetworkStreamer',
  'FileStreamer',
  'ReadableStreamStreamer',
  'DuplexStreamStreamer',
  'newWorker',
  'mainThreadReceivedMessage',
  'completeWorker',
  'workerThreadReceivedMessage',
];

/** `source` (papaparse.js) with each function in `names` reduced to a throw. */
export function trimPapaparse(source, names = UNUSED_PAPAPARSE_FUNCTIONS) {
  let out = source;
  for (const name of names) {
    // Each is declared at one tab inside the factory; its body ends at the next `}` so indented.
    const start = out.search(new RegExp(`\\n\\tfunction ${name}\\(`));
    if (start < 0) throw new Error(`papaparse-trim: function ${name} not found in papaparse.js`);
    const end = out.indexOf('\n\t}', start + 1);
    if (end < 0) throw new Error(`papaparse-trim: the end of ${name} not found in papaparse.js`);
    const stub = `\n\tfunction ${name}() { throw new Error('papaparse ${name} is not in this build'); }`;
    out = out.slice(0, start) + stub + out.slice(end + 3);
  }
  return out;
}

const require = createRequire(import.meta.url);

export const papaparseTrim = {
  name: 'papaparse-trim',
  setup(build) {
    build.onResolve({ filter: /^papaparse$/ }, (args) => ({
      path: require.resolve('papaparse/papaparse.js', { paths: [args.resolveDir] }),
      namespace: 'papaparse-trim',
    }));
    build.onLoad({ filter: /.*/, namespace: 'papaparse-trim' }, async ({ path }) => ({
      contents: trimPapaparse(await readFile(path, 'utf8')),
      loader: 'js',
    }));
  },
};
