import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnSpec } from '@csv-importer/core';
import { HintAnswers, hintViews } from './hint-views.ts';

const AMOUNT: ColumnSpec = { key: 'amount', label: 'Amount', type: 'number' };
const PRICE: ColumnSpec = { key: 'price', label: 'Price', type: 'number' };
const DAY: ColumnSpec = { key: 'day', label: 'Day', type: 'date' };
const NAME: ColumnSpec = { key: 'name', label: 'Name' };

describe('hintViews', () => {
  test('asks what the file leaves open, naming a cell that reads both ways', () => {
    const [view, ...rest] = hintViews(
      [NAME, AMOUNT],
      { amount: { applied: {}, confirm: ['decimalSeparator'], examples: ['1,234', '2,500'] } },
      {},
      {
        amount: [
          [1.234, 1234],
          [2.5, 2500],
        ],
      },
    );
    assert.equal(rest.length, 0);
    assert.equal(view!.ask, true);
    assert.equal(view!.value, '.', 'the default applies until the user answers');
    assert.deepEqual(view!.example, { text: '1,234', readings: [1.234, 1234] });
    assert.equal(view!.twoWays, true);
    assert.deepEqual(view!.others, ['2,500']);
  });

  test('states a decimal comma and a detected day-first order; a plain decimal point goes unsaid', () => {
    const views = hintViews(
      [AMOUNT, PRICE, DAY],
      {
        amount: { applied: { decimalSeparator: ',' }, confirm: [], examples: ['1.234,56', '987,00'] },
        price: { applied: { decimalSeparator: '.' }, confirm: [], examples: ['0.5'] },
        day: { applied: { dateOrder: 'DMY' }, confirm: [], examples: ['15/03/2024', '04/03/2024'] },
      },
      {},
      {
        amount: [
          [1234.56, null],
          [987, null],
        ],
        price: [[null, 0.5]],
        day: [
          ['2024-03-15', '2024-03-15'],
          ['2024-03-04', '2024-04-03'],
        ],
      },
    );
    assert.deepEqual(
      views.map((v) => [v.field.key, v.value, v.ask, v.example.text]),
      [
        ['amount', ',', false, '1.234,56'],
        ['day', 'DMY', false, '04/03/2024'],
      ],
    );
  });

  test("the user's answer applies and closes the question", () => {
    const [view] = hintViews(
      [DAY],
      { day: { applied: {}, confirm: ['dateOrder'], examples: ['04/03/2024'] } },
      { day: { dateOrder: 'DMY' } },
      { day: [['2024-03-04', '2024-04-03']] },
    );
    assert.deepEqual([view!.value, view!.ask, view!.byUser], ['DMY', false, true]);
  });
});

describe('HintAnswers', () => {
  test('keeps each answer with the column it was given for', () => {
    const answers = new HintAnswers();
    answers.set('amount', 3, 'decimalSeparator', ',');
    answers.set('day', 1, 'dateOrder', 'DMY');
    assert.deepEqual(answers.forMapping({ amount: 3, day: 1 }), {
      amount: { decimalSeparator: ',' },
      day: { dateOrder: 'DMY' },
    });
    assert.deepEqual(answers.forMapping({ amount: 4, day: 1 }), { day: { dateOrder: 'DMY' } });
    answers.clear();
    assert.deepEqual(answers.forMapping({ amount: 3, day: 1 }), {});
  });
});
