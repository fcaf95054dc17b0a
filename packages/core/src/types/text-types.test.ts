import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ColumnSpecError } from '../columns/column-spec.ts';
import { compileEmail } from './email.ts';
import { compileRegex } from './regex.ts';
import { compileString } from './string.ts';
import { compileUrl } from './url.ts';

const code = (parsed: { ok: boolean; code?: string; value?: unknown }) => (parsed.ok ? 'ok' : parsed.code);

describe('string type', () => {
  test('length limits count characters, not UTF-16 units', () => {
    const parse = compileString({ key: 's', label: 'S', minLength: 2, maxLength: 3 });
    assert.equal(code(parse('a')), 'too_short');
    assert.equal(code(parse('abcd')), 'too_long');
    assert.equal(code(parse('李雷')), 'ok');
    assert.equal(code(parse('😀😀😀')), 'ok');
    assert.deepEqual(parse('abcd'), { ok: false, code: 'too_long', params: { maxLength: 3 } });
  });
  test('spreadsheet numbers and booleans become their text', () => {
    assert.deepEqual(compileString({ key: 's', label: 'S' })(1001), { ok: true, value: '1001' });
  });
});

describe('email type', () => {
  test('accepts addresses and refuses what is not one', () => {
    const parse = compileEmail();
    assert.equal(code(parse('ada@example.com')), 'ok');
    assert.equal(code(parse('grace.hopper@example.org')), 'ok');
    for (const bad of ['linus@', 'not-an-email', '@example.com', 'a b@example.com', 'a@b'])
      assert.equal(code(parse(bad)), 'invalid_email', bad);
  });
});

describe('url type', () => {
  test('accepts absolute http(s) URLs with a host', () => {
    const parse = compileUrl();
    assert.equal(code(parse('https://example.com/a?b=1')), 'ok');
    assert.equal(code(parse('http://localhost:8080/')), 'ok');
    for (const bad of [
      'example.com',
      'javascript:alert(1)',
      'ftp://example.com',
      'https://',
      'https://exa mple.com',
    ])
      assert.equal(code(parse(bad)), 'invalid_url', bad);
  });
});

describe('regex type', () => {
  test('matches the pattern, with flags', () => {
    const parse = compileRegex({
      key: 'r',
      label: 'R',
      type: 'regex',
      pattern: { pattern: '^[a-z]{2}-\\d+$', flags: 'i' },
    });
    assert.equal(code(parse('AB-12')), 'ok');
    assert.equal(code(parse('AB-12')), 'ok', 'the same input twice');
    assert.deepEqual(parse('ABC'), {
      ok: false,
      code: 'pattern_mismatch',
      params: { pattern: '^[a-z]{2}-\\d+$' },
    });
    assert.equal(
      code(compileRegex({ key: 'r', label: 'R', type: 'regex', pattern: '^\\d{5}$' })('12345')),
      'ok',
    );
  });
  test('flags g and y, which would make matching stateful, fail at definition time, naming the column', () => {
    for (const flags of ['gi', 'y']) {
      assert.throws(
        // @ts-expect-error: the type refuses them too
        () => compileRegex({ key: 'code', label: 'Code', type: 'regex', pattern: { pattern: '^a$', flags } }),
        (e: unknown) =>
          e instanceof ColumnSpecError &&
          e.column === 'code' &&
          /flags "(gi|y)" are not allowed/.test(e.message),
      );
    }
  });
  test('a pattern that does not compile fails at definition time, naming the column', () => {
    assert.throws(
      () => compileRegex({ key: 'zip', label: 'ZIP', type: 'regex', pattern: '([0-9' }),
      (e: unknown) => e instanceof ColumnSpecError && e.column === 'zip' && /column "zip"/.test(e.message),
    );
  });
});
