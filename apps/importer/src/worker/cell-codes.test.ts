import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { CellCodes } from './cell-codes.ts';

describe('CellCodes', () => {
  test('holds what was set last for every row, few codes or many, across the change of form', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 400 }),
        (length, writes) => {
          const codes = new CellCodes(length);
          const model = new Uint8Array(length);
          for (const [at, code] of writes) {
            const row = at % length;
            codes.set(row, code);
            model[row] = code;
          }
          for (let row = 0; row < length; row++) assert.equal(codes.get(row), model[row], `row ${row}`);
        },
      ),
    );
  });

  test('rows at the ends of a word of marks are told apart', () => {
    const codes = new CellCodes(100_000);
    for (const row of [0, 31, 32, 63, 99_999]) codes.set(row, 7);
    assert.deepEqual(
      [0, 1, 30, 31, 32, 33, 63, 64, 99_998, 99_999].map((row) => codes.get(row)),
      [7, 0, 0, 7, 7, 0, 7, 0, 0, 7],
    );
    codes.set(31, 0);
    assert.equal(codes.get(31), 0);
    assert.equal(codes.get(32), 7);
  });
});
