import { ColumnSpecError, type DateColumn } from '../columns/column-spec.ts';
import { type CellParser, type ColumnHints, fail, type Parsed } from './parsed.ts';

/** The parts a format captures, by token. */
type Part = 'year' | 'year2' | 'month' | 'day' | 'hour' | 'minute' | 'second';

const TOKENS: readonly [string, Part, string][] = [
  ['YYYY', 'year', '(\\d{4})'],
  ['YY', 'year2', '(\\d{2})'],
  ['MM', 'month', '(\\d{1,2})'],
  ['M', 'month', '(\\d{1,2})'],
  ['DD', 'day', '(\\d{1,2})'],
  ['D', 'day', '(\\d{1,2})'],
  ['HH', 'hour', '(\\d{1,2})'],
  ['H', 'hour', '(\\d{1,2})'],
  ['mm', 'minute', '(\\d{2})'],
  ['ss', 'second', '(\\d{2})'],
];

/** A date format compiled to a regular expression and the part each group holds. */
export interface CompiledFormat {
  readonly format: string;
  readonly regex: RegExp;
  readonly parts: readonly Part[];
}

/**
 * Compiles `DD.MM.YYYY`-style formats. Day, month and hour tokens accept one or two digits, since
 * spreadsheets drop leading zeros. Throws on a format without year, month and day.
 */
export function compileDateFormat(format: string): CompiledFormat {
  let source = '^';
  const parts: Part[] = [];
  let i = 0;
  outer: while (i < format.length) {
    for (const [token, part, group] of TOKENS) {
      if (format.startsWith(token, i)) {
        source += group;
        parts.push(part);
        i += token.length;
        continue outer;
      }
    }
    source += format[i]!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
    i++;
  }
  const has = (p: Part) => parts.includes(p);
  if (!(has('year') || has('year2')) || !has('month') || !has('day'))
    throw new Error(`date format "${format}" needs a year (YYYY or YY), a month (MM) and a day (DD)`);
  return { format, regex: new RegExp(`${source}$`), parts };
}

// ISO 8601: date, optional time with optional fraction and zone. Always accepted.
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
// Numbers that are Excel serial dates: 1 = 1900-01-01, 2958465 = 9999-12-31.
const SERIAL = /^\d{1,7}(?:\.\d+)?$/;
// `03/04/2024`, `3.4.24`, `03-04-2024`: the two forms whose day/month order must be detected.
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
// Dates written for people: `17 Aug 1936`, `17-Aug-36`, `17. August 1936`, `17 de agosto de 1936`,
// `Aug 17, 1936`, `August 17th 1936`. The month is a name, so the order is never in doubt.
const DAY_NAME = /^(\d{1,2})(?:st|nd|rd|th|\.)?[\s-]+(?:de\s+)?(\p{L}+\.?)[\s,-]+(?:de\s+)?(\d{4}|\d{2})$/u;
const NAME_DAY = /^(\p{L}+\.?)[\s-]+(\d{1,2})(?:st|nd|rd|th)?(?:,\s*|[\s-]+)(\d{4})$/u;

/**
 * Month names and their usual abbreviations in the importer's languages, January first. One
 * spelling never names two months across these languages, so one table serves them all.
 */
const MONTH_NAMES: readonly string[] = [
  'january jan januar jän janvier janv enero ene janeiro gennaio gen januari tammikuu',
  'february feb februar februari février févr fevrier fevr febrero fevereiro fev febbraio helmikuu',
  'march mar märz maerz mär mars marzo março marco maart mrt marts maaliskuu',
  'april apr avril abril abr aprile huhtikuu',
  'may mai mayo maio maggio mag mei maj toukokuu',
  'june jun juni juin junio jun junho giugno giu kesäkuu',
  'july jul juli juillet juil julio julho luglio lug heinäkuu',
  'august aug août aout agosto ago augustus augusti elokuu',
  'september sep sept septembre septiembre setiembre setembro set settembre syyskuu',
  'october oct oktober okt octobre octubre outubro out ottobre ott lokakuu',
  'november nov novembre noviembre novembro marraskuu',
  'december dec dezember dez décembre déc decembre diciembre dic dezembro dicembre joulukuu',
];
const MONTHS = new Map<string, number>();
MONTH_NAMES.forEach((names, i) => {
  for (const name of names.split(' ')) MONTHS.set(name, i + 1);
});

/** The month a written name stands for (any case, a trailing dot, Finnish `elokuuta`), or 0. */
function monthNamed(word: string): number {
  const name = word.toLowerCase().replace(/\.$/, '');
  return MONTHS.get(name) ?? (name.endsWith('kuuta') ? (MONTHS.get(name.slice(0, -2)) ?? 0) : 0);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const digit = (text: string, i: number) => text.charCodeAt(i) - 48;

/** `YYYY-MM-DD` naming a real day, checked with character codes only. */
function isIsoDate(text: string): boolean {
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return false;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const d = digit(text, i);
    if (d < 0 || d > 9) return false;
  }
  const y = digit(text, 0) * 1000 + digit(text, 1) * 100 + digit(text, 2) * 10 + digit(text, 3);
  const m = digit(text, 5) * 10 + digit(text, 6);
  const d = digit(text, 8) * 10 + digit(text, 9);
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= (m === 2 && isLeap(y) ? 29 : DAYS[m - 1]!);
}

