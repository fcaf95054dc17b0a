import { zip, zipFiles } from '../support/zip.ts';
import type { HostileFile } from './corpus.ts';

/**
 * What a hostile XLS, XLSB or ODS file must end in: the reader's error code (each refusal is
 * specific), or `import` for a file that is odd but bounded.
 */
export interface LegacyHostileFile extends HostileFile {
  readonly format: 'xls' | 'xlsb' | 'ods';
  /** The WorkbookError (or DecodeError) code a correct reader refuses the file with. */
  readonly code?: string;
}

const u16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** One BIFF record. */
const record = (type: number, data: number[]) => [...u16(type), ...u16(data.length), ...data];
const BOF = (kind: number) =>
  record(0x0809, [...u16(0x0600), ...u16(kind), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
const EOF = record(0x000a, []);
const number = (row: number, column: number, value: number) => {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value, true);
  return record(0x0203, [...u16(row), ...u16(column), ...u16(0), ...bytes]);
};

/** A BIFF8 workbook stream with one sheet `Data` whose substream holds `cells`. */
function biff(cells: number[][], globals: number[][] = []): Uint8Array {
  const head = [...BOF(0x0005), ...globals.flat()];
  const sheetName = ascii('Data');
  const boundsheetLength = 4 + 8 + sheetName.length;
  const offset = head.length + boundsheetLength + EOF.length;
  const boundsheet = record(0x0085, [...u32(offset), 0, 0, sheetName.length, 0, ...sheetName]);
  return new Uint8Array([...head, ...boundsheet, ...EOF, ...BOF(0x0010), ...cells.flat(), ...EOF]);
}

const END = 0xfffffffe;
const FREE = 0xffffffff;

/**
 * A version-3 compound file (512-byte sectors) holding `stream` as `Workbook`: sector 0 the
 * allocation table, 1 the directory, then the stream (padded past the mini-stream cutoff).
 * `fat` edits the table to make a hostile chain.
 */
function compoundFile(
  stream: Uint8Array,
  fat: (table: number[], first: number, last: number) => void = () => {},
) {
  const size = Math.max(4096, stream.length);
  const sectors = Math.ceil(size / 512);
  const table: number[] = new Array(128).fill(FREE);
  table[0] = 0xfffffffd;
  table[1] = END;
  for (let i = 0; i < sectors; i++) table[2 + i] = i === sectors - 1 ? END : 3 + i;
  fat(table, 2, 1 + sectors);
  const header = new Uint8Array(512);
  header.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  header.set([...u16(0x3e), ...u16(3), ...u16(0xfffe), ...u16(9), ...u16(6)], 0x18);
  header.set(u32(1), 0x2c); // one FAT sector
  header.set(u32(1), 0x30); // directory at sector 1
  header.set(u32(4096), 0x38);
  header.set(u32(END), 0x3c);
  header.set(u32(END), 0x44);
  header.set(u32(0), 0x4c); // the FAT is sector 0
  for (let i = 1; i < 109; i++) header.set(u32(FREE), 0x4c + i * 4);
  const fatSector = new Uint8Array(table.flatMap(u32));
  const directory = new Uint8Array(512);
  const entry = (at: number, name: string, type: number, start: number, length: number) => {
    const units = [...name].flatMap((c) => u16(c.charCodeAt(0)));
    directory.set(units, at);
    directory.set(u16(units.length + 2), at + 0x40);
    directory[at + 0x42] = type;
    directory.set([...u32(FREE), ...u32(FREE), ...u32(FREE)], at + 0x44);
    directory.set(u32(start), at + 0x74);
    directory.set(u32(length), at + 0x78);
  };
  entry(0, 'Root Entry', 5, END, 0);
  entry(128, 'Workbook', 2, 2, size);
  const body = new Uint8Array(sectors * 512);
  body.set(stream);
  return Buffer.concat([header, fatSector, directory, body]);
}

/** An XLSB zip with one sheet whose `sheet1.bin` is `sheet`. */
function xlsb(sheet: number[], extra: Record<string, Uint8Array> = {}): Buffer {
  const wide = (s: string) => [...u32(s.length), ...[...s].flatMap((c) => u16(c.charCodeAt(0)))];
  const rec = (type: number, data: number[]) => {
    const head = type < 0x80 ? [type] : [(type & 0x7f) | 0x80, type >> 7];
    let size = data.length;
    const sizeBytes: number[] = [];
    do {
      sizeBytes.push((size & 0x7f) | (size > 0x7f ? 0x80 : 0));
      size >>>= 7;
    } while (size > 0);
    return [...head, ...sizeBytes, ...data];
  };
  const workbook = rec(156, [...u32(0), ...u32(1), ...wide('rId1'), ...wide('Data')]);
  return zipFiles({
    'xl/workbook.bin': new Uint8Array(workbook),
    'xl/_rels/workbook.bin.rels':
      '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.bin"/></Relationships>',
    'xl/worksheets/sheet1.bin': new Uint8Array(sheet),
    ...extra,
  });
}
/** XLSB records for the hostile sheets: a row header, a string cell, a number cell. */
const xlsbRow = (row: number) => [0, 4, ...u32(row)];
const xlsbNumberCell = (column: number) => [5, 16, ...u32(column), ...u32(0), 0, 0, 0, 0, 0, 0, 0xf0, 0x3f];

/** An ODS zip whose content.xml body holds `tables`. */
function ods(tables: string, extra: Record<string, Uint8Array> = {}, cut = false): Buffer {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet>${tables}${cut ? '' : '</office:spreadsheet></office:body></office:document-content>'}`;
  return zip([
    { name: 'mimetype', data: Buffer.from('application/vnd.oasis.opendocument.spreadsheet'), stored: true },
    { name: 'content.xml', data: Buffer.from(content) },
    ...Object.entries(extra).map(([name, data]) => ({ name, data })),
  ]);
}
const odsTable = (rows: string) => `<table:table table:name="Data">${rows}</table:table>`;
const odsCell = (text: string, attrs = '') =>
  `<table:table-cell office:value-type="string"${attrs}><text:p>${text}</text:p></table:table-cell>`;

/** Many tiny entries, past the 10,000 the readers take. */
const manyEntries = (count: number) => {
  const out: Record<string, Uint8Array> = {};
  for (let i = 0; i < count; i++) out[`x/${i}`] = new Uint8Array(0);
  return out;
};

/**
 * Hostile XLS, XLSB and ODS files, made on the fly: compound-file sector chains that loop or
 * point outside the file, records longer than their stream, far cell references, string tables
 * that declare billions of strings, password protection, repeated rows and columns by the
 * billion, unclosed tags, bad character references, too many zip entries. Each must end in the
 * specific error code named here, within seconds; the few that are odd but bounded import.
 */
export function legacyHostileCorpus(): LegacyHostileFile[] {
  const files: LegacyHostileFile[] = [];
  const add = (
    format: LegacyHostileFile['format'],
    name: string,
    bytes: Buffer,
    code: string | undefined,
    about: string,
    rows?: number,
  ) =>
    files.push({
      format,
      name: `${name}.${format}`,
      bytes,
      expect: code ? 'error' : 'import',
      about,
      ...(code ? { code } : {}),
      ...(rows !== undefined ? { rows } : {}),
    });
  const plain = biff([number(0, 0, 1), number(1, 0, 2)]);

  add(
    'xls',
    'cfb-chain-loop',
    compoundFile(plain, (t, first, last) => (t[last] = first)),
    'corrupt',
    "the Workbook stream's sector chain points back to its first sector",
  );
  add(
    'xls',
    'cfb-chain-outside',
    compoundFile(plain, (t, first) => (t[first] = 0x00ffffff)),
    'corrupt',
    "the Workbook stream's chain points to sector 16,777,215, far outside the file",
  );
  {
    const file = compoundFile(plain);
    file.writeUInt32LE(0x7fffffff, 0x30);
    add(
      'xls',
      'cfb-directory-outside',
      file,
      'corrupt',
      'the header puts the directory at sector 2,147,483,647',
    );
  }
  {
    const file = compoundFile(plain);
    file.writeUInt32LE(0x7ffffff0, 1024 + 128 + 0x78);
    add(
      'xls',
      'cfb-huge-stream-size',
      file,
      'too_large',
      'the directory declares a 2 GiB Workbook stream in a 5 KB file',
    );
  }
  {
    const stream = biff([number(0, 0, 1)]);
    // A record that declares 65,535 bytes where a handful remain.
    const cut = new Uint8Array([
      ...stream.subarray(0, stream.length - 4),
      ...record(0x0203, []).slice(0, 2),
      0xff,
      0xff,
    ]);
    add(
      'xls',
      'biff-huge-record',
      compoundFile(cut),
      'corrupt',
      'a sheet record declares 65,535 bytes past the end of the stream',
    );
  }
  add(
    'xls',
    'biff-far-column',
    compoundFile(biff([number(0, 0, 1), number(0, 40_000, 2)])),
    'cell_out_of_range',
    'a number at column 40,001, beyond the 256 columns of BIFF8',
  );
  {
    const pairs: number[] = [];
    for (let i = 0; i < 5000; i++) pairs.push(...u16(0), ...u32(((i << 2) | 2) >>> 0));
    add(
      'xls',
      'biff-wide-mulrk',
      compoundFile(biff([record(0x00bd, [...u16(0), ...u16(0), ...pairs, ...u16(4999)])])),
      'cell_out_of_range',
      'one MULRK record spreads 5,000 numbers over a row, past column IV',
    );
  }
  {
    // Declares 4,294,967,295 strings, then holds one whose 65,535 characters are not there.
    const sst = record(0x00fc, [...u32(FREE), ...u32(FREE), ...u16(1), 0, 65, ...u16(0xffff), 0, 66, 66]);
    add(
      'xls',
      'biff-huge-string-table',
      compoundFile(biff([], [sst])),
      'corrupt',
      'a shared string table declaring four billion strings, cut inside the second',
    );
  }
  add(
    'xls',
    'biff-encrypted',
    compoundFile(biff([], [record(0x002f, [0, 0, 1, 0, 1, 0])])),
    'encrypted',
    'a FILEPASS record: the workbook is password-protected',
  );
  add(
    'xls',
    'biff-far-row',
    compoundFile(biff([number(0, 0, 1), number(65_535, 255, 2)])),
    undefined,
    'a value at IV65536, the last cell of BIFF8: a bounded grid, imported',
    1,
  );

  add(
    'xlsb',
    'far-row',
    xlsb([...xlsbRow(0x7fffffff), ...xlsbNumberCell(0)]),
    'cell_out_of_range',
    "a row header for row 2,147,483,648, past Excel's 1,048,576",
  );
  add(
    'xlsb',
    'far-column',
    xlsb([...xlsbRow(0), ...xlsbNumberCell(0x40000000)]),
    'cell_out_of_range',
    'a cell at column 1,073,741,825',
  );
  add(
    'xlsb',
    'wide-row',
    xlsb([...xlsbRow(0), ...xlsbNumberCell(0), ...xlsbNumberCell(5000)]),
    'too_many_columns',
    "a cell at column 5,001, inside Excel's grid but past the importer's 2,000 columns",
  );
  add(
    'xlsb',
    'huge-record',
    xlsb([...xlsbRow(0), 5, 0xff, 0xff, 0xff, 0x7f, 1, 2, 3]),
    'corrupt',
    'a cell record declaring 268 MB in a part of a few bytes',
  );
  add(
    'xlsb',
    'huge-string',
    xlsb([...xlsbRow(0), 6, 16, ...u32(0), ...u32(0), ...u32(0x7fffffff), 65, 0]),
    'corrupt',
    'a string cell declaring 2,147,483,647 characters',
  );
  add(
    'xlsb',
    'many-entries',
    xlsb([...xlsbRow(0), ...xlsbNumberCell(0)], manyEntries(10_001)),
    'too_many_parts',
    '10,001 empty zip entries beside the workbook',
  );

  add(
    'ods',
    'repeated-rows',
    ods(
      odsTable(`<table:table-row table:number-rows-repeated="999999999">${odsCell('x')}</table:table-row>`),
    ),
    'too_many_cells',
    'a row with a value repeated 999,999,999 times',
  );
  add(
    'ods',
    'repeated-columns',
    ods(
      odsTable(
        `<table:table-row>${odsCell('x', ' table:number-columns-repeated="1000000000"')}</table:table-row>`,
      ),
    ),
    'too_many_columns',
    'a cell with a value repeated across a billion columns',
  );
  add(
    'ods',
    'space-bomb',
    ods(
      odsTable(
        `<table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="2000000000"/></text:p></table:table-cell></table:table-row>`,
      ),
    ),
    'cell_too_long',
    'a cell whose text asks for two billion spaces',
  );
  add(
    'ods',
    'unclosed-tag',
    ods(
      `${odsTable(`<table:table-row>${odsCell('x')}</table:table-row>`)}<table:table table:name="B"><table:table-row><table:table-cell ${'a="1" '.repeat(20)}`,
      {},
      true,
    ),
    'corrupt',
    'content.xml ends inside a start tag',
  );
  add(
    'ods',
    'bad-code-point',
    ods(odsTable(`<table:table-row>${odsCell('&#x110000;')}</table:table-row>`)),
    'invalid_character',
    'a character reference beyond U+10FFFF',
  );
  add(
    'ods',
    'many-entries',
    ods(odsTable(`<table:table-row>${odsCell('x')}</table:table-row>`), manyEntries(10_001)),
    'too_many_parts',
    '10,001 empty zip entries beside content.xml',
  );
  add(
    'ods',
    'deep-nesting',
    ods(
      odsTable(
        `<table:table-row>${odsCell('h')}</table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>${'<text:span>'.repeat(100_000)}deep${'</text:span>'.repeat(100_000)}</text:p></table:table-cell></table:table-row>`,
      ),
    ),
    undefined,
    '100,000 nested spans in one cell: read in one pass, no recursion',
    1,
  );
  add(
    'ods',
    'long-entry-name',
    ods(
      odsTable(
        `<table:table-row>${odsCell('h')}</table:table-row><table:table-row>${odsCell('v')}</table:table-row>`,
      ),
      { [`${'deep/'.repeat(12_000)}x.xml`]: Buffer.from('x') },
    ),
    undefined,
    'an entry whose name is 60,000 characters of nested folders: never inflated',
    1,
  );
  return files;
}
