// The playground's servers: the built playground with the sample files on http://localhost:PORT,
// and the hosted importer on a second origin, http://127.0.0.1:PORT+1, whose allow-list names the
// playground's origin (for the hosted and embed URL modes). `serve.mjs` is its command line; the
// end-to-end test starts it too.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveHosted } from '../../scripts/hosted-server.mjs';
import { serveStatic } from '../../scripts/static-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** Starts both servers; resolves with their URLs and a `close()`. */
export async function startPlayground({ port = 5173 } = {}) {
  const origin = `http://localhost:${port}`;
  const playground = await serveStatic({
    host: 'localhost',
    port,
    mounts: { '/': join(here, 'dist'), '/fixtures/': join(here, '../../tests/fixtures') },
  });
  const hosted = await serveHosted({ allowedOrigins: [origin], port: port + 1, host: '127.0.0.1' });
  return {
    url: `${origin}/`,
    hostedUrl: `${hosted.url}/`,
    close: () => Promise.all([playground.close(), hosted.close()]),
  };
}