/** Two-digit years as Excel reads them: 00-29 are 2000s, 30-99 are 1900s. */
const fullYear = (yy: number) => (yy < 30 ? 2000 + yy : 1900 + yy);

/** The ISO form of a calendar date and time, or null when the parts name no real moment. */
function toIso(y: number, mo: number, d: number, h: number, mi: number, s: number, withTime: boolean) {
  if (mo < 1 || mo > 12 || d < 1 || y < 1) return null;
  if (d > (mo === 2 && isLeap(y) ? 29 : DAYS[mo - 1]!)) return null;
  if (h > 23 || mi > 59 || s > 59) return null;
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  return withTime ? `${date}T${pad(h)}:${pad(mi)}:${pad(s)}` : date;
}

/** An Excel serial day number (1900 date system, with its phantom 1900-02-29) as ISO. */
export function excelSerialToIso(serial: number, withTime: boolean): string | null {
  if (!(serial >= 1 && serial < 2958466)) return null;
  // Serial 60 is Excel's non-existent 1900-02-29; days after it are shifted by one.
  const days = Math.floor(serial) - (serial >= 61 ? 1 : 0);
  const ms = Date.UTC(1899, 11, 31) + days * 86_400_000 + Math.round((serial % 1) * 86_400) * 1000;
  const iso = new Date(ms).toISOString();
  return withTime ? iso.slice(0, 19) : iso.slice(0, 10);
}

/**
 * Reads dates and datetimes into ISO 8601 (`2024-02-29`, `2024-02-29T13:05:00`, zone kept when
 * given). ISO input passes unchanged; any other recognized form is converted and reported as info
 * `date_normalized` with the original; Excel serial numbers as `excel_serial_date`. A `03/04/2024`
 * read without a confirmed order is reported as warning `date_order_assumed`, with the reading in
 * `params.value`. Without `formats`, dates written with the month's name are read too (`17 Aug
 * 1936`, `17-Aug-36`, `Aug 17, 1936`, `17. August 1936`, `17 de agosto de 1936`).
 */
export function compileDate(spec: DateColumn, hints: ColumnHints = {}): CellParser {
  const withTime = spec.type === 'datetime';
  const invalid = withTime ? 'invalid_datetime' : 'invalid_date';
  const formats = (spec.formats ?? []).map((f) => {
    try {
      return compileDateFormat(f);
    } catch (error) {
      throw new ColumnSpecError(`column "${spec.key}": ${(error as Error).message}`, spec.key);
    }
  });
  const order = hints.dateOrder;
  const { min, max } = spec;

  const finish = (
    iso: string | null,
    original: string,
    code: 'date_normalized' | 'excel_serial_date',
    assumed?: string,
  ): Parsed => {
    if (iso === null) return fail(invalid);
    if (min !== undefined && iso < min.slice(0, iso.length)) return fail('too_small', { min });
    if (max !== undefined && iso > max.slice(0, iso.length)) return fail('too_large', { max });
    if (iso === original) return { ok: true, value: iso };
    // The reading goes with the doubt, so a message can say what the cell was taken to mean.
    if (assumed)
      return {
        ok: true,
        value: iso,
        note: {
          code: 'date_order_assumed',
          level: 'warning',
          params: { original, order: assumed, value: iso },
        },
      };
    return { ok: true, value: iso, note: { code, level: 'info', params: { original } } };
  };

  return (input) => {
    // Fast path for the commonest cell, an ISO date: no regex, no string building.
    if (!withTime && typeof input === 'string' && input.length === 10 && isIsoDate(input)) {
      if ((min !== undefined && input < min.slice(0, 10)) || (max !== undefined && input > max.slice(0, 10)))
        return fail(
          input < (min ?? '') ? 'too_small' : 'too_large',
          input < (min ?? '') ? { min: min! } : { max: max! },
        );
      return { ok: true, value: input };
    }
    if (typeof input === 'boolean') return fail(invalid);
    if (typeof input === 'number')
      return finish(excelSerialToIso(input, withTime), String(input), 'excel_serial_date');
    const iso = ISO.exec(input);
    if (iso) {
      const [, y, mo, d, h, mi, s, zone] = iso;
      const hasTime = h !== undefined;
      // A date column takes a datetime only at midnight (how spreadsheets export plain dates).
      if (!withTime && hasTime && (Number(h) !== 0 || Number(mi) !== 0 || Number(s ?? 0) !== 0))
        return fail(invalid);
      const out = toIso(
        Number(y),
        Number(mo),
        Number(d),
        Number(h ?? 0),
        Number(mi ?? 0),
        Number(s ?? 0),
        withTime,
      );
      return finish(
        out === null ? null : withTime && zone ? `${out}${zone === 'Z' ? 'Z' : zone}` : out,
        input,
        'date_normalized',
      );
    }
    for (const f of formats) {
      const m = f.regex.exec(input);
      if (!m) continue;
      const v = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
      f.parts.forEach((part, i) => {
        const n = Number(m[i + 1]);
        if (part === 'year2') v.year = fullYear(n);
        else v[part] = n;
      });
      return finish(
        toIso(v.year, v.month, v.day, v.hour, v.minute, v.second, withTime),
        input,
        'date_normalized',
      );
    }
    if (formats.length > 0 && !SERIAL.test(input))
      return fail(invalid, { formats: spec.formats!.join(', ') });
    const numeric = NUMERIC.exec(input);
    if (numeric) {
      const [, a, sep, b, y, h, mi, s] = numeric;
      const first = Number(a);
      const second = Number(b);
      // `DD.MM.YYYY` is day-first wherever it is written; `/` and `-` follow the detected order.
      const dayFirst = sep === '.' || (order ?? 'MDY') === 'DMY' || first > 12;
      const ambiguous = sep !== '.' && order === undefined && first <= 12 && second <= 12 && first !== second;
      const year = y!.length === 2 ? fullYear(Number(y)) : Number(y);
      const out = toIso(
        year,
        dayFirst ? second : first,
        dayFirst ? first : second,
        Number(h ?? 0),
        Number(mi ?? 0),
        Number(s ?? 0),
        withTime,
      );
      return finish(out, input, 'date_normalized', ambiguous ? (dayFirst ? 'DMY' : 'MDY') : undefined);
    }
    const yearFirst = YEAR_FIRST.exec(input);
    if (yearFirst) {
      const [, y, mo, d, h, mi, s] = yearFirst;
      return finish(
        toIso(Number(y), Number(mo), Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0), withTime),
        input,
        'date_normalized',
      );
    }
    if (SERIAL.test(input))
      return finish(excelSerialToIso(Number(input), withTime), input, 'excel_serial_date');
    const written = writtenDate(input.trim());
    if (written)
      return finish(
        toIso(written.year, written.month, written.day, 0, 0, 0, withTime),
        input,
        'date_normalized',
      );
    return fail(invalid);
  };
}

