import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { workbook } from '../support/zip.ts';
import type { GeneratedFile } from './generate.ts';

/** Days from Excel's epoch (1899-12-30, with its 1900 leap-year quirk folded in) to 1970-01-01. */
const EXCEL_UNIX_EPOCH_DAYS = 25569;

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The column letters of the bench's ten columns. */
const LETTERS = 'ABCDEFGHIJ';

/**
 * Writes (or reuses) the XLSX twin of a generated plain CSV: the same rows, stored the way Excel
 * stores an export of them. Text goes to the shared-strings table, seat counts are numbers,
 * `active` is a boolean cell, valid dates are serial numbers styled with built-in format 14 (so
 * the reader has to turn them back into dates), and each deliberately invalid value stays the text
 * it was. The importer should deliver the same rows from either file.
 */
export function generateXlsx(csv: GeneratedFile): GeneratedFile {
  const path = csv.path.replace(/\.csv$/, '.xlsx');
  if (existsSync(path)) return { ...csv, path, bytes: statSync(path).size };
  const lines = readFileSync(csv.path, 'utf8').split('\r\n');
  if (lines.at(-1) === '') lines.pop();
  const strings = new Map<string, number>();
  const shared = (text: string) => {
    let index = strings.get(text);
    if (index === undefined) {
      index = strings.size;
      strings.set(text, index);
    }
    return index;
  };
  const rows: string[] = [];
  lines.forEach((line, r) => {
    // The plain file has no quoted fields, so a comma always separates cells.
    const cells = line.split(',');
    const ref = r + 1;
    const xml = cells.map((value, c) => {
      const at = `${LETTERS[c]}${ref}`;
      if (r > 0 && c === 4 && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
        const days = Date.parse(`${value}T00:00:00Z`) / 86_400_000;
        if (Number.isFinite(days)) return `<c r="${at}" s="1"><v>${days + EXCEL_UNIX_EPOCH_DAYS}</v></c>`;
      }
      if (r > 0 && c === 7 && /^\d+$/.test(value)) return `<c r="${at}"><v>${value}</v></c>`;
      if (r > 0 && c === 8 && (value === 'true' || value === 'false'))
        return `<c r="${at}" t="b"><v>${value === 'true' ? 1 : 0}</v></c>`;
      if (value === '') return '';
      return `<c r="${at}" t="s"><v>${shared(value)}</v></c>`;
    });
    rows.push(`<row r="${ref}">${xml.join('')}</row>`);
  });
  const sst = [...strings.keys()].map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('');
  // The reader finds the shared strings and the styles at Excel's fixed part names.
  const data = workbook({
    sheetData: rows.join(''),
    parts: [
      {
        name: 'xl/sharedStrings.xml',
        data: Buffer.from(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.size}" uniqueCount="${strings.size}">${sst}</sst>`,
        ),
      },
      {
        name: 'xl/styles.xml',
        data: Buffer.from(
          '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>',
        ),
      },
    ],
  });
  writeFileSync(path, data);
  return { ...csv, path, bytes: data.length };
}
