import type { SelectColumn } from '../columns/column-spec.ts';
import { indexOptions } from '../types/select.ts';
import { normalizeValue, similarity } from './normalize.ts';

/** A suggested option for one distinct file value of a select column. */
export interface ValueMatch {
  readonly fileValue: string;
  /** The option value, or null when nothing is close enough. */
  readonly option: string | null;
  readonly confidence: number;
  readonly via: 'exact' | 'normalized' | 'fuzzy' | 'none';
}

/** Scores closer than this name no option in particular. */
const TIE = 0.02;

/**
 * How close a normalized file value is to a normalized option name: the header similarity, or
 * for the beginning of a name (`fre` for free, `ent` for enterprise; three letters at least)
 * 0.8 and up by how much of the name it covers, since people shorten options that way.
 */
function nameScore(value: string, name: string): number {
  const s = similarity(value, name);
  return value.length >= 3 && name.startsWith(value)
    ? Math.max(s, 0.8 + 0.2 * (value.length / name.length))
    : s;
}

/**
 * Suggests an option for each distinct file value, the way column headers are matched: exact
 * value, then normalized value/label/alternate, then fuzzy similarity or a prefix above
 * `threshold` (`Enterprize` and `ent` suggest enterprise, with a confidence below 1), nothing when
 * two options score alike. Several
 * file values may map to one option (`Pro`, `pro`, `PRO`). The user's confirmed choices become
 * `hints.valueMap` for `compileColumn`.
 */
export function matchValues(
  fileValues: Iterable<string>,
  spec: SelectColumn,
  threshold = 0.75,
): ValueMatch[] {
  const index = indexOptions(spec);
  const names = [...index.byNormalized.entries()];
  const out: ValueMatch[] = [];
  const seen = new Set<string>();
  for (const fileValue of fileValues) {
    if (seen.has(fileValue)) continue;
    seen.add(fileValue);
    if (index.values.has(fileValue)) {
      out.push({ fileValue, option: fileValue, confidence: 1, via: 'exact' });
      continue;
    }
    const normalized = normalizeValue(fileValue);
    const direct = index.byNormalized.get(normalized);
    if (direct !== undefined) {
      out.push({ fileValue, option: direct, confidence: 1, via: 'normalized' });
      continue;
    }
    let best: string | null = null;
    let score = 0;
    let rival = 0;
    for (const [name, option] of names) {
      const s = nameScore(normalized, name);
      if (option === best) score = Math.max(score, s);
      else if (s > score) [best, rival, score] = [option, score, s];
      else rival = Math.max(rival, s);
    }
    // Two options about as close (`sta` for starter and standard) is a guess, not a suggestion.
    out.push(
      score >= threshold && score - rival > TIE
        ? { fileValue, option: best, confidence: Math.round(score * 1000) / 1000, via: 'fuzzy' }
        : { fileValue, option: null, confidence: 0, via: 'none' },
    );
  }
  return out;
}
