import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { ColumnSpec } from '../columns/column-spec.ts';
import { compileColumn, compileColumnWithHints, validateCells, validateRow } from './validate.ts';

describe('compileColumn', () => {
  test('empty cells are null, a required error, or the default reported as info', () => {
    assert.deepEqual(compileColumn({ key: 'a', label: 'A' }).check('  '), { ok: true, value: null });
    assert.deepEqual(compileColumn({ key: 'a', label: 'A' }).check(undefined), { ok: true, value: null });
    assert.deepEqual(compileColumn({ key: 'a', label: 'A', required: true }).check(''), {
      ok: false,
      code: 'required',
      value: '',
    });
    assert.deepEqual(compileColumn({ key: 'n', label: 'N', type: 'number', default: 1 }).check(null), {
      ok: true,
      value: 1,
      notes: [{ code: 'default_applied', level: 'info', params: { value: '1' } }],
    });
  });

  test('trimming is an auto-fix reported as info with the original, unless the string column opts out', () => {
    assert.deepEqual(compileColumn({ key: 'a', label: 'A' }).check(' Ada '), {
      ok: true,
      value: 'Ada',
      notes: [{ code: 'trimmed', level: 'info', params: { original: ' Ada ' } }],
    });
    assert.deepEqual(compileColumn({ key: 'a', label: 'A', trim: false }).check(' Ada '), {
      ok: true,
      value: ' Ada ',
    });
  });

  test('an invalid cell keeps the user text and carries the custom message', () => {
    const email = compileColumn({
      key: 'e',
      label: 'E',
      type: 'email',
      messages: { invalid_email: 'Work address, please' },
    });
    assert.deepEqual(email.check('linus@'), {
      ok: false,
      code: 'invalid_email',
      value: 'linus@',
      params: { message: 'Work address, please' },
    });
  });

  test('hints change how cells read: decimal comma, day-first dates, select value mapping', () => {
    const hinted = (spec: ColumnSpec, raw: string) => {
      const result = compileColumnWithHints(spec, {
        decimalSeparator: ',',
        dateOrder: 'DMY',
        valueMap: { gold: 'pro' },
      }).check(raw);
      return result.ok ? result.value : result.code;
    };
    assert.equal(hinted({ key: 'n', label: 'N', type: 'number' }, '1.234,56'), 1234.56);
    assert.equal(hinted({ key: 'd', label: 'D', type: 'date' }, '03/04/2024'), '2024-04-03');
    assert.equal(hinted({ key: 's', label: 'S', type: 'select', options: ['free', 'pro'] }, 'gold'), 'pro');
  });

  test('is safe to pass to Array.prototype.map (the index is not taken for hints)', () => {
    const columns: ColumnSpec[] = [{ key: 'n', label: 'N', type: 'number' }];
    const [compiled] = columns.map(compileColumn);
    assert.deepEqual(compiled!.check('1.5'), { ok: true, value: 1.5 });
  });

  test('acceptsAnyText: a text column without required or length limits finds nothing wrong with any text', () => {
    const open: ColumnSpec[] = [
      { key: 'a', label: 'A' },
      { key: 'a', label: 'A', type: 'string', trim: false },
      { key: 'a', label: 'A', default: 'none' },
      { key: 'a', label: 'A', required: false },
    ];
    const closed: ColumnSpec[] = [
      { key: 'a', label: 'A', required: true },
      { key: 'a', label: 'A', maxLength: 3 },
      { key: 'a', label: 'A', minLength: 0 },
      { key: 'a', label: 'A', type: 'email' },
      { key: 'a', label: 'A', type: 'select', options: ['x'] },
      { key: 'a', label: 'A', type: 'number' },
    ];
    assert.deepEqual(
      closed.map((c) => compileColumn(c).acceptsAnyText),
      closed.map(() => false),
    );
    for (const spec of open) {
      const column = compileColumn(spec);
      assert.equal(column.acceptsAnyText, true, JSON.stringify(spec));
      const textWithSpaces = fc.tuple(
        fc.constantFrom('', ' ', '\t', '\u00a0'),
        fc.string({ unit: 'grapheme' }),
      );
      fc.assert(
        fc.property(textWithSpaces, ([space, text]) => {
          const result = column.check(`${space}${text}${space}`);
          return result.ok && (result.notes ?? []).every((note) => note.level === 'info');
        }),
      );
    }
  });
});

