import type { ColumnSpec } from '../columns/column-spec.ts';
import { normalizeHeader } from '../match/normalize.ts';

/** How many leading records are considered as the header row. */
export const HEADER_SCAN_ROWS = 20;

const LOOKS_LIKE_DATA = /^[\s\d.,:;/+\-()%€$£¥'"]*$|@|^\d{4}-\d{2}-\d{2}/;

/**
 * How far the header row must score above every other row, relative to its own score, for the
 * guess to be certain: at 0.5 a first row of names over rows of names and values (`First Name`,
 * `E-mail` over `Ada`, `ada@example.com`) is certain; a first row that scores like the rows below
 * it (`Ada, London` over `Grace, Paris`: no header, or one that looks like data) is not.
 */
export const CERTAIN_HEADER_CONFIDENCE = 0.5;

/** The likely header row, and how sure the guess is (0-1). */
export interface HeaderGuess {
  /** Index of the header among the parsed records (blank lines are already skipped). */
  readonly index: number;
  readonly confidence: number;
  /**
   * Nothing about the guess is left to decide, so an importer may apply it without asking (and
   * say so): the header is the file's first line (no blank line above it, `blankBefore`), every
   * one of its cells is filled, distinct and a name rather than a value, it names as many columns
   * as most records below fill, and its `confidence` is at least `CERTAIN_HEADER_CONFIDENCE`. A preamble, blank
   * leading lines, an empty or repeated name, a header that reads like data: not certain.
   */
  readonly certain: boolean;
}

/** What `detectHeaderRow` knows besides the records. */
export interface HeaderContext {
  /**
   * The file had blank lines (or blank rows, in a sheet) above its first record; they were
   * skipped. `leadingBlankLine` tells it for a text file.
   */
  readonly blankBefore?: boolean;
}

/** Excel's `sep=` line names the delimiter; it is not a line of the table. */
const SEP_LINE = /^sep=.(\r\n|\n|\r)/i;

/**
 * Whether `text` (the start of a decoded text file) begins with a blank line, after a BOM and
 * Excel's `sep=` line: the table does not start on the file's first line.
 */
export function leadingBlankLine(text: string): boolean {
  const start = text.replace(/^\uFEFF/, '').replace(SEP_LINE, '');
  return /^[ \t]*(\r\n|\n|\r)/.test(start);
}

/**
 * Finds the header row among the first records, skipping preambles such as `Export generated
 * 2024-05-01`: a header is as wide as the data below it, its cells are filled, distinct and
 * look like names rather than values, and names that match the application's fields count
 * extra. Ties go to the earlier row, so a file whose first row is the header keeps it. Whether
 * the guess is `certain` is decided here too, so every caller applies the same rule.
 */
export function detectHeaderRow(
  rows: readonly (readonly string[])[],
  columns: readonly ColumnSpec[] = [],
  context: HeaderContext = {},
): HeaderGuess {
  const scan = rows.slice(0, HEADER_SCAN_ROWS);
  if (scan.length === 0) return { index: 0, confidence: 0, certain: false };
  const known = new Set(columns.flatMap((c) => [c.key, c.label, ...(c.synonyms ?? [])].map(normalizeHeader)));
  const filled = (row: readonly string[]) => row.filter((cell) => cell.trim() !== '').length;
  // The width most records below have: the data's width.
  const widths = new Map<number, number>();
  for (const row of scan) widths.set(filled(row), (widths.get(filled(row)) ?? 0) + 1);
  const dataWidth = [...widths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
  let best = 0;
  let bestScore = Number.NEGATIVE_INFINITY;
  const scores = scan.map((row, index) => {
    const cells = row.map((c) => c.trim()).filter((c) => c !== '');
    const names = cells.filter((c) => !LOOKS_LIKE_DATA.test(c));
    const distinct = new Set(cells.map(normalizeHeader)).size;
    const matched = cells.filter((c) => known.has(normalizeHeader(c))).length;
    const score =
      names.length * 2 -
      (cells.length - names.length) * 2 -
      (cells.length - distinct) +
      matched * 3 -
      Math.abs(dataWidth - cells.length) * 3;
    if (score > bestScore) [best, bestScore] = [index, score];
    return score;
  });
  const runnerUp = Math.max(Number.NEGATIVE_INFINITY, ...scores.filter((_, i) => i !== best));
  const margin = Number.isFinite(runnerUp) ? bestScore - runnerUp : bestScore;
  const confidence = Math.max(0, Math.min(1, margin / Math.max(1, Math.abs(bestScore))));
  const header = scan[best]!.map((c) => c.trim());
  // A name for every value most records below hold (an optional column often left empty, or a
  // ragged row, which is reported apart, leaves it certain; values without a name do not).
  const filledBelow = new Map<number, number>();
  for (const row of scan.slice(best + 1))
    filledBelow.set(filled(row), (filledBelow.get(filled(row)) ?? 0) + 1);
  const widthBelow = [...filledBelow.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
  const certain =
    best === 0 &&
    !context.blankBefore &&
    confidence >= CERTAIN_HEADER_CONFIDENCE &&
    header.length >= widthBelow &&
    header.every((c) => c !== '' && !LOOKS_LIKE_DATA.test(c)) &&
    new Set(header.map(normalizeHeader)).size === header.length;
  return { index: best, confidence, certain };
}

/**
 * The header names as the user sees them: trimmed, a stray BOM removed, a blank name replaced by
 * `Column N` (1-based position) and a repeated name suffixed ` (2)`, ` (3)`, so every file column
 * can be told apart in the matching step. Names compare without case. A suffix never takes a name
 * the file itself has (`a, a, a (2)` gives `a`, `a (3)`, `a (2)`), so the names are distinct
 * whatever the file holds; `__proto__` or `constructor` are ordinary names (kept in a `Set`).
 */
export function headerNames(row: readonly string[]): string[] {
  const bases = row.map((raw, i) => raw.replace(/^\uFEFF/, '').trim() || `Column ${i + 1}`);
  const inFile = new Set(bases.map((name) => name.toLowerCase()));
  const used = new Set<string>();
  return bases.map((name) => {
    const key = name.toLowerCase();
    if (!used.has(key)) {
      used.add(key);
      return name;
    }
    let n = 2;
    while (used.has(`${key} (${n})`) || inFile.has(`${key} (${n})`)) n++;
    used.add(`${key} (${n})`);
    return `${name} (${n})`;
  });
}
