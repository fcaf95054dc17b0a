import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useBrowserAndServers } from '../support/e2e.ts';
import { importButton, importerFrame, loadAndReview, submit } from './importer-flow.ts';
import { cell, editCell, summary } from './importer-helpers.ts';

const e2e = useBrowserAndServers();

const ROWS = 3_000;
/** Every 500th row's e-mail is not one: six rows with an issue. */
const BAD = Array.from({ length: ROWS / 500 }, (_, k) => k * 500 + 499);

function csv(): Buffer {
  const lines = ['ID,Name,E-mail'];
  for (let i = 0; i < ROWS; i++)
    lines.push(`${i},Row ${i},${BAD.includes(i) ? `row${i}-at-example` : `row${i}@example.com`}`);
  return Buffer.from(`${lines.join('\n')}\n`);
}

describe('large-file mode, chosen by the host', () => {
  test('the review shows only the rows with issues; fixed, they arrive after the valid rows, every row once', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.host.url}/element.html`);
    await page.evaluate(() => {
      const w = window as unknown as { streamed: { ids: number[]; emails: string[]; batches: number } };
      w.streamed = { ids: [], emails: [], batches: 0 };
      const importer = document.querySelector('csv-importer')!;
      importer.setAttribute('large-file', '');
      importer.setAttribute('stream-rows', '');
      importer.columns = [
        { key: 'id', label: 'ID', required: true },
        { key: 'name', label: 'Name', required: true },
        { key: 'email', label: 'E-mail', type: 'email', required: true },
      ];
      importer.batchSize = 500;
      importer.addEventListener('csv-importer-rows', (event) => {
        w.streamed.batches++;
        for (const row of event.rows) {
          w.streamed.ids.push(Number(row.id));
          w.streamed.emails.push(String(row.email));
        }
      });
      importer.open();
    });
    const frame = await importerFrame(page);
    await loadAndReview(frame, { name: 'large.csv', mimeType: 'text/csv', buffer: csv() });

    // The grid holds the six rows with issues, in file order, and nothing else.
    for (const [position, id] of BAD.entries())
      await cell(frame, position, 'id').getByText(String(id)).waitFor();
    assert.equal(await frame.locator('[role=row][data-row]').count(), BAD.length);
    // Each is numbered as in the file (data row 500 is the file's row 499 below the header).
    const numbers = await frame.locator('[role=row][data-row] [role=rowheader]').allInnerTexts();
    assert.deepEqual(
      numbers.map((n) => n.trim()),
      BAD.map((id) => (id + 1).toLocaleString('en-US')),
    );
    // Submitting would deliver every row of the file.
    await importButton(frame)
      .getByText(`Import ${ROWS.toLocaleString('en-US')} rows`)
      .waitFor();
    for (const position of BAD.keys())
      await editCell(frame, position, 'email', `fixed${position}@example.com`);
    // The review's counts are of the rows it holds, and it says where the others are.
    await summary(
      frame,
      `All ${BAD.length} rows are valid. Large file: only the ${BAD.length} rows that had issues are shown here; the other ${(ROWS - BAD.length).toLocaleString('en-US')} rows are valid and will be imported too.`,
    );
    await submit(frame);

    const result = await page.evaluate(() => {
      const w = window as unknown as {
        streamed: { ids: number[]; emails: string[]; batches: number };
        received: {
          type: string;
          rowsLength?: number;
          meta?: { rowCount: number; invalidRowCount: number };
        }[];
      };
      const complete = w.received.find((e) => e.type === 'csv-importer-complete');
      return { ...w.streamed, rowCount: complete?.meta?.rowCount, invalid: complete?.meta?.invalidRowCount };
    });
    const valid = Array.from({ length: ROWS }, (_, i) => i).filter((i) => !BAD.includes(i));
    // The valid rows came first, read again from the file in batches, then the fixed ones.
    assert.deepEqual(result.ids, [...valid, ...BAD]);
    assert.deepEqual(
      result.emails.slice(valid.length),
      BAD.map((_, position) => `fixed${position}@example.com`),
    );
    assert.ok(result.batches >= ROWS / 500);
    assert.equal(result.rowCount, ROWS);
    assert.equal(result.invalid, 0);
    await page.close();
  });
});
