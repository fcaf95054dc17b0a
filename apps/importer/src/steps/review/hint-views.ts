import type { ColumnHints, ColumnSpec } from '@csv-importer/core';
import type { FieldHints, HintReading, Mapping } from '../../worker/session-types.ts';

/** A hint the importer may ask about: how a number column writes decimals, how dates order day and month. */
export type HintKind = 'decimalSeparator' | 'dateOrder';
export type HintValue = ',' | '.' | 'DMY' | 'MDY';

/** The two readings of each kind, in the order the UI offers them; the second is core's default. */
export const CHOICES = {
  decimalSeparator: [',', '.'],
  dateOrder: ['DMY', 'MDY'],
} as const satisfies Record<HintKind, readonly [HintValue, HintValue]>;

/** A number, an ISO date, or null when that reading makes the cell invalid. */
export type Reading = HintReading;

/** A cell of the user's file with its reading under each of the kind's two choices. */
export interface HintExample {
  readonly text: string;
  readonly readings: readonly [Reading, Reading];
}

/** One field's reading hint as the review step shows it: a question, or a statement to change. */
export interface HintView {
  readonly field: ColumnSpec;
  readonly kind: HintKind;
  /** What applies now (the default until the user answers a question). */
  readonly value: HintValue;
  /** The file did not settle it and the user has not answered yet. */
  readonly ask: boolean;
  readonly byUser: boolean;
  /** The cell the question or statement names: one that reads both ways when there is one. */
  readonly example: HintExample;
  /** Whether `example` reads as two different valid values (else the question asks in general). */
  readonly twoWays: boolean;
  /** The other cells of the file detection looked at. */
  readonly others: readonly string[];
}

/** Which hint a field's type can take, if any. */
export function hintKind(field: ColumnSpec): HintKind | null {
  if (field.type === 'number' || field.type === 'integer') return 'decimalSeparator';
  if (field.type === 'date' || field.type === 'datetime') return 'dateOrder';
  return null;
}

/**
 * The user's answers per field, each tied to the file column it was given for: an answer about
 * one column does not carry over to another column matched to the same field later.
 */
export class HintAnswers {
  #answers = new Map<string, { readonly column: number; readonly hints: ColumnHints }>();

  set(field: string, column: number, kind: HintKind, value: HintValue): void {
    const kept = this.#answers.get(field);
    const before = kept?.column === column ? kept.hints : {};
    this.#answers.set(field, { column, hints: { ...before, [kind]: value } });
  }

  /** The answers that still apply under `mapping`, as `validate` takes them. */
  forMapping(mapping: Mapping): Record<string, ColumnHints> {
    const out: Record<string, ColumnHints> = {};
    for (const [field, { column, hints }] of this.#answers) if (mapping[field] === column) out[field] = hints;
    return out;
  }

  clear(): void {
    this.#answers.clear();
  }
}

/** A reading that names a different, valid value under each choice: the one worth asking about. */
const decides = (e: HintExample) =>
  e.readings[0] !== null && e.readings[1] !== null && e.readings[0] !== e.readings[1];

/** Reads cells under hints: the worker's `readWithHints`, which runs core's. */
export type HintReader = (
  kind: 'number' | 'date',
  texts: readonly string[],
  choices: readonly ColumnHints[],
) => Promise<HintReading[][]>;

/** `hintViews` with each field's examples read under both choices by `read`. */
export async function readHintViews(
  read: HintReader,
  fields: readonly ColumnSpec[],
  hints: Readonly<Record<string, FieldHints>>,
  answers: Readonly<Record<string, ColumnHints>>,
): Promise<HintView[]> {
  const readings: Record<string, HintReading[][]> = {};
  for (const field of fields) {
    const kind = hintKind(field);
    const examples = hints[field.key]?.examples ?? [];
    if (!kind || examples.length === 0) continue;
    const choices = CHOICES[kind].map((value) => ({ [kind]: value }));
    readings[field.key] = await read(kind === 'decimalSeparator' ? 'number' : 'date', examples, choices);
  }
  return hintViews(fields, hints, answers, readings);
}

/**
 * The hints worth showing: every question the file leaves open, each decimal comma and detected
 * day/month order, and whatever the user chose. A decimal point read from `12.5` goes without
 * saying. `readings[field][i]` are the readings of `hints[field].examples[i]` under `CHOICES`.
 */
export function hintViews(
  fields: readonly ColumnSpec[],
  hints: Readonly<Record<string, FieldHints>>,
  answers: Readonly<Record<string, ColumnHints>>,
  readings: Readonly<Record<string, readonly (readonly Reading[])[]>>,
): HintView[] {
  const views: HintView[] = [];
  for (const field of fields) {
    const kind = hintKind(field);
    const found = hints[field.key];
    if (!kind || !found) continue;
    const answered = answers[field.key]?.[kind] as HintValue | undefined;
    const applied = (answered ?? found.applied[kind]) as HintValue | undefined;
    const value = applied ?? CHOICES[kind][1];
    const ask = answered === undefined && found.confirm.includes(kind);
    const examples: HintExample[] = found.examples.map((text, i) => {
      const [first = null, second = null] = readings[field.key]?.[i] ?? [];
      return { text, readings: [first, second] };
    });
    if (examples.length === 0) continue;
    const current = CHOICES[kind].indexOf(value as never);
    const shown =
      ask ||
      answered !== undefined ||
      value !== CHOICES[kind][1] ||
      kind === 'dateOrder' ||
      examples.some(decides);
    if (!shown || (applied === undefined && !ask)) continue;
    // A question names a cell that reads both ways; a statement the cell the choice changes most.
    const example =
      examples.find(decides) ?? examples.find((e) => e.readings[current] !== null) ?? examples[0]!;
    views.push({
      field,
      kind,
      value,
      ask,
      byUser: answered !== undefined,
      example,
      twoWays: decides(example),
      others: examples.filter((e) => e !== example).map((e) => e.text),
    });
  }
  return views;
}
