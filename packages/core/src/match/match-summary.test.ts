import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ColumnSpec } from '../columns/column-spec.ts';
import { matchColumns } from './match.ts';
import { summarizeMatches } from './match-summary.ts';

const FIELDS: ColumnSpec[] = [
  { key: 'firstName', label: 'First name' },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'phone', label: 'Phone', type: 'phone' },
  { key: 'country', label: 'Country' },
];

describe('summarizeMatches', () => {
  test('the bug report\'s kind of file: matched columns, and the ones below "sure" to check', () => {
    const headers = ['fname', 'E-Mail Address', 'Cntry', 'Country Code', 'Comment'];
    const suggestions = matchColumns(headers, FIELDS);
    const mapping = Object.fromEntries(suggestions.map((s) => [s.key, s.fileColumn]));
    // fname and E-Mail Address are sure; Cntry is read through an abbreviation: likely.
    assert.deepEqual(summarizeMatches(headers.length, mapping, suggestions), {
      columns: 5,
      matched: 3,
      toCheck: 1,
    });
    // Once the user has chosen it, it needs no check; a field set to nothing counts for nothing.
    assert.deepEqual(
      summarizeMatches(headers.length, { ...mapping, phone: null }, suggestions, new Set(['country'])),
      {
        columns: 5,
        matched: 3,
        toCheck: 0,
      },
    );
  });

  test('a column the user mapped by hand is matched and needs no check', () => {
    assert.deepEqual(summarizeMatches(2, { phone: 1 }, []), { columns: 2, matched: 1, toCheck: 0 });
  });
});
