import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvField, csvLine } from './csv-writer.ts';

describe('csv writer', () => {
  test('quotes delimiters, quotes and line breaks', () => {
    assert.equal(csvLine(['a', 'b,c', 'say "hi"', 'x\ny']), 'a,"b,c","say ""hi""","x\ny"\r\n');
  });

  test('guards cells that a spreadsheet would run as formulas', () => {
    assert.equal(csvField('=HYPERLINK("http://evil.example")'), `"'=HYPERLINK(""http://evil.example"")"`);
    assert.equal(csvField('+1'), "'+1");
    assert.equal(csvField('-3'), "'-3");
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField('plain'), 'plain');
  });
});
