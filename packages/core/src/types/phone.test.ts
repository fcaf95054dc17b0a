import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ColumnSpecError } from '../columns/column-spec.ts';
import { compilePhone } from './phone.ts';

const phone = (defaultCountry?: string) =>
  compilePhone({ key: 'p', label: 'P', type: 'phone', ...(defaultCountry ? { defaultCountry } : {}) });
const value = (parsed: ReturnType<ReturnType<typeof compilePhone>>) =>
  parsed.ok ? parsed.value : parsed.code;

describe('phone type', () => {
  test('international numbers become E.164 with the original kept as info', () => {
    assert.deepEqual(phone()('+44 20 7946 0958'), {
      ok: true,
      value: '+442079460958',
      note: { code: 'phone_normalized', level: 'info', params: { original: '+44 20 7946 0958' } },
    });
    assert.equal(value(phone()('0049 30 901820')), '+4930901820');
    assert.deepEqual(phone()('+4930901820'), { ok: true, value: '+4930901820' });
  });

  test('national numbers use the default country and drop the trunk prefix', () => {
    assert.equal(value(phone('US')('(212) 555-0142')), '+12125550142');
    assert.equal(value(phone('DE')('030 901820')), '+4930901820');
    assert.equal(value(phone('GB')('020 7946 0958')), '+442079460958');
    assert.equal(value(phone('it')('06 1234 5678')), '+390612345678', 'Italy keeps its leading 0');
  });

  test('without a default country a national number is kept as written', () => {
    assert.deepEqual(phone()('(212) 555-0142'), { ok: true, value: '(212) 555-0142' });
  });

  test('refuses letters, too short and too long numbers', () => {
    assert.equal(value(phone()('call me')), 'invalid_phone');
    assert.equal(value(phone()('12')), 'invalid_phone');
    assert.equal(value(phone()('+1234567890123456')), 'invalid_phone');
    assert.equal(value(phone('DE')('12')), 'invalid_phone');
  });

  test('an unknown default country fails at definition time with the column named', () => {
    assert.throws(
      () => phone('XX'),
      (e: unknown) => e instanceof ColumnSpecError && e.column === 'p',
    );
  });
});
