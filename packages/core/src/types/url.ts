import { type CellParser, fail } from './parsed.ts';

const SCHEME = /^https?:\/\/[^\s/?#]+\.[^\s/?#]+|^https?:\/\/localhost(?:[:/]|$)/i;

/** An absolute http(s) URL with a host name. */
export function compileUrl(): CellParser {
  return (input) => {
    const value = String(input);
    return SCHEME.test(value) && URL.canParse(value) ? { ok: true, value } : fail('invalid_url');
  };
}
