import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DateColumn } from '../columns/column-spec.ts';
import { compileDate, compileDateFormat, detectDateOrder, excelSerialToIso } from './date.ts';
import type { ColumnHints } from './parsed.ts';

const date = (extra: Partial<DateColumn> = {}, hints: ColumnHints = {}) =>
  compileDate({ key: 'd', label: 'D', type: 'date', ...extra }, hints);
const value = (parsed: ReturnType<ReturnType<typeof compileDate>>) =>
  parsed.ok ? parsed.value : parsed.code;

describe('date and datetime types', () => {
  test('ISO dates pass unchanged, without a note', () => {
    assert.deepEqual(date()('1815-12-10'), { ok: true, value: '1815-12-10' });
  });

  test('refuses impossible dates: month 13, Feb 30, Feb 29 outside leap years', () => {
    const parse = date();
    assert.equal(value(parse('2024-13-01')), 'invalid_date');
    assert.equal(value(parse('2023-02-29')), 'invalid_date');
    assert.equal(value(parse('1900-02-29')), 'invalid_date');
    assert.equal(value(parse('2024-02-29')), '2024-02-29');
    assert.equal(value(parse('2000-02-29')), '2000-02-29');
    assert.equal(value(parse('not a date')), 'invalid_date');
    assert.equal(value(parse(true)), 'invalid_date');
  });

  test('explicit DD.MM.YYYY and MM/DD/YYYY formats, converted to ISO with the original kept as info', () => {
    const german = date({ formats: ['DD.MM.YYYY'] });
    assert.deepEqual(german('31.12.2023'), {
      ok: true,
      value: '2023-12-31',
      note: { code: 'date_normalized', level: 'info', params: { original: '31.12.2023' } },
    });
    assert.equal(value(german('1.2.2024')), '2024-02-01');
    assert.equal(value(german('29.02.2023')), 'invalid_date');
    assert.equal(value(german('2024-02-01')), '2024-02-01', 'ISO is always accepted');
    assert.equal(value(german('02/01/2024')), 'invalid_date', 'a format the column does not list');
    const us = date({ formats: ['MM/DD/YYYY'] });
    assert.equal(value(us('12/09/1906')), '1906-12-09');
    assert.equal(value(date({ formats: ['D.M.YY'] })('3.4.90')), '1990-04-03');
    assert.equal(value(date({ formats: ['D.M.YY'] })('3.4.24')), '2024-04-03');
  });

  test('without formats, dotted dates are day first and slashed dates follow the detected order', () => {
    assert.equal(value(date()('03.04.1990')), '1990-04-03');
    assert.equal(value(date({}, { dateOrder: 'DMY' })('03/04/1990')), '1990-04-03');
    assert.equal(value(date({}, { dateOrder: 'MDY' })('03/04/1990')), '1990-03-04');
    assert.equal(value(date()('25/12/2023')), '2023-12-25', 'a day above 12 decides by itself');
    assert.equal(value(date()('2024/02/29')), '2024-02-29');
  });

  test('an ambiguous slashed date read without a confirmed order is a warning, not silence', () => {
    assert.deepEqual(date()('12/09/1906'), {
      ok: true,
      value: '1906-12-09',
      note: {
        code: 'date_order_assumed',
        level: 'warning',
        params: { original: '12/09/1906', order: 'MDY', value: '1906-12-09' },
      },
    });
  });

  test("dates written with the month name, in the importer's languages, when the column lists no formats", () => {
    assert.deepEqual(date()('17 Aug 1936'), {
      ok: true,
      value: '1936-08-17',
      note: { code: 'date_normalized', level: 'info', params: { original: '17 Aug 1936' } },
    });
    const parse = date();
    for (const text of [
      '17 August 1936',
      '17-Aug-1936',
      '17-aug-36',
      'Aug 17, 1936',
      'August 17th 1936',
      '17th August 1936',
      '17. August 1936',
      '17 août 1936',
      '17 de agosto de 1936',
      '17. elokuuta 1936',
      '17 Aug. 1936',
    ])
      assert.equal(value(parse(text)), '1936-08-17', text);
    assert.equal(value(parse('3 März 2024')), '2024-03-03');
    assert.equal(value(parse('1 dic 2023')), '2023-12-01');
    assert.equal(value(parse('31 Feb 2024')), 'invalid_date', 'a day the month does not have');
    assert.equal(value(parse('17 Foo 1936')), 'invalid_date', 'not a month');
    assert.equal(value(parse('Aug 1936')), 'invalid_date', 'no day');
    assert.equal(
      value(compileDate({ key: 't', label: 'T', type: 'datetime' })('17 Aug 1936')),
      '1936-08-17T00:00:00',
    );
    assert.equal(
      value(date({ formats: ['DD.MM.YYYY'] })('17 Aug 1936')),
      'invalid_date',
      'a column with formats takes only those',
    );
  });

  test('Excel serial numbers, as text or as spreadsheet numbers, including the 1900 leap-year bug', () => {
    assert.equal(excelSerialToIso(1, false), '1900-01-01');
    assert.equal(excelSerialToIso(59, false), '1900-02-28');
    assert.equal(excelSerialToIso(61, false), '1900-03-01');
    assert.equal(excelSerialToIso(44941, false), '2023-01-15');
    assert.equal(excelSerialToIso(45351.5, true), '2024-02-29T12:00:00');
    assert.equal(excelSerialToIso(0, false), null);
    const parsed = date()('45351');
    assert.deepEqual(parsed, {
      ok: true,
      value: '2024-02-29',
      note: { code: 'excel_serial_date', level: 'info', params: { original: '45351' } },
    });
    assert.equal(value(date()(45078)), '2023-06-01');
  });

  test('datetime reads time of day and keeps an explicit zone; a date column takes midnight only', () => {
    const datetime = compileDate({ key: 't', label: 'T', type: 'datetime' });
    assert.equal(value(datetime('2024-02-29T13:05')), '2024-02-29T13:05:00');
    assert.equal(value(datetime('2024-02-29 13:05:09')), '2024-02-29T13:05:09');
    assert.equal(value(datetime('2024-02-29T13:05:09Z')), '2024-02-29T13:05:09Z');
    assert.equal(value(datetime('2024-02-29T13:05:09+02:00')), '2024-02-29T13:05:09+02:00');
    assert.equal(value(datetime('29.02.2024 7:30')), '2024-02-29T07:30:00');
    assert.equal(value(datetime('2024-02-29T25:00')), 'invalid_datetime');
    assert.equal(value(date()('2024-02-29 00:00:00')), '2024-02-29');
    assert.equal(value(date()('2024-02-29 13:00:00')), 'invalid_date');
  });

  test('min and max bound the value', () => {
    const bounded = date({ min: '2000-01-01', max: '2024-12-31' });
    assert.equal(value(bounded('1999-12-31')), 'too_small');
    assert.equal(value(bounded('2025-01-01')), 'too_large');
    assert.equal(value(bounded('2000-01-01')), '2000-01-01');
  });

  test('detects the day/month order from the column, and says when values do not decide', () => {
    assert.deepEqual(detectDateOrder(['03/04/2024', '25/12/2023']), {
      order: 'DMY',
      ambiguous: false,
      examples: ['25/12/2023', '03/04/2024'],
    });
    assert.deepEqual(detectDateOrder(['12/31/2023', '01/02/2024']), {
      order: 'MDY',
      ambiguous: false,
      examples: ['12/31/2023', '01/02/2024'],
    });
    assert.deepEqual(detectDateOrder(['03/04/2024', '01/02/2024']), {
      order: null,
      ambiguous: true,
      examples: ['03/04/2024', '01/02/2024'],
    });
    assert.deepEqual(detectDateOrder(['31/01/2024', '01/31/2024']), {
      order: null,
      ambiguous: true,
      examples: ['31/01/2024', '01/31/2024'],
    });
    assert.deepEqual(detectDateOrder(['2024-01-01']), { order: null, ambiguous: false, examples: [] });
  });

  test('a day above 12 in one cell makes the whole column day first; equal day and month ask nothing', () => {
    const column = ['15/03/2024', '28/02/2024', '04/03/2024'];
    const { order, ambiguous } = detectDateOrder(column);
    assert.deepEqual([order, ambiguous], ['DMY', false]);
    assert.equal(value(date({}, { dateOrder: order! })('04/03/2024')), '2024-03-04');
    assert.deepEqual(detectDateOrder(['03/03/2024', '01/01/24', '24.12.2024']), {
      order: null,
      ambiguous: false,
      examples: [],
    });
  });

  test('a format without day, month or year is refused', () => {
    assert.throws(() => compileDateFormat('MM/YYYY'), /needs a year/);
    assert.throws(() => date({ formats: ['HH:mm'] }), /column "d"/);
  });
});
