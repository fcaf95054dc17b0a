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
import { LOW_CONFIDENCE, legacyEncoding, plausibility } from './legacy-encoding.ts';

export { ENCODINGS, type Encoding, LOW_CONFIDENCE, plausibility };

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
  const { likeliest, fit, ...detected } = legacyEncoding(sample);
  // Random bytes read as something in some single-byte encoding, but in none as words: the
  // encoding whose letters fit a language best leaves many of them undefined, or the reading
  // chosen is letters of no one language.
  const limit = sample.length / 1000;
  if (
    undecodable(sample, detected.encoding) > limit ||
    (detected.confidence < LOW_CONFIDENCE && (fit < 0.5 || undecodable(sample, likeliest) > limit))
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
  const found = await fileEncoding(file, encoding);
  // TextDecoderStream strips a BOM matching its own encoding (ignoreBOM defaults to false).
  const text = file.stream().pipeThrough(new TextDecoderStream(found.encoding)) as ReadableStream<string>;
  return { ...found, text };
}

/**
 * The encoding `decodeFile` reads `file` with, and what detection found, for a reader that
 * takes the bytes itself (`parseEncodedColumnStream`).
 */
export async function fileEncoding(
  file: Blob,
  encoding?: Encoding,
): Promise<{ readonly encoding: Encoding; readonly detected: DetectedEncoding }> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const tail =
    file.size > 2 * SNIFF_BYTES
      ? new Uint8Array(await file.slice(file.size - SNIFF_BYTES).arrayBuffer())
      : undefined;
  const detected = detectEncoding(head, tail);
  const label = encoding ?? detected.encoding;
  if (!(ENCODINGS as readonly string[]).includes(label))
    throw new DecodeError('unknown_encoding', `The encoding "${label}" is not supported.`);
  return { encoding: label, detected };
}
