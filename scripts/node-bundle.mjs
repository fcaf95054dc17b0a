// Bundles TypeScript entry points for Node with esbuild: workspace code (@csv-importer/*) and
// relative imports are inlined, every npm package is left for Node to import.
import { join, relative } from 'node:path';
import * as esbuild from 'esbuild';

const root = join(import.meta.dirname, '..');

/**
 * Returns the paths of the bundled `.mjs` files, in the order of `files`; `base` is the checkout
 * they come from (another one than this, to compare with it).
 */
export async function bundleForNode(files, outdir, base = root) {
  await esbuild.build({
    entryPoints: files,
    outdir,
    outbase: base,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [
      {
        name: 'external-packages',
        setup(build) {
          build.onResolve({ filter: /^[^./]/ }, (args) =>
            args.path.startsWith('@csv-importer/') ? undefined : { path: args.path, external: true },
          );
          // Plain ES modules of the repo (servers, build helpers) stay where they are, so that
          // `import.meta.url` inside them still points into the repo, not into the bundle.
          build.onResolve({ filter: /\.mjs$/ }, (args) => ({
            path: join(args.resolveDir, args.path),
            external: true,
          }));
        },
      },
    ],
  });
  return files.map((f) => join(outdir, relative(base, f)).replace(/\.ts$/, '.mjs'));
}
