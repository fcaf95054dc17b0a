import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ISSUE_CODES } from '@csv-importer/core';
import { localeLanguage } from '@csv-importer/protocol';
import { ALL_CATALOGS as CATALOGS } from './all-catalogs.ts';
import { en } from './catalogs/en.ts';
import { BUILT_IN_LANGUAGES, catalogLanguage, missingLocale, Translator } from './i18n.ts';

/** A translator for `locale` given its catalog, as the host adds it (the frame has English only). */
const translator = (locale: string, overrides: Record<string, string> = {}) => {
  const language = localeLanguage(locale);
  return new Translator(locale, overrides, { language, messages: CATALOGS[language]! });
};

const COUNTS = ['count', 'rowCount'];
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
      const missing = Object.keys(en).filter(
        (key) => typeof (catalog as Record<string, unknown>)[key] !== 'string',
      );
      assert.deepEqual(missing, [], `${language} lacks messages`);
      for (const [key, text] of Object.entries(en)) {
        const translated = (catalog as Record<string, string>)[key]!;
        assert.notEqual(translated.trim(), '', `${language} ${key} is empty`);
        // A singular form may spell the number out ("صف واحد") instead of showing {count}.
        const spelledOut = (name: string | undefined) =>
          key.endsWith('.one') && COUNTS.includes(name!) && !translated.includes(`{${name}}`);
        const expected = placeholders(text).filter((name) => !spelledOut(name));
        assert.deepEqual(placeholders(translated), expected, `${language} ${key}`);
      }
      for (const key of Object.keys(catalog)) assert.ok(key in en, `${language} has unknown key ${key}`);
    });
  }

  test('a singular form may spell out the count only where the locale\'s "one" means exactly 1', () => {
    for (const [language, catalog] of Object.entries(CATALOGS)) {
      const plurals = new Intl.PluralRules(language);
      const oneIsOnlyOne = [0, 2, 21, 101, 1.5].every((n) => plurals.select(n) !== 'one');
      if (oneIsOnlyOne) continue;
      for (const [key, text] of Object.entries(catalog)) {
        const count = placeholders(en[key as keyof typeof en]).find((name) => COUNTS.includes(name!));
        if (key.endsWith('.one') && count) assert.ok(text.includes(`{${count}}`), `${language} ${key}`);
      }
    }
  });
});

describe('Translator', () => {
  test('picks the catalog from a BCP 47 tag, Norwegian variants included, English otherwise', () => {
    assert.equal(localeLanguage('de-AT'), 'de');
    assert.equal(localeLanguage('no'), 'nb');
    assert.equal(localeLanguage('nn-NO'), 'nb');
    assert.equal(localeLanguage('pt_BR'), 'pt');
    assert.equal(catalogLanguage('de-AT', { language: 'de' }), 'de');
    assert.equal(catalogLanguage('pt_BR', { language: 'pt' }), 'pt');
    assert.equal(catalogLanguage('xx'), 'en');
    assert.equal(catalogLanguage(undefined), 'en');
  });

  test('the default frame has English built in only; another language without its catalog is English, and missing', () => {
    assert.deepEqual(BUILT_IN_LANGUAGES, ['en']);
    const fallback = new Translator('de-DE');
    assert.equal(fallback.language, 'en');
    assert.equal(fallback.missing, 'de');
    assert.equal(fallback.locale, 'en');
    assert.equal(fallback.t('review.errors', { count: 1234 }), '1,234 errors');
    assert.equal(new Translator('ar').dir, 'ltr');
    assert.match(missingLocale('de'), /locales\/de\.iife\.js.*registerLocale\(de\)/);
    assert.equal(translator('de-DE').missing, undefined);
    assert.equal(new Translator('en-GB').missing, undefined);
    // A catalog of another language than the locale's is not used.
    const other = new Translator('fr', {}, { language: 'de', messages: CATALOGS.de! });
    assert.equal(other.language, 'en');
    assert.equal(other.missing, 'fr');
  });

  test('formats numbers in placeholders the way the locale writes them', () => {
    assert.equal(translator('de-DE').t('review.errors', { count: 1234 }), '1.234 Fehler');
    assert.equal(new Translator('en').t('review.errors', { count: 1234 }), '1,234 errors');
    assert.equal(translator('fr').t('upload.maxRows', { rows: 5000 }), 'Jusqu’à 5\u202f000 lignes');
  });

  test('uses the singular form where the locale says one', () => {
    assert.equal(new Translator('en').t('review.errors', { count: 1 }), '1 error');
    assert.equal(new Translator('en').t('review.submit', { rowCount: 1 }), 'Import 1 row');
    assert.equal(translator('de').t('review.submit', { rowCount: 1 }), '1 Zeile importieren');
    assert.equal(translator('fi').t('review.errors', { count: 1 }), '1 virhe');
    assert.equal(translator('fi').t('review.errors', { count: 2 }), 'Virheitä: 2');
    assert.equal(translator('fr').t('submit.toImport', { count: 0 }), '0 ligne sera importée.');
    assert.equal(translator('ar').t('review.submit', { rowCount: 1 }), 'استيراد صف واحد');
    assert.equal(
      translator('ar').t('review.submit', { rowCount: 2 }),
      `استيراد ${new Intl.NumberFormat('ar').format(2)} صف`,
    );
  });

  test('writes byte counts in words, with the plural the count takes', () => {
    const en = new Translator('en');
    assert.equal(en.bytes(1), '1 byte');
    assert.equal(en.bytes(1000), '1,000 bytes');
    assert.equal(en.bytes(1536), '1.5 kilobytes');
    assert.equal(en.bytes(2 ** 20), '1 megabyte');
    assert.equal(en.bytes(20 * 2 ** 20), '20 megabytes');
    assert.equal(
      en.t('error.too_large', { size: en.bytes(1000) }),
      'The file is larger than 1,000 bytes. Split it into smaller files.',
    );
    assert.equal(translator('de').bytes(1000), '1.000 Byte');
    assert.equal(translator('de').bytes(20 * 2 ** 20), '20 Megabyte');
    assert.equal(translator('fr').bytes(1000), '1\u202f000\u00a0octets');
    assert.equal(translator('fr').bytes(20 * 2 ** 20), '20\u00a0mégaoctets');
    assert.equal(translator('fi').bytes(1), '1 tavu');
    assert.equal(translator('fi').bytes(1.5 * 2 ** 20), '1,5 megatavua');
  });

  test('lays Arabic out right to left', () => {
    assert.equal(translator('ar').dir, 'rtl');
    assert.equal(translator('ar-EG').t('common.back'), 'رجوع');
    assert.equal(translator('de').dir, 'ltr');
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
    const t = translator('de', { 'upload.title': 'Kundenliste hochladen' });
    assert.equal(t.t('upload.title'), 'Kundenliste hochladen');
    assert.equal(t.issue('invalid_email'), 'Dies ist keine gültige E-Mail-Adresse.');
    assert.equal(t.issue('no_such_code'), 'Dieser Wert ist ungültig.');
  });
});
