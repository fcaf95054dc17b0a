import type { ColumnSpec } from '@csv-importer/core';
import type { SavedMappings } from '@csv-importer/protocol';
import type { Mapping, ValueMapping } from '../../worker/session-types.ts';

/** Longest header or value a saved mapping keeps (the wire form's limit); longer ones are not remembered. */
const SAVED_TEXT_LENGTH = 1000;

/** Sets `key` on `record` as an own property, whatever it is named (`__proto__` included). */
function define<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Applies the column choices of an earlier import to a new file's suggested `mapping`: each file
 * column whose header text the saved mappings name (the first column of a repeated header) takes
 * the field saved for it, or none where the user left it out, whatever was suggested; the field
 * leaves any other column. Fields the spec no longer has are passed over. Returns the mapping
 * and the fields whose column came from the saved mappings.
 */
export function applySavedColumns(
  headers: readonly string[],
  fields: readonly ColumnSpec[],
  mapping: Mapping,
  saved: SavedMappings | undefined,
): { mapping: Record<string, number | null>; remembered: Set<string> } {
  const next: Record<string, number | null> = { ...mapping };
  const remembered = new Set<string>();
  if (!saved) return { mapping: next, remembered };
  const known = new Set(fields.map((f) => f.key));
  const seen = new Set<string>();
  headers.forEach((header, column) => {
    if (header === '' || seen.has(header) || !Object.hasOwn(saved.columns, header)) return;
    seen.add(header);
    const field = saved.columns[header] ?? null;
    if (field !== null && (!known.has(field) || remembered.has(field))) return;
    for (const [key, source] of Object.entries(next))
      if (source === column && !remembered.has(key)) next[key] = null;
    if (field === null) return;
    next[field] = column;
    remembered.add(field);
  });
  return { mapping: next, remembered };
}

/**
 * The choices of this import in the form a host stores (`meta.mappings`): each header to its
 * field (`null` for a column left out; the first of a repeated header), and the select values'
 * options per field. Headers and values longer than the wire form allows are left out.
 */
export function savedMappings(
  headers: readonly string[],
  mapping: Mapping,
  values: ValueMapping,
): SavedMappings {
  const fieldOf = new Map<number, string>();
  for (const [key, source] of Object.entries(mapping)) if (source !== null) fieldOf.set(source, key);
  const columns: Record<string, string | null> = {};
  headers.forEach((header, column) => {
    if (header === '' || header.length > SAVED_TEXT_LENGTH || Object.hasOwn(columns, header)) return;
    define(columns, header, fieldOf.get(column) ?? null);
  });
  const byField: Record<string, Record<string, string>> = {};
  for (const [field, chosen] of Object.entries(values)) {
    if ((mapping[field] ?? null) === null) continue;
    const kept: Record<string, string> = {};
    for (const [value, option] of Object.entries(chosen))
      if (value.length <= SAVED_TEXT_LENGTH && option.length <= SAVED_TEXT_LENGTH)
        define(kept, value, option);
    if (Object.keys(kept).length > 0) byField[field] = kept;
  }
  return { version: 1, columns, values: byField };
}

/**
 * Two sets of saved mappings as one, `later` winning where both name a header or a field's value:
 * the host's remembered mappings and those the user made earlier in this session.
 */
export function mergeSaved(
  earlier: SavedMappings | undefined,
  later: SavedMappings | undefined,
): SavedMappings | undefined {
  if (!earlier || !later) return later ?? earlier;
  const columns: Record<string, string | null> = {};
  for (const source of [earlier.columns, later.columns])
    for (const [header, field] of Object.entries(source)) define(columns, header, field);
  const values: Record<string, Record<string, string>> = {};
  for (const source of [earlier.values, later.values])
    for (const [field, chosen] of Object.entries(source)) {
      const merged = Object.hasOwn(values, field) ? values[field]! : {};
      for (const [value, option] of Object.entries(chosen)) define(merged, value, option);
      define(values, field, merged);
    }
  return { version: 1, columns, values };
}
