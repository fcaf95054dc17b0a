import { excelSerialToIso } from '../types/date.ts';
import type { SheetValue } from '../xlsx/xlsx.ts';

/** What an Excel number format shows a serial number as. */
export type DateKind = 'date' | 'datetime' | 'time';

// Number formats Excel builds in that show dates or times (ECMA-376 18.8.30; the same ids in BIFF8
// and XLSB). One rule for every workbook reader: XLSX, XLS, XLSB.
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
// A custom format shows a date when, outside quotes, brackets and escapes, it has d, m, y, h or s.
const FORMAT_NOISE = /"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g;
const DATE_TOKENS = /[dmyhs]/i;
const DATE_PART = /[dy]/i;
/** Excel allows format codes of 255 characters; a longer one is no date format. */
const MAX_FORMAT_LENGTH = 255;

/** The kind of date a custom format code shows, or null for a format that shows no date. */
export function dateKind(formatCode: string): DateKind | null {
  if (formatCode.length > MAX_FORMAT_LENGTH) return null;
  const bare = formatCode.replace(FORMAT_NOISE, '');
  if (!DATE_TOKENS.test(bare)) return null;
  const hasTime = /[hs]/i.test(bare);
  if (!DATE_PART.test(bare)) return hasTime ? 'time' : 'date';
  return hasTime ? 'datetime' : 'date';
}

/** The kind of date a number format shows, by its id and the workbook's custom format codes. */
export function formatDateKind(id: number, custom: ReadonlyMap<number, string>): DateKind | null {
  const code = custom.get(id);
  if (code !== undefined) return dateKind(code);
  if (!BUILTIN_DATE_FORMATS.has(id)) return null;
  if (id === 22) return 'datetime';
  if ((id >= 18 && id <= 21) || id === 45 || id === 46 || id === 47) return 'time';
  return 'date';
}

/**
 * A number as the cell shows it: unchanged without a date kind; otherwise an ISO 8601 date,
 * datetime or `HH:MM:SS` time (1900 or 1904 date system), or the number when it is no date.
 */
export function serialValue(value: number, kind: DateKind | null | undefined, date1904: boolean): SheetValue {
  if (!kind) return value;
  if (kind === 'time') {
    const seconds = Math.round((value % 1) * 86_400);
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(Math.floor(seconds / 3600) % 24)}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;
  }
  const serial = date1904 ? value + 1462 : value;
  return excelSerialToIso(serial, kind === 'datetime' && value % 1 !== 0) ?? value;
}
