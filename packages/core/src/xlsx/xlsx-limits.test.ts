import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { zipFiles } from '../../../../tests/support/zip.ts';
import { Workbook, WorkbookError } from './xlsx.ts';

/** Asserts a `WorkbookError` with `code` whose message matches `message`. */
const refused = (code: string, message: RegExp) => (e: unknown) => {
  assert.ok(e instanceof WorkbookError, `not a WorkbookError: ${e}`);
  assert.equal(e.code, code, e.message);
  assert.match(e.message, message);
  return true;
};

const WORKBOOK =
  '<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>';
const RELS = '<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>';

/** A one-sheet workbook whose sheet data is `rows`, with other parts as given. */
function book(rows: string, extra: Record<string, string | Uint8Array> = {}): Uint8Array {
  return zipFiles({
    'xl/workbook.xml': WORKBOOK,
    'xl/_rels/workbook.xml.rels': RELS,
    'xl/worksheets/sheet1.xml': `<worksheet><sheetData>${rows}</sheetData></worksheet>`,
    ...extra,
  });
}

const read = async (bytes: Uint8Array, limits = {}) => (await Workbook.open(bytes, limits)).readSheet(0);

describe('XLSX limits: every size the file sets is checked before it is used', () => {
  test('a cell beyond column XFD (ZZZZ1) is refused by its reference, before any row is padded', async () => {
    await assert.rejects(
      () => read(book('<row r="1"><c r="A1"><v>1</v></c><c r="ZZZZ1"><v>2</v></c></row>')),
      refused('cell_out_of_range', /ZZZZ1.*columns A to XFD/),
    );
    await assert.rejects(
      () => read(book(`<row r="1"><c r="${'A'.repeat(100_000)}1"><v>2</v></c></row>`)),
      refused('cell_out_of_range', /AAAAAAAAAAAAAAAAAAAA…/),
    );
  });

  test('a row number beyond 1,048,576 is refused; one within it costs an empty array per skipped row', async () => {
    await assert.rejects(
      () => read(book('<row r="50000000"><c r="A50000000"><v>1</v></c></row>')),
      refused('cell_out_of_range', /row numbered 50000000.*1,048,576/),
    );
    await assert.rejects(
      () => read(book('<row r="1"><c r="A99999999999"><v>1</v></c></row>')),
      refused('cell_out_of_range', /A99999999999/),
    );
    const rows = await read(
      book(
        '<row r="1"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row><row r="1048576"><c r="B1048576"><v>2</v></c></row>',
      ),
    );
    assert.equal(rows.length, 1_048_576);
    assert.deepEqual(rows[1], []);
    assert.deepEqual(rows.at(-1), [null, 2, null]);
  });

  test('columns beyond maxColumns (the CSV limit, 2,000) are refused at the first such cell', async () => {
    const cells = Array.from({ length: 20_000 }, (_, i) => `<c><v>${i}</v></c>`).join('');
    await assert.rejects(
      () => read(book(`<row r="1">${cells}</row>`)),
      refused('too_many_columns', /column 2,001.*at most 2,000/),
    );
    await assert.rejects(
      () => read(book('<row r="1"><c r="CXZ1"><v>1</v></c></row>')),
      refused('too_many_columns', /CXZ1/),
    );
    assert.equal((await read(book('<row r="1"><c r="BXX1"><v>1</v></c></row>')))[0]!.length, 2_000);
  });

  test('a cell longer than maxCellLength (100,000) is refused, inline, shared or split into runs', async () => {
    const long = 'x'.repeat(2_000_000);
    await assert.rejects(
      () => read(book(`<row r="1"><c r="B1" t="inlineStr"><is><t>${long}</t></is></c></row>`)),
      refused('cell_too_long', /cell B1 .*more than 100,000 characters/),
    );
    await assert.rejects(
      () =>
        read(
          book(
            `<row r="1"><c r="B1" t="inlineStr"><is>${'<r><t>xxxxxxxxxx</t></r>'.repeat(10_001)}</is></c></row>`,
          ),
        ),
      refused('cell_too_long', /cell B1 .*100,010 characters/),
    );
    await assert.rejects(
      () =>
        read(
          book('<row r="1"><c r="C1"><v>1</v></c><c r="D1" t="s"><v>1</v></c></row>', {
            'xl/sharedStrings.xml': `<sst><si><t>ok</t></si><si><t>${'y'.repeat(150_000)}</t></si></sst>`,
          }),
        ),
      refused('cell_too_long', /cell D1 .*150,000 characters/),
    );
    // A long shared string no cell uses is no error.
    assert.deepEqual(
      await read(
        book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
          'xl/sharedStrings.xml': `<sst><si><t>ok</t></si><si><t>${'y'.repeat(150_000)}</t></si></sst>`,
        }),
      ),
      [['ok']],
    );
    await assert.rejects(
      () =>
        read(
          book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
            'xl/sharedStrings.xml': `<sst><si><t>${letters(2_000_000)}</t></si></sst>`,
          }),
        ),
      refused('cell_too_long', /shared string 1 has more than 100,000/),
    );
  });

  test('unclosed <row>, <c> and <si> tags are refused as damage at once, not read as one giant match', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c>'.repeat(50_000);
    await assert.rejects(() => read(book(rows)), refused('corrupt', /row 1 is never closed/));
    await assert.rejects(
      () => read(book('<row r="1"><c r="A1"><v>1</v><c r="B1"><v>2</v></c></row>')),
      refused('corrupt', /cell A1 is never closed/),
    );
    await assert.rejects(
      () =>
        read(
          book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
            'xl/sharedStrings.xml': `<sst>${'<si><t>x</t>'.repeat(50_000)}</sst>`,
          }),
        ),
      refused('corrupt', /shared strings are damaged: string 1 is never closed/),
    );
    await assert.rejects(
      () => read(book('<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v')),
      refused('corrupt', /damaged/),
    );
  });

  test('a character reference to no Unicode character is a clear error naming the cell', async () => {
    await assert.rejects(
      () => read(book('<row r="1"><c r="B2" t="inlineStr"><is><t>a&#x110000;b</t></is></c></row>')),
      refused('invalid_character', /cell B2 .*&#x110000;/),
    );
    await assert.rejects(
      () =>
        read(
          book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', {
            'xl/sharedStrings.xml': '<sst><si><t>&#55296;</t></si></sst>',
          }),
        ),
      refused('invalid_character', /shared string 1 .*&#55296;/),
    );
    assert.deepEqual(
      await read(book('<row r="1"><c r="A1" t="inlineStr"><is><t>&#x1F600;&#233;</t></is></c></row>')),
      [['😀é']],
    );
  });

  test('a shared-strings part over its limit is refused from its declared size, before it is inflated', async () => {
    const sst = `<sst>${'<si><t>abcdefghij</t></si>'.repeat(100_000)}</sst>`;
    await assert.rejects(
      () =>
        read(book('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { 'xl/sharedStrings.xml': sst }), {
          maxSharedStringsBytes: 1024 * 1024,
        }),
      refused('too_large', /shared strings .*xl\/sharedStrings\.xml.*2,600,011 bytes.*at most 1,048,576/),
    );
  });

  test('an archive that lies about a part size is refused once the part passes the declared size', async () => {
    const honest = book(
      '<row r="1"><c r="A1"><v>1</v></c></row>'.replace('</row>', `</row>${'<row/>'.repeat(10_000)}`),
    );
    const lying = Uint8Array.from(honest);
    // Declare 100 bytes for the sheet in both headers: the inflater must not trust it.
    const view = new DataView(lying.buffer);
    for (let at = 0; at < lying.length - 4; at++) {
      const signature = view.getUint32(at, true);
      const name = (offset: number, length: number) =>
        new TextDecoder().decode(lying.subarray(offset, offset + length));
      if (
        signature === 0x04034b50 &&
        name(at + 30, view.getUint16(at + 26, true)) === 'xl/worksheets/sheet1.xml'
      )
        view.setUint32(at + 22, 100, true);
      if (
        signature === 0x02014b50 &&
        name(at + 46, view.getUint16(at + 28, true)) === 'xl/worksheets/sheet1.xml'
      )
        view.setUint32(at + 24, 100, true);
    }
    await assert.rejects(() => read(lying), refused('corrupt', /expands beyond the 100 bytes it declares/));
  });

  test('the total inflated over a workbook is bounded', async () => {
    const workbook = await Workbook.open(book(`<row r="1">${'<c><v>1</v></c>'.repeat(2000)}</row>`), {
      maxTotalBytes: 20_000,
    });
    await assert.rejects(() => workbook.readSheet(0), refused('too_large', /more than 20,000 bytes/));
  });

  test('many small zip entries and many sheets are refused before any is read', async () => {
    const files: Record<string, string> = { 'xl/workbook.xml': WORKBOOK };
    for (let i = 0; i < 10_001; i++) files[`xl/media/p${i}.txt`] = 'x';
    await assert.rejects(
      () => Workbook.open(zipFiles(files, { stored: true })),
      refused('too_many_parts', /10,002 entries.*at most 10,000/),
    );
    const sheets = Array.from(
      { length: 1001 },
      (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`,
    ).join('');
    await assert.rejects(
      () =>
        Workbook.open(
          book('', { 'xl/workbook.xml': `<workbook xmlns:r="r"><sheets>${sheets}</sheets></workbook>` }),
        ),
      refused('too_many_parts', /more than 1,000 sheets/),
    );
  });

  test('a sheet name longer than 255 characters is refused, not shown', async () => {
    await assert.rejects(
      () =>
        Workbook.open(
          book('', {
            'xl/workbook.xml': `<workbook xmlns:r="r"><sheets><sheet name="${'n'.repeat(100_000)}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
          }),
        ),
      refused('corrupt', /sheet 1 has a name of 100,000 characters/),
    );
  });

  test('a sheet whose rows times width pass maxCells is refused with its extent named', async () => {
    const rows = Array.from(
      { length: 300 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>1</v></c></row>`,
    ).join('');
    await assert.rejects(
      () => read(book(`${rows}<row r="301"><c r="BXX301"><v>1</v></c></row>`), { maxCells: 500_000 }),
      refused('too_many_cells', /301 rows by 2,000 columns \(up to cell BXX301\).*500,000 cells/),
    );
  });

  test('an aborted signal cancels a read; a read lets the event loop run and hears the abort', async () => {
    const rows = Array.from(
      { length: 60_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    ).join('');
    const workbook = await Workbook.open(book(rows));
    const controller = new AbortController();
    controller.abort();
    await assert.rejects(
      () => workbook.readSheet(0, { signal: controller.signal }),
      refused('cancelled', /cancelled/),
    );
    assert.equal((await workbook.readSheet(0)).length, 60_000);
    assert.equal((await workbook.readSheetAsync(0)).length, 60_000, 'the old name reads the same');
    const later = new AbortController();
    let ticks = 0;
    const timer = setInterval(() => {
      ticks++;
      later.abort();
    }, 1);
    try {
      await assert.rejects(
        workbook.readSheet(0, { signal: later.signal, onProgress: () => busy(5) }),
        refused('cancelled', /cancelled/),
      );
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks > 0, 'a timer ran during the read');
  });
});

/** `n` letters that do not compress like a run of one letter (a zip bomb's ratio). */
function letters(n: number): string {
  let seed = 7;
  let out = '';
  for (let i = 0; i < n; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    out += String.fromCharCode(97 + ((seed >>> 16) % 26));
  }
  return out;
}

/** Keeps the thread busy for `ms`, standing in for slow work between progress calls. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}
