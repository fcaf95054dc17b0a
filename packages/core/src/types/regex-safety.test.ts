import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ColumnSpecError } from '../columns/column-spec.ts';
import { assertColumns } from '../columns/define-columns.ts';
import { compileRegex, MAX_REGEX_INPUT } from './regex.ts';
import { unsafePattern } from './regex-safety.ts';

describe('unsafePattern', () => {
  test('finds nested repetition, overlapping repeated alternatives and long chains of repetition', () => {
    for (const pattern of [
      '^(a+)+$',
      '^(a*)*$',
      '(x+x+)+y',
      '^(\\w+\\s?)+$',
      '^(\\d+(\\.\\d+)?)+$',
      '^([a-z0-9]+[._-]?)+@example\\.com$',
      '(.*,)*x',
      '^(a|a)*$',
      '^(\\w|\\d)+$',
      '(?:a|b+)+c',
      '^\\d+\\d*\\d+x',
      '^(?<word>[a-z]+)+$',
      '^((ab)+)+$',
    ])
      assert.ok(unsafePattern(pattern, ''), pattern);
    assert.ok(unsafePattern('^(A+)+$', 'i'), 'with the column flags');
  });

  test('leaves ordinary patterns alone, including repeated groups each round of which must end distinctly', () => {
    for (const pattern of [
      '^[A-Z]{2}$',
      '^\\d{5}(-\\d{4})?$',
      '^([a-z]+-)+[a-z]+$',
      '^(\\d{3}-)+\\d{4}$',
      '^(https?://)?([\\w-]+\\.)+[a-z]{2,}$',
      '^[A-Z]-\\d+$',
      '^\\s*\\S+\\s*$',
      '^.*@.*$',
      '^(cat|car)+$',
      '^\\w+\\s*\\w+$',
      '^\\p{Lu}\\p{Ll}+$',
      '^[^,]+(,[^,]+)*$',
    ])
      assert.equal(unsafePattern(pattern, pattern.includes('\\p') ? 'u' : ''), undefined, pattern);
  });
});

describe('regex columns are safe to run on any file', () => {
  test('a catastrophic pattern is refused when the spec is defined, naming the column and the part', () => {
    assert.throws(
      () => assertColumns([{ key: 'code', label: 'Code', type: 'regex', pattern: '^(a+)+$' }]),
      (e: unknown) =>
        e instanceof ColumnSpecError &&
        e.column === 'code' &&
        /column "code": pattern \/\^\(a\+\)\+\$\/ can take exponential time .*at \(a\+\)\+/.test(e.message),
    );
    assert.throws(
      () =>
        compileRegex({
          key: 'sku',
          label: 'SKU',
          type: 'regex',
          pattern: { pattern: '^(\\w|\\d)+$', flags: 'i' },
        }),
      (e: unknown) => e instanceof ColumnSpecError && e.column === 'sku',
    );
  });

  test('a value longer than MAX_REGEX_INPUT is too long, not tested', () => {
    const parse = compileRegex({ key: 'r', label: 'R', type: 'regex', pattern: '\\d+x' });
    assert.deepEqual(parse('1'.repeat(MAX_REGEX_INPUT + 1)), {
      ok: false,
      code: 'too_long',
      params: { maxLength: MAX_REGEX_INPUT },
    });
    assert.equal(parse(`${'1'.repeat(MAX_REGEX_INPUT - 1)}x`).ok, true);
  });
});
