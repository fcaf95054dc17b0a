import type { ColumnSpec } from '../columns/column-spec.ts';
import { analyseName, conceptRelation, type NameAnalysis } from './concepts.ts';
import { distinctiveType, profileSamples, type SampleProfile, valueFit } from './concepts-values.ts';
import { normalizeHeader, similarity } from './normalize.ts';

export { normalizeHeader } from './normalize.ts';

/** A suggested pairing of one file column with one application field. */
export interface ColumnMatch {
  /** Position of the column in the file's header row. */
  readonly fileColumn: number;
  readonly key: string;
  /**
   * 1 for an exact key, label or synonym; below 1 for a suggestion read from concepts, values or
   * similarity. `matchLevel` turns it into sure, likely or unsure.
   */
  readonly confidence: number;
  /**
   * How it was found: the field's `key`, `label` or one of its `synonyms` written exactly; a shared
   * `concept` of the built-in dictionary (`Mobile #` and Phone); the column's `values` alone (only
   * e-mail addresses, the one e-mail field); `fuzzy` similarity of the names or a typo.
   */
  readonly via: 'key' | 'label' | 'synonym' | 'concept' | 'values' | 'fuzzy';
}

/** How sure a suggestion is: `sure` needs no look, `likely` deserves one, `unsure` needs the user. */
export type MatchLevel = 'sure' | 'likely' | 'unsure';

/**
 * Lowest confidence of each level. Wrong candidates that resemble the right one (`Plan Price` for
 * Plan, `Secondary Email` for E-mail, `Country Code` for Country) stay below `sure`; the matching
 * benchmark (match-corpus.test.ts) checks that over real exports.
 */
export const MATCH_LEVELS = { sure: 0.9, likely: 0.7 } as const;

export function matchLevel(confidence: number): MatchLevel {
  return confidence >= MATCH_LEVELS.sure ? 'sure' : confidence >= MATCH_LEVELS.likely ? 'likely' : 'unsure';
}

/** Suggestions below this confidence are not made. */
export const FUZZY_THRESHOLD = 0.6;

/**
 * Bounds on the work a file's header row can cause (the file sets how many headers there are and
 * how long): a header longer than `MAX_HEADER_LENGTH` is never matched automatically (no field
 * name is that long; the user can still map it), similarity compares the first
 * `FUZZY_NAME_LENGTH` normalized characters of each name (concepts read the first
 * `MAX_ANALYSED_LENGTH` characters), and only the first `MAX_FUZZY_HEADERS` columns of a file
 * take part in the scored phase (every column takes part in the exact phases). 2,000 headers of
 * 1,000 characters once took 17 s to match; now they are skipped.
 */
export const MATCH_LIMITS = {
  MAX_HEADER_LENGTH: 512,
  FUZZY_NAME_LENGTH: 64,
  MAX_FUZZY_HEADERS: 500,
} as const;

export interface MatchOptions {
  /** Minimum confidence of a suggestion that is not exact (default `FUZZY_THRESHOLD`). */
  readonly threshold?: number;
  /**
   * A few non-empty values of each file column, by position (the frame shows three per column).
   * They confirm or contradict a header (e-mail addresses under `Contact`, a select field's options)
   * and can name a column alone when its header says nothing.
   */
  readonly samples?: readonly (readonly string[] | undefined)[];
}

/** Confidence of a header for a field by their concepts; null when either names no concept. */
function conceptScore(header: NameAnalysis, field: NameAnalysis): number | null {
  if (header.concept === null || field.concept === null) return null;
  const relation = conceptRelation(header.concept, field.concept);
  if (relation === null) {
    // `Plan Price` names Plan only as a qualifier: a decoy, not a weak match.
    return 0;
  }
  let score = relation === 'same' ? 0.96 : relation === 'narrower' ? 0.88 : relation === 'wider' ? 0.8 : 0.75;
  // An ambiguous header (`Nom`, `Title`) is likely at best; an ambiguous field name is not the file's doubt.
  if (header.weak) score = Math.min(score, 0.85);
  if (header.approx || field.approx) score = Math.min(score, 0.82);
  for (const mod of header.mods) {
    if (field.modSet.has(mod)) continue;
    if (relation !== 'same') return Math.min(score, 0.55);
    if (mod === 'instance') score = Math.min(score, 0.5);
    else if (mod.startsWith('role:')) score = Math.min(score, field.hasRole ? 0.45 : 0.78);
    else if (mod === 'form') score = Math.min(score, 0.72);
    else if (mod.startsWith('concept:')) score = Math.min(score, 0.8);
    else score = Math.min(score, 0.85);
  }
  for (const mod of field.mods) {
    if (!header.modSet.has(mod)) score = Math.min(score, mod === 'instance' ? 0.6 : 0.86);
  }
  return score;
}

/** Similarity of the names themselves, for fields and headers outside the dictionary; never sure. */
function fuzzyScore(header: NameAnalysis, field: NameAnalysis, threshold: number): number {
  const a = header.normalized.slice(0, MATCH_LIMITS.FUZZY_NAME_LENGTH);
  const b = field.normalized.slice(0, MATCH_LIMITS.FUZZY_NAME_LENGTH);
  if (a === '' || b === '') return 0;
  // Containment alone (`Shipping` in `Shipping country`) is how decoys looked right: names of
  // very different lengths are not compared.
  if (Math.abs(a.length - b.length) / Math.max(a.length, b.length) > 0.4) return 0;
  return Math.min(0.84, similarity(a, b, threshold));
}

interface Scored {
  readonly score: number;
  readonly via: 'concept' | 'fuzzy';
}

