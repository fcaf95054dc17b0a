import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { valibotPure } from './valibot-pure.mjs';
const r = await build({ entryPoints: ['packages/element/src/loader-script.ts'], bundle: true, minify: true, format: 'iife', write: false, target: 'es2022', legalComments: 'none', plugins: [valibotPure], metafile: true });
const t = r.outputFiles[0].contents;
console.log(t.length, gzipSync(t, {level: 9}).length);
const out = Object.values(r.metafile.outputs)[0];
for (const [k,x] of Object.entries(out.inputs).sort((a,b)=>b[1].bytesInOutput-a[1].bytesInOutput).slice(0,16)) console.log('  ', x.bytesInOutput, k);
