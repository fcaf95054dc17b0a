import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { ColumnSpec } from '../columns/column-spec.ts';
import { MATCH_LIMITS, matchColumns, matchLevel, unmatchedColumns } from './match.ts';
import { MAX_DISTANCE_CELLS, normalizeHeader, similarity } from './normalize.ts';

const CONTACTS: ColumnSpec[] = [
  { key: 'firstName', label: 'First name', required: true },
  { key: 'lastName', label: 'Last name', required: true },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'phone', label: 'Phone', type: 'phone' },
  { key: 'dateOfBirth', label: 'Date of birth', type: 'date' },
  { key: 'country', label: 'Country', synonyms: ['Land', 'Nation'] },
  { key: 'seats', label: 'Seats', type: 'integer' },
];

const PLAYGROUND: ColumnSpec[] = [
  { key: 'firstName', label: 'First name', required: true, synonyms: ['given name'] },
  { key: 'lastName', label: 'Last name', required: true },
  { key: 'email', label: 'E-mail', type: 'email', required: true, unique: true },
  { key: 'phone', label: 'Phone', type: 'phone' },
  { key: 'dateOfBirth', label: 'Date of birth', type: 'date' },
  { key: 'country', label: 'Country' },
  { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'starter', 'pro', 'enterprise'] },
  { key: 'seats', label: 'Seats', type: 'number', integer: true, min: 0 },
  { key: 'active', label: 'Active', type: 'boolean' },
  { key: 'notes', label: 'Notes' },
];

