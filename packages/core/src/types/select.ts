import { ColumnSpecError, type SelectColumn } from '../columns/column-spec.ts';
import { normalizeValue } from '../match/normalize.ts';
import { type CellParser, type ColumnHints, fail, type ListParser, type Parsed } from './parsed.ts';

/** The options of a select column, with every spelling that names each. */
export interface OptionIndex {
  /** Exact option values. */
  readonly values: ReadonlySet<string>;
  /** Normalized value, label and alternates to option value. */
  readonly byNormalized: ReadonlyMap<string, string>;
}

/** Indexes a column's options; two options that normalize alike fail at definition time. */
export function indexOptions(spec: SelectColumn): OptionIndex {
  const values = new Set<string>();
  const byNormalized = new Map<string, string>();
  for (const option of spec.options) {
    const { value, label, alternates } =
      typeof option === 'string' ? { value: option, label: undefined, alternates: undefined } : option;
    if (values.has(value))
      throw new ColumnSpecError(`column "${spec.key}": option "${value}" is listed twice`, spec.key);
    values.add(value);
    for (const name of [value, label, ...(alternates ?? [])]) {
      if (name === undefined) continue;
      const key = normalizeValue(name);
      const other = byNormalized.get(key);
      if (other !== undefined && other !== value)
        throw new ColumnSpecError(
          `column "${spec.key}": "${name}" would name both option "${other}" and "${value}"`,
          spec.key,
        );
      byNormalized.set(key, value);
    }
  }
  return { values, byNormalized };
}

const DEFAULT_SEPARATORS = /[,;|]/;

/**
 * One of a fixed set of options, matched on value, label and alternate spellings, ignoring case
 * and accents; a cell matched other than exactly is reported as info `option_normalized`. The
 * value-mapping step's choices (`hints.valueMap`) come first. `multiple` splits the cell and
 * delivers `string[]`.
 */
export function compileSelect(spec: SelectColumn, hints: ColumnHints = {}): CellParser & ListParser {
  const index = indexOptions(spec);
  const valueMap = hints.valueMap ?? {};
  const separator = spec.separator ?? DEFAULT_SEPARATORS;
  // Select columns hold few distinct values: remember what each normalized to (bounded).
  const seen = new Map<string, string | undefined>();
  const lookup = (text: string): string | undefined => {
    if (index.values.has(text)) return text;
    if (seen.has(text)) return seen.get(text);
    const mapped = Object.hasOwn(valueMap, text) ? valueMap[text] : undefined;
    const option =
      mapped !== undefined && index.values.has(mapped)
        ? mapped
        : index.byNormalized.get(normalizeValue(text));
    if (seen.size < 10_000) seen.set(text, option);
    return option;
  };
  if (!spec.multiple) {
    // One shared result per option for exact matches: no allocation per valid cell.
    const exact = new Map([...index.values].map((value) => [value, { ok: true, value } as Parsed]));
    return (input: string | number | boolean | readonly string[]) => {
      if (Array.isArray(input)) return fail('wrong_type');
      const original = String(input);
      const shared = exact.get(original);
      if (shared !== undefined) return shared;
      const value = lookup(original);
      if (value === undefined) return fail('invalid_option', { value: original });
      return value === original
        ? { ok: true, value }
        : {
            ok: true,
            value,
            note: { code: 'option_normalized', level: 'info', params: { original, value } },
          };
    };
  }
  return (input: string | number | boolean | readonly string[]) => {
    const original = Array.isArray(input) ? input.join(',') : String(input);
    const pieces = Array.isArray(input) ? (input as readonly string[]) : original.split(separator);
    const value: string[] = [];
    for (const piece of pieces) {
      const text = piece.trim();
      if (text === '') continue;
      const option = lookup(text);
      if (option === undefined) return fail('invalid_option', { value: text });
      if (!value.includes(option)) value.push(option);
    }
    if (value.length === 0) return fail('invalid_option', { value: original });
    const exact = Array.isArray(input)
      ? value.length === input.length && value.every((v, i) => v === input[i])
      : value.join(typeof separator === 'string' ? separator : ',') === original;
    return exact
      ? { ok: true, value }
      : {
          ok: true,
          value,
          note: { code: 'option_normalized', level: 'info', params: { original, value: value.join(', ') } },
        };
  };
}
