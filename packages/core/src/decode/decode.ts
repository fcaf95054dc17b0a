/** Why a file could not be read as text. */
export type DecodeErrorCode = 'empty_file' | 'not_text';

export class DecodeError extends Error {
  override readonly name = 'DecodeError';
  constructor(
    readonly code: DecodeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What the byte sniffing found: the encoding label for `TextDecoder` and the BOM bytes to skip. */
export interface DetectedEncoding {
  readonly encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
  readonly bom: boolean;
}

const SNIFF_BYTES = 64 * 1024;

/** Signatures of binary formats that users rename to `.csv` by mistake. */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x50, 0x4b, 0x03, 0x04], // ZIP (XLSX, DOCX) – spreadsheets are read by the Excel reader, not as text
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2 (XLS, DOC)
  [0x1f, 0x8b], // gzip
];

/**
 * Detects the text encoding from the first bytes: a BOM wins; otherwise bytes that are valid
 * UTF-8 are UTF-8, and anything else is taken as windows-1252, the encoding Excel uses for
 * "CSV" on Western European Windows. Binary data is refused with a specific error.
 */
export function detectEncoding(head: Uint8Array): DetectedEncoding {
  if (head.length === 0) throw new DecodeError('empty_file', 'The file is empty.');
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  for (const signature of BINARY_SIGNATURES) {
    if (signature.every((byte, i) => head[i] === byte)) {
      throw new DecodeError(
        'not_text',
        'The file is not a text file (it looks like an image, archive or document).',
      );
    }
  }
  const sample = head.subarray(0, SNIFF_BYTES);
  if (sample.includes(0))
    throw new DecodeError('not_text', 'The file is not a text file (it contains NUL bytes).');
  try {
    // `stream: true` tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return { encoding: 'utf-8', bom: false };
  } catch {
    return { encoding: 'windows-1252', bom: false };
  }
}

/** A file's text as a stream of decoded chunks, with the encoding that was used. */
export interface DecodedText {
  readonly encoding: DetectedEncoding['encoding'];
  readonly text: ReadableStream<string>;
}

/**
 * Decodes a file with the platform's streaming decoder, so multi-byte characters split across
 * chunks stay whole and the file is never held as one string.
 */
export async function decodeFile(file: Blob, encoding?: DetectedEncoding['encoding']): Promise<DecodedText> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const detected = detectEncoding(head);
  const label = encoding ?? detected.encoding;
  // TextDecoderStream strips a BOM matching its own encoding (ignoreBOM defaults to false).
  const text = file.stream().pipeThrough(new TextDecoderStream(label)) as ReadableStream<string>;
  return { encoding: label, text };
}
