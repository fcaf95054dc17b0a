import { OdsWorkbook } from '../ods/ods.ts';
import { XlsWorkbook } from '../xls/xls.ts';
import { XlsbWorkbook } from '../xlsb/xlsb.ts';

/**
 * The readers of the formats only the full build carries. The default script-tag bundle is
 * built with this module replaced by `legacy-absent.ts` (scripts/build.mjs), so none of their
 * code is in it; Node and the full build use this one.
 */
export const LEGACY_READERS = {
  xls: XlsWorkbook.open,
  xlsb: XlsbWorkbook.open,
  ods: OdsWorkbook.open,
} as const;
