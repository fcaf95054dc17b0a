import { count, WorkbookError } from './workbook-limits.ts';

/** One file of a zip archive, as its central directory declares it. */
export interface ZipEntry {
  readonly name: string;
  /** 0 stored, 8 deflated. */
  readonly method: number;
  readonly compressedSize: number;
  /** The uncompressed size the archive declares; inflating checks it, since an archive can lie. */
  readonly size: number;
  readonly localOffset: number;
}

/** How much one `inflate` may produce. */
export interface InflateLimit {
  /** Largest uncompressed size of this entry. */
  readonly maxBytes: number;
  /** Largest ratio of uncompressed to compressed size, for entries above 1 MiB. */
  readonly maxRatio: number;
  /** Says what the entry is in a refusal's message: `the shared strings`. */
  readonly what: string;
}

/** Compressed bytes handed to the inflater at a time: deflate's ratio ceiling (about 1032) keeps one push's output under about 16 MiB. */
const PUSH_BYTES = 16 * 1024;
const RATIO_FLOOR_BYTES = 1024 * 1024;

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const names = new TextDecoder('utf-8');

const damaged = (why: string) =>
  new WorkbookError('corrupt', `The workbook is damaged and cannot be read (${why}).`);

/**
 * A zip archive read from its central directory without inflating anything: the entry list is
 * bounded (`maxEntries`) and each entry is inflated on demand, in small pushes, so the bytes it
 * produces are counted and refused as they come rather than after a whole part was expanded.
 * Shared by the spreadsheet readers (XLSX, ODS).
 */
export class ZipArchive {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #entries = new Map<string, ZipEntry>();

