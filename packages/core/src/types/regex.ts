import { ColumnSpecError, type RegexColumn } from '../columns/column-spec.ts';
import { type CellParser, fail } from './parsed.ts';
import { unsafePattern } from './regex-safety.ts';

/**
 * Longest value a regex column tests. A pattern that passes `unsafePattern` can still take
 * quadratic time (`\d+x` tried at every start of a long run of digits): on 100,000 characters
 * that is seconds per cell, on 1,000 about a millisecond. Longer values get `too_long`.
 */
export const MAX_REGEX_INPUT = 1_000;

/**
 * Builds the column's regular expression once. Only the flags `d i m s u v` are accepted (as the
 * wire schema accepts them): `g` and `y` make `test` stateful, so they fail at definition time
 * with the column named, as does a pattern that does not compile or that can take exponential
 * time (`^(a+)+$`, see `unsafePattern`).
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
  let regex: RegExp;
  try {
    regex = new RegExp(source.pattern, flags);
  } catch (error) {
    throw new ColumnSpecError(
      `column "${spec.key}": pattern /${source.pattern}/ does not compile (${(error as Error).message})`,
      spec.key,
    );
  }
  const unsafe = unsafePattern(source.pattern, flags);
  if (unsafe)
    throw new ColumnSpecError(
      `column "${spec.key}": pattern /${source.pattern}/ can take exponential time on some values, because at ${unsafe.part} ${unsafe.reason}; rewrite it so each character can be matched only one way (for example ^a+$ instead of ^(a+)+$)`,
      spec.key,
    );
  return regex;
}

/** Text that must match the column's pattern, and be at most `MAX_REGEX_INPUT` characters long. */
export function compileRegex(spec: RegexColumn): CellParser {
  const regex = compileRegexSource(spec);
  const pattern = regex.source;
  return (input) => {
    const value = String(input);
    if (value.length > MAX_REGEX_INPUT) return fail('too_long', { maxLength: MAX_REGEX_INPUT });
    return regex.test(value) ? { ok: true, value } : fail('pattern_mismatch', { pattern });
  };
}
