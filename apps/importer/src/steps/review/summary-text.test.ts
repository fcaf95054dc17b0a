import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ValidationSummary } from '../../worker/session-types.ts';
import { summaryText } from './summary-text.ts';

const counts = (v: Partial<ValidationSummary>) =>
  ({ rowCount: 11, invalidRowCount: 2, errorCount: 3, ...v }) as ValidationSummary;

describe('summaryText', () => {
  test('the rows and those with errors, or that all are valid', () => {
    assert.equal(summaryText(counts({})), '11 rows, 2 with errors (3 errors).');
    assert.equal(summaryText(counts({ invalidRowCount: 0, errorCount: 0 })), 'All 11 rows are valid.');
  });

  test('in large-file mode, where the valid rows are', () => {
    assert.equal(
      summaryText(counts({ rowCount: 40, largeFile: { validRows: 999_960 } })),
      '40 rows, 2 with errors (3 errors). Large file: only the 40 rows that had issues are shown here; the other 999,960 rows are valid and will be imported too.',
    );
  });
});
