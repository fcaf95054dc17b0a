import { alphabetFit } from './alphabets.ts';
import type { DetectedEncoding } from './decode.ts';
import { ENCODINGS, type Encoding } from './encodings.ts';

// Which legacy encoding a file that is not UTF-8 is in: each candidate reads the bytes, and the
// reading that looks most like words wins. Apart from decode.ts, which only calls `legacyEncoding`.

/** Below this confidence the frame asks the user to check the encoding, showing the alternatives. */
export const LOW_CONFIDENCE = 50;

const LEGACY = ENCODINGS.filter((e) => !e.startsWith('utf-'));
const MULTI_BYTE: ReadonlySet<Encoding> = new Set(['shift_jis', 'euc-jp', 'euc-kr', 'gb18030', 'big5']);

/**
 * The legacy encoding whose reading of the sample looks most like text (`plausibility`), the
 * alphabets of the languages each encoding is used for (`alphabetFit`) deciding among those that
 * look about as good (Latin-1 against Latin-2, say, which differ in a few letters only), and the
 * encoding's place in `ENCODINGS` among readings that fit as well. The confidence is how much of
 * the sample's non-ASCII text reads as words in the chosen encoding; `alternatives` are the
 * encodings that read it differently, most plausible first. For the caller's check that the
 * bytes are text at all: `likeliest`, the plausible reading whose letters fit a language best, and
 * `fit`, how well the chosen reading's letters fit one (see `alphabetFit`).
 */
export function legacyEncoding(sample: Uint8Array): DetectedEncoding & { likeliest: Encoding; fit: number } {
  const scored = LEGACY.map((encoding, order) => {
    const text = new TextDecoder(encoding).decode(sample, { stream: true });
    const score = plausibility(text) * (MULTI_BYTE.has(encoding) ? commonCharacters(sample, encoding) : 1);
    return { encoding, order, text, score, fit: alphabetFit(text, encoding) };
  });
  // Korean in EUC-KR reads as common hanzi in GB18030 and Big5 too, but Chinese read as EUC-KR
  // gives Hanja among the Hangul: a reading that is nearly all Hangul is Korean.
  const korean = scored.find((s) => s.encoding === 'euc-kr')!;
  if (korean.score > 0 && korean.fit >= 0.95) {
    for (const s of scored) if (s.encoding === 'gb18030' || s.encoding === 'big5') s.fit /= 2;
  }
  const byFit = [...scored].sort((a, b) => b.fit - a.fit || a.order - b.order);
  const rank = new Map(byFit.map((s, i) => [s.encoding, i]));
  const best = Math.max(...scored.map((s) => s.score));
  const close = scored.filter((s) => s.score >= best - 0.1);
  const choice = close.sort((a, b) => rank.get(a.encoding)! - rank.get(b.encoding)!)[0]!;
  const seen = new Set([choice.text]);
  const alternatives: Encoding[] = [];
  for (const s of [...scored].sort(
    (a, b) => b.score - a.score || rank.get(a.encoding)! - rank.get(b.encoding)!,
  )) {
    if (s.score <= 0 || seen.has(s.text) || alternatives.length === 3) continue;
    seen.add(s.text);
    alternatives.push(s.encoding);
  }
  // Latin-1 and Latin-2 read a German file alike but for a letter or two; a reading about as
  // plausible that differs in most of the non-ASCII text (EUC-KR and EUC-JP, windows-1252 and
  // -1254 for Turkish) is a doubt the user settles by looking, unless the chosen reading's
  // letters fit a language better.
  const rival = close.some(
    (s) => s !== choice && s.fit > choice.fit - 0.05 && mostlyDiffer(s.text, choice.text),
  );
  const confidence = Math.round(Math.max(0, choice.score) * 90);
  return {
    encoding: choice.encoding,
    bom: false,
    confidence: rival ? Math.min(confidence, LOW_CONFIDENCE - 10) : confidence,
    ...(alternatives.length > 0 ? { alternatives } : {}),
    likeliest: byFit.find((s) => close.includes(s))!.encoding,
    fit: choice.fit,
  };
}

/** Whether two readings of the same bytes differ in more than half of their non-ASCII characters. */
function mostlyDiffer(a: string, b: string): boolean {
  if (a.length !== b.length) return true;
  let differ = 0;
  let nonAscii = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) < 0x80) continue;
    nonAscii++;
    if (a[i] !== b[i]) differ++;
  }
  return differ * 2 > nonAscii;
}

const isAsciiLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isLatinLetter = (c: number) => c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7;
const isCyrillicOrGreek = (c: number) => c >= 0x386 && c <= 0x4ff;
const isCjk = (c: number) =>
  (c >= 0x3040 && c <= 0x30ff) ||
  (c >= 0x3400 && c <= 0x9fff) ||
  (c >= 0xac00 && c <= 0xd7af) ||
  (c >= 0xff10 && c <= 0xff9f) ||
  (c >= 0x3000 && c <= 0x303f);
/** Punctuation and signs that real text holds beside letters of any script. */
const COMMON_SIGNS = new Set([...'\u00a0§«»°·±²³µ©®×£¥€–—‘’‚“”„…•™¿¡'].map((c) => c.charCodeAt(0)));

/**
 * A capital after a small letter within `text[start, end)`: `иВАН`, which is how windows-1251
 * reads as KOI8-R (the two put small and capital letters at each other's places).
 */
function caseInsideWord(text: string, start: number, end: number): boolean {
  for (let i = start + 1; i < end; i++) {
    const previous = text[i - 1]!;
    const current = text[i]!;
    if (previous !== previous.toUpperCase() && current !== current.toLowerCase()) return true;
  }
  return false;
}

/**
 * How much the non-ASCII characters of `text` look like words, from -1 to 1. For: letters of the
 * CJK scripts and Hangul; a run of Latin letters with diacritics that touches an ASCII letter
 * (`Jürgen`, `Zażółć`); a run of Cyrillic or Greek letters that does not (`Москва`). Against:
 * other runs of those letters (`Ž–¼`: Shift_JIS read as windows-1252; `Jьrgen`), replacement
 * characters, C1 controls and symbols other than common punctuation.
 */
export function plausibility(text: string): number {
  let good = 0;
  let bad = 0;
  let total = 0;
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      i++;
      continue;
    }
    const latin = isLatinLetter(c);
    if (latin || isCyrillicOrGreek(c)) {
      const of = latin ? isLatinLetter : isCyrillicOrGreek;
      let end = i + 1;
      while (end < n && of(text.charCodeAt(end))) end++;
      const touches =
        (i > 0 && isAsciiLetter(text.charCodeAt(i - 1))) || (end < n && isAsciiLetter(text.charCodeAt(end)));
      if (touches === latin && (latin || !caseInsideWord(text, i, end))) good += end - i;
      else bad += end - i;
      total += end - i;
      i = end;
      continue;
    }
    total++;
    if (isCjk(c)) good++;
    else if (!COMMON_SIGNS.has(c)) bad++;
    i++;
  }
  return total === 0 ? 1 : (good - bad) / total;
}

/**
 * The share of a multi-byte encoding's two-byte characters in the sample that lie in its
 * everyday region (kana and first-level kanji, first-level hanzi, Hangul syllables). The same
 * bytes often decode without error in several of these encodings, as rare characters in all but
 * the right one; 1 when the sample has no two-byte character.
 */
function commonCharacters(sample: Uint8Array, encoding: Encoding): number {
  let common = 0;
  let all = 0;
  for (let i = 0; i < sample.length - 1; i++) {
    const lead = sample[i]!;
    if (lead < 0x80) continue;
    const trail = sample[i + 1]!;
    switch (encoding) {
      case 'shift_jis':
        if ((lead >= 0xa1 && lead <= 0xdf) || lead === 0x80 || lead > 0xfc) continue; // one byte
        if ((lead >= 0x81 && lead <= 0x83) || (lead >= 0x88 && lead <= 0x98)) common++;
        break;
      case 'euc-jp':
        if ((lead >= 0xa1 && lead <= 0xa5) || (lead >= 0xb0 && lead <= 0xcf)) common++;
        break;
      case 'gb18030':
        if (trail >= 0x30 && trail <= 0x39) {
          all++;
          i += 3;
          continue;
        }
        if (((lead >= 0xa1 && lead <= 0xa9) || (lead >= 0xb0 && lead <= 0xd7)) && trail >= 0xa1) common++;
        break;
      case 'big5':
        if (lead >= 0xa1 && lead <= 0xc6) common++;
        break;
      case 'euc-kr':
        if (((lead >= 0xa1 && lead <= 0xa3) || (lead >= 0xb0 && lead <= 0xc8)) && trail >= 0xa1) common++;
        break;
    }
    all++;
    i++;
  }
  return all === 0 ? 1 : common / all;
}
