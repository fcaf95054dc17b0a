import { DEFAULT_READ_LIMITS, type ReadLimits } from '../parse/parse.ts';

/**
 * Why a workbook could not be read. Every refusal of a hostile or broken file has its own code,
 * and its message names the part, sheet or cell and the limit it passed.
 */
export type WorkbookErrorCode =
  | 'not_xlsx'
  | 'xls_unsupported'
  | 'too_large'
  | 'corrupt'
  | 'no_such_sheet'
  /** A cell or row reference outside Excel's own grid (columns A to XFD, rows 1 to 1,048,576). */
  | 'cell_out_of_range'
  /** A cell beyond `maxColumns`, the limit CSV files have too. */
  | 'too_many_columns'
  /** A cell or shared string longer than `maxCellLength`, the limit CSV files have too. */
  | 'cell_too_long'
  /** The sheet's rows times its width pass `maxCells`. */
  | 'too_many_cells'
  /** More zip entries than `maxEntries`, or more sheets than `maxSheets`. */
  | 'too_many_parts'
  /** A character reference that is no Unicode character (`&#x110000;`, a lone surrogate). */
  | 'invalid_character'
  /** The read's `AbortSignal` was aborted. */
  | 'cancelled'
  /** A password-protected workbook (XLS FILEPASS, an encrypted OLE2 package, an encrypted ODS). */
  | 'encrypted'
  /** An XLS, XLSB or ODS file in a build without their readers (the default script-tag bundle). */
  | 'needs_full_build';

export class WorkbookError extends Error {
  override readonly name = 'WorkbookError';
  constructor(
    readonly code: WorkbookErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Caps that keep a hostile or broken workbook from exhausting memory or time. Each is checked
 * before the work or allocation it bounds: declared zip sizes before inflating, actual sizes while
 * inflating (a zip can lie), cell references before a row is padded.
 */
export interface WorkbookLimits extends Partial<ReadLimits> {
  /** Largest uncompressed size of one sheet part (default 256 MiB). */
  readonly maxPartBytes?: number;
  /** Largest uncompressed size of the shared-strings part (default 128 MiB). */
  readonly maxSharedStringsBytes?: number;
  /** Largest uncompressed size of the workbook, relationships and styles parts (default 16 MiB). */
  readonly maxMetaBytes?: number;
  /** Largest number of bytes this workbook inflates over all its reads (default 512 MiB). */
  readonly maxTotalBytes?: number;
  /** Largest ratio of uncompressed to compressed size for a part above 1 MiB (default 1000, deflate's own ceiling being about 1032). */
  readonly maxRatio?: number;
  /** Most entries in the zip archive (default 10,000). */
  readonly maxEntries?: number;
  /** Most sheets the workbook may list (default 1,000). */
  readonly maxSheets?: number;
  /** Most cells of a sheet's rectangle, rows with a value times the widest row (default 2^25, about 33.5 million). */
  readonly maxCells?: number;
}

export const DEFAULT_WORKBOOK_LIMITS: Required<WorkbookLimits> = {
  ...DEFAULT_READ_LIMITS,
  maxPartBytes: 256 * 1024 * 1024,
  maxSharedStringsBytes: 128 * 1024 * 1024,
  maxMetaBytes: 16 * 1024 * 1024,
  maxTotalBytes: 512 * 1024 * 1024,
  maxRatio: 1000,
  maxEntries: 10_000,
  maxSheets: 1_000,
  maxCells: 2 ** 25,
};

/** Excel's own grid: columns A to XFD, rows 1 to 1,048,576. */
export const EXCEL_MAX_COLUMNS = 16_384;
export const EXCEL_MAX_ROWS = 1_048_576;

/** A count as a user reads it: `1,048,576`. */
export const count = (n: number): string => n.toLocaleString('en-US');
