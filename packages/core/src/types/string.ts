import type { StringColumn } from '../columns/column-spec.ts';
import { type CellParser, fail } from './parsed.ts';

/** Text with optional length limits (counted in characters, not UTF-16 units). */
export function compileString(spec: StringColumn): CellParser {
  const { minLength, maxLength } = spec;
  const limited = minLength !== undefined || maxLength !== undefined;
  return (input) => {
    const value = typeof input === 'string' ? input : String(input);
    if (limited) {
      // Code units first: only when they are near a limit count code points.
      const length =
        value.length > (maxLength ?? 0) || value.length < (minLength ?? 0) ? [...value].length : value.length;
      if (minLength !== undefined && length < minLength) return fail('too_short', { minLength });
      if (maxLength !== undefined && length > maxLength) return fail('too_long', { maxLength });
    }
    return { ok: true, value };
  };
}
