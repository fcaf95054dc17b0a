import { type ColumnMatch, matchLevel } from './match.ts';

/** What the match step tells the user at a glance: "8 of 10 columns matched, 2 to check". */
export interface MatchSummary {
  /** File columns. */
  readonly columns: number;
  /** File columns that go to a field, by suggestion or by hand. */
  readonly matched: number;
  /** Of those, the ones matched by a suggestion below `sure` that the user has not chosen. */
  readonly toCheck: number;
}

/**
 * Counts a mapping (field key to file column, or null) against the matcher's suggestions; fields
 * in `chosen` were set by the user and need no check.
 */
export function summarizeMatches(
  columnCount: number,
  mapping: Readonly<Record<string, number | null>>,
  suggestions: readonly ColumnMatch[],
  chosen: ReadonlySet<string> = new Set(),
): MatchSummary {
  const used = new Set<number>();
  let toCheck = 0;
  for (const [key, column] of Object.entries(mapping)) {
    if (column === null || column < 0 || column >= columnCount || used.has(column)) continue;
    used.add(column);
    if (chosen.has(key)) continue;
    const suggestion = suggestions.find((s) => s.key === key && s.fileColumn === column);
    if (suggestion && matchLevel(suggestion.confidence) !== 'sure') toCheck++;
  }
  return { columns: columnCount, matched: used.size, toCheck };
}
