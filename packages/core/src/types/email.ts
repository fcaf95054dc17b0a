import * as v from 'valibot';
import { type CellParser, fail } from './parsed.ts';

// valibot's `email` action's own expression, run directly: `v.is` would allocate per cell.
const EMAIL = v.email().requirement;

/** An e-mail address, as valibot's `email` action accepts it. */
export function compileEmail(): CellParser {
  return (input) => {
    const value = String(input);
    return EMAIL.test(value) ? { ok: true, value } : fail('invalid_email');
  };
}
