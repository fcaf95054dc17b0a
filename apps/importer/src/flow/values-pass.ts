import type { ColumnSpec } from '@csv-importer/core';
import { selectOptions } from '../steps/values/select-options.ts';
import type { ImportSessionApi, Mapping, ValueSuggestion } from '../worker/session-types.ts';

/**
 * Whether every value of each select column is already one of its field's options, exactly: then
 * the values step holds no decision and the flow passes it through. Empty cells need none either.
 */
export async function valuesAllExact(
  session: {
    suggestValues(...args: Parameters<ImportSessionApi['suggestValues']>): Promise<ValueSuggestion[]>;
  },
  selects: readonly ColumnSpec[],
  mapping: Mapping,
): Promise<boolean> {
  for (const field of selects) {
    const column = mapping[field.key];
    if (column === null || column === undefined) continue;
    const options = selectOptions(field);
    // One more than the options: a column with more distinct values cannot match them all.
    const values = await session.suggestValues(column, field.key, options.length + 2);
    if (values.length > options.length + 1) return false;
    const exact = values.every((v) => v.value.trim() === '' || v.value === v.suggestion);
    if (!exact) return false;
  }
  return true;
}
