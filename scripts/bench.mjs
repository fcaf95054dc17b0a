// `npm run bench`: builds, bundles the benchmark (tests/bench) for Node and runs it.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { bundleForNode } from './node-bundle.mjs';

const root = join(import.meta.dirname, '..');
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const [entry] = await bundleForNode([join(root, 'tests/bench/main.ts')], join(root, '.test-build/bench'));
const run = spawnSync(process.execPath, [entry, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
