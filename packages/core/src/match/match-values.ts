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

/**
 * Suggests an option for each distinct file value, the way column headers are matched: exact
 * value, then normalized value/label/alternate, then fuzzy similarity above `threshold`. Several
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
    for (const [name, option] of names) {
      const s = similarity(normalized, name);
      if (s > score) [best, score] = [option, s];
    }
    out.push(
      score >= threshold
        ? { fileValue, option: best, confidence: Math.round(score * 1000) / 1000, via: 'fuzzy' }
        : { fileValue, option: null, confidence: 0, via: 'none' },
    );
  }
  return out;
}
