import { WorkbookError } from '../xlsx/workbook-limits.ts';
import { ZipArchive } from '../xlsx/zip-archive.ts';
import { count, type SpreadsheetLimits } from './sheet-grid.ts';

/**
 * The zip archive of an ODS or XLSB file, on the XLSX reader's `ZipArchive`: a bounded entry
 * list, and each entry inflated on demand in small pushes whose output is counted against the
 * entry's declared size, `maxPartBytes`, the ratio limit and, over every read of the file,
 * `maxTotalBytes`, so an archive that lies about its sizes is refused as it expands. Inflating
 * is the platform's `DecompressionStream`, so reading a part is asynchronous.
 */
export class ZipParts {
  readonly #zip: ZipArchive;
  readonly #limits: Required<SpreadsheetLimits>;
  #inflated = 0;

  constructor(bytes: Uint8Array, limits: Required<SpreadsheetLimits>) {
    this.#zip = new ZipArchive(bytes, limits.maxEntries);
    this.#limits = limits;
  }

  has(name: string): boolean {
    return this.#zip.entry(name) !== undefined;
  }

  /** The compressed size of an entry, for progress. */
  compressedSize(name: string): number {
    return this.#zip.entry(name)?.compressedSize ?? 0;
  }

  /**
   * Inflates `name` into `sink` piece by piece, yielding the compressed bytes read so far; `what`
   * names the part in a refusal. Nothing happens for an entry the archive lacks.
   */
  async *inflate(
    name: string,
    what: string,
    sink: (bytes: Uint8Array) => void,
  ): AsyncGenerator<number, void> {
    const entry = this.#zip.entry(name);
    if (!entry) return;
    const { maxPartBytes, maxRatio, maxTotalBytes } = this.#limits;
    yield* this.#zip.inflate(entry, { maxBytes: maxPartBytes, maxRatio, what }, (bytes) => {
      this.#inflated += bytes.length;
      if (this.#inflated > maxTotalBytes)
        throw new WorkbookError(
          'too_large',
          `The workbook expands to more than ${count(maxTotalBytes)} bytes over its parts, more than the importer reads.`,
        );
      sink(bytes);
    });
  }

  /** The whole of a (small, or size-checked) entry's bytes, or undefined when there is none. */
  async bytes(name: string, what: string): Promise<Uint8Array | undefined> {
    const entry = this.#zip.entry(name);
    if (!entry) return undefined;
    const pieces: Uint8Array[] = [];
    for await (const _ of this.inflate(name, what, (b) => pieces.push(b.slice())));
    const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of pieces) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}
