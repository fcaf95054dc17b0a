import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ISSUE_CODES } from '@csv-importer/core';
import { en, UNTRANSLATED } from './catalogs/en.ts';
import { CATALOGS, catalogLanguage, Translator } from './i18n.ts';

const CORE_ISSUES = ['issue.required', 'issue.invalid_email', 'issue.duplicate', 'issue.invalid'];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  test('ship the twelve languages the importer promises', () => {
    assert.deepEqual(Object.keys(CATALOGS).sort(), [
      'ar',
      'da',
      'de',
      'en',
      'es',
      'fi',
      'fr',
      'it',
      'nb',
      'nl',
      'pt',
      'sv',
    ]);
  });

  for (const [language, catalog] of Object.entries(CATALOGS)) {
    test(`${language}: every message of English, with the same placeholders, and no stray keys`, () => {
      for (const [key, text] of Object.entries(en)) {
        const translated = (catalog as Record<string, string>)[key];
        const optional =
          key.endsWith('.one') ||
          (key.startsWith('issue.') && !CORE_ISSUES.includes(key)) ||
          (UNTRANSLATED as readonly string[]).includes(key);
        if (optional && translated === undefined) continue;
        assert.equal(typeof translated, 'string', `${language} lacks ${key}`);
        assert.notEqual(translated!.trim(), '', `${language} ${key} is empty`);
        assert.deepEqual(placeholders(translated!), placeholders(text), `${language} ${key}`);
      }
      for (const key of Object.keys(catalog)) assert.ok(key in en, `${language} has unknown key ${key}`);
    });
  }
});

describe('Translator', () => {
  test('picks the catalog from a BCP 47 tag, Norwegian variants included, English otherwise', () => {
    assert.equal(catalogLanguage('de-AT'), 'de');
    assert.equal(catalogLanguage('no'), 'nb');
    assert.equal(catalogLanguage('nn-NO'), 'nb');
    assert.equal(catalogLanguage('pt_BR'), 'pt');
    assert.equal(catalogLanguage('xx'), 'en');
    assert.equal(catalogLanguage(undefined), 'en');
  });

  test('formats numbers in placeholders the way the locale writes them', () => {
    assert.equal(new Translator('de-DE').t('review.errors', { count: 1234 }), '1.234 Fehler');
    assert.equal(new Translator('en').t('review.errors', { count: 1234 }), '1,234 errors');
    assert.equal(new Translator('fr').t('upload.maxRows', { rows: 5000 }), 'Jusqu’à 5\u202f000 lignes');
  });

  test('uses the singular form where the locale says one, and never leaks English singulars', () => {
    assert.equal(new Translator('en').t('review.errors', { count: 1 }), '1 error');
    assert.equal(new Translator('en').t('review.submit', { rowCount: 1 }), 'Import 1 row');
    assert.equal(new Translator('de').t('review.submit', { rowCount: 1 }), '1 Zeile importieren');
    assert.equal(new Translator('fi').t('review.errors', { count: 1 }), 'Virheitä: 1');
  });

  test('lays Arabic out right to left', () => {
    assert.equal(new Translator('ar').dir, 'rtl');
    assert.equal(new Translator('ar-EG').t('common.back'), 'رجوع');
    assert.equal(new Translator('de').dir, 'ltr');
  });

  test('has an English message for every issue code the engine reports', () => {
    for (const code of ISSUE_CODES) {
      if (
        ['trimmed', 'option_normalized', 'date_normalized', 'excel_serial_date', 'phone_normalized'].includes(
          code,
        )
      )
        continue;
      if (['number_normalized', 'boolean_normalized', 'default_applied'].includes(code)) continue;
      assert.ok(`issue.${code}` in en, `issue.${code}`);
    }
  });

  test('lets the application override any string, and falls back for unknown issue codes', () => {
    const t = new Translator('de', { 'upload.title': 'Kundenliste hochladen' });
    assert.equal(t.t('upload.title'), 'Kundenliste hochladen');
    assert.equal(t.issue('invalid_email'), 'Dies ist keine gültige E-Mail-Adresse.');
    assert.equal(t.issue('no_such_code'), 'Dieser Wert ist ungültig.');
  });
});
