import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { NumberColumn } from '../columns/column-spec.ts';
import { compileNumber, detectDecimalSeparator } from './number.ts';

const column = (extra: Partial<NumberColumn> = {}): NumberColumn => ({
  key: 'n',
  label: 'N',
  type: 'number',
  ...extra,
});
const value = (parsed: ReturnType<ReturnType<typeof compileNumber>>) =>
  parsed.ok ? parsed.value : parsed.code;

describe('number type', () => {
  test('reads plain, signed, grouped, exponent and spreadsheet-typed numbers', () => {
    const parse = compileNumber(column());
    assert.equal(value(parse('42')), 42);
    assert.equal(value(parse('-3')), -3);
    assert.equal(value(parse('+1.5')), 1.5);
    assert.equal(value(parse('.5')), 0.5);
    assert.equal(value(parse('1,234.56')), 1234.56);
    assert.equal(value(parse('1 234 567')), 1234567);
    assert.equal(value(parse("1'234.5")), 1234.5);
    assert.equal(value(parse('1\u00a0234')), 1234);
    assert.equal(value(parse('1.23E+11')), 123_000_000_000);
    assert.equal(value(parse(1234.5)), 1234.5);
  });

  test('plain numbers read without a regular expression give the same double and places as Number()', () => {
    const PLAIN = /^[+-]?\d+(?:\.\d+)?$/;
    const plain = fc
      .tuple(
        fc.constantFrom('', '+', '-'),
        fc.stringMatching(/^\d{1,20}$/),
        fc.option(fc.stringMatching(/^\d{1,20}$/), { nil: undefined }),
      )
      .map(([sign, whole, fraction]) => `${sign}${whole}${fraction === undefined ? '' : `.${fraction}`}`);
    const nearlyPlain = fc.string({ unit: fc.constantFrom(...'0123456789+-.e ,'.split('')), maxLength: 8 });
    const parse = compileNumber(column());
    const twoPlaces = compileNumber(column({ decimals: 2 }));
    fc.assert(
      fc.property(fc.oneof(plain, nearlyPlain), (text) => {
        if (!PLAIN.test(text)) return true;
        const read = parse(text);
        assert.ok(read.ok, text);
        assert.ok(Object.is(read.value, Number(text)), `${text}: ${read.value} vs ${Number(text)}`);
        const places = text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
        assert.equal(twoPlaces(text).ok, places <= 2, text);
        return true;
      }),
      { numRuns: 5000 },
    );
    for (const text of [
      '-0',
      '-0.0',
      '007',
      '0.1',
      '9007199254740993',
      '123456789012345.6',
      '0.000000000000001',
    ])
      assert.ok(Object.is(value(parse(text)), Number(text)), text);
  });

  test('refuses text, misplaced grouping and booleans instead of guessing', () => {
    const parse = compileNumber(column());
    for (const bad of ['abc', '1,50', '12,34,5', '1.2.3', '--1', '+', '1e', 'NaN', 'Infinity', '0x10'])
      assert.equal(value(parse(bad)), 'invalid_number', bad);
    assert.equal(value(parse(true)), 'invalid_number');
  });

  test('reads decimal-comma numbers when told the separator, by spec or by hint', () => {
    const bySpec = compileNumber(column({ decimalSeparator: ',' }));
    assert.equal(value(bySpec('1.234,56')), 1234.56);
    assert.equal(value(bySpec('987,00')), 987);
    assert.equal(value(bySpec('0,99')), 0.99);
    assert.equal(value(bySpec('-12,5')), -12.5);
    assert.equal(value(bySpec('1 234,5')), 1234.5);
    assert.equal(value(bySpec('1,234.56')), 'invalid_number');
    const byHint = compileNumber(column(), { decimalSeparator: ',' });
    assert.equal(value(byHint('12,5')), 12.5);
  });

  test('checks integer, decimal places and range with the limit in params', () => {
    assert.equal(value(compileNumber(column({ type: 'integer' }))('2.5')), 'not_integer');
    assert.equal(value(compileNumber(column({ integer: true }))('2')), 2);
    assert.equal(value(compileNumber(column({ decimals: 2 }))('1.234')), 'too_many_decimals');
    assert.equal(value(compileNumber(column({ decimals: 2 }))('1.23')), 1.23);
    assert.equal(value(compileNumber(column({ decimals: 0 }))(1e-7)), 'too_many_decimals');
    const ranged = compileNumber(column({ min: 0, max: 10 }));
    assert.deepEqual(ranged('-3'), { ok: false, code: 'too_small', params: { min: 0 } });
    assert.deepEqual(ranged('11'), { ok: false, code: 'too_large', params: { max: 10 } });
    assert.equal(value(ranged('10')), 10);
  });

  test('detects the decimal separator from values, and says when it cannot', () => {
    assert.deepEqual(detectDecimalSeparator(['1.234,56', '987,00', '12,5', '0,99']), {
      decimalSeparator: ',',
      ambiguous: false,
      examples: ['1.234,56', '987,00'],
    });
    assert.deepEqual(detectDecimalSeparator(['1,234.56', '0.5']), {
      decimalSeparator: '.',
      ambiguous: false,
      examples: ['1,234.56', '0.5'],
    });
    assert.deepEqual(detectDecimalSeparator(['1,234', '5']), {
      decimalSeparator: null,
      ambiguous: true,
      examples: ['1,234'],
    });
    assert.deepEqual(detectDecimalSeparator(['12', '7']), {
      decimalSeparator: null,
      ambiguous: true,
      examples: [],
    });
  });

  test('a mark used twice groups thousands, and three digits after one mark decide only sometimes', () => {
    const separator = (values: string[]) => detectDecimalSeparator(values).decimalSeparator;
    assert.equal(separator(['1.234.567']), ',');
    assert.equal(separator(['1,234,567']), '.');
    assert.equal(separator(['0,125']), ',', 'a lone zero is never a group of thousands');
    assert.equal(separator(['1234,567']), ',', 'four digits before the mark are not grouped');
    assert.equal(separator(['1 234,567']), ',', 'spaces already group the thousands');
    assert.equal(separator(['-1.5']), '.');
    assert.equal(separator(['1.234']), null);
    assert.equal(separator(['Paris, France', 'n/a', '1.234']), null, 'text that is no number says nothing');
  });

  test('one decisive cell settles the column, and the cells it changes are among the examples', () => {
    assert.deepEqual(detectDecimalSeparator(['1,234', '2', '3,50', '7,125']), {
      decimalSeparator: ',',
      ambiguous: false,
      examples: ['3,50', '1,234', '7,125'],
    });
    assert.deepEqual(detectDecimalSeparator(['1,5', '2.5', '1,234']), {
      decimalSeparator: null,
      ambiguous: true,
      examples: ['1,234', '1,5', '2.5'],
    });
  });
});
