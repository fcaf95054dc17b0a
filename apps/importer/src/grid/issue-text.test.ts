import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import type { ColumnSpec } from '@csv-importer/core';
import { ALL_CATALOGS } from '../i18n/all-catalogs.ts';
import { setTranslator, Translator } from '../i18n/i18n.ts';
import { cellMessage } from './issue-text.ts';

const plan: ColumnSpec = {
  key: 'plan',
  label: 'Plan',
  type: 'select',
  options: ['Free', { value: 'pro', label: 'Pro' }, 'Team', 'Business', 'Enterprise', 'Education', 'Student'],
};
const born: ColumnSpec = { key: 'born', label: 'Born', type: 'date' };

describe('a cell issue as the user reads it', () => {
  afterEach(() => setTranslator(new Translator('en')));

  test('an option that is not allowed lists the first five options by label and how many more', () => {
    const issue = { code: 'invalid_option', level: 'error' as const, params: { value: 'Gold' } };
    assert.equal(
      cellMessage(issue, plan),
      '“Gold” is not one of the allowed options. Allowed: Free, Pro, Team, Business, Enterprise, or 2 more.',
    );
    const few: ColumnSpec = { key: 'p', label: 'P', type: 'select', options: ['Free', 'Pro'] };
    assert.equal(cellMessage(issue, few), '“Gold” is not one of the allowed options. Allowed: Free or Pro.');
  });

  test('a duplicate names the row of the first copy, counted from 1 as the grid numbers rows', () => {
    const issue = { code: 'duplicate', level: 'error' as const, params: { firstRow: 11 } };
    assert.equal(cellMessage(issue, plan), 'Same as row 12: this value must be unique.');
  });

  test('a date that is not one says how to write it: the field’s formats, else ISO', () => {
    const issue = { code: 'invalid_date', level: 'error' as const };
    assert.equal(cellMessage(issue, born), 'This is not a valid date. Write it as YYYY-MM-DD.');
    const german: ColumnSpec = { ...born, formats: ['DD.MM.YYYY', 'D.M.YY'] } as ColumnSpec;
    assert.equal(cellMessage(issue, german), 'This is not a valid date. Write it as DD.MM.YYYY or D.M.YY.');
  });

  test('a date read with an assumed order says the reading in words, in the user’s language', () => {
    const issue = {
      code: 'date_order_assumed',
      level: 'warning' as const,
      params: { original: '04/03/2024', order: 'MDY', value: '2024-04-03' },
    };
    assert.equal(
      cellMessage(issue, born),
      'Read 04/03/2024 as April 3, 2024 (month first). If that is wrong, change how dates are read above the grid.',
    );
    // The default frame has English only; German comes as a host adds it.
    setTranslator(new Translator('de', {}, { language: 'de', messages: ALL_CATALOGS.de! }));
    assert.equal(
      cellMessage({ ...issue, params: { ...issue.params, order: 'DMY', value: '2024-03-04' } }, born),
      '04/03/2024 wurde als 4. März 2024 gelesen (Tag zuerst). Falls das falsch ist, ändern Sie über der Tabelle, wie Datumsangaben gelesen werden.',
    );
  });

  test('other issues read as the catalog has them', () => {
    assert.equal(
      cellMessage({ code: 'invalid_email', level: 'error' }, undefined),
      'This is not a valid e-mail address.',
    );
  });
});
