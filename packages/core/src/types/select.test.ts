import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ColumnSpecError, type SelectColumn } from '../columns/column-spec.ts';
import type { ColumnHints } from './parsed.ts';
import { compileSelect } from './select.ts';

const PLANS: SelectColumn = {
  key: 'plan',
  label: 'Plan',
  type: 'select',
  options: [
    'free',
    'starter',
    { value: 'pro', label: 'Professional', alternates: ['premium'] },
    'enterprise',
  ],
};
const select = (extra: Partial<SelectColumn> = {}, hints?: ColumnHints) =>
  compileSelect({ ...PLANS, ...extra }, hints);
const value = (parsed: ReturnType<ReturnType<typeof compileSelect>>) =>
  parsed.ok ? parsed.value : parsed.code;

describe('select type', () => {
  test('an exact option passes without a note', () => {
    assert.deepEqual(select()('pro'), { ok: true, value: 'pro' });
  });

  test('case, label and alternate spellings map to the option, reported as info', () => {
    assert.deepEqual(select()('Pro'), {
      ok: true,
      value: 'pro',
      note: { code: 'option_normalized', level: 'info', params: { original: 'Pro', value: 'pro' } },
    });
    assert.equal(value(select()('PROFESSIONAL')), 'pro');
    assert.equal(value(select()('Premium')), 'pro');
    assert.equal(value(select()('Énterprise')), 'enterprise');
  });

  test('an unknown value is an error naming the value', () => {
    assert.deepEqual(select()('gold'), { ok: false, code: 'invalid_option', params: { value: 'gold' } });
  });

  test('the value-mapping step decides values nothing else matches', () => {
    assert.equal(value(select({}, { valueMap: { gold: 'enterprise' } })('gold')), 'enterprise');
    assert.equal(value(select({}, { valueMap: { gold: 'nonsense' } })('gold')), 'invalid_option');
  });

  test('multi-select splits, matches each piece and delivers string[]', () => {
    const tags = select({ multiple: true });
    assert.deepEqual(tags('free,pro'), { ok: true, value: ['free', 'pro'] });
    assert.equal(JSON.stringify(value(tags('Free; PRO | starter'))), '["free","pro","starter"]');
    assert.deepEqual(value(tags('free, free')), ['free']);
    assert.deepEqual(tags('free, gold'), { ok: false, code: 'invalid_option', params: { value: 'gold' } });
    assert.deepEqual(value(select({ multiple: true, separator: '/' })('free/pro')), ['free', 'pro']);
  });

  test('options that collide after normalization fail at definition time', () => {
    assert.throws(
      () => compileSelect({ key: 'x', label: 'X', type: 'select', options: ['Pro', 'pro'] }),
      (e: unknown) => e instanceof ColumnSpecError && /would name both/.test(e.message) && e.column === 'x',
    );
    assert.throws(
      () => compileSelect({ key: 'x', label: 'X', type: 'select', options: ['a', 'a'] }),
      /listed twice/,
    );
  });
});
