import type { ColumnSpec } from '../columns/column-spec.ts';
import { compileBoolean } from '../types/boolean.ts';
import { compileDate } from '../types/date.ts';
import { compileEmail } from '../types/email.ts';
import { compileNumber } from '../types/number.ts';
import { compilePhone } from '../types/phone.ts';
import { indexOptions } from '../types/select.ts';
import { compileUrl } from '../types/url.ts';
import { normalizeValue } from './normalize.ts';

/** At most this many sample values of a column are read, each up to this length. */
const MAX_SAMPLES = 5;
const MAX_SAMPLE_LENGTH = 200;

/** What most samples of a column read as, with core's own parsers. */
export interface SampleProfile {
  readonly count: number;
  readonly email: boolean;
  readonly url: boolean;
  /** Written as a phone number (`+44 7700 900123`, `030 901820`), not as a bare number. */
  readonly phone: boolean;
  /** Written as a date (`1815-12-10`, `4/12/1980`), not as a bare number. */
  readonly date: boolean;
  readonly number: boolean;
  readonly boolean: boolean;
  /** The samples, normalized for option look-ups. */
  readonly normalized: readonly string[];
}

const email = compileEmail();
const url = compileUrl();
const phone = compilePhone({ key: 'phone', label: 'phone', type: 'phone' });
const date = compileDate({ key: 'date', label: 'date', type: 'datetime' });
const numberDot = compileNumber({ key: 'n', label: 'n', type: 'number' });
const numberComma = compileNumber({ key: 'n', label: 'n', type: 'number', decimalSeparator: ',' });
const bool = compileBoolean({ key: 'b', label: 'b', type: 'boolean' });

/** Reads a column's sample values (a few non-empty cells) into a profile. */
export function profileSamples(samples: readonly string[] | undefined): SampleProfile | null {
  const values = (samples ?? [])
    .slice(0, MAX_SAMPLES)
    .map((s) => s.slice(0, MAX_SAMPLE_LENGTH).trim())
    .filter((s) => s !== '');
  if (values.length === 0) return null;
  // Most, not all: the samples are a user's own cells, and a column of e-mails with one typo in
  // it is still the e-mail column.
  const most = (test: (s: string) => boolean) => values.filter(test).length * 2 > values.length;
  const isNumber = (s: string) => numberDot(s).ok || numberComma(s).ok;
  return {
    count: values.length,
    email: most((s) => email(s).ok),
    url: most((s) => url(s).ok),
    phone: most((s) => /^(\+|00)|\d[\s\-/.()]+\d.*[\s\-/.()]/.test(s) && phone(s).ok && !date(s).ok),
    date: most((s) => /\D/.test(s) && date(s).ok),
    number: most(isNumber),
    boolean: most((s) => bool(s).ok),
    normalized: values.map(normalizeValue),
  };
}

const options = new WeakMap<ColumnSpec, ReadonlyMap<string, string> | null>();
/** A select field's options by normalized spelling; null for a list that cannot be used. */
function optionsOf(field: ColumnSpec & { type: 'select' }): ReadonlyMap<string, string> | null {
  let known = options.get(field);
  if (known === undefined) {
    try {
      known = indexOptions(field).byNormalized;
    } catch {
      known = null;
    }
    options.set(field, known);
  }
  return known;
}

/**
 * How a column's values bear on one field: `1` they fit its type (an e-mail field and e-mail
 * addresses, a select field and its options); `-2` they are plainly of another kind (e-mail
 * addresses under a phone field, dates in a number field); `-1` they do not read as the type
 * (text in a number field: perhaps a unit or a typo); `0` they say nothing (text in a text field).
 */
export function valueFit(profile: SampleProfile, field: ColumnSpec): -2 | -1 | 0 | 1 {
  const other = (own: 'email' | 'url' | 'phone' | 'date' | null) =>
    (own !== 'email' && profile.email) ||
    (own !== 'url' && profile.url) ||
    (own !== 'phone' && profile.phone) ||
    (own !== 'date' && profile.date);
  switch (field.type) {
    case 'email':
      return profile.email ? 1 : other('email') ? -2 : -1;
    case 'url':
      return profile.url ? 1 : other('url') ? -2 : -1;
    case 'phone':
      return profile.phone ? 1 : other('phone') ? -2 : 0;
    case 'date':
    case 'datetime':
      return profile.date ? 1 : other('date') ? -2 : 0;
    case 'number':
    case 'integer':
      return profile.number ? 1 : other(null) ? -2 : -1;
    case 'boolean':
      return profile.boolean ? 1 : other(null) ? -2 : profile.number ? -1 : 0;
    case 'select': {
      const byNormalized = optionsOf(field);
      if (!byNormalized) return 0;
      const known = profile.normalized.filter((v) => byNormalized.has(v)).length;
      return known === profile.count ? 1 : known === 0 ? -1 : 0;
    }
    default:
      return 0;
  }
}

/** Field types whose values alone can name the field, when it is the only one of its type. */
export function distinctiveType(profile: SampleProfile): 'email' | 'url' | 'phone' | null {
  return profile.email ? 'email' : profile.url ? 'url' : profile.phone ? 'phone' : null;
}
