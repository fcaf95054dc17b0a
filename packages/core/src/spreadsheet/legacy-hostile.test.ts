import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { legacyHostileCorpus } from '../../../../tests/security/legacy-corpus.ts';
import { DecodeError } from '../decode/decode.ts';
import { WorkbookError } from '../xlsx/xlsx.ts';
import { openSpreadsheet, spreadsheetFormat } from './open-spreadsheet.ts';

/**
 * The engine's side of the legacy hostile corpus (tests/security/legacy-corpus.ts): every XLS,
 * XLSB and ODS file ends in its specific error code or in a bounded import, never a crash (an
 * error other than WorkbookError), a hang (the runner's timeout) or an unbounded allocation.
 */
describe('hostile XLS, XLSB and ODS files', () => {
  for (const file of legacyHostileCorpus()) {
    test(`${file.name}: ${file.code ?? 'imports'}`, async () => {
      const bytes = new Uint8Array(file.bytes);
      assert.equal(spreadsheetFormat(bytes), file.format, 'told apart by its bytes');
      try {
        const book = await openSpreadsheet(new Blob([bytes]));
        const sheet = book.sheets.find((s) => !s.hidden) ?? book.sheets[0]!;
        const rows = (await book.readSheet(sheet.index)).filter((row) => row.some((cell) => cell !== null));
        assert.equal(file.code, undefined, `${file.about}: read ${rows.length} rows instead of failing`);
        if (file.rows !== undefined) assert.equal(rows.length - 1, file.rows, file.about);
      } catch (error) {
        if (!(error instanceof WorkbookError || error instanceof DecodeError)) throw error;
        assert.equal(error.code, file.code, `${file.about}: ${error.message}`);
        assert.ok(error.message.length > 20 && !/undefined|NaN/.test(error.message), error.message);
      }
    });
  }
});
