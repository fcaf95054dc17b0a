import chardet from 'chardet';

/**
 * Why a file could not be read as text, or as a table within the reading limits
 * (`too_many_columns`, `cell_too_long`: see `ReadLimits` in parse/; `file_too_large`,
 * `too_many_rows`: the application's `maxFileSize` and `maxRows`, checked by the frame;
 * `no_data_rows`: a header row and nothing below it).
 */
export type DecodeErrorCode =
  | 'empty_file'
  | 'not_text'
  | 'unknown_encoding'
  | 'too_many_columns'
  | 'cell_too_long'
  | 'file_too_large'
  | 'too_many_rows'
  | 'no_data_rows';

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    readonly code: DecodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

import { ENCODINGS, type Encoding } from './encodings.ts';

export { ENCODINGS, type Encoding };

/** What the byte sniffing found: the encoding label for `TextDecoder` and whether a BOM leads. */
export interface DetectedEncoding {
  readonly encoding: Encoding;
  readonly bom: boolean;
  /** How sure the detector is, 0-100; 100 for a BOM or valid UTF-8. */
  readonly confidence: number;
  /** Legacy encodings that read the bytes differently and plausibly, most likely first. */
  readonly alternatives?: readonly Encoding[];
}

const SNIFF_BYTES = 64 * 1024;

/** What a file's first bytes say it is. */
export type FileKind = 'text' | 'xlsx' | 'xls' | 'binary' | 'empty';

/** Signatures of binary formats that users rename to `.csv` by mistake. */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x1f, 0x8b], // gzip
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const startsWith = (head: Uint8Array, signature: readonly number[]) =>
  signature.every((b, i) => head[i] === b);

/**
 * Tells text from spreadsheets from other binary files by their first bytes. A ZIP is taken as
 * XLSX (the workbook reader then checks its parts); OLE2 as the legacy XLS format.
 */
export function sniffFile(head: Uint8Array): FileKind {
  if (head.length === 0) return 'empty';
  if (startsWith(head, ZIP)) return 'xlsx';
  if (startsWith(head, OLE2)) return 'xls';
  if (BINARY_SIGNATURES.some((s) => startsWith(head, s))) return 'binary';
  return 'text';
}

/** chardet's names for the encodings we decode; ISO-8859-1 is decoded as its superset windows-1252. */
const FROM_CHARDET: Readonly<Record<string, Encoding>> = {
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  'ISO-8859-2': 'iso-8859-2',
  'windows-1250': 'windows-1250',
  'ISO-8859-5': 'windows-1251',
  'windows-1251': 'windows-1251',
  'ISO-8859-7': 'windows-1253',
  'windows-1253': 'windows-1253',
  'ISO-8859-9': 'windows-1254',
  'windows-1254': 'windows-1254',
  'windows-1257': 'windows-1257',
  'KOI8-R': 'koi8-r',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  GB18030: 'gb18030',
  Big5: 'big5',
};

/** UTF-16 without a BOM: one byte of nearly every pair is NUL (ASCII text in a 16-bit encoding). */
function utf16WithoutBom(sample: Uint8Array): Encoding | null {
  const pairs = Math.floor(Math.min(sample.length, 4096) / 2);
  if (pairs < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (sample[2 * i] === 0) evenZero++;
    if (sample[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.7 && evenZero < pairs * 0.1) return 'utf-16le';
  if (evenZero > pairs * 0.7 && oddZero < pairs * 0.1) return 'utf-16be';
  return null;
}

/**
 * Bytes below 0x20 that text never holds: all but tab, LF, VT, FF, CR and the old DOS end-of-file
 * mark 0x1A. One in a thousand is allowed for a stray character in a real export.
 */
function controlBytes(sample: Uint8Array): number {
  let count = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b < 0x20 && (b < 0x09 || (b > 0x0d && b !== 0x1a))) count++;
  }
  return count;
}

/** Below this confidence the frame asks the user to check the encoding, showing the alternatives. */
export const LOW_CONFIDENCE = 50;

/**
 * Detects the text encoding from the first bytes: a BOM wins; otherwise UTF-8 when the bytes
 * are UTF-8, or mostly so (a few invalid bytes among valid multi-byte characters: the decoder
 * puts U+FFFD in their place and the parser reports the rows as `invalid_bytes`); otherwise the
 * legacy encoding whose reading of the bytes looks most like text (see `legacyEncoding`).
 * Binary data and spreadsheets are refused with `not_text`: `sniffFile` tells them apart first.
 * `tail`, the file's last bytes, is weighed with the head: an export whose first 64 KB are plain
 * ASCII shows its encoding only further on.
 */
