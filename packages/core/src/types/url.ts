import { type CellParser, fail } from './parsed.ts';

const SCHEME = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+|^https?:\/\/localhost(?:[:/]|$)/i;
// The common shape (ASCII host, optional port, a path without spaces) needs no URL parser.
const PLAIN_URL = /^https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,63}(?::\d{1,5})?(?:[/?#][\x21-\x7e]*)?$/i;

/** An absolute http(s) URL with a host name. */
export function compileUrl(): CellParser {
  return (input) => {
    const value = String(input);
    if (PLAIN_URL.test(value)) return { ok: true, value };
    return SCHEME.test(value) && URL.canParse(value) ? { ok: true, value } : fail('invalid_url');
  };
}
