// Serves the built playground on http://localhost:5173 (PORT overrides) with the sample files.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '../../scripts/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 5173);
const server = await serveStatic({
  host: 'localhost',
  port,
  mounts: { '/': join(here, 'dist'), '/fixtures/': join(here, '../../tests/fixtures') },
});
console.log(`Playground: ${server.url.replace('127.0.0.1', 'localhost')}/  (Ctrl+C to stop)`);
