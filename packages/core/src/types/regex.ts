import { ColumnSpecError, type RegexColumn } from '../columns/column-spec.ts';
import { type CellParser, fail } from './parsed.ts';

/**
 * Builds the column's regular expression once. Only the flags `d i m s u v` are accepted (as the
 * wire schema accepts them): `g` and `y` make `test` stateful, so they fail at definition time
 * with the column named, as does a pattern that does not compile.
 */
export function compileRegexSource(spec: RegexColumn): RegExp {
  const source = typeof spec.pattern === 'string' ? { pattern: spec.pattern, flags: '' } : spec.pattern;
  const flags: string = source.flags ?? '';
  if (!/^[dimsuv]*$/.test(flags)) {
    throw new ColumnSpecError(
      `column "${spec.key}": regex flags "${flags}" are not allowed (use d, i, m, s, u or v; g and y make matching stateful)`,
      spec.key,
    );
  }
  try {
    return new RegExp(source.pattern, flags);
  } catch (error) {
    throw new ColumnSpecError(
      `column "${spec.key}": pattern /${source.pattern}/ does not compile (${(error as Error).message})`,
      spec.key,
    );
  }
}

/** Text that must match the column's pattern. */
export function compileRegex(spec: RegexColumn): CellParser {
  const regex = compileRegexSource(spec);
  const pattern = regex.source;
  return (input) => {
    const value = String(input);
    return regex.test(value) ? { ok: true, value } : fail('pattern_mismatch', { pattern });
  };
}
