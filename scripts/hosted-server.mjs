// Serves the hosted importer (apps/importer/dist/hosted, built by `npm run build`) for
// self-hosting and tests; `scripts/serve-hosted.mjs` is its command line. The allowed host origins come from the deployer, never from the embedding
// page: they are written into the page's allow-list and into the CSP `frame-ancestors` header,
// so a page not listed can neither frame the importer nor talk to it.
import { join } from 'node:path';
import { hostedCsp, PERMISSIONS_POLICY, parseOrigins } from './csp.mjs';
import { serveStatic } from './static-server.mjs';

const SITE = join(import.meta.dirname, '../apps/importer/dist/hosted');
const META = /<meta name="csv-importer-allowed-origins" content="[^"]*" \/>/;

/** Starts the server; resolves with `{ url, requests, close }` like `serveStatic`. */
export function serveHosted({ allowedOrigins, port = 0, host = '127.0.0.1', root = SITE }) {
  const origins = parseOrigins(allowedOrigins.join(' '));
  return serveStatic({
    host,
    port,
    mounts: { '/': root },
    headers: {
      'content-security-policy': hostedCsp(origins),
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'permissions-policy': PERMISSIONS_POLICY,
    },
    rewriteHtml: (html) => {
      if (!META.test(html)) throw new Error('the hosted index.html has no allow-list <meta>; rebuild it');
      return html.replace(
        META,
        () => `<meta name="csv-importer-allowed-origins" content="${origins.join(' ')}" />`,
      );
    },
  });
}
