import type { ImportedRow, ImportIssue } from '@csv-importer/element';
import { html } from 'lit';

/** Most received rows the table shows: the playground is a demo, the log counts them all. */
export const SHOWN_ROWS = 200;

/** The cells that have an error (not a warning), as `row:column` keys. */
export function errorCells(issues: readonly ImportIssue[]): ReadonlySet<string> {
  return new Set(issues.filter((i) => i.level === 'error').map((i) => `${i.row}:${i.column}`));
}

/** A received value as the table shows it: an empty cell for null and undefined, else its text. */
export function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * The rows the application received, as it received them: one column per key of the spec, the
 * first `SHOWN_ROWS` rows, each cell that has an error marked `invalid`, with the summary line
 * (`#summary`) above them.
 */
export function renderReceivedRows(
  columns: readonly { readonly key: string }[],
  rows: readonly ImportedRow[],
  issues: readonly ImportIssue[],
  summary: string,
) {
  const keys = columns.map((c) => c.key);
  const invalid = errorCells(issues);
  return html`<section aria-label="Received rows">
    <h2>Received rows</h2>
    <p id="summary" role="status">${summary}</p>
    <div style="overflow: auto; max-height: 24rem">
      <table>
        <thead>
          <tr>
            ${keys.map((k) => html`<th scope="col">${k}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${rows.slice(0, SHOWN_ROWS).map(
            (row, index) =>
              html`<tr>
                ${keys.map(
                  (k) =>
                    html`<td class=${invalid.has(`${index}:${k}`) ? 'invalid' : ''}>${cellText(row[k])}</td>`,
                )}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  </section>`;
}
