import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import * as esbuild from 'esbuild';
import * as untrimmed from '../packages/core/src/parse/parse.ts';
// @ts-expect-error: a plain ES module of the build scripts, without type declarations.
import { papaparseTrim, trimPapaparse, UNUSED_PAPAPARSE_FUNCTIONS } from './papaparse-trim.mjs';

// The tests run from the repository's folder (this file runs bundled elsewhere).
const root = process.cwd();
const papaparseSource = () =>
  readFile(createRequire(join(root, 'package.json')).resolve('papaparse/papaparse.js'), 'utf8');

/** The CommonJS module `source` evaluated on its own. */
function evaluate(source: string): { parse: (...args: unknown[]) => unknown } & Record<string, unknown> {
  const module = { exports: {} as Record<string, unknown> };
  new Function('module', 'exports', source)(module, module.exports);
  return module.exports as never;
}

/** core's parse.ts bundled as the worker bundles it, with papaparse trimmed. */
async function trimmedParse(): Promise<typeof untrimmed> {
  const result = await esbuild.build({
    entryPoints: [join(root, 'packages/core/src/parse/parse.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'warning',
    plugins: [papaparseTrim],
  });
  const code = Buffer.from(result.outputFiles[0]!.text).toString('base64');
  return import(`data:text/javascript;base64,${code}`);
}

async function records(parse: typeof untrimmed, text: string): Promise<unknown[]> {
  const stream = new ReadableStream<string>({
    start(controller) {
      // Pieces of 7 characters, so quotes and records fall across chunk boundaries.
      for (let i = 0; i < text.length; i += 7) controller.enqueue(text.slice(i, i + 7));
      controller.close();
    },
  });
  const out: unknown[] = [];
  for await (const batch of parse.parseTextStream(stream)) out.push(batch);
  return out;
}

describe('papaparse-trim', () => {
  test('reduces each unused function to a throw and keeps the parser', async () => {
    const source = await papaparseSource();
    const trimmed = trimPapaparse(source);
    assert.ok(trimmed.length < source.length * 0.7, `${trimmed.length} of ${source.length} characters`);
    const Papa = evaluate(trimmed);
    assert.deepEqual((Papa.parse('a,"b ""c"""\n1,2', {}) as { data: unknown }).data, [
      ['a', 'b "c"'],
      ['1', '2'],
    ]);
    assert.throws(
      () => (Papa.unparse as (data: unknown) => string)([['a']]),
      /JsonToCsv is not in this build/,
    );
    for (const name of UNUSED_PAPAPARSE_FUNCTIONS)
      assert.match(trimmed, new RegExp(`function ${name}\\(\\) \\{ throw`));
  });

  test('fails loudly when papaparse no longer has a function it removes', async () => {
    const source = await papaparseSource();
    assert.throws(() => trimPapaparse(source, ['NoSuchStreamer']), /NoSuchStreamer not found/);
  });

  test('core reads every CSV fixture to the same dialect and records with the trimmed papaparse', async () => {
    const trimmed = await trimmedParse();
    const files = (await readdir(join(root, 'tests/fixtures'))).filter((name) => name.endsWith('.csv'));
    assert.ok(files.length >= 5);
    for (const name of files) {
      const text = new TextDecoder('windows-1252').decode(await readFile(join(root, 'tests/fixtures', name)));
      assert.deepEqual(trimmed.detectDialect(text), untrimmed.detectDialect(text), name);
      assert.deepEqual(await records(trimmed, text), await records(untrimmed, text), name);
    }
  });
});
