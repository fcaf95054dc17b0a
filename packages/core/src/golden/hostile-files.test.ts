import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hostileCorpus } from '../../../../tests/security/corpus.ts';
import { DecodeError, decodeFile, sniffFile } from '../decode/decode.ts';
import { parseTextStream } from '../parse/parse.ts';
import { Workbook, WorkbookError } from '../xlsx/xlsx.ts';

/**
 * The engine's side of the hostile corpus (tests/security): every file is either refused with a
 * specific error code or read, never a crash, a hang or an unbounded allocation. Whether an empty
 * result is an error for the user is the worker's call; here it is "no data rows".
 */
async function read(bytes: Uint8Array<ArrayBuffer>): Promise<{ error: string } | { rows: number }> {
  try {
    const kind = sniffFile(bytes);
    if (kind === 'empty') return { error: 'empty_file' };
    if (kind === 'xlsx' || kind === 'xls') {
      const workbook = Workbook.open(bytes);
      const rows = workbook.readSheet(0).filter((row) => row.some((cell) => cell !== null));
      return { rows: Math.max(0, rows.length - 1) };
    }
    const decoded = await decodeFile(new Blob([bytes]));
    let rows = 0;
    for await (const batch of parseTextStream(decoded.text)) rows += batch.rows.length;
    return { rows: Math.max(0, rows - 1) };
  } catch (error) {
    if (error instanceof DecodeError || error instanceof WorkbookError) return { error: error.code };
    throw error;
  }
}

describe('hostile files', () => {
  for (const file of hostileCorpus()) {
    test(`${file.name}: ${file.expect}`, async () => {
      const outcome = await read(new Uint8Array(file.bytes));
      if (file.expect === 'error')
        assert.ok('error' in outcome || outcome.rows === 0, `${file.about}: read ${JSON.stringify(outcome)}`);
      if (file.expect === 'import') {
        assert.ok('rows' in outcome, `${file.about}: refused with ${JSON.stringify(outcome)}`);
        if (file.rows !== undefined) assert.equal(outcome.rows, file.rows, file.about);
      }
    });
  }
});
