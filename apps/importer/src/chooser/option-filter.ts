import { normalizeValue } from '@csv-importer/core';

/** One entry of a chooser's list. */
export interface ChooserOption {
  /** What choosing it commits; `''` stands for "none" (not imported, keep as it is). */
  readonly value: string;
  readonly label: string;
  /** A second line that is part of the option's name: "held by column Notes", "required". */
  readonly note?: string;
  /** Other names the filter finds it by (a select option's value and alternate spellings). */
  readonly aliases?: readonly string[];
}

/** Most options a chooser's list holds at once: typing narrows it, so no list grows with the spec. */
export const MAX_SHOWN_OPTIONS = 60;

/** The options a chooser shows for what the user typed, and how many more matched. */
export interface Filtered {
  readonly shown: readonly ChooserOption[];
  /** Options that match but are not shown (over `limit`). */
  readonly hidden: number;
}

/**
 * The options whose label, value, note or alias contains `query` (accents, case and runs of
 * spaces and dashes folded as core folds select values), in their order, at most `limit` of them.
 * A blank query matches every option. Options that start with the query come first, so typing
 * `pro` puts Professional before Reproduction.
 */
export function filterOptions(
  options: readonly ChooserOption[],
  query: string,
  limit = MAX_SHOWN_OPTIONS,
): Filtered {
  const wanted = normalizeValue(query);
  if (wanted === '') return { shown: options.slice(0, limit), hidden: Math.max(0, options.length - limit) };
  const starting: ChooserOption[] = [];
  const containing: ChooserOption[] = [];
  for (const option of options) {
    const names = [option.label, option.value, ...(option.aliases ?? [])].map(normalizeValue);
    if (names.some((name) => name.startsWith(wanted))) starting.push(option);
    else if (
      names.some((name) => name.includes(wanted)) ||
      normalizeValue(option.note ?? '').includes(wanted)
    )
      containing.push(option);
  }
  const all = [...starting, ...containing];
  return { shown: all.slice(0, limit), hidden: Math.max(0, all.length - limit) };
}
