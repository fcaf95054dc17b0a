import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { ColumnSpec } from '../columns/column-spec.ts';
import { TypedCells } from './typed-cells.ts';
import { compileColumn, compileColumnWithHints } from './validate.ts';

/** Puts every text's check into a `TypedCells` and reads each back as `check` gave it. */
function roundTrip(spec: ColumnSpec, texts: readonly string[], hints = {}) {
  const column = compileColumnWithHints(spec, hints);
  const cells = new TypedCells(texts.length);
  for (const [row, text] of texts.entries()) cells.put(row, text, column.check(text));
  texts.forEach((text, row) => {
    const result = column.check(text);
    // A reader passes the text only where the cell needs it.
    const given = cells.readsText(row) ? text : 'not the text';
    assert.deepEqual(cells.value(row, given), result.ok || result.value !== '' ? result.value : null, text);
    assert.equal(cells.isInvalid(row), !result.ok, text);
    assert.deepEqual(cells.notes(row, given), result.notes, `notes of ${JSON.stringify(text)}`);
  });
  return cells;
}

describe('TypedCells', () => {
  test('keeps values and notes of every type as the check gave them', () => {
    roundTrip({ key: 'p', label: 'P', type: 'phone', defaultCountry: 'GB' }, [
      '+44 20 7946 0958',
      '020 7946 0958',
      '+442079460958',
      ' +44 20 7946 0958 ',
      '12',
      '',
    ]);
    roundTrip({ key: 'n', label: 'N', type: 'number' }, ['3.5', '-0', '1e3', '1,234.5', 'x', '', ' 7 ']);
    roundTrip({ key: 'i', label: 'I', type: 'integer', min: 1, required: true }, ['12', '0', '', '2.5']);
    roundTrip({ key: 'b', label: 'B', type: 'boolean' }, ['yes', 'FALSE', '1', 'maybe', '']);
    roundTrip({ key: 'd', label: 'D', type: 'date', formats: ['DD/MM/YYYY'] }, [
      '15/03/2024',
      '2024-03-15',
      '29/02/2023',
      '01/01/0001',
      '31/12/9999',
    ]);
    roundTrip({ key: 'd', label: 'D', type: 'date' }, ['04/03/2024'], { dateOrder: 'DMY' });
    roundTrip({ key: 'dt', label: 'DT', type: 'datetime' }, ['2024-03-15 10:30', '2024-03-15T10:30:00Z']);
    roundTrip({ key: 's', label: 'S', type: 'select', options: ['Free', 'Pro'] }, ['Free', 'pro', 'Gold']);
    roundTrip({ key: 'm', label: 'M', type: 'select', multiple: true, options: ['a', 'b'] }, ['a, b', 'b;a']);
    roundTrip({ key: 't', label: 'T', default: 'none' }, ['', ' Ada ', 'Ada']);
    roundTrip({ key: 'e', label: 'E', type: 'email' }, ['ada@example.com', ' ada@example.com', 'ada@']);
  });

  test('every ISO date and E.164 number round-trips through its compact form', () => {
    const text = compileColumn({ key: 't', label: 'T' });
    fc.assert(
      fc.property(
        fc.date({ min: new Date('0001-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          const cells = new TypedCells(1);
          // A text column's trimmed value differs from its text, so it is encoded.
          cells.put(0, ` ${iso}`, text.check(` ${iso}`));
          assert.equal(cells.value(0, ` ${iso}`), iso);
        },
      ),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^\+[1-9]\d{5,14}$/), (phone) => {
        const cells = new TypedCells(1);
        cells.put(0, ` ${phone}`, text.check(` ${phone}`));
        assert.equal(cells.value(0, ` ${phone}`), phone);
      }),
    );
  });

  test('a column of numbers widens as it needs, keeping every number put before', () => {
    // Numbers of every width, in any order: small integers are held in 16 bits until a wider
    // one comes, then the column is copied into 32-bit integers or 64-bit floats.
    const number = fc.oneof(
      fc.integer({ min: -0x8000, max: 0x7fff }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(-0, 0, 0x8000, -0x8001, 2 ** 31, -(2 ** 31) - 1, 2 ** 53),
    );
    fc.assert(
      fc.property(fc.array(number, { minLength: 1, maxLength: 40 }), (numbers) => {
        const cells = new TypedCells(numbers.length);
        numbers.forEach((value, row) => {
          cells.put(row, `n${row}`, { ok: true, value });
        });
        numbers.forEach((value, row) => {
          assert.equal(Object.is(cells.value(row, ''), value), true, `row ${row}: ${value}`);
        });
      }),
    );
  });

  test("an E.164 number made of the text's digits is taken from the text; another is kept", () => {
    const phone = compileColumn({ key: 'p', label: 'P', type: 'phone', defaultCountry: 'GB' });
    const cells = new TypedCells(2);
    for (const [row, text] of ['+44 20 7946 0958', '020 7946 0958'].entries())
      cells.put(row, text, phone.check(text));
    assert.equal(cells.readsText(0), true);
    assert.equal(cells.value(0, '+44 20 7946 0958'), '+442079460958');
    // Not the digits of its text (a country code added, a trunk zero dropped): the number is kept.
    assert.equal(cells.readsText(1), true);
    assert.equal(cells.value(1, 'not read'), '+442079460958');
  });

  test('a column that is never put holds nothing and has no cell', () => {
    const cells = new TypedCells(5);
    assert.equal(cells.has(3), false);
    cells.forget(3);
    assert.throws(() => cells.value(3, ''), RangeError);
  });

  test('the common note costs a code and takes its original from the text; others are kept whole', () => {
    const phone = compileColumn({ key: 'p', label: 'P', type: 'phone', defaultCountry: 'GB' });
    const cells = new TypedCells(2);
    cells.put(0, '020 7946 0958', phone.check('020 7946 0958'));
    cells.put(1, ' 020 7946 0958', phone.check(' 020 7946 0958'));
    assert.equal(cells.originalNote(0), 'phone_normalized');
    assert.equal(cells.otherNotes(0), undefined);
    assert.equal(cells.readsText(0), true);
    assert.equal(cells.originalNote(1), undefined);
    assert.deepEqual(
      cells.otherNotes(1)?.map((n) => n.code),
      ['trimmed', 'phone_normalized'],
    );
    // A number's value needs no text.
    const numbers = new TypedCells(1);
    numbers.put(0, '42', compileColumn({ key: 'n', label: 'N', type: 'number' }).check('42'));
    assert.equal(numbers.readsText(0), false);
    assert.equal(numbers.value(0, ''), 42);
  });

  test('a cell put again holds only its new check; a forgotten cell is not kept', () => {
    const number = compileColumn({ key: 'n', label: 'N', type: 'number' });
    const cells = new TypedCells(3);
    cells.put(1, ' 5 ', number.check(' 5 '));
    assert.equal(cells.value(1, ' 5 '), 5);
    cells.put(1, 'five', number.check('five'));
    assert.equal(cells.isInvalid(1), true);
    assert.equal(cells.value(1, 'five'), 'five');
    assert.equal(cells.notes(1, 'five'), undefined);
    cells.put(1, '6', number.check('6'));
    assert.equal(cells.value(1, '6'), 6);
    assert.equal(cells.has(0), false);
    cells.forget(1);
    assert.equal(cells.has(1), false);
    assert.throws(() => cells.value(1, '6'), RangeError);
    assert.throws(() => cells.put(2, 'other', number.check('five')), RangeError);
  });
});
