import chardet from 'chardet';

/**
 * Why a file could not be read as text, or as a table within the reading limits
 * (`too_many_columns`, `cell_too_long`: see `ReadLimits` in parse/; `file_too_large`,
 * `too_many_rows`: the application's `maxFileSize` and `maxRows`, checked by the frame).
 */
export type DecodeErrorCode =
  | 'empty_file'
  | 'not_text'
  | 'unknown_encoding'
  | 'too_many_columns'
  | 'cell_too_long'
  | 'file_too_large'
  | 'too_many_rows';

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

/**
 * Detects the text encoding from the first bytes: a BOM wins; otherwise bytes that are valid
 * UTF-8 are UTF-8; otherwise the statistical detector (chardet) names a legacy encoding, with
 * windows-1252 (what Excel writes for "CSV" on Western European Windows) when it is unsure.
 * Binary data and spreadsheets are refused with `not_text`: `sniffFile` tells them apart first.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
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
  const sample = head.subarray(0, SNIFF_BYTES);
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bom: false, confidence: 80 };
  if (sample.includes(0))
    throw new DecodeError('not_text', 'The file is not a text file (it contains NUL bytes).');
  if (controlBytes(sample) > sample.length / 1000)
    throw new DecodeError('not_text', 'The file is not a text file (it contains binary control bytes).');
  try {
    // `stream: true` tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return { encoding: 'utf-8', bom: false, confidence: 100 };
  } catch {
    const detected = legacyEncoding(sample);
    if (undecodable(sample, detected.encoding) > sample.length / 1000)
      throw new DecodeError(
        'not_text',
        'The file is not a text file (its bytes are not text in any encoding the importer knows).',
      );
    return detected;
  }
}

/** The statistical detector's legacy encoding, or windows-1252 when it is unsure. */
function legacyEncoding(sample: Uint8Array): DetectedEncoding {
  for (const match of chardet.analyse(sample)) {
    const encoding = FROM_CHARDET[match.name];
    if (encoding && match.confidence >= 10) return { encoding, bom: false, confidence: match.confidence };
  }
  return { encoding: 'windows-1252', bom: false, confidence: 0 };
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
  const detected = detectEncoding(head);
  const label = encoding ?? detected.encoding;
  if (!(ENCODINGS as readonly string[]).includes(label))
    throw new DecodeError('unknown_encoding', `The encoding "${label}" is not supported.`);
  // TextDecoderStream strips a BOM matching its own encoding (ignoreBOM defaults to false).
  const text = file.stream().pipeThrough(new TextDecoderStream(label)) as ReadableStream<string>;
  return { encoding: label, detected, text };
}
