import type { BooleanColumn } from '../columns/column-spec.ts';
import { type CellParser, fail, type Parsed } from './parsed.ts';

/** Words read as true, folded to lower case: English, German, French, Spanish, Italian, Dutch,
 * Portuguese, Scandinavian, Polish, Russian, Turkish, Chinese, Japanese, plus marks. */
export const TRUE_WORDS = [
  'true',
  'yes',
  'y',
  '1',
  'on',
  'x',
  '✓',
  '✔',
  'wahr',
  'ja',
  'j',
  'oui',
  'vrai',
  'sí',
  'si',
  'verdadero',
  'vero',
  'sì',
  'waar',
  'sim',
  'verdadeiro',
  'tak',
  'да',
  'evet',
  '是',
  'はい',
];
/** Words read as false, folded to lower case. */
export const FALSE_WORDS = [
  'false',
  'no',
  'n',
  '0',
  'off',
  '-',
  '✗',
  '✘',
  'falsch',
  'nein',
  'non',
  'faux',
  'falso',
  'nee',
  'onwaar',
  'não',
  'nao',
  'nej',
  'nei',
  'nie',
  'нет',
  'hayır',
  '否',
  'いいえ',
];

/** Reads yes/no, true/false, 1/0, y/n and localized words, case-insensitively, into a boolean. */
export function compileBoolean(spec: BooleanColumn): CellParser {
  const words = new Map<string, boolean>();
  for (const w of [...TRUE_WORDS, ...(spec.trueValues ?? [])]) words.set(w.toLowerCase(), true);
  for (const w of [...FALSE_WORDS, ...(spec.falseValues ?? [])]) words.set(w.toLowerCase(), false);
  // Two results, shared by every cell: a boolean column allocates nothing per valid cell.
  const yes: Parsed = { ok: true, value: true };
  const no: Parsed = { ok: true, value: false };
  return (input) => {
    if (typeof input === 'boolean') return input ? yes : no;
    const value = words.get(typeof input === 'number' ? String(input) : input.toLowerCase());
    return value === undefined ? fail('invalid_boolean') : value ? yes : no;
  };
}