/** Day, month and year of a date written with the month's name, or null. */
function writtenDate(text: string): { year: number; month: number; day: number } | null {
  const dayFirst = DAY_NAME.exec(text);
  const monthFirst = dayFirst ? null : NAME_DAY.exec(text);
  const [day, name, year] = dayFirst
    ? [dayFirst[1]!, dayFirst[2]!, dayFirst[3]!]
    : monthFirst
      ? [monthFirst[2]!, monthFirst[1]!, monthFirst[3]!]
      : ['', '', ''];
  const month = name === '' ? 0 : monthNamed(name);
  if (month === 0) return null;
  return { year: year.length === 2 ? fullYear(Number(year)) : Number(year), month, day: Number(day) };
}

/**
 * Detects the day/month order of a column's `03/04/2024`-style values: a first number above 12
 * means day first, a second above 12 month first, and one such value decides for the whole
 * column. When values only read either way (`04/03/2024`; `03/03/2024` reads the same both ways
 * and counts for nothing) or disagree, `ambiguous` is true and the user should confirm.
 * `examples` are up to five cells to show the user: the ones that decided, then the ones whose
 * reading the order changes; when undecided, those first, then one of each side of a disagreement.
 */
export function detectDateOrder(values: readonly string[]): {
  order: 'DMY' | 'MDY' | null;
  ambiguous: boolean;
  examples: string[];
} {
  const found = { DMY: [] as string[], MDY: [] as string[], open: [] as string[] };
  const counts = { DMY: 0, MDY: 0, open: 0 };
  for (const value of values) {
    const text = value.trim();
    const m = NUMERIC.exec(text);
    if (!m || m[2] === '.') continue;
    const first = Number(m[1]);
    const second = Number(m[3]);
    const kind =
      first > 12 ? (second > 12 ? null : 'DMY') : second > 12 ? 'MDY' : first !== second ? 'open' : null;
    if (kind === null) continue;
    counts[kind]++;
    if (found[kind].length < 5 && !found[kind].includes(text)) found[kind].push(text);
  }
  if (counts.DMY > 0 && counts.MDY === 0)
    return {
      order: 'DMY',
      ambiguous: false,
      examples: [...found.DMY.slice(0, 2), ...found.open].slice(0, 5),
    };
  if (counts.MDY > 0 && counts.DMY === 0)
    return {
      order: 'MDY',
      ambiguous: false,
      examples: [...found.MDY.slice(0, 2), ...found.open].slice(0, 5),
    };
  const sides = counts.DMY > 0 ? [found.DMY[0]!, found.MDY[0]!] : [];
  return {
    order: null,
    ambiguous: counts.open > 0 || sides.length > 0,
    examples: [...found.open, ...sides].slice(0, 5),
  };
}