export function detectEncoding(head: Uint8Array, tail?: Uint8Array): DetectedEncoding {
  if (head.length === 0) throw new DecodeError('empty_file', 'The file is empty.');
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf)
    return { encoding: 'utf-8', bom: true, confidence: 100 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true, confidence: 100 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true, confidence: 100 };
  if (sniffFile(head) !== 'text') {
    throw new DecodeError(
      'not_text',
      'The file is not a text file (it looks like an image, archive, spreadsheet or document).',
    );
  }
  const sample = withTail(head.subarray(0, SNIFF_BYTES), tail);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bom: false, confidence: 80 };
  if (sample.includes(0))
    throw new DecodeError('not_text', 'The file is not a text file (it contains NUL bytes).');
  if (controlBytes(sample) > sample.length / 1000)
    throw new DecodeError('not_text', 'The file is not a text file (it contains binary control bytes).');
  const { valid, invalid } = utf8Sequences(sample);
  if (invalid === 0) return { encoding: 'utf-8', bom: false, confidence: 100 };
  // Legacy text seldom forms a valid multi-byte UTF-8 sequence by chance: where they outnumber
  // the invalid bytes, the file is UTF-8 with a few damaged bytes, not another encoding.
  if (valid >= invalid) return { encoding: 'utf-8', bom: false, confidence: 80 };
  const matches = chardet.analyse(sample).filter((m) => FROM_CHARDET[m.name] !== undefined);
  const ranked = matches.map((m) => FROM_CHARDET[m.name]!);
  const detected = legacyEncoding(
    sample,
    ranked,
    matches.map((m) => m.confidence),
  );
  // Random bytes read as something in some single-byte encoding, but in none as words, and the
  // statistical detector's own guess leaves many of them undefined.
  const limit = sample.length / 1000;
  if (
    undecodable(sample, detected.encoding) > limit ||
    (detected.confidence < LOW_CONFIDENCE && undecodable(sample, ranked[0] ?? 'windows-1252') > limit)
  )
    throw new DecodeError(
      'not_text',
      'The file is not a text file (its bytes are not text in any encoding the importer knows).',
    );
  return detected;
}

/**
 * The head and the tail of a file as one sample of whole lines: the head up to its last line
 * end, the tail from its first, so that no character is cut where they meet.
 */
function withTail(head: Uint8Array, tail: Uint8Array | undefined): Uint8Array {
  if (!tail || tail.length === 0) return head;
  const headEnd = head.lastIndexOf(0x0a);
  const tailStart = tail.indexOf(0x0a);
  if (headEnd === -1 || tailStart === -1) return head;
  const joined = new Uint8Array(headEnd + 1 + tail.length - tailStart - 1);
  joined.set(head.subarray(0, headEnd + 1));
  joined.set(tail.subarray(tailStart + 1), headEnd + 1);
  return joined;
}

/**
 * Well-formed multi-byte UTF-8 sequences in `sample`, and bytes that are in none. A sequence cut
 * by the end of the sample counts as neither.
 */
