import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cellKey, keyMove } from './grid-keys.ts';

const key = (k: string, mod = false) => ({ key: k, ctrlKey: mod, metaKey: false }) as KeyboardEvent;
const at = { position: 5, field: 2 };
const ltr = { rtl: false, page: 10, total: 100, fields: 6 };

describe('grid keyboard moves', () => {
  test('arrows, pages, Home and End by the ARIA grid pattern', () => {
    assert.deepEqual(keyMove(key('ArrowDown'), at, ltr), { position: 6, field: 2 });
    assert.deepEqual(keyMove(key('ArrowUp'), at, ltr), { position: 4, field: 2 });
    assert.deepEqual(keyMove(key('ArrowRight'), at, ltr), { position: 5, field: 3 });
    assert.deepEqual(keyMove(key('PageDown'), at, ltr), { position: 15, field: 2 });
    assert.deepEqual(keyMove(key('Home'), at, ltr), { position: 5, field: -1 }, 'to the row header');
    assert.deepEqual(keyMove(key('End'), at, ltr), { position: 5, field: 5 });
    assert.deepEqual(keyMove(key('Home', true), at, ltr), { position: 0, field: 2 });
    assert.deepEqual(keyMove(key('End', true), at, ltr), { position: 99, field: 2 });
    assert.equal(keyMove(key('Enter'), at, ltr), null);
  });

  test('right to left, the arrows follow what the user sees', () => {
    const rtl = { ...ltr, rtl: true };
    assert.deepEqual(keyMove(key('ArrowRight'), at, rtl), { position: 5, field: 1 });
    assert.deepEqual(keyMove(key('ArrowLeft'), at, rtl), { position: 5, field: 3 });
  });
});

describe('grid keys on a cell', () => {
  const press = (k: string, mods: Partial<KeyboardEvent> = {}) =>
    cellKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods } as KeyboardEvent);

  test('Enter and F2 edit, Delete clears, a printable character starts typing; shortcuts and other keys do nothing', () => {
    assert.equal(press('Enter'), 'edit');
    assert.equal(press('F2'), 'edit');
    assert.equal(press('Delete'), 'clear');
    assert.equal(press('a'), 'type');
    assert.equal(press('ü'), 'type');
    assert.equal(press(' '), 'type');
    assert.equal(press('c', { ctrlKey: true }), null, 'Ctrl+C copies, it does not type');
    assert.equal(press('v', { metaKey: true }), null);
    assert.equal(press('x', { altKey: true }), null);
    assert.equal(press('Tab'), null);
    assert.equal(press('Backspace'), null);
  });
});
