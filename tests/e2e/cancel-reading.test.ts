import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { deflateRawSync } from 'node:zlib';
import { BENCH_COLUMNS } from '../bench/generate.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { workbook } from '../support/zip.ts';
import { importButton, importerFrame, toReview } from './importer-flow.ts';

// Cancel while a workbook is being read: the worker reads an XLSX sheet a slice at a time and
// hears the cancel between slices, the frame goes back to its upload step, the host hears of it,
// and the cancelled read never moves the flow on later, not even when it would have finished.

const e2e = useBrowserAndServers();
const dataDir = mkdtempSync(join(tmpdir(), 'csv-importer-cancel-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

/** An XLSX of `rows` rows of ten numbers: quick to write, seconds for the worker to read. */
function largeWorkbook(rows: number): string {
  const xml: string[] = [];
  for (let r = 1; r <= rows; r++) {
    let cells = '';
    for (let c = 0; c < 10; c++) cells += `<c r="${'ABCDEFGHIJ'[c]}${r}"><v>${r * 10 + c}</v></c>`;
    xml.push(`<row r="${r}">${cells}</row>`);
  }
  const sheet = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${xml.join('')}</sheetData></worksheet>`,
  );
  // Deflated fast here: the zip helper's best compression takes a minute on so repetitive a sheet.
  const deflated = deflateRawSync(sheet, { level: 1 });
  const path = join(dataDir, 'large.xlsx');
  writeFileSync(path, workbook({ sheet: { deflated, declaredSize: sheet.length } }));
  return path;
}

describe('cancel while reading', () => {
  test('a large XLSX: Cancel goes back to upload, the host gets a cancel event, the next file is read', async () => {
    const xlsx = largeWorkbook(200_000);
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.host.url}/element.html`);
    await page.evaluate(
      (columns) => {
        const importer = document.querySelector('csv-importer')!;
        const seen: string[] = [];
        (window as unknown as { cancels: string[] }).cancels = seen;
        importer.addEventListener('csv-importer-cancel', (event) => seen.push(event.phase));
        importer.columns = columns as never;
        importer.open();
      },
      BENCH_COLUMNS as unknown as object[],
    );
    const frame = await importerFrame(page);
    await frame.setInputFiles('input[type=file]', xlsx);
    await frame.locator('progress').waitFor();
    await frame.getByRole('button', { name: 'Cancel' }).click();

    await frame.getByText('Reading the file was cancelled.').waitFor();
    assert.equal(await frame.locator('progress').count(), 0, 'no reading under way any more');
    await page.waitForFunction(() => (window as unknown as { cancels: string[] }).cancels.length > 0);
    assert.deepEqual(await page.evaluate(() => (window as unknown as { cancels: string[] }).cancels), [
      'reading',
    ]);
    // The worker is free for the next file, and the cancelled workbook never takes over from it.
    await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
    await toReview(frame);
    assert.equal((await importButton(frame).textContent())?.trim(), 'Import 11 rows');
    await page.close();
  });
});
