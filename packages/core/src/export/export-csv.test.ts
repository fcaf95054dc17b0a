import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { parseTextStream } from '../parse/parse.ts';
import { csvCell, exportCsv, exportRecordsCsv } from './export-csv.ts';

async function parse(text: string, delimiter?: string): Promise<string[][]> {
  const stream = new ReadableStream<string>({
    start(controller) {
      for (let i = 0; i < text.length; i += 7) controller.enqueue(text.slice(i, i + 7));
      controller.close();
    },
  });
  const rows: string[][] = [];
  for await (const batch of parseTextStream(stream, delimiter ? { delimiter } : {})) rows.push(...batch.rows);
  return rows;
}

describe('CSV export', () => {
  test('quotes what needs quoting and guards formulas in text cells only', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('line\nbreak'), '"line\nbreak"');
    assert.equal(
      csvCell('=HYPERLINK("http://evil.example","click")'),
      `"'=HYPERLINK(""http://evil.example"",""click"")"`,
    );
    for (const start of ["+cmd|' /C calc'!A0", '-2+3+cmd', '@SUM(A1)', '\tx', '\rx', '=1'])
      assert.ok(csvCell(start).replace(/^"/, '').startsWith("'"), start);
    assert.equal(csvCell(-3), '-3', 'a number is never prefixed');
    assert.equal(csvCell('-3'), '-3', 'nor a signed digit string');
    assert.equal(csvCell('+44 20 7946 0958'), '+44 20 7946 0958');
    assert.equal(csvCell('+1 (212) 555-0142'), '+1 (212) 555-0142');
    assert.equal(csvCell(' -1234.50'), ' -1234.50');
    for (const hidden of ['\n=1+1', '  =1+1', ' \n @SUM(A1)', '\nplain', ' -2+3', '+1 555 0142 x', '-A1'])
      assert.ok(csvCell(hidden).replace(/^"/, '').startsWith("'"), JSON.stringify(hidden));
    assert.equal(csvCell(true), 'true');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell(['a', 'b']), '"a, b"');
  });

  test('records with only the invalid rows and an error column', () => {
    const columns = [
      { key: 'name', label: 'Name' },
      { key: 'seats', label: 'Seats', type: 'integer' as const },
    ];
    const records = [
      { name: 'Ada', seats: 5 },
      { name: '=cmd', seats: '-3' },
    ];
    const issues = [
      { row: 1, column: 'seats', code: 'too_small' as const, level: 'error' as const, params: { min: 1 } },
      { row: 0, column: 'name', code: 'trimmed' as const, level: 'info' as const },
    ];
    assert.equal(
      exportRecordsCsv(columns, records, issues),
      "Name,Seats,Errors\r\nAda,5,\r\n'=cmd,-3,Seats: too_small\r\n",
    );
    assert.equal(
      exportRecordsCsv(columns, records, issues, {
        onlyInvalid: true,
        delimiter: ';',
        describe: (i, c) => `${c?.label} must be at least ${i.params?.min}`,
      }),
      "Name;Seats;Errors\r\n'=cmd;-3;Seats must be at least 1\r\n",
    );
    assert.equal(
      exportRecordsCsv(columns, records, [], { errorColumn: null }),
      "Name,Seats\r\nAda,5\r\n'=cmd,-3\r\n",
    );
  });

  test('property: parse(export(rows)) gives the rows back (line ends as LF), for any text and any delimiter', async () => {
    const cell = fc.string({
      unit: fc.constantFrom('a', 'Z', 'é', '李', ' ', ',', ';', '\t', '|', '"', '\n', '\r', '\r\n', '=', '-'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(',', ';', '\t', '|'),
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.array(fc.array(cell, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 8 }),
          ),
        async (delimiter, rows) => {
          // A record of one empty cell is a blank line, which the parser skips by design.
          fc.pre(rows.every((row) => row.length > 1 || row[0] !== ''));
          const text = exportCsv(rows, { delimiter, guardFormulas: false });
          // The parser normalizes line ends to LF, inside quoted cells too.
          const expected = rows.map((row) => row.map((cell) => cell.replace(/\r\n?/g, '\n')));
          assert.deepEqual(await parse(text, delimiter), expected);
        },
      ),
      { numRuns: 200 },
    );
  });

  test('property: with the guard on, an exported text cell starts a formula only as a signed digit string', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const out = csvCell(text);
        const unquoted = out.startsWith('"') ? out.slice(1, -1) : out;
        assert.ok(!/^[=+\-@\t\r]/.test(unquoted) || /^[+-][\d\s.,()]*$/.test(unquoted), out);
      }),
    );
  });
});