describe('validateRow', () => {
  const specs: ColumnSpec[] = [
    { key: 'name', label: 'Name', required: true },
    { key: 'seats', label: 'Seats', type: 'integer', min: 1 },
    { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro'] },
    {
      key: 'end',
      label: 'End',
      type: 'date',
      validate: (value, record) =>
        typeof record.start === 'string' && String(value) < record.start ? 'End before start' : null,
    },
    { key: 'start', label: 'Start', type: 'date' },
  ];
  const columns = specs.map(compileColumn);

  test('returns typed values and every issue, errors and auto-fixes, without touching the cells', () => {
    const cells = Object.freeze(['', '-3', 'Pro', '2024-01-01', '2024-02-01']);
    const { record, issues } = validateRow(columns, cells, 7);
    assert.deepEqual(record, {
      name: null,
      seats: '-3',
      plan: 'pro',
      end: '2024-01-01',
      start: '2024-02-01',
    });
    assert.deepEqual(issues, [
      { row: 7, column: 'name', code: 'required', level: 'error' },
      { row: 7, column: 'seats', code: 'too_small', level: 'error', params: { min: 1 } },
      {
        row: 7,
        column: 'plan',
        code: 'option_normalized',
        level: 'info',
        params: { original: 'Pro', value: 'pro' },
      },
      { row: 7, column: 'end', code: 'custom', level: 'error', params: { message: 'End before start' } },
    ]);
    assert.deepEqual(cells, ['', '-3', 'Pro', '2024-01-01', '2024-02-01']);
  });

  test('takes typed spreadsheet cells and delivers JSON-like values only', () => {
    const { record, issues } = validateRow(columns, ['Ada', 5, 'free', 45351, null], 0);
    assert.deepEqual(record, { name: 'Ada', seats: 5, plan: 'free', end: '2024-02-29', start: null });
    assert.deepEqual(
      issues.map((i) => i.code),
      ['excel_serial_date'],
    );
    assert.deepEqual(JSON.parse(JSON.stringify(record)), record);
  });

  test('a custom validator that throws becomes an error issue, not a crash', () => {
    const throwing = compileColumn({
      key: 'x',
      label: 'X',
      validate: () => {
        throw new Error('boom');
      },
    });
    assert.deepEqual(validateRow([throwing], ['a'], 0).issues, [
      { row: 0, column: 'x', code: 'custom', level: 'error', params: { message: 'boom' } },
    ]);
    const warning = compileColumn({
      key: 'x',
      label: 'X',
      validate: () => ({ level: 'warning', message: 'odd' }),
    });
    assert.deepEqual(validateRow([warning], ['a'], 0).issues, [
      { row: 0, column: 'x', code: 'custom', level: 'warning', params: { message: 'odd' } },
    ]);
  });
});

describe('validateCells', () => {
  test('writes typed values into a reused array, appends issues, returns the error count', () => {
    const specs: ColumnSpec[] = [
      { key: 'n', label: 'N', type: 'number', max: 5 },
      { key: 'p', label: 'P', type: 'select', options: ['a'] },
      { key: 'x', label: 'X', validate: (value) => (value === 'bad' ? 'no' : null) },
    ];
    const columns = specs.map(compileColumn);
    const values: (string | number | boolean | string[] | null)[] = [];
    const issues: import('../issues/issue.ts').Issue[] = [];
    assert.equal(validateCells(columns, ['3', 'A', 'ok'], 0, values, issues), 0);
    assert.deepEqual(values, [3, 'a', 'ok']);
    assert.equal(validateCells(columns, ['9', 'a', 'bad'], 1, values, issues), 2);
    assert.deepEqual(values, ['9', 'a', 'bad']);
    assert.deepEqual(
      issues.map((i) => [i.row, i.column, i.code, i.level]),
      [
        [0, 'p', 'option_normalized', 'info'],
        [1, 'n', 'too_large', 'error'],
        [1, 'x', 'custom', 'error'],
      ],
    );
  });
});
