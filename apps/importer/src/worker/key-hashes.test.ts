import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { KeyHashes } from './key-hashes.ts';

describe('KeyHashes', () => {
  test('says which keys were added before, through the table growing many times', () => {
    const keys = new KeyHashes();
    for (let i = 0; i < 200_000; i++) assert.equal(keys.add(`user${i}@example.com`), false);
    assert.equal(keys.size, 200_000);
    for (let i = 0; i < 200_000; i += 997) assert.equal(keys.add(`user${i}@example.com`), true);
    assert.equal(keys.size, 200_000);
    assert.equal(keys.has('user199999@example.com'), true);
    assert.equal(keys.has('user200000@example.com'), false);
    // Keys that differ only in order, case, length or a code unit above the byte range.
    for (const key of ['ab', 'ba', 'AB', 'abc', 'a\u0100b', '']) assert.equal(keys.add(key), false, key);
    for (const key of ['ab', 'ba', 'AB', 'abc', 'a\u0100b', '']) assert.equal(keys.has(key), true, key);
  });
});
