// The importer's Content-Security-Policies and the parsing of allowed host origins, shared by the
// build and the hosted server.

/** Content-Security-Policy of the frame document; `%HASH%` is the script's pinned hash. */
export const FRAME_CSP = [
  "default-src 'none'",
  "script-src '%HASH%'",
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "connect-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  // Trusted Types: no string reaches an HTML or script sink unless Lit's template policy or the
  // frame's own policy (which passes only the worker's Blob URL) made it.
  "require-trusted-types-for 'script'",
  'trusted-types lit-html csv-importer',
].join('; ');

/**
 * Permissions-Policy of the hosted site: the importer needs no powerful feature, so none is
 * allowed to it, nor to anything it might frame. (A frame gets only what its embedder delegates
 * anyway; this also covers the importer opened on its own, and features that reach the network,
 * such as attribution reporting, topics and ad auctions.)
 */
export const PERMISSIONS_POLICY = [
  'accelerometer',
  'attribution-reporting',
  'autoplay',
  'bluetooth',
  'browsing-topics',
  'camera',
  'compute-pressure',
  'display-capture',
  'encrypted-media',
  'fullscreen',
  'geolocation',
  'gyroscope',
  'hid',
  'identity-credentials-get',
  'idle-detection',
  'join-ad-interest-group',
  'local-fonts',
  'magnetometer',
  'microphone',
  'midi',
  'otp-credentials',
  'payment',
  'picture-in-picture',
  'private-state-token-issuance',
  'private-state-token-redemption',
  'publickey-credentials-create',
  'publickey-credentials-get',
  'run-ad-auction',
  'screen-wake-lock',
  'serial',
  'storage-access',
  'usb',
  'web-share',
  'window-management',
  'xr-spatial-tracking',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

/** The hosted site's CSP header: the frame's CSP with `'self'` scripts and `frame-ancestors`. */
export function hostedCsp(allowedOrigins) {
  const ancestors = allowedOrigins.length > 0 ? allowedOrigins.join(' ') : "'none'";
  return `${FRAME_CSP.replace("'%HASH%'", "'self'")}; frame-ancestors ${ancestors}`;
}

/** Origins as the browser writes them (`https://a.example`), or an error naming the bad one. */
export function parseOrigins(list) {
  return list
    .split(/[\s,]+/)
    .filter((o) => o !== '')
    .map((o) => {
      const url = new URL(o);
      if (url.origin === 'null' || url.origin !== o.replace(/\/$/, '')) {
        throw new Error(`"${o}" is not an origin (scheme://host[:port], no path)`);
      }
      return url.origin;
    });
}
