import type { ImportedRow, ImportIssue } from '@csv-importer/element';
import { expect } from 'chai';
import { render } from 'lit';
import { renderReceivedRows, SHOWN_ROWS } from './received-rows.ts';

// The playground's table of received rows, rendered in the page: what it shows of each value,
// which cells it marks, and how many rows.

const COLUMNS = [{ key: 'name' }, { key: 'seats' }, { key: 'active' }];

let host: HTMLElement | undefined;
afterEach(() => host?.remove());

function show(rows: readonly ImportedRow[], issues: readonly ImportIssue[] = []) {
  host = document.createElement('div');
  document.body.append(host);
  render(renderReceivedRows(COLUMNS, rows, issues, `${rows.length} rows from test.csv.`), host);
  return [...host.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')]);
}

describe('received rows', () => {
  it('one column per key of the spec, each value as text, an empty cell for null or a missing key', () => {
    const cells = show([
      { name: 'Ada', seats: 0, active: false },
      { name: null, seats: 12 },
    ]);
    expect(cells.map((row) => row.map((td) => td.textContent))).to.deep.equal([
      ['Ada', '0', 'false'],
      ['', '12', ''],
    ]);
    expect([...host!.querySelectorAll('th')].map((th) => th.textContent)).to.deep.equal([
      'name',
      'seats',
      'active',
    ]);
    expect(host!.querySelector('#summary')!.textContent).to.equal('2 rows from test.csv.');
  });

  it('marks the cells that have an error, not those with a warning', () => {
    const cells = show(
      [
        { name: 'Ada', seats: -3, active: true },
        { name: 'Grace', seats: 1, active: 'ja' },
      ],
      [
        { row: 0, column: 'seats', code: 'too_small', level: 'error' },
        { row: 1, column: 'active', code: 'invalid_boolean', level: 'error' },
        { row: 1, column: 'name', code: 'duplicate', level: 'warning' },
      ] as ImportIssue[],
    );
    const marked = cells.map((row) => row.map((td) => td.className));
    expect(marked).to.deep.equal([
      ['', 'invalid', ''],
      ['', '', 'invalid'],
    ]);
  });

  it(`shows the first ${SHOWN_ROWS} rows of a larger import`, () => {
    const rows = Array.from({ length: SHOWN_ROWS + 50 }, (_, i) => ({
      name: `row ${i}`,
      seats: i,
      active: true,
    }));
    const cells = show(rows);
    expect(cells.length).to.equal(SHOWN_ROWS);
    expect(cells.at(-1)![0]!.textContent).to.equal(`row ${SHOWN_ROWS - 1}`);
  });
});