describe('matchColumns', () => {
  test('phases: key, then label, then synonym, then fuzzy, each with its confidence', () => {
    const headers = ['First Name', 'SURNAME', 'e_mail', 'Land', 'Date of Brith', 'Phone no.', 'Notes'];
    const matches = matchColumns(headers, [
      ...CONTACTS.slice(0, 1),
      { key: 'lastName', label: 'Last name', synonyms: ['Surname'] },
      ...CONTACTS.slice(2),
    ]);
    const by = Object.fromEntries(matches.map((m) => [headers[m.fileColumn], [m.key, m.via, m.confidence]]));
    assert.deepEqual(by['First Name'], ['firstName', 'key', 1]);
    assert.deepEqual(by.SURNAME, ['lastName', 'synonym', 1]);
    assert.deepEqual(by.e_mail, ['email', 'key', 1]);
    assert.deepEqual(by.Land, ['country', 'synonym', 1]);
    assert.equal(by['Date of Brith']![0], 'dateOfBirth');
    assert.equal(by['Date of Brith']![1], 'fuzzy', 'a typo is read, never sure');
    assert.equal(matchLevel(by['Date of Brith']![2] as number), 'likely');
    assert.equal(by['Phone no.']?.[0], 'phone');
    assert.equal(by['Phone no.']?.[1], 'concept');
    assert.equal(by.Notes, undefined, 'no field is close to Notes');
    assert.deepEqual(unmatchedColumns(headers, matches), [6]);
  });

  test('contacts.csv headers map to the contact fields', () => {
    const headers = [
      'First Name',
      'Last Name',
      'E-mail',
      'Phone',
      'Date of Birth',
      'Country',
      'Plan',
      'Seats',
      'Active',
      'Notes',
    ];
    const keys = matchColumns(headers, CONTACTS).map((m) => [m.fileColumn, m.key]);
    assert.deepEqual(keys, [
      [0, 'firstName'],
      [1, 'lastName'],
      [2, 'email'],
      [3, 'phone'],
      [4, 'dateOfBirth'],
      [5, 'country'],
      [7, 'seats'],
    ]);
  });

  test('a qualified header matches by concept: "Contact e-mail" to e-mail', () => {
    const [match] = matchColumns(['Contact e-mail'], [{ key: 'email', label: 'E-mail' }]);
    assert.equal(match?.key, 'email');
    assert.equal(match?.via, 'concept');
  });

  test('the CRM export of the bug report: every column matched, from everyday names', () => {
    const headers = [
      'fname',
      'Surname',
      'E-Mail Address',
      'Mobile #',
      'Birthday',
      'Cntry',
      'Subscription Tier',
      'No. of licences',
      'Enabled?',
      'Comment',
    ];
    const got = matchColumns(headers, PLAYGROUND).map((m) => [headers[m.fileColumn], m.key]);
    assert.deepEqual(Object.fromEntries(got), {
      fname: 'firstName',
      Surname: 'lastName',
      'E-Mail Address': 'email',
      'Mobile #': 'phone',
      Birthday: 'dateOfBirth',
      Cntry: 'country',
      'Subscription Tier': 'plan',
      'No. of licences': 'seats',
      'Enabled?': 'active',
      Comment: 'notes',
    });
    for (const h of ['DOB', 'Qty', 'Geburtsdatum', 'Date de naissance', 'تاريخ الميلاد'])
      assert.ok(
        matchColumns([h], [...PLAYGROUND, { key: 'qty', label: 'Quantity', type: 'integer' }]).length === 1,
        `${h} is matched`,
      );
  });

  test('decoys never look sure; the right candidate does', () => {
    const level = (header: string, field: ColumnSpec) => {
      const [m] = matchColumns([header], [field]);
      return m ? matchLevel(m.confidence) : 'none';
    };
    const plan = PLAYGROUND.find((f) => f.key === 'plan')!;
    assert.equal(level('Plan Price', plan), 'none');
    assert.notEqual(level('Secondary Email', { key: 'email', label: 'E-mail' }), 'sure');
    assert.notEqual(level('Country Code', { key: 'country', label: 'Country' }), 'sure');
    assert.notEqual(level('Billing Address', { key: 'address', label: 'Address' }), 'sure');
    assert.notEqual(level('Email 2', { key: 'email', label: 'E-mail' }), 'sure');
    assert.equal(level('Shipping Address', { key: 'billing', label: 'Billing address' }), 'none');
    assert.equal(level('Home Email', { key: 'workEmail', label: 'Work e-mail' }), 'none');
    assert.equal(level('Phone', { key: 'phone', label: 'Telephone' }), 'sure');
    assert.equal(level('Courriel', { key: 'email', label: 'E-mail' }), 'sure');
    const name: ColumnSpec = { key: 'name', label: 'Name' };
    assert.equal(level('Full name', name), 'sure', 'an ambiguous field name does not weaken a plain header');
    assert.equal(level('First Name', name), 'none', 'a given name is not a whole name');
    assert.equal(level('Company Name', name), 'none');
    // Beside the plain column, the qualified one loses the field.
    const both = matchColumns(['Secondary Email', 'Email address'], [{ key: 'email', label: 'E-mail' }]);
    assert.deepEqual(
      both.map((m) => m.fileColumn),
      [1],
    );
    const phones = matchColumns(['Mobile Phone', 'Phone'], [{ key: 'phone', label: 'Phone' }]);
    assert.deepEqual(
      phones.map((m) => m.fileColumn),
      [1],
    );
  });

  test('sample values confirm, contradict, or name a column alone', () => {
    const fields: ColumnSpec[] = [
      { key: 'email', label: 'E-mail', type: 'email' },
      { key: 'status', label: 'Status', type: 'select', options: ['paid', 'pending'] },
      { key: 'joined', label: 'Joined', type: 'date' },
    ];
    const headers = ['Contact', 'Financial Status', 'Fulfillment Status', 'Joined'];
    const samples = [
      ['ada@example.com', 'grace@example.org'],
      ['paid', 'pending'],
      ['fulfilled'],
      ['ada@example.com'],
    ];
    const by = Object.fromEntries(
      matchColumns(headers, fields, { samples }).map((m) => [
        headers[m.fileColumn],
        [m.key, m.via, matchLevel(m.confidence)],
      ]),
    );
    assert.deepEqual(
      by.Contact,
      ['email', 'values', 'unsure'],
      'only e-mail addresses, the one e-mail field',
    );
    assert.equal(by['Financial Status']?.[0], 'status', 'its values are the options');
    assert.equal(by['Fulfillment Status'], undefined);
    assert.deepEqual(by.Joined, ['joined', 'key', 'sure'], 'an exact name stays exact');
    const [email] = matchColumns(['Email'], [{ key: 'workEmail', label: 'Work e-mail', type: 'email' }], {
      samples: [['ada@example.com']],
    });
    assert.equal(matchLevel(email!.confidence), 'likely', 'values never lift a match to sure');
    const [phone] = matchColumns(['Phone'], [{ key: 'p', label: 'Telephone', type: 'phone' }], {
      samples: [['ada@example.com']],
    });
    assert.equal(phone, undefined, 'e-mail addresses under Phone pull the match below the threshold');
    const [dirty] = matchColumns(['Contact e-mail'], [{ key: 'email', label: 'E-mail', type: 'email' }], {
      samples: [['ops@acme.example', 'billing@globex.example', 'not-an-email']],
    });
    assert.equal(
      matchLevel(dirty!.confidence),
      'sure',
      'one typo among the samples does not pull a column down',
    );
  });

  test('bounded: 2,000 headers of 500 characters against 50 fields finish and match nothing wrongly', () => {
    const headers = Array.from({ length: 2000 }, (_, i) => `${'Secondary Email '.repeat(31)}${i}`);
    const fields: ColumnSpec[] = Array.from({ length: 50 }, (_, i) => ({
      key: `f${i}`,
      label: `Field ${i} e-mail`,
    }));
    const matches = matchColumns(headers, fields);
    assert.ok(matches.every((m) => matchLevel(m.confidence) !== 'sure'));
  });

  test('a duplicated header does not take a field twice; blank headers never match', () => {
    const matches = matchColumns(
      ['Email', 'email', ''],
      [
        { key: 'email', label: 'E-mail' },
        { key: 'x', label: ' ' },
      ],
    );
    assert.deepEqual(matches, [{ fileColumn: 0, key: 'email', confidence: 1, via: 'key' }]);
  });

  test('the threshold is adjustable', () => {
    assert.equal(
      matchColumns(['Phone no.'], [{ key: 'phone', label: 'Phone' }], { threshold: 0.99 }).length,
      0,
    );
  });

  test('property: one-to-one, within bounds, confidences in (0, 1], for any headers and fields', () => {
    const name = fc.oneof(
      fc.constantFrom(
        'email',
        'E-mail',
        'e_mail',
        'Name',
        'name',
        'First name',
        'Phone',
        'Telefon',
        '',
        ' ',
        'Date',
      ),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 12 }),
        fc.uniqueArray(fc.record({ key: name, label: name, synonyms: fc.array(name, { maxLength: 3 }) }), {
          selector: (c) => c.key,
          maxLength: 8,
        }),
        (headers, columns) => {
          const matches = matchColumns(headers, columns);
          assert.equal(new Set(matches.map((m) => m.fileColumn)).size, matches.length);
          assert.equal(new Set(matches.map((m) => m.key)).size, matches.length);
          for (const m of matches) {
            assert.ok(m.fileColumn >= 0 && m.fileColumn < headers.length);
            assert.ok(columns.some((c) => c.key === m.key));
            assert.ok(m.confidence > 0 && m.confidence <= 1);
            assert.notEqual(normalizeHeader(headers[m.fileColumn]!), '');
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('similarity', () => {
  test('is 1 for equal names, symmetric, and 0 against an empty name', () => {
    assert.equal(similarity('email', 'email'), 1);
    assert.equal(similarity('email', ''), 0);
    fc.assert(fc.property(fc.string(), fc.string(), (a, b) => similarity(a, b) === similarity(b, a)));
  });

  test('with a minimum, decides the same way as without one, only faster', () => {
    const name = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 20 });
    fc.assert(
      fc.property(name, name, fc.double({ min: 0, max: 1, noNaN: true }), (a, b, min) => {
        assert.equal(similarity(a, b, min) >= min, similarity(a, b) >= min, `${a} ${b} ${min}`);
      }),
      { numRuns: 2000 },
    );
  });

  test('a pair too long for the edit-distance table is scored by containment alone', () => {
    const long = 'ab'.repeat(200);
    assert.ok(long.length ** 2 > MAX_DISTANCE_CELLS);
    assert.equal(similarity(long, `${long.slice(0, -1)}x`), 0);
    assert.ok(similarity(`x${long}`, long) > 0.9);
    assert.equal(similarity('abc'.repeat(50_000), 'email'), 0);
  });
});

describe('matchColumns bounds the work a header row can cause', () => {
  test('2,000 headers of 1,000 characters: skipped for matching, the short ones still matched', () => {
    const headers = Array.from({ length: 2000 }, (_, i) => `${'Datum des Eintrags '.repeat(53)}${i}`);
    headers[1500] = 'E-mail';
    headers[1999] = 'Frist name';
    const matches = matchColumns(headers, CONTACTS);
    // The exact phases see every column; the fuzzy phase only the first MAX_FUZZY_HEADERS.
    assert.deepEqual(matches, [{ fileColumn: 1500, key: 'email', confidence: 1, via: 'key' }]);
    assert.deepEqual(
      matchColumns(['Frist name', ...headers.slice(0, 10)], CONTACTS).map((m) => [
        m.fileColumn,
        m.key,
        m.via,
      ]),
      [[0, 'firstName', 'fuzzy']],
    );
  });

  test('a header longer than MAX_HEADER_LENGTH is never matched, even when it normalizes to a name', () => {
    const padded = `E-mail${' -'.repeat(MATCH_LIMITS.MAX_HEADER_LENGTH)}`;
    assert.equal(normalizeHeader(padded), 'email');
    assert.deepEqual(matchColumns([padded], CONTACTS), []);
  });

  test('fuzzy compares the first FUZZY_NAME_LENGTH characters of long names', () => {
    // Words outside the concept dictionary, so similarity decides.
    const label = `Zorblax quuxity wibble ${'x'.repeat(100)}`;
    const matches = matchColumns([`Zorblax quuxty wibble ${'x'.repeat(100)}`], [{ key: 'ref', label }]);
    assert.deepEqual(
      matches.map((m) => [m.key, m.via]),
      [['ref', 'fuzzy']],
    );
  });
});
