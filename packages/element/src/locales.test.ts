import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { registeredLocale, registerLocale } from './locales.ts';

describe('registerLocale', () => {
  test('adds a catalog every copy of the element and every companion script shares', () => {
    const messages = { 'upload.title': 'Datei hochladen' };
    registerLocale({ language: 'de', messages });
    assert.deepEqual(registeredLocale('de'), { language: 'de', messages });
    // A companion script registers through the same global, whichever copy of the element loads.
    const global = globalThis as unknown as { CsvImporterLocales: Record<string, unknown> };
    assert.deepEqual(global.CsvImporterLocales.de, { language: 'de', messages });
    assert.equal(registeredLocale('fr'), undefined);
  });

  test('refuses what is not a catalog, and a tag that is not a bare language', () => {
    assert.throws(() => registerLocale(undefined as never), /expected \{ language, messages \}/);
    assert.throws(() => registerLocale({ language: 'de' } as never), /expected \{ language, messages \}/);
    assert.throws(() => registerLocale({ language: 'de-AT', messages: {} }), /not a language subtag/);
    assert.throws(() => registerLocale({ language: 'DE', messages: {} }), /not a language subtag/);
  });
});
