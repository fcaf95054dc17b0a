import { constants, deflateRawSync } from 'node:zlib';

/** One file to put in a zip archive. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
  /** Stored without compression (method 0), as ODS stores its `mimetype`. */
  readonly stored?: boolean;
  /** Overrides the uncompressed size written in the headers, to forge a lying archive. */
  readonly declaredSize?: number;
  /** Ready-made deflate data (then `data` is ignored and the CRC is written as 0). */
  readonly deflated?: Buffer;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/**
 * Writes a zip archive with deflated (or stored) entries: enough to make XLSX, XLSB and ODS test
 * files, including broken and hostile ones, without a zip library in the tests.
 */
export function zip(entries: readonly ZipEntry[]): Buffer {
  const locals: Uint8Array[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const compressed = entry.stored
      ? entry.data
      : (entry.deflated ?? deflateRawSync(entry.data, { level: 9 }));
    const method = entry.stored ? 0 : 8;
    const size = entry.declaredSize ?? entry.data.length;
    const crc = entry.deflated ? 0 : crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, compressed);
    centrals.push(central, name);
    offset += local.length + name.length + compressed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A zip of `files`, text or bytes by name, in their order: deflated, or all stored with `stored`. */
export function zipFiles(
  files: Readonly<Record<string, string | Uint8Array>>,
  { stored = false }: { readonly stored?: boolean } = {},
): Buffer {
  return zip(
    Object.entries(files).map(([name, data]) => ({
      name,
      data: typeof data === 'string' ? Buffer.from(data) : data,
      stored,
    })),
  );
}

/**
 * A deflate stream that inflates to `copies` repetitions of `chunk` while staying tiny: each copy
 * is compressed alone and sync-flushed, so the compressed pieces can simply be concatenated.
 */
export function repeatedDeflate(chunk: Buffer, copies: number): Buffer {
  const piece = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  return Buffer.concat([...Array.from({ length: copies }, () => piece), end]);
}

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The `<sheetData>` rows of inline-string cells, with their references. */
export function inlineRows(rows: readonly (readonly string[])[]): string {
  const column = (i: number) => String.fromCharCode(65 + i);
  return rows
    .map(
      (row, r) =>
        `<row r="${r + 1}">${row.map((v, c) => `<c r="${column(c)}${r + 1}" t="inlineStr"><is><t>${escapeXml(v)}</t></is></c>`).join('')}</row>`,
    )
    .join('');
}

/** A minimal valid XLSX workbook with one sheet of inline-string rows. */
export function xlsx(
  rows: readonly (readonly string[])[],
  sheet?: { readonly deflated: Buffer; readonly declaredSize: number },
): Buffer {
  return workbook({ sheetData: inlineRows(rows), ...(sheet ? { sheet } : {}) });
}

/**
 * An XLSX workbook of one sheet named `Sheet1`: its `<sheetData>` content as given (any XML, so
 * hostile references and broken tags can be written), or ready-made deflate data for the whole
 * sheet part; `parts` are added as they are (a shared-strings part, thousands of small entries).
 */
export function workbook(options: {
  readonly sheetData?: string;
  readonly sheet?: { readonly deflated: Buffer; readonly declaredSize: number };
  readonly parts?: readonly ZipEntry[];
}): Buffer {
  const sheetXml = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${options.sheetData ?? ''}</sheetData></worksheet>`,
  );
  const file = (name: string, text: string) => ({ name, data: Buffer.from(text) });
  return zip([
    file(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    file(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    file(
      'xl/workbook.xml',
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    file(
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml, ...(options.sheet ?? {}) },
    ...(options.parts ?? []),
  ]);
}
