import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { importerFrame, loadAndReview, type Received, submit, waitForEvent } from './importer-flow.ts';
import { summary } from './importer-helpers.ts';

// The rules the worker runs are core's, seen from the host page through the real element, frame
// and worker: uniqueness (the first holder of a value is kept under every policy), the notes of
// core's checks delivered as info issues, the findings of reading delivered with their rows, and
// an error export that reads back without new errors.

const e2e = useBrowserAndServers();

const CONTACTS = join(FIXTURES, 'contacts.csv');
/** contacts.csv's fields with an e-mail that must be unique (rows 0 and 8 share one). */
const UNIQUE_EMAIL = CONTACT_COLUMNS.map((c) =>
  c.key === 'email' ? { ...c, unique: { caseInsensitive: true } } : c,
);

async function elementPage(
  columns: readonly object[],
  invalidRows = 'include',
): Promise<{ page: Page; frame: Frame }> {
  const page = await e2e.browser.newPage({ acceptDownloads: true });
  await page.goto(`${e2e.host.url}/element.html`);
  await page.evaluate(
    ({ columns, invalidRows }) => {
      const importer = document.querySelector('csv-importer')!;
      importer.columns = columns as never;
      importer.setAttribute('invalid-rows', invalidRows);
      importer.open();
    },
    { columns, invalidRows },
  );
  return { page, frame: await importerFrame(page) };
}

async function complete(page: Page): Promise<Received> {
  const events = await waitForEvent(page, 'csv-importer-complete');
  return events.find((e) => e.type === 'csv-importer-complete')!;
}

const errors = (issues: Received['issues']) =>
  (issues ?? []).filter((i) => i.level === 'error').map((i) => `${i.row}:${i.column}:${i.code}`);

describe('engine rules as the host receives them', () => {
  for (const invalidRows of ['include', 'exclude', 'block']) {
    const after = invalidRows === 'block' ? ', after "Delete all rows with errors"' : '';
    test(`duplicates keep the first row under invalid-rows="${invalidRows}"${after}`, async () => {
      const { page, frame } = await elementPage(UNIQUE_EMAIL, invalidRows);
      await loadAndReview(frame, CONTACTS);
      // Rows 2 (e-mail) and 7 (first name) and the repeat of ada@example.com at row 8; not row 0.
      await summary(frame, '11 rows, 3 with errors (3 errors).');
      if (invalidRows !== 'block') {
        await submit(frame);
        const done = await complete(page);
        const ada = done.rows!.filter((r) => r.email === 'ada@example.com');
        if (invalidRows === 'include') {
          assert.equal(ada.length, 2);
          assert.deepEqual(
            done.issues!.filter((i) => i.code === 'duplicate'),
            [{ row: 8, column: 'email', code: 'duplicate', level: 'error', params: { firstRow: 0 } }],
          );
        } else {
          assert.equal(done.rows!.length, 8);
          assert.deepEqual(
            ada.map((r) => r.firstName),
            ['Ada'],
            'the first holder is delivered',
          );
        }
        await page.close();
        return;
      }
      await frame.getByRole('button', { name: 'Delete all rows with errors' }).click();
      await summary(frame, '8 rows');
      await submit(frame);
      const done = await complete(page);
      assert.equal(done.rows!.length, 8);
      assert.equal(done.rows![0]!.email, 'ada@example.com', 'row 0, the first holder, survives');
      assert.deepEqual(errors(done.issues), []);
      await page.close();
    });
  }

  test("the notes of core's checks reach the host as info issues with the original text", async () => {
    const columns = CONTACT_COLUMNS.map((c) =>
      c.key === 'phone'
        ? { ...c, type: 'phone' }
        : c.key === 'plan'
          ? { ...c, type: 'select', options: ['free', 'starter', 'pro', 'enterprise'] }
          : c,
    );
    const { page, frame } = await elementPage(columns);
    // The notes travel packed; each batch's event makes them issues as its listener reads them.
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { batchNotes: unknown[] }).batchNotes = seen;
      document.addEventListener('csv-importer-rows', (event) => {
        for (const issue of (event as unknown as { issues: { level: string }[] }).issues)
          if (issue.level === 'info') seen.push(issue);
      });
    });
    await loadAndReview(frame, CONTACTS);
    await submit(frame);
    const done = await complete(page);
    const info = (done.issues ?? []).filter((i) => i.level === 'info') as {
      row: number;
      column: string;
      code: string;
      params?: Record<string, unknown>;
    }[];
    assert.deepEqual(
      info.find((i) => i.row === 0 && i.column === 'phone'),
      {
        row: 0,
        column: 'phone',
        code: 'phone_normalized',
        level: 'info',
        params: { original: '+44 20 7946 0958' },
      },
    );
    assert.equal(done.rows![0]!.phone, '+442079460958');
    assert.ok(
      info.some((i) => i.code === 'option_normalized' && i.params?.original === 'Pro'),
      'Pro became the option pro, and the host hears of it',
    );
    assert.deepEqual(
      await page.evaluate(() => (window as unknown as { batchNotes: unknown[] }).batchNotes),
      info,
      'the batch events carry the same notes',
    );
    const rows = (done.issues ?? []).map((i) => i.row);
    assert.deepEqual(
      rows,
      [...rows].sort((a, b) => a - b),
      'issues come ordered by row',
    );
    await page.close();
  });

  test('a ragged row is delivered with its warning (column "")', async () => {
    const csv =
      'First Name,Last Name,Email\nAda,Lovelace,ada@example.com\nGrace,Hopper\nLinus,Torvalds,linus@example.org\n';
    const { page, frame } = await elementPage(CONTACT_COLUMNS.slice(0, 3));
    await loadAndReview(frame, { name: 'ragged.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await submit(frame);
    const done = await complete(page);
    const ragged = (done.issues ?? []).filter((i) => i.code === 'ragged_row');
    assert.deepEqual(
      ragged.map(({ row, column, level }) => ({ row, column, level })),
      [{ row: 1, column: '', level: 'warning' }],
    );
    assert.equal(done.rows![1]!.email, null, 'the short row is kept, its missing cell empty');
    await page.close();
  });

  test('"Download rows with errors", uploaded again unchanged, gives no new errors', async () => {
    const columns = CONTACT_COLUMNS.map((c) =>
      c.key === 'phone' ? { ...c, type: 'phone' } : c.key === 'seats' ? { ...c, type: 'integer', min: 0 } : c,
    );
    const first = await elementPage(columns);
    await loadAndReview(first.frame, CONTACTS);
    await summary(first.frame, '11 rows, 3 with errors (3 errors).');
    const started = first.page.waitForEvent('download');
    await first.frame.getByRole('button', { name: 'Download rows with errors (CSV)' }).click();
    const exported = await readFile((await (await started).path())!, 'utf8');
    await first.page.close();

    const again = await elementPage(columns);
    await loadAndReview(again.frame, {
      name: 'rows-with-errors.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(exported),
    });
    await summary(again.frame, '3 rows, 3 with errors (3 errors).');
    await submit(again.frame);
    const done = await complete(again.page);
    assert.deepEqual(errors(done.issues), [
      '0:email:invalid_email',
      '1:seats:too_small',
      '2:firstName:required',
    ]);
    await again.page.close();
  });
});
