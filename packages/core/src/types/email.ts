import * as v from 'valibot';
import { type CellParser, fail } from './parsed.ts';

const EMAIL = v.pipe(v.string(), v.email());

/** An e-mail address, as valibot's `email` action accepts it. */
export function compileEmail(): CellParser {
  return (input) => {
    const value = String(input);
    return v.is(EMAIL, value) ? { ok: true, value } : fail('invalid_email');
  };
}
