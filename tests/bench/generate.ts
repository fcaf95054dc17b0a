import { closeSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The columns of every generated file, in file order. */
export const BENCH_HEADERS = [
  'first_name',
  'last_name',
  'email',
  'phone',
  'signup_date',
  'country',
  'plan',
  'seats',
  'active',
  'notes',
] as const;

const COUNTRIES = ['GB', 'US', 'FI', 'DE', 'FR', 'ES', 'IT', 'NL', 'SE', 'NO'];
const PLANS = ['Free', 'Starter', 'Team', 'Business', 'Enterprise'];

/**
 * The fields the bench application declares, every one typed as an application would: required
 * names, a unique e-mail, a phone normalized to E.164, an ISO date, two selects, an integer with a
 * minimum, a boolean and free text. Typing only some columns would leave the checks of the others
 * out of the figures.
 */
export const BENCH_COLUMNS = [
  { key: 'first_name', label: 'First name', required: true },
  { key: 'last_name', label: 'Last name', required: true },
  { key: 'email', label: 'E-mail', type: 'email', required: true, unique: true },
  { key: 'phone', label: 'Phone', type: 'phone', defaultCountry: 'GB' },
  { key: 'signup_date', label: 'Signup date', type: 'date', formats: ['YYYY-MM-DD'] },
  { key: 'country', label: 'Country', type: 'select', options: COUNTRIES },
  { key: 'plan', label: 'Plan', type: 'select', options: PLANS },
  { key: 'seats', label: 'Seats', type: 'integer', min: 1 },
  { key: 'active', label: 'Active', type: 'boolean' },
  { key: 'notes', label: 'Notes' },
] as const;

const FIRST = [
  'Ada',
  'Grace',
  'Linus',
  'Margaret',
  'Tim',
  'Zoë',
  'Ken',
  'Barbara',
  'Dennis',
  'Frances',
  'Alan',
  'Hedy',
];
const LAST = [
  'Lovelace',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Berners-Lee',
  'Müller',
  'Thompson',
  'Liskov',
  'Ritchie',
];
const NOTES = ['', 'vip', 'call back', 'prefers e-mail', 'new', 'churn risk'];
const QUOTED_NOTES = [
  '"Said ""ship it"", then shipped it"',
  '"line one\nline two"',
  '"a, b, c"',
  '"plain quoted"',
];

/** A small deterministic generator (mulberry32), so every run benches the same bytes. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GeneratedFile {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
  /** Rows with one deliberately invalid value (about 2%). */
  readonly invalidRows: number;
}

/**
 * Writes (or reuses) a CSV of `rows` data rows x 10 columns of mixed types, with about 2% of the
 * rows carrying one invalid value (a bad e-mail, phone, date, country, plan, seat count or boolean). `quoted` makes
 * most text fields quoted, some with embedded quotes, commas and newlines.
 */
export function generateCsv(dir: string, rows: number, quoted = false): GeneratedFile {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `bench-${rows}${quoted ? '-quoted' : ''}.csv`);
  const next = random(rows * 2 + (quoted ? 1 : 0));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  let invalidRows = 0;
  const lines: string[] = [];
  const flush = (fd: number) => {
    writeSync(fd, lines.join(''));
    lines.length = 0;
  };
  const partial = `${path}.partial`;
  const fd = openSync(partial, 'w');
  writeSync(fd, `${BENCH_HEADERS.join(',')}\r\n`);
  for (let i = 1; i <= rows; i++) {
    const first = pick(FIRST);
    const last = pick(LAST);
    let email = `${first.toLowerCase()}.${i}@example.com`;
    let phone = `+44 20 7946 ${String(Math.floor(next() * 10000)).padStart(4, '0')}`;
    let date = `20${String(10 + Math.floor(next() * 15))}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    let country = pick(COUNTRIES);
    let plan = pick(PLANS);
    let seats = String(1 + Math.floor(next() * 500));
    let active = next() < 0.5 ? 'true' : 'false';
    if (next() < 0.02) {
      // Each kind of mistake in turn, an e-mail first, so that every run has the same ones.
      const which = invalidRows++ % 7;
      if (which === 0) email = `${first.toLowerCase()}@`;
      else if (which === 1) phone = '12';
      else if (which === 2) date = '2024-13-45';
      else if (which === 3) country = 'XX';
      else if (which === 4) plan = 'Platinum';
      else if (which === 5) seats = '0';
      else active = 'maybe';
    }
    const notes = quoted ? pick(QUOTED_NOTES) : pick(NOTES);
    const name = quoted ? `"${first}"` : first;
    lines.push(
      `${name},${last},${email},${phone},${date},${country},${plan},${seats},${active},${notes}\r\n`,
    );
    if (lines.length === 10_000) flush(fd);
  }
  flush(fd);
  closeSync(fd);
  renameSync(partial, path);
  return { path, rows, bytes: statSync(path).size, invalidRows };
}