  /**
   * Reads the directory of `bytes`; one of more than `maxEntries` entries is refused
   * (`too_many_parts`), or, with `firstEntries`, read up to its first `maxEntries` only (for a
   * look at the names, as telling formats apart takes).
   */
  constructor(bytes: Uint8Array, maxEntries: number, { firstEntries = false } = {}) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    try {
      this.#readDirectory(maxEntries, firstEntries);
    } catch (error) {
      // A field that points past the end of the file.
      if (error instanceof RangeError) throw damaged('a directory field points outside the file');
      throw error;
    }
  }

  #readDirectory(maxEntries: number, firstEntries: boolean): void {
    const bytes = this.#bytes;
    const end = this.#findEnd();
    let entries = this.#u16(end + 10);
    let size = this.#u32(end + 12);
    let offset = this.#u32(end + 16);
    if (entries === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
      const locator = end - 20;
      if (locator < 0 || this.#u32(locator) !== EOCD64_LOCATOR) throw damaged('no ZIP64 directory locator');
      const end64 = this.#u64(locator + 8);
      if (end64 + 56 > bytes.length || this.#u32(end64) !== EOCD64) throw damaged('no ZIP64 directory');
      entries = this.#u64(end64 + 32);
      size = this.#u64(end64 + 40);
      offset = this.#u64(end64 + 48);
    }
    if (entries > maxEntries && firstEntries) entries = maxEntries;
    else if (entries > maxEntries)
      throw new WorkbookError(
        'too_many_parts',
        `The workbook's archive has ${count(entries)} entries; the importer reads archives of at most ${count(maxEntries)}.`,
      );
    if (offset + size > bytes.length) throw damaged('the directory lies outside the file');
    let at = offset;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > bytes.length || this.#u32(at) !== CENTRAL) throw damaged('a directory entry is broken');
      const method = this.#u16(at + 10);
      let compressedSize = this.#u32(at + 20);
      let entrySize = this.#u32(at + 24);
      const nameLength = this.#u16(at + 28);
      const extraLength = this.#u16(at + 30);
      const commentLength = this.#u16(at + 32);
      let localOffset = this.#u32(at + 42);
      const nameStart = at + 46;
      if (nameStart + nameLength + extraLength > bytes.length) throw damaged('a directory entry is cut off');
      const name = names.decode(bytes.subarray(nameStart, nameStart + nameLength));
      // ZIP64: the sizes and offset that do not fit 32 bits are in extra field 0x0001, in this order.
      let extra = nameStart + nameLength;
      const extraEnd = extra + extraLength;
      while (extra + 4 <= extraEnd) {
        const tag = this.#u16(extra);
        const length = this.#u16(extra + 2);
        if (tag === 1) {
          let field = extra + 4;
          if (entrySize === 0xffffffff) {
            entrySize = this.#u64(field);
            field += 8;
          }
          if (compressedSize === 0xffffffff) {
            compressedSize = this.#u64(field);
            field += 8;
          }
          if (localOffset === 0xffffffff) localOffset = this.#u64(field);
        }
        extra += 4 + length;
      }
      this.#entries.set(name, { name, method, compressedSize, size: entrySize, localOffset });
      at = extraEnd + commentLength;
    }
  }

  /** The entry of that name, if the archive has one. */
  entry(name: string): ZipEntry | undefined {
    return this.#entries.get(name);
  }

  get size(): number {
    return this.#entries.size;
  }

  /**
   * Inflates one entry with the platform's `DecompressionStream`, handing each piece of output
   * to `sink` as it comes and yielding after each push of compressed bytes, so the caller can
   * report progress, honour a cancel or yield to its event loop. The declared size is checked
   * against `limit` before anything is inflated; the output is counted against the declared size
   * and the limit while inflating, so an archive that lies about its sizes is refused after at
   * most one push beyond them, and the stream is cancelled there: nothing more is inflated.
   * Leaving the loop early (`return`) cancels the stream too.
   */
  async *inflate(
    entry: ZipEntry,
    limit: InflateLimit,
    sink: (bytes: Uint8Array) => void,
  ): AsyncGenerator<number, void> {
    const { maxBytes, maxRatio, what } = limit;
    const tooLarge = (size: number) =>
      new WorkbookError(
        'too_large',
        `The workbook's ${what} (${entry.name}) would expand to ${count(size)} bytes; the importer reads at most ${count(maxBytes)}.`,
      );
    if (entry.size > maxBytes) throw tooLarge(entry.size);
    if (entry.size > RATIO_FLOOR_BYTES && entry.size / Math.max(1, entry.compressedSize) > maxRatio)
      throw new WorkbookError(
        'too_large',
        `The workbook's ${what} (${entry.name}) would expand ${Math.round(entry.size / Math.max(1, entry.compressedSize))} times; a spreadsheet part compresses far less, so the file is refused as a zip bomb.`,
      );
    const local = entry.localOffset;
    if (local + 30 > this.#bytes.length || this.#u32(local) !== LOCAL)
      throw damaged(`${entry.name} is missing`);
    const start = local + 30 + this.#u16(local + 26) + this.#u16(local + 28);
    const end = start + entry.compressedSize;
    if (end > this.#bytes.length) throw damaged(`${entry.name} is cut off`);
    const data = this.#bytes.subarray(start, end);
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.size) throw damaged(`${entry.name} has two sizes`);
      for (let at = 0; at < data.length; at += PUSH_BYTES) {
        sink(data.subarray(at, Math.min(data.length, at + PUSH_BYTES)));
        yield Math.min(data.length, at + PUSH_BYTES);
      }
      return;
    }
    if (entry.method !== 8) throw damaged(`${entry.name} uses compression method ${entry.method}`);
    const stream = new DecompressionStream('deflate-raw');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    // The first failure (of the sink, a size check or the deflate data) ends the inflating: the
    // stream is cancelled on both sides, so the inflater stops where it is.
    let failure: { readonly error: unknown } | undefined;
    const stop = (error: unknown): unknown => {
      if (failure === undefined) {
        failure = { error };
        reader.cancel().catch(() => {});
        writer.abort().catch(() => {});
      }
      return failure.error;
    };
    const broken = (error: unknown) => damaged(`${entry.name}: ${(error as Error)?.message ?? error}`);
    let produced = 0;
    // The output is read as it comes while the compressed bytes are written: a push waits until
    // the previous push's output was read (the streams' backpressure), so at most one push's
    // output (deflate's ratio ceiling: about 16 MiB) is ever waiting.
    const draining = (async () => {
      for (;;) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await reader.read();
        } catch (error) {
          throw stop(broken(error));
        }
        if (chunk.done) return;
        try {
          produced += chunk.value.length;
          if (produced > entry.size)
            throw produced > maxBytes
              ? tooLarge(produced)
              : damaged(`${entry.name} expands beyond the ${count(entry.size)} bytes it declares`);
          if (chunk.value.length > 0) sink(chunk.value);
        } catch (error) {
          throw stop(error);
        }
      }
    })();
    draining.catch(() => {});
    const settle = async (step: Promise<void>) => {
      try {
        await step;
      } catch (error) {
        throw failure ? failure.error : stop(broken(error));
      }
      if (failure) throw failure.error;
    };
    let finished = false;
    try {
      for (let at = 0; at < data.length; at += PUSH_BYTES) {
        const next = Math.min(data.length, at + PUSH_BYTES);
        // A view of the file's bytes, never of a SharedArrayBuffer.
        await settle(writer.write(data.subarray(at, next) as Uint8Array<ArrayBuffer>));
        yield next;
      }
      await settle(writer.close());
      await settle(draining);
      finished = true;
    } finally {
      if (!finished) stop(new WorkbookError('cancelled', 'Reading the workbook was cancelled.'));
    }
    if (produced !== entry.size) throw damaged(`${entry.name} ends before its declared size`);
  }

  #findEnd(): number {
    const bytes = this.#bytes;
    // The end record is 22 bytes plus a comment of at most 65,535.
    for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
      if (bytes[at] === 0x50 && bytes[at + 1] === 0x4b && this.#u32(at) === EOCD) return at;
    }
    throw damaged('no zip directory at the end of the file');
  }

  #u16(at: number): number {
    return this.#view.getUint16(at, true);
  }

  #u32(at: number): number {
    return this.#view.getUint32(at, true);
  }

  #u64(at: number): number {
    return this.#view.getUint32(at, true) + this.#view.getUint32(at + 4, true) * 2 ** 32;
  }
}
