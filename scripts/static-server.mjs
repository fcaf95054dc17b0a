// A small static file server for the playground and the tests. It serves files below the given
// folders and counts every request it answers, so a test can prove that nothing reached it.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.png': 'image/png',
};

/**
 * Starts a server. `mounts` maps a URL prefix ('/' or '/fixtures/') to a folder; `headers` are
 * added to every response; `rewriteHtml(text)` may rewrite every HTML file served. Resolves with
 * `{ url, requests, close }`, where `requests` lists the paths served so far.
 */
export async function serveStatic({ mounts, port = 0, host = '127.0.0.1', headers = {}, rewriteHtml }) {
  const requests = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    requests.push(path);
    const prefix = Object.keys(mounts)
      .sort((a, b) => b.length - a.length)
      .find((p) => path.startsWith(p));
    if (prefix === undefined) return notFound(res);
    const base = normalize(mounts[prefix]);
    let file = normalize(join(base, path.slice(prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) return notFound(res);
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      await stat(file);
    } catch {
      return notFound(res);
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
      ...headers,
    });
    if (rewriteHtml && extname(file) === '.html') res.end(rewriteHtml(await readFile(file, 'utf8')));
    else createReadStream(file).pipe(res);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: actual } = server.address();
  return {
    url: `http://${host}:${actual}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.close(resolve);
        // Browsers keep connections alive; close them so that close() does not wait on them.
        server.closeAllConnections();
      }),
  };
}

function notFound(res) {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
