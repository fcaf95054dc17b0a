import { ColumnSpecError, type RegexColumn } from '../columns/column-spec.ts';
import { type CellParser, fail } from './parsed.ts';

/**
 * Builds the column's regular expression once. `g` and `y` are dropped: they make `test` stateful.
 * A pattern that does not compile fails at definition time with the column named.
 */
export function compileRegexSource(spec: RegexColumn): RegExp {
  const source = typeof spec.pattern === 'string' ? { pattern: spec.pattern, flags: '' } : spec.pattern;
  try {
    return new RegExp(source.pattern, (source.flags ?? '').replace(/[gy]/g, ''));
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
