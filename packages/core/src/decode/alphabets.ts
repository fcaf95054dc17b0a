import type { Encoding } from './encodings.ts';

// Which language a legacy encoding's reading of a file is written in, from its letters alone. The
// tie-breaker of `legacyEncoding` among readings that look about as much like words: Czech in
// windows-1250 (`Dvořák`) reads as letters in windows-1252 too (`Dvoøák`), but no language written
// in windows-1252 has that mix of letters. A few hundred bytes, where a statistical detector's
// byte tables cost tens of kilobytes in the frame's bundle.

/**
 * The letters beyond ASCII of the languages each encoding is used for, small letters only (a
 * capital counts as its small letter). The Western set holds the letters common to names across
 * Western Europe, for the contact lists that mix them.
 */
const LATIN: Partial<Record<Encoding, readonly string[]>> = {
  'windows-1252': [
    'äöüßéèêëáàâåæçíñóôøúœ', // names across Western Europe
    'äöüß', // German
    'éèêëàâîïôûùçœÿæ', // French
    'áéíóúñü', // Spanish
    'ãõáéíóúâêôàç', // Portuguese
    'àèéìòùí', // Italian
    'àèéíïòóúüç', // Catalan
    'æøåéóô', // Danish, Norwegian
    'äöåé', // Swedish, Finnish
    'ëïéèöüáóú', // Dutch
    'áðéíóúýþæö', // Icelandic
  ],
  'windows-1250': [
    'ąćęłńóśźż', // Polish
    'áčďéěíňóřšťúůýž', // Czech
    'áäčďéíĺľňóôŕšťúýž', // Slovak
    'áéíóöőúüű', // Hungarian
    'čćđšž', // Croatian, Bosnian, Serbian in Latin, Slovene
    'ăâîşţ', // Romanian (with cedillas, as windows-1250 writes them)
  ],
  'windows-1254': ['çğıiöşüâîû'], // Turkish (`İ` is counted as `i`)
  'windows-1257': [
    'ąčęėįšųūž', // Lithuanian
    'āčēģīķļņšūž', // Latvian
    'äöõüšž', // Estonian
    'äöüß', // German, which Baltic exports often hold
  ],
};
LATIN['iso-8859-15'] = LATIN['windows-1252'];
LATIN['iso-8859-2'] = LATIN['windows-1250'];

type Range = readonly [from: number, to: number];
const KANA: readonly Range[] = [
  [0x3040, 0x30ff],
  [0xff66, 0xff9f],
];
const HAN: readonly Range[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
];
/** CJK punctuation and full-width forms, which text in all three scripts holds. */
const CJK_SIGNS: readonly Range[] = [
  [0x3000, 0x303f],
  [0xff00, 0xff65],
];
/**
 * The letters of the other single-byte encodings' languages that running text is mostly made of
 * (Russian, Ukrainian, Bulgarian; Greek): windows-1251 and -1253 both read each other's bytes as
 * letters, but seldom as these.
 */
const FREQUENT: Partial<Record<Encoding, string>> = {
  'windows-1251': 'оеаинтсрвлкмдпуяыіь',
  'koi8-r': 'оеаинтсрвлкмдпуяыь',
  'windows-1253': 'αοετινσκυρπμλάέίόηςήύ',
};
/** The code point ranges the multi-byte encodings' languages are written in. */
const SCRIPTS: Partial<Record<Encoding, readonly Range[]>> = {
  shift_jis: [...KANA, ...HAN, ...CJK_SIGNS],
  'euc-jp': [...KANA, ...HAN, ...CJK_SIGNS],
  'euc-kr': [[0xac00, 0xd7af], ...CJK_SIGNS],
  gb18030: [...HAN, ...CJK_SIGNS],
  big5: [...HAN, ...CJK_SIGNS],
};
const JAPANESE: ReadonlySet<Encoding> = new Set(['shift_jis', 'euc-jp']);

const inRanges = (c: number, ranges: readonly Range[]) => ranges.some(([from, to]) => c >= from && c <= to);
/** Letters without case. */
const CASELESS: readonly Range[] = [...HAN, ...KANA, [0xac00, 0xd7af]];

/**
 * The share, 0 to 1, of the non-ASCII letters of `text` (its reading in `encoding`) that belong to
 * the alphabet of one language written in that encoding, the best such language; for Cyrillic
 * and Greek, that are among the language's most frequent letters; for Japanese, in its scripts
 * when kana make up a thirtieth of them at least (Chinese and Korean read as Japanese give
 * kanji alone), and for Chinese and Korean when they do not. Symbols, punctuation and the replacement character are left to `plausibility`; 1 when
 * there are no non-ASCII letters.
 */
export function alphabetFit(text: string, encoding: Encoding): number {
  const scripts = SCRIPTS[encoding];
  const frequent = FREQUENT[encoding];
  const alphabets = LATIN[encoding] ?? [];
  const fits = new Array<number>(alphabets.length).fill(0);
  let letters = 0;
  let inScript = 0;
  let kana = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0xc0 || c === 0xd7 || c === 0xf7 || c === 0xfffd) continue;
    const small = ch.toLowerCase();
    // Letters only: a symbol has no case and lies outside the caseless scripts.
    if (small === ch && ch.toUpperCase() === ch && !inRanges(c, CASELESS)) continue;
    letters++;
    if (scripts) {
      if (inRanges(c, scripts)) inScript++;
      if (inRanges(c, KANA)) kana++;
    } else if (frequent) {
      if (frequent.includes(small)) inScript++;
    } else {
      const letter = c === 0x130 ? 'i' : small;
      for (let i = 0; i < alphabets.length; i++) if (alphabets[i]!.includes(letter)) fits[i]!++;
    }
  }
  if (letters === 0) return 1;
  // A few kana among kanji (a Japanese header over names and places) tell Japanese; a reading
  // with none is Chinese or Korean read as Japanese, and one with some is not Chinese or Korean.
  const japanese = kana * 30 >= letters;
  if (scripts && japanese !== JAPANESE.has(encoding)) return 0;
  return (scripts || frequent ? inScript : Math.max(0, ...fits)) / letters;
}
