import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compileBoolean } from './boolean.ts';

describe('boolean type', () => {
  const parse = compileBoolean({ key: 'b', label: 'B', type: 'boolean' });
  const value = (input: string | number | boolean) => {
    const parsed = parse(input);
    return parsed.ok ? parsed.value : parsed.code;
  };

  test('reads true/false, yes/no, 1/0, y/n in any case', () => {
    for (const yes of ['true', 'TRUE', 'Yes', 'y', 'Y', '1', 'x']) assert.equal(value(yes), true, yes);
    for (const no of ['false', 'False', 'NO', 'n', '0']) assert.equal(value(no), false, no);
  });

  test('reads localized words: ja/nein, oui/non, sí/no, sim/não, tak/nie', () => {
    for (const yes of ['ja', 'Ja', 'oui', 'sí', 'si', 'sim', 'tak', 'wahr'])
      assert.equal(value(yes), true, yes);
    for (const no of ['nein', 'non', 'não', 'nie', 'nej', 'falsch']) assert.equal(value(no), false, no);
  });

  test('takes spreadsheet booleans and numbers 1 and 0', () => {
    assert.equal(value(true), true);
    assert.equal(value(false), false);
    assert.equal(value(1), true);
    assert.equal(value(0), false);
    assert.equal(value(2), 'invalid_boolean');
  });

  test('refuses other words, and accepts words the column adds', () => {
    assert.equal(value('maybe'), 'invalid_boolean');
    assert.equal(value('n/a'), 'invalid_boolean');
    const custom = compileBoolean({
      key: 'b',
      label: 'B',
      type: 'boolean',
      trueValues: ['Active'],
      falseValues: ['Gone'],
    });
    assert.deepEqual(custom('active'), { ok: true, value: true });
    assert.deepEqual(custom('GONE'), { ok: true, value: false });
  });
});
