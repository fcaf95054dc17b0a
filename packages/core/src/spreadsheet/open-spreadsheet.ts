import {
  type SheetInfo,
  type SheetReadOptions,
  type SheetValue,
  Workbook,
  WorkbookError,
} from '../xlsx/xlsx.ts';
import { ZipArchive } from '../xlsx/zip-archive.ts';
import { LEGACY_READERS } from './legacy-readers.ts';
import type { SpreadsheetLimits } from './sheet-grid.ts';

/** The spreadsheet formats the importer reads, told apart by their bytes. */
export type SpreadsheetFormat = 'xlsx' | 'xlsb' | 'xls' | 'ods';

/** What every workbook reader offers: the sheet list, then one sheet's values. */
export interface SpreadsheetBook {
  readonly sheets: readonly SheetInfo[];
  /**
   * One sheet's values; asynchronous (zip parts are inflated by the platform's
   * `DecompressionStream`), letting the event loop run every few tens of milliseconds; `signal`
   * stops it.
   */
  readSheet(sheet: string | number, options?: SheetReadOptions): Promise<SheetValue[][]>;
  /** The same as `readSheet`; kept for its callers. */
  readSheetAsync(sheet: string | number, options?: SheetReadOptions): Promise<SheetValue[][]>;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const NAMES: Readonly<Record<SpreadsheetFormat, string>> = {
  xlsx: 'Excel (.xlsx)',
  xlsb: 'Excel binary (.xlsb)',
  xls: 'Excel 97-2003 (.xls)',
  ods: 'OpenDocument (.ods)',
};

/**
 * Which spreadsheet format the bytes hold, or null for none: OLE2 is XLS; a ZIP is ODS when its
 * `mimetype` entry says so, XLSB when it has `xl/workbook.bin`, else XLSX (whose reader then
 * checks its parts). Only the ZIP's directory is read, and at most `maxEntries` names of it.
 */
export function spreadsheetFormat(bytes: Uint8Array, maxEntries = 10_000): SpreadsheetFormat | null {
  if (OLE2.every((b, i) => bytes[i] === b)) return 'xls';
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return null;
  // ODS stores `mimetype` first and uncompressed, so its text sits right after the first header.
  const nameLength = bytes[26]! | (bytes[27]! << 8);
  const extra = bytes[28]! | (bytes[29]! << 8);
  const head = new TextDecoder().decode(bytes.subarray(30, 30 + nameLength + extra + ODS_MIMETYPE.length));
  if (head.startsWith('mimetype') && head.endsWith(ODS_MIMETYPE)) return 'ods';
  // The directory is read with the XLSX reader's own zip reader, which inflates nothing for it.
  let binary = false;
  try {
    const zip = new ZipArchive(bytes, maxEntries, { firstEntries: true });
    binary = zip.entry('xl/workbook.bin') !== undefined;
  } catch {
    // A damaged or huge directory: the XLSX reader says what is wrong with it.
  }
  return binary ? 'xlsb' : 'xlsx';
}

/**
 * Opens any spreadsheet the importer reads from a `Blob` (the user's `File`), with the reader of
 * its format. In a build without the legacy readers an XLS, XLSB or ODS file is refused with
 * `needs_full_build`, which names the build that reads it.
 */
export async function openSpreadsheet(file: Blob, limits: SpreadsheetLimits = {}): Promise<SpreadsheetBook> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const format = spreadsheetFormat(bytes, limits.maxEntries);
  if (format === null || format === 'xlsx') return await Workbook.open(bytes);
  if (!LEGACY_READERS)
    throw new WorkbookError(
      'needs_full_build',
      `This ${NAMES[format]} workbook can be read only by the importer's full build, which this page does not use. Save it as .xlsx or CSV and try again.`,
    );
  return await LEGACY_READERS[format](bytes, limits);
}