function utf8Sequences(sample: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = sample.length;
  for (let i = 0; i < n; i++) {
    const b = sample[i]!;
    if (b < 0x80) continue;
    const more = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (more === 0) {
      invalid++;
      continue;
    }
    if (i + more >= n) break;
    // The second byte's range excludes overlong forms, surrogates and code points past U+10FFFF.
    const second = sample[i + 1]!;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    let ok = second >= low && second <= high;
    for (let k = 2; ok && k <= more; k++) ok = (sample[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += more;
    } else invalid++;
  }
  return { valid, invalid };
}

const LEGACY = ENCODINGS.filter((e) => !e.startsWith('utf-'));
const MULTI_BYTE: ReadonlySet<Encoding> = new Set(['shift_jis', 'euc-jp', 'euc-kr', 'gb18030', 'big5']);

/**
 * The legacy encoding whose reading of the sample looks most like text (`plausibility`), chardet's
 * statistical ranking (`ranked`, with `confidenceOf` each) deciding among those that look about as good (Latin-1 against Latin-2, say,
 * which differ in a few letters only). On a short sample chardet alone is often wrong: a few
 * lines of Shift_JIS look like windows-1252 to it, and read as a jumble of symbols.
 * The confidence is how much of the sample's non-ASCII text reads as words in the chosen
 * encoding; `alternatives` are the encodings that read it differently, most plausible first.
 */
function legacyEncoding(
  sample: Uint8Array,
  ranked: readonly Encoding[],
  confidenceOf: readonly number[],
): DetectedEncoding {
  const scored = LEGACY.map((encoding) => {
    const text = new TextDecoder(encoding).decode(sample, { stream: true });
    const score = plausibility(text) * (MULTI_BYTE.has(encoding) ? commonCharacters(sample, encoding) : 1);
    return { encoding, text, score };
  });
  const best = Math.max(...scored.map((s) => s.score));
  const close = scored.filter((s) => s.score >= best - 0.1);
  const rank = (e: Encoding) => {
    const i = ranked.indexOf(e);
    return i === -1 ? ranked.length + LEGACY.indexOf(e) : i;
  };
  const choice = close.sort((a, b) => rank(a.encoding) - rank(b.encoding))[0]!;
  const seen = new Set([choice.text]);
  const alternatives: Encoding[] = [];
  for (const s of [...scored].sort((a, b) => b.score - a.score || rank(a.encoding) - rank(b.encoding))) {
    if (s.score <= 0 || seen.has(s.text) || alternatives.length === 3) continue;
    seen.add(s.text);
    alternatives.push(s.encoding);
  }
  // Latin-1 and Latin-2 read a German file alike but for a letter or two; a reading about as
  // plausible that differs in most of the non-ASCII text (EUC-KR and EUC-JP, windows-1252 and
  // -1254 for Turkish) is a doubt the user settles by looking.
  const backed = ranked[0] === choice.encoding && (confidenceOf[0] ?? 0) >= 30;
  const rival = !backed && close.some((s) => s !== choice && mostlyDiffer(s.text, choice.text));
  const confidence = Math.round(Math.max(0, choice.score) * 90);
  return {
    encoding: choice.encoding,
    bom: false,
    confidence: rival ? Math.min(confidence, LOW_CONFIDENCE - 10) : confidence,
    ...(alternatives.length > 0 ? { alternatives } : {}),
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

/**
 * Characters that are not text once `sample` is decoded as `encoding`: replacement characters
 * (byte sequences the encoding does not define) and C1 controls (what the single-byte decoders
 * give for their undefined bytes, such as 0x81 in windows-1252). Random bytes are full of them.
 */
function undecodable(sample: Uint8Array, encoding: Encoding): number {
  // `stream: true` holds back a multi-byte character cut at the end of the sample.
  const text = new TextDecoder(encoding).decode(sample, { stream: true });
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0x80 && c <= 0x9f)) count++;
  }
  return count;
}

/**
 * How `head` (a file's first bytes) reads in each of `encodings`: its first `lines` lines that
 * hold non-ASCII text (else its first lines), each cut to `width` characters, so the user can
 * see which reading is right.
 */
export function encodingSamples(
  head: Uint8Array,
  encodings: readonly Encoding[],
  lines = 3,
  width = 80,
): { encoding: Encoding; sample: string }[] {
  return encodings.map((encoding) => {
    const all = new TextDecoder(encoding)
      .decode(head.subarray(0, SNIFF_BYTES), { stream: true })
      .split(/\r\n?|\n/);
    const telling = all.filter((line) => /[\u0080-\uffff]/.test(line));
    const chosen = (telling.length > 0 ? telling : all).slice(0, lines);
    return { encoding, sample: chosen.map((line) => line.slice(0, width)).join('\n') };
  });
}

/** A file's text as a stream of decoded chunks, with the encoding that was used. */
export interface DecodedText {
  readonly encoding: Encoding;
  /** What detection found, even when the caller chose another encoding. */
  readonly detected: DetectedEncoding;
  readonly text: ReadableStream<string>;
}

/**
 * Decodes a file with the platform's streaming decoder, so multi-byte characters split across
 * chunks stay whole and the file is never held as one string. `encoding` overrides detection
 * (the user picked another one after seeing garbled text).
 */
export async function decodeFile(file: Blob, encoding?: Encoding): Promise<DecodedText> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const tail =
    file.size > 2 * SNIFF_BYTES
      ? new Uint8Array(await file.slice(file.size - SNIFF_BYTES).arrayBuffer())
      : undefined;
  const detected = detectEncoding(head, tail);
  const label = encoding ?? detected.encoding;
  if (!(ENCODINGS as readonly string[]).includes(label))
    throw new DecodeError('unknown_encoding', `The encoding "${label}" is not supported.`);
  // TextDecoderStream strips a BOM matching its own encoding (ignoreBOM defaults to false).
  const text = file.stream().pipeThrough(new TextDecoderStream(label)) as ReadableStream<string>;
  return { encoding: label, detected, text };
}
