import type { ValueSuggestion } from '../../worker/session-types.ts';

/** What the user left on the values step for one field, tied to the file column it was made for. */
export interface FieldChoices {
  readonly column: number;
  /** File value to option; a value without an entry is kept as it is. */
  readonly chosen: Readonly<Record<string, string>>;
  /** File values whose option the user picked (or cleared) by hand. */
  readonly touched: readonly string[];
}

/**
 * The user's value choices per field across Back and Continue: given back when the same field is
 * matched to the same column again, forgotten with the file.
 */
export class ValueChoices {
  #byField = new Map<string, FieldChoices>();

  get(field: string, column: number): FieldChoices | undefined {
    const kept = this.#byField.get(field);
    return kept?.column === column ? kept : undefined;
  }

  set(field: string, choices: FieldChoices): void {
    this.#byField.set(field, choices);
  }

  clear(): void {
    this.#byField.clear();
  }

  /** Every field's chosen options (file value to option), whatever column they were made for. */
  chosen(): Record<string, Readonly<Record<string, string>>> {
    return Object.fromEntries([...this.#byField].map(([field, kept]) => [field, kept.chosen]));
  }
}

/**
 * The options a field's values start with: what the user picked by hand before in this session,
 * else what an earlier import saved for the value (`saved`, from the host's remembered
 * mappings), else the engine's suggestion. A value the user set back to "keep as it is" stays that way.
 */
export function initialChoices(
  suggestions: readonly ValueSuggestion[],
  remembered: FieldChoices | undefined,
  saved: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const touched = new Set(remembered?.touched);
  const chosen: Record<string, string> = {};
  for (const { value, suggestion } of suggestions) {
    const option = touched.has(value)
      ? remembered && Object.hasOwn(remembered.chosen, value)
        ? remembered.chosen[value]
        : undefined
      : Object.hasOwn(saved, value)
        ? saved[value]
        : suggestion;
    if (option !== undefined && option !== null) setChoice(chosen, value, option);
  }
  return chosen;
}

/**
 * Sets the option chosen for a file value: defined, not assigned, since the file's values may be
 * `__proto__` or `constructor`, which an assignment would send to the object's prototype.
 */
export function setChoice(chosen: Record<string, string>, value: string, option: string): void {
  Object.defineProperty(chosen, value, {
    value: option,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}