function headerScore(header: NameAnalysis, names: readonly NameAnalysis[], threshold: number): Scored {
  let best: Scored = { score: 0, via: 'fuzzy' };
  for (const name of names) {
    const byConcept = conceptScore(header, name);
    const scored: Scored =
      byConcept !== null
        ? { score: byConcept, via: header.approx ? 'fuzzy' : 'concept' }
        : { score: fuzzyScore(header, name, threshold), via: 'fuzzy' };
    if (scored.score > best.score) best = scored;
  }
  return best;
}

/** Adds what the values say: a fit nudges up (never across the sure line), values of another kind pull down. */
function withValues(scored: Scored, fit: -2 | -1 | 0 | 1): Scored {
  if (fit === 1) {
    const ceiling = scored.score >= MATCH_LEVELS.sure ? 0.97 : MATCH_LEVELS.sure - 0.01;
    return { ...scored, score: Math.min(ceiling, scored.score + 0.04) };
  }
  if (fit === -2) return { ...scored, score: scored.score * 0.6 };
  if (fit === -1) return { ...scored, score: scored.score * 0.85 };
  return scored;
}

/**
 * Suggests a one-to-one mapping from file columns to fields. First the exact phases over
 * normalized names: key, label, synonym (confidence 1; the first file column wins, so a
 * duplicated header does not take a field twice). Then every remaining pair is scored: both names
 * are read into concepts of the built-in dictionary (concepts-data.ts: everyday names and
 * abbreviations in twelve languages) with their qualifiers, so `Mobile #` suits Phone and
 * `Secondary Email` does not suit E-mail; names outside the dictionary fall back to similarity;
 * sample values confirm or contradict, and name a column alone when only they can. Pairs at or
 * above the threshold are assigned from the best score down. Blank headers never match.
 */
export function matchColumns(
  headers: readonly string[],
  columns: readonly ColumnSpec[],
  options: MatchOptions = {},
): ColumnMatch[] {
  const threshold = options.threshold ?? FUZZY_THRESHOLD;
  const matches: ColumnMatch[] = [];
  const takenKeys = new Set<string>();
  const takenColumns = new Set<number>();
  const { MAX_HEADER_LENGTH, MAX_FUZZY_HEADERS } = MATCH_LIMITS;
  // A header too long to be a name is blank to matching: it is compared with nothing.
  const normalized = headers.map((h) => (h.length > MAX_HEADER_LENGTH ? '' : normalizeHeader(h)));
  const phases: readonly [
    Exclude<ColumnMatch['via'], 'fuzzy' | 'concept' | 'values'>,
    (c: ColumnSpec) => readonly string[],
  ][] = [
    ['key', (c) => [c.key]],
    ['label', (c) => [c.label]],
    ['synonym', (c) => c.synonyms ?? []],
  ];
  for (const [via, names] of phases) {
    for (const column of columns) {
      if (takenKeys.has(column.key)) continue;
      const wanted = new Set(names(column).map(normalizeHeader));
      const fileColumn = normalized.findIndex((h, i) => !takenColumns.has(i) && h !== '' && wanted.has(h));
      if (fileColumn === -1) continue;
      takenKeys.add(column.key);
      takenColumns.add(fileColumn);
      matches.push({ fileColumn, key: column.key, confidence: 1, via });
    }
  }
  const open = columns
    .map((column, order) => ({ column, order }))
    .filter(({ column }) => !takenKeys.has(column.key));
  const fieldNames = open.map(({ column }) =>
    [column.key, column.label, ...(column.synonyms ?? [])]
      .filter((n) => normalizeHeader(n) !== '')
      .map(analyseName),
  );
  const profiles: (SampleProfile | null)[] = normalized
    .slice(0, MAX_FUZZY_HEADERS)
    .map((_, i) => profileSamples(options.samples?.[i]));
  // A column whose values alone name a type names the field only when it is the one field of that type.
  const onlyOfType = (type: string) => {
    const of = open.filter(({ column }) => column.type === type);
    return of.length === 1 ? of[0]!.column.key : null;
  };
  const candidates: {
    fileColumn: number;
    key: string;
    score: number;
    via: ColumnMatch['via'];
    order: number;
  }[] = [];
  normalized.slice(0, MAX_FUZZY_HEADERS).forEach((name, fileColumn) => {
    if (takenColumns.has(fileColumn) || name === '') return;
    const header = analyseName(headers[fileColumn]!);
    const profile = profiles[fileColumn] ?? null;
    const distinctive = profile ? distinctiveType(profile) : null;
    const byValues = distinctive && header.concept === null ? onlyOfType(distinctive) : null;
    open.forEach(({ column, order }, f) => {
      let scored = headerScore(header, fieldNames[f]!, threshold);
      if (profile) scored = withValues(scored, valueFit(profile, column));
      let via: ColumnMatch['via'] = scored.via;
      if (byValues === column.key && scored.score < 0.65)
        [scored, via] = [{ score: 0.65, via: 'fuzzy' }, 'values'];
      if (scored.score >= threshold)
        candidates.push({ fileColumn, key: column.key, score: scored.score, via, order });
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.fileColumn - b.fileColumn || a.order - b.order);
  for (const { fileColumn, key, score, via } of candidates) {
    if (takenKeys.has(key) || takenColumns.has(fileColumn)) continue;
    takenKeys.add(key);
    takenColumns.add(fileColumn);
    matches.push({ fileColumn, key, confidence: Math.round(score * 1000) / 1000, via });
  }
  return matches.sort((a, b) => a.fileColumn - b.fileColumn);
}

/** File columns no field was matched to: the application may ask to receive them as they are. */
export function unmatchedColumns(headers: readonly string[], matches: readonly ColumnMatch[]): number[] {
  const used = new Set(matches.map((m) => m.fileColumn));
  return headers.map((_, i) => i).filter((i) => !used.has(i));
}
