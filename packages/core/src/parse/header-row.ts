import type { ColumnSpec } from '../columns/column-spec.ts';
import { normalizeHeader } from '../match/normalize.ts';

/** How many leading records are considered as the header row. */
export const HEADER_SCAN_ROWS = 20;

const LOOKS_LIKE_DATA = /^[\s\d.,:;/+\-()%€$£¥'"]*$|@|^\d{4}-\d{2}-\d{2}/;

/** The likely header row, and how sure the guess is (0-1). */
export interface HeaderGuess {
  /** Index of the header among the parsed records (blank lines are already skipped). */
  readonly index: number;
  readonly confidence: number;
}

/**
 * Finds the header row among the first records, skipping preambles such as `Export generated
 * 2024-05-01`: a header is as wide as the data below it, its cells are filled, distinct and
 * look like names rather than values, and names that match the application's fields count
 * extra. Ties go to the earlier row, so a file whose first row is the header keeps it.
 */
export function detectHeaderRow(
  rows: readonly (readonly string[])[],
  columns: readonly ColumnSpec[] = [],
): HeaderGuess {
  const scan = rows.slice(0, HEADER_SCAN_ROWS);
  if (scan.length === 0) return { index: 0, confidence: 0 };
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
  return { index: best, confidence: Math.max(0, Math.min(1, margin / Math.max(1, Math.abs(bestScore)))) };
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
