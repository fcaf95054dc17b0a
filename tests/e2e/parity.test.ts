import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { validateRecords } from '../../packages/core/src/index.ts';
import { GOLDEN_SET } from '../golden/golden-specs.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES, ROOT } from '../support/servers.ts';
import { loadAndReview, submit, waitForEvent } from './importer-flow.ts';
import { openImporter } from './importer-helpers.ts';

// The parity suite: every fixture of the golden set goes through the real element, frame and
// worker in Chromium with the spec its golden file was made with, accepting each step's
// suggestion, and what the host receives (typed rows, issues with levels, codes and params)
// must be what the golden file says core makes of it. Then core's validateRecords, run on the
// delivered rows as an application's server does, must find the same errors.

const e2e = useBrowserAndServers();

interface Issue {
  readonly row: number;
  readonly column: string;
  readonly code: string;
  readonly level: string;
  readonly params?: Readonly<Record<string, unknown>>;
}

const byCell = (a: Issue, b: Issue) =>
  a.row - b.row || a.column.localeCompare(b.column) || a.code.localeCompare(b.code);

/**
 * Warnings about how the file's text was read (a day/month order assumed for `12/09/1906`, a
 * ragged record): the delivered typed value (`1906-12-09`) no longer holds the doubt, so a server
 * re-validating the delivered rows cannot see them. Every other warning it must find too.
 */
const READING_WARNINGS = new Set(['date_order_assumed', 'ragged_row', 'malformed_quotes', 'invalid_bytes']);

describe('parity: what the host receives is what the golden files say core makes of each fixture', () => {
  for (const fixture of GOLDEN_SET) {
    test(`${fixture.file}: rows, typed values and issues as in tests/golden/${fixture.golden}.json`, async () => {
      const golden = JSON.parse(
        await readFile(join(ROOT, `tests/golden/${fixture.golden}.json`), 'utf8'),
      ) as {
        records: Record<string, unknown>[];
        issues: Issue[];
      };
      const page = await e2e.browser.newPage();
      const frame = await openImporter(page, e2e.host.url, {
        columns: fixture.columns as unknown as object[],
        hostPage: 'element.html',
      });
      await loadAndReview(frame, join(FIXTURES, fixture.file));
      await submit(frame);
      const events = await waitForEvent(page, 'csv-importer-complete');
      const complete = events.find((e) => e.type === 'csv-importer-complete')!;

      assert.deepEqual(complete.rows, golden.records, 'the typed rows');
      const delivered = [...(complete.issues as Issue[])].sort(byCell);
      assert.deepEqual(delivered, [...golden.issues].sort(byCell), 'every issue, info notes included');

      const server = await validateRecords(fixture.columns, complete.rows!);
      const found = (issues: readonly Issue[]) =>
        issues
          .filter((i) => i.level !== 'info' && !READING_WARNINGS.has(i.code))
          .map(({ row, column, code, level, params }) => ({ row, column, code, level, params }))
          .sort(byCell);
      assert.deepEqual(found(server.issues), found(delivered), 'validateRecords on the delivered rows');
      await page.close();
    });
  }
});
