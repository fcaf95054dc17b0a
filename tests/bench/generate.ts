import { closeSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** The columns of every generated file, in file order. */
export const BENCH_HEADERS = [
  'id',
  'first_name',
  'last_name',
  'email',
  'age',
  'amount',
  'signup_date',
  'active',
  'country',
  'notes',
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
const COUNTRIES = ['GB', 'US', 'FI', 'DE', 'FR', 'ES', 'IT', 'NL', 'SE', 'NO'];
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
 * rows carrying one invalid value (a bad e-mail, age, date, boolean or country). `quoted` makes
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
    let age = String(18 + Math.floor(next() * 70));
    const amount = (next() * 10000).toFixed(2);
    let date = `20${String(10 + Math.floor(next() * 15))}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
    let active = next() < 0.5 ? 'true' : 'false';
    let country = pick(COUNTRIES);
    if (next() < 0.02) {
      invalidRows++;
      const which = Math.floor(next() * 5);
      if (which === 0) email = `${first.toLowerCase()}@`;
      else if (which === 1) age = 'abc';
      else if (which === 2) date = '2024-13-45';
      else if (which === 3) active = 'maybe';
      else country = 'XX';
    }
    const notes = quoted ? pick(QUOTED_NOTES) : pick(NOTES);
    const name = quoted ? `"${first}"` : first;
    lines.push(`${i},${name},${last},${email},${age},${amount},${date},${active},${country},${notes}\r\n`);
    if (lines.length === 10_000) flush(fd);
  }
  flush(fd);
  closeSync(fd);
  renameSync(partial, path);
  return { path, rows, bytes: statSync(path).size, invalidRows };
}
