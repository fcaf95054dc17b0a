import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { importerFrame, loadAndReview, submit } from './importer-flow.ts';

// The rows a host receives, read by column (`event.columns`) instead of a record per row, through
// the real element, frame and worker: the same typed values as the records, batch by batch and in
// the complete event.

const e2e = useBrowserAndServers();

/** contacts.csv's fields, typed as an application declares them. */
const TYPED_COLUMNS = [
  { key: 'firstName', label: 'First name', required: true },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'phone', label: 'Phone', type: 'phone', defaultCountry: 'GB' },
  { key: 'dateOfBirth', label: 'Date of birth', type: 'date' },
  { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro', 'enterprise'] },
  { key: 'seats', label: 'Seats', type: 'number', integer: true },
  { key: 'active', label: 'Active', type: 'boolean' },
  { key: 'notes', label: 'Notes' },
];

interface Delivered {
  /** Every rows event's `columns`, joined in order. */
  batches: Record<string, unknown[]>;
  sizes: number[];
  columns: Record<string, unknown[]>;
  rows: Record<string, unknown>[];
}

/** Imports contacts.csv in batches of 4 rows, the page reading each batch by `columns` or by `rows`. */
async function importContacts(page: Page, read: 'columns' | 'rows'): Promise<Delivered> {
  await page.goto(`${e2e.host.url}/element.html`);
  await page.evaluate(
    ({ columns, read }) => {
      const w = window as unknown as { readColumns: boolean; joined: Record<string, unknown[]> };
      w.readColumns = read === 'columns';
      w.joined = {};
      const importer = document.querySelector('csv-importer')!;
      importer.columns = columns as never;
      importer.batchSize = 4;
      importer.addEventListener('csv-importer-rows', (event) => {
        const batch: Record<string, readonly unknown[]> =
          read === 'columns'
            ? event.columns
            : Object.fromEntries(
                Object.keys(event.rows[0] ?? {}).map((k) => [k, event.rows.map((r) => r[k])]),
              );
        for (const [key, values] of Object.entries(batch)) {
          w.joined[key] ??= [];
          w.joined[key].push(...values);
        }
      });
      importer.open();
    },
    { columns: TYPED_COLUMNS as unknown, read },
  );
  const frame = await importerFrame(page);
  await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
  await submit(frame);
  await page.waitForFunction(() => (window as unknown as { complete?: Event }).complete !== undefined);
  return page.evaluate(() => {
    const w = window as unknown as {
      joined: Record<string, unknown[]>;
      batches: { size: number }[];
      complete: { columns: Record<string, unknown[]>; rows: Record<string, unknown>[] };
    };
    return {
      batches: w.joined,
      sizes: w.batches.map((b) => b.size),
      columns: w.complete.columns,
      rows: w.complete.rows,
    };
  });
}

/** Asserts that `columns[key][i]` is `rows[i][key]` for every field and row. */
function assertSameValues(columns: Record<string, unknown[]>, rows: Record<string, unknown>[]): void {
  assert.deepEqual(Object.keys(columns), Object.keys(rows[0]!));
  for (const [key, values] of Object.entries(columns)) {
    assert.equal(values.length, rows.length, key);
    values.forEach((value, i) => {
      assert.deepEqual(value, rows[i]![key], `${key} of row ${i}`);
    });
  }
}

describe('rows by column', () => {
  test('a page that reads every batch by column gets the typed values the records hold', async () => {
    const page = await e2e.browser.newPage();
    const delivered = await importContacts(page, 'columns');
    assert.deepEqual(delivered.sizes, [4, 4, 3]);
    assert.equal(delivered.rows.length, 11);
    // Typed, not text: numbers, booleans, ISO dates, E.164 phones.
    assert.equal(delivered.batches.seats![0], 5);
    assert.equal(delivered.batches.active![0], true);
    assert.equal(delivered.batches.dateOfBirth![0], '1815-12-10');
    assert.equal(delivered.batches.phone![0], '+442079460958');
    assertSameValues(delivered.batches, delivered.rows);
    assert.deepEqual(delivered.columns, delivered.batches);
    await page.close();
  });

  test('a page that reads records gets the same rows, and the complete event the same by column', async () => {
    const page = await e2e.browser.newPage();
    const byRows = await importContacts(page, 'rows');
    assertSameValues(byRows.batches, byRows.rows);
    assertSameValues(byRows.columns, byRows.rows);
    const byColumns = await importContacts(page, 'columns');
    assert.deepEqual(byColumns.rows, byRows.rows);
    await page.close();
  });
});
