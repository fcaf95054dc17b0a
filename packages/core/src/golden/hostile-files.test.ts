import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { hostileCorpus } from '../../../../tests/security/corpus.ts';
import { DecodeError, decodeFile, sniffFile } from '../decode/decode.ts';
import { parseTextStream } from '../parse/parse.ts';
import { Workbook, WorkbookError } from '../xlsx/xlsx.ts';

/**
 * The engine's side of the hostile corpus (tests/security): every file is either refused with a
 * specific error code or read, never a crash, a hang or an unbounded allocation. Whether an empty
 * result is an error for the user is the worker's call; here it is "no data rows".
 *
 * Workbooks are read in a worker thread whose heap is capped (`HEAP_MB`), as the importer's worker
 * would be by a tab's memory: a reader that allocates by what a file declares (rows padded to a
 * far cell, a gap of millions of rows, a shared-strings part read whole) runs out of that heap
 * and the thread dies, which fails the test.
 */
type Outcome = { error: string; message: string } | { rows: number };

/** The heap a workbook's read gets; the largest legitimate read in the corpus needs a few MB. */
const HEAP_MB = 192;

async function read(bytes: Uint8Array<ArrayBuffer>): Promise<Outcome> {
  try {
    const kind = sniffFile(bytes);
    if (kind === 'empty') return { error: 'empty_file', message: '' };
    if (kind === 'xlsx' || kind === 'xls') {
      const workbook = await Workbook.open(bytes);
      const rows = (await workbook.readSheet(0)).filter((row) => row.some((cell) => cell !== null));
      return { rows: Math.max(0, rows.length - 1) };
    }
    const decoded = await decodeFile(new Blob([bytes]));
    let rows = 0;
    for await (const batch of parseTextStream(decoded.text)) rows += batch.rows.length;
    return { rows: Math.max(0, rows - 1) };
  } catch (error) {
    if (error instanceof DecodeError || error instanceof WorkbookError)
      return { error: error.code, message: error.message };
    throw error;
  }
}

/** Reads `bytes` in a worker thread with a capped heap; rejects if the thread runs out of it. */
function readBounded(bytes: Uint8Array): Promise<Outcome & { ms: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), {
      workerData: bytes,
      resourceLimits: { maxOldGenerationSizeMb: HEAP_MB, maxYoungGenerationSizeMb: 16 },
    });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the reading thread exited with ${code}`)));
  });
}

if (!isMainThread) {
  const started = performance.now();
  const outcome = await read(new Uint8Array(workerData as Uint8Array));
  parentPort!.postMessage({ ...outcome, ms: Math.round(performance.now() - started) });
} else {
  describe('hostile files', () => {
    for (const file of hostileCorpus()) {
      test(`${file.name}: ${file.expect}`, async (t) => {
        const bytes = new Uint8Array(file.bytes);
        const outcome = file.name.endsWith('.xlsx') ? await readBounded(bytes) : await read(bytes);
        if ('ms' in outcome) t.diagnostic(`${file.name}: ${JSON.stringify(outcome)}`);
        if (file.expect === 'error')
          assert.ok(
            'error' in outcome || outcome.rows === 0,
            `${file.about}: read ${JSON.stringify(outcome)}`,
          );
        if (file.code !== undefined) assert.equal('error' in outcome && outcome.error, file.code, file.about);
        if (file.expect === 'import') {
          assert.ok('rows' in outcome, `${file.about}: refused with ${JSON.stringify(outcome)}`);
          if (file.rows !== undefined) assert.equal(outcome.rows, file.rows, file.about);
        }
      });
    }
  });
}
