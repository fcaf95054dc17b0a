// `npm run pack`: builds every package, then writes the installable tarballs of the published
// packages into dist/packages/ (`npm pack` of each package's built `dist` folder), and prints
// their paths. Nothing is published to the npm registry yet, so these tarballs are how an
// application installs the importer today: `npm install ./csv-importer-element-0.1.0.tgz`.
// `--no-build` packs the builds already there (for tests that run after `npm test`'s build).
import { execFileSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const out = join(root, 'dist/packages');
/** The published packages. The element bundles the protocol, so that package is not one of them. */
const PACKAGES = ['packages/core/dist', 'packages/element/dist'];

if (!process.argv.includes('--no-build')) {
  execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
}
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
for (const dir of PACKAGES) {
  const [packed] = JSON.parse(
    execFileSync('npm', ['pack', join(root, dir), '--pack-destination', out, '--json', '--loglevel=error'], {
      cwd: root,
      encoding: 'utf8',
    }),
  );
  console.log(`${join('dist/packages', packed.filename)}  ${packed.entryCount} files, ${packed.size} bytes`);
}
