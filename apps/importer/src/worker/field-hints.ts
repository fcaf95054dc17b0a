import {
  type ColumnHints,
  type ColumnSpec,
  detectHints,
  matchValues,
  type SelectColumn,
} from '@csv-importer/core';
import type { Dataset } from './dataset.ts';
import type { FieldHints, ValueSuggestion } from './session-types.ts';

/** Data rows of a column that detection reads: enough to settle a hint, as the goldens read it. */
export const HINT_SAMPLE_ROWS = 500;

/**
 * How each mapped field reads the file: core's `detectHints` on the first rows of its column,
 * the user's choices (`chosen`) over what was detected. Returns the hints to compile each column
 * with, and per field what the user is shown: the hints applied, those the values could not
 * settle and the user has not chosen (`confirm`), and cells of the file that decide or are
 * ambiguous (`examples`). Fields with nothing detected, asked or chosen are left out.
 */
export function fieldHints(
  data: Dataset,
  specs: readonly ColumnSpec[],
  chosen: Readonly<Record<string, ColumnHints>>,
): { compile: Record<string, ColumnHints>; shown: Record<string, FieldHints> } {
  const compile: Record<string, ColumnHints> = {};
  const shown: Record<string, FieldHints> = {};
  const rows = Math.min(data.rowCount, HINT_SAMPLE_ROWS);
  specs.forEach((spec, field) => {
    const own = chosen[spec.key] ?? {};
    const source = data.sourceOf(field);
    const sample: string[] = [];
    if (source >= 0) for (let r = 0; r < rows; r++) sample.push(data.cell(r, source));
    const detected = source >= 0 ? detectHints(spec, sample) : { hints: {}, confirm: [], examples: [] };
    const applied: ColumnHints = { ...detected.hints, ...own };
    const confirm = detected.confirm.filter((hint) => own[hint] === undefined);
    compile[spec.key] = applied;
    if (Object.keys(applied).length > 0 || confirm.length > 0 || detected.examples.length > 0)
      shown[spec.key] = { applied, confirm, examples: detected.examples };
  });
  return { compile, shown };
}

/**
 * Options suggested for the distinct values of file column `source` as select field `spec`
 * (core's `matchValues`, fuzzy included), most frequent first; empty for a field that is no
 * select. The column is given, not read from the mapping: the values step runs before `validate`.
 */
export function suggestValues(
  data: Dataset,
  spec: ColumnSpec,
  source: number,
  limit: number,
): ValueSuggestion[] {
  if (spec.type !== 'select' || source < 0) return [];
  const values = data.distinctValues(source, limit);
  const matches = matchValues(
    values.map((v) => v.value),
    spec as SelectColumn,
  );
  return values.map(({ value, count }, i) => ({
    value,
    count,
    suggestion: matches[i]!.option,
    confidence: matches[i]!.confidence,
  }));
}
