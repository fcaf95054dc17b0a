import { type Unzipped, unzipSync } from 'fflate';
import { WorkbookError } from '../xlsx/xlsx.ts';
import { count, type SpreadsheetLimits } from './sheet-grid.ts';

/**
 * The zip archive of an ODS or XLSB file, inflated a part at a time: only the entries asked for,
 * each after its declared size was checked against the limits (one part, all parts so far, the
 * compression ratio), and the entry count is bounded. fflate writes no more than an entry's
 * declared size, so an entry that lies about its size is cut short, never larger.
 */
export class ZipParts {
  readonly #bytes: Uint8Array;
  readonly #limits: Required<SpreadsheetLimits>;
  #inflated = 0;

  constructor(bytes: Uint8Array, limits: Required<SpreadsheetLimits>) {
    this.#bytes = bytes;
    this.#limits = limits;
  }

  /** The entries `wanted` selects, by name. */
  read(wanted: (name: string) => boolean): Unzipped {
    const { maxPartBytes, maxTotalBytes, maxRatio, maxEntries } = this.#limits;
    let entries = 0;
    try {
      return unzipSync(this.#bytes, {
        filter: (file) => {
          if (++entries > maxEntries)
            throw new WorkbookError(
              'too_many_parts',
              `The workbook holds more than ${count(maxEntries)} files, more than the importer reads.`,
            );
          if (!wanted(file.name)) return false;
          this.#inflated += file.originalSize;
          const ratio = file.originalSize / Math.max(1, file.size);
          if (
            file.originalSize > maxPartBytes ||
            this.#inflated > maxTotalBytes ||
            (file.originalSize > 1024 * 1024 && ratio > maxRatio)
          )
            throw new WorkbookError(
              'too_large',
              `The workbook part ${file.name.slice(0, 200)} would expand to ${count(file.originalSize)} bytes, more than the importer reads.`,
            );
          return true;
        },
      });
    } catch (error) {
      if (error instanceof WorkbookError) throw error;
      throw new WorkbookError(
        'corrupt',
        `The workbook is damaged and cannot be read (${(error as Error).message}).`,
      );
    }
  }
}
