// Serves the hosted importer for self-hosting:
//   node scripts/serve-hosted.mjs --allow https://app.example [--allow …] [--port 8080] [--host 0.0.0.0] [--full]
// `--full` serves the full build (apps/importer/dist/hosted-full: XLS, XLSB and ODS too).
// Build it first (`npm run build`). See docs/self-hosting.md.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { serveHosted } from './hosted-server.mjs';

{
  const { values } = parseArgs({
    options: {
      allow: { type: 'string', multiple: true, default: [] },
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      full: { type: 'boolean', default: false },
    },
  });
  if (values.allow.length === 0) {
    console.error(
      'Give at least one --allow https://your-app.example (the pages that may embed the importer).',
    );
    process.exit(2);
  }
  const server = await serveHosted({
    allowedOrigins: values.allow,
    port: Number(values.port),
    host: values.host,
    ...(values.full ? { root: join(import.meta.dirname, '..', 'apps/importer/dist/hosted-full') } : {}),
  });
  console.log(`Hosted importer: ${server.url}/  (allowed hosts: ${values.allow.join(' ')})`);
}
