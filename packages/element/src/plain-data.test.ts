import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reactive } from 'vue';
import { PlainDataError, toPlainData } from './plain-data.ts';

const columns = [
  {
    key: 'email',
    label: 'E-mail',
    type: 'email',
    required: true,
    validate: (v: unknown) => (v ? null : 'empty'),
  },
  {
    key: 'plan',
    label: 'Plan',
    type: 'select',
    options: [{ value: 'pro', label: 'Pro', alternates: ['P'] }],
  },
];
const withoutValidate = (_path: string, key: string) => key === 'validate';
const plain = [
  { key: 'email', label: 'E-mail', type: 'email', required: true },
  {
    key: 'plan',
    label: 'Plan',
    type: 'select',
    options: [{ value: 'pro', label: 'Pro', alternates: ['P'] }],
  },
];

/** What a MobX observable or another library's state looks like to structured cloning: a proxy. */
function deepProxy<T extends object>(target: T): T {
  return new Proxy(target, {
    get: (object, key, receiver) => {
      const value = Reflect.get(object, key, receiver);
      return typeof value === 'object' && value !== null ? deepProxy(value) : value;
    },
  });
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('toPlainData', () => {
  test('copies Vue reactive state, proxies and frozen objects into data structuredClone accepts', () => {
    for (const [name, value] of [
      ['Vue reactive', reactive(structuredClone(plain))],
      ['a deep proxy', deepProxy(structuredClone(plain))],
    ] as const) {
      assert.throws(() => structuredClone(value), /could not be cloned/, name);
      assert.deepEqual(structuredClone(toPlainData(value, 'columns')), plain, name);
    }
    // With the columns' `validate` functions, which stay in the page.
    for (const [name, value] of [
      ['Vue reactive', reactive(columns)],
      ['a deep proxy', deepProxy(columns)],
      ['frozen', deepFreeze(structuredClone(plain))],
    ] as const) {
      const copy = toPlainData(value, 'columns', withoutValidate);
      assert.deepEqual(structuredClone(copy), plain, name);
    }
  });

  test('a value that cannot cross names the property and its path', () => {
    const cases: [unknown, string][] = [
      [
        [
          { key: 'a', label: 'A' },
          { key: 'b', label: Symbol('B') },
        ],
        'columns[1].label: a symbol',
      ],
      [
        [{ key: 'p', label: 'P', type: 'select', options: [{ value: 'x', label: () => 'X' }] }],
        'columns[0].options[0].label: a function',
      ],
      [[{ key: 'd', label: 'D', default: new Date(0) }], 'columns[0].default: a Date'],
      [[{ key: 'n', label: 'N', min: 1n }], 'columns[0].min: a bigint'],
    ];
    for (const [value, message] of cases) {
      assert.throws(
        () => toPlainData(value, 'columns', withoutValidate),
        (e: unknown) => e instanceof PlainDataError && e.message.startsWith(message),
        message,
      );
    }
    const cycle: Record<string, unknown> = { tenant: 'acme' };
    cycle.self = cycle;
    assert.throws(() => toPlainData(cycle, 'metadata'), /^PlainDataError: metadata\.self: refers to itself/);
    const shared = ['a', 'b'];
    assert.deepEqual(toPlainData({ x: shared, y: shared }, 'metadata'), { x: ['a', 'b'], y: ['a', 'b'] });
  });
});
