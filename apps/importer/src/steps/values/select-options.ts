import type { ColumnSpec } from '@csv-importer/core';

/** One allowed value of a select field. */
export interface SelectOption {
  readonly value: string;
  readonly label: string;
  readonly alternates: readonly string[];
}

/** The options of a select field, whatever shape the column spec gives them in. */
export function selectOptions(spec: ColumnSpec): SelectOption[] {
  const raw = (spec as ColumnSpec & { options?: unknown }).options;
  if (spec.type !== ('select' as string) || !Array.isArray(raw)) return [];
  return raw.flatMap((o: unknown) => {
    if (typeof o === 'string') return [{ value: o, label: o, alternates: [] }];
    if (o && typeof o === 'object' && typeof (o as { value?: unknown }).value === 'string') {
      const option = o as { value: string; label?: string; alternates?: string[]; synonyms?: string[] };
      return [
        {
          value: option.value,
          label: option.label ?? option.value,
          alternates: option.alternates ?? option.synonyms ?? [],
        },
      ];
    }
    return [];
  });
}
