import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { type ColumnSpec, ColumnSpecError, type RowOf } from './column-spec.ts';
import { assertColumns, defineColumns } from './define-columns.ts';

/** Compile-time equality: `expectType<A, B>(true)` fails to type-check unless A and B are the same. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const expectType = <A, B>(ok: Equal<A, B>) => assert.equal(ok, true);

const refuses = (columns: unknown, column: string | null, pattern: RegExp) =>
  assert.throws(
    () => assertColumns(columns as ColumnSpec[]),
    (e: unknown) => e instanceof ColumnSpecError && e.column === column && pattern.test(e.message),
  );

describe('defineColumns', () => {
  test('infers the typed row: numbers, booleans, option unions, string[] for multi-select, null unless required', () => {
    const columns = defineColumns([
      { key: 'name', label: 'Name', required: true },
      { key: 'seats', label: 'Seats', type: 'integer' },
      { key: 'active', label: 'Active', type: 'boolean', default: false },
      {
        key: 'plan',
        label: 'Plan',
        type: 'select',
        options: ['free', { value: 'pro', label: 'Pro' }],
        required: true,
      },
      { key: 'tags', label: 'Tags', type: 'select', options: ['a', 'b'], multiple: true },
      { key: 'born', label: 'Born', type: 'date' },
    ] as const);
    type Row = RowOf<typeof columns>;
    expectType<
      Row,
      {
        name: string;
        seats: number | null;
        active: boolean;
        plan: 'free' | 'pro';
        tags: ('a' | 'b')[] | null;
        born: string | null;
      }
    >(true);
    assert.equal(columns.length, 6);
  });

  test('an unknown type fails at definition time, naming the column', () => {
    refuses([{ key: 'age', label: 'Age', type: 'numbr' }], 'age', /column "age": unknown type "numbr"/);
  });

  test('a duplicate key fails, naming it', () => {
    refuses(
      [
        { key: 'email', label: 'E-mail' },
        { key: 'email', label: 'Mail' },
      ],
      'email',
      /column "email": duplicate key/,
    );
  });

  test('__proto__, constructor and prototype are refused as keys, naming the key', () => {
    for (const key of ['__proto__', 'constructor', 'prototype'])
      refuses(
        [
          { key: 'ok', label: 'OK' },
          { key, label: 'Label' },
        ],
        key,
        new RegExp(`column "${key}": the key "${key}" is reserved`),
      );
    // As data (JSON.parse makes `__proto__` an own key, as a message from the host would).
    refuses(JSON.parse('[{"key":"__proto__","label":"P"}]'), '__proto__', /reserved/);
    assert.doesNotThrow(() =>
      assertColumns([
        { key: 'toString', label: 'To string' },
        { key: 'proto', label: 'Proto' },
      ]),
    );
  });

  test('a regex that does not compile fails, naming the column', () => {
    refuses([{ key: 'zip', label: 'ZIP', type: 'regex', pattern: '[0-9' }], 'zip', /column "zip": pattern/);
  });

  test('other broken specs fail with the column named', () => {
    refuses([], null, /non-empty array/);
    refuses([{ label: 'x' }], null, /column #1: key/);
    refuses([{ key: 'a', label: '' }], 'a', /label/);
    refuses([{ key: 'n', label: 'N', type: 'number', min: 5, max: 1 }], 'n', /min is above max/);
    refuses([{ key: 's', label: 'S', type: 'select', options: [] }], 's', /options/);
    refuses([{ key: 'd', label: 'D', type: 'date', formats: ['YYYY'] }], 'd', /needs a year/);
    refuses([{ key: 'p', label: 'P', type: 'phone', defaultCountry: 'ZZ' }], 'p', /defaultCountry/);
    refuses([{ key: 'v', label: 'V', validate: 'nope' }], 'v', /validate must be a function/);
  });
});
