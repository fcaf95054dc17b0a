import { type CSSResult, css } from 'lit';

/**
 * Height of one row of a list whose rows each hold a combobox (the match step's columns, the
 * values step's values): fixed, so the rows in view can be told from the scroll position.
 */
export const LIST_ROW_HEIGHT = 46;

/**
 * The style of a `table.plain` list inside a `.rows` scroll box that a `RowWindow` renders in
 * part: the box shows about `rowsShown` rows (never more than 60% of the frame's height), the
 * header stays at the top as the rows scroll, every body row is exactly `rowHeight` pixels (a
 * cell's text is cut with an ellipsis, never wrapped, or the window's arithmetic would be off),
 * and the gap rows (`tr.gap`) that stand for the rows not rendered are exactly as tall as said.
 */
export function rowWindowTableStyles(rowHeight: number, rowsShown: number): CSSResult {
  return css`
    .rows {
      max-height: min(60vh, ${rowHeight * rowsShown + 40}px);
      overflow: auto;
      border-bottom: 1px solid var(--_border);
    }
    table.plain {
      table-layout: fixed;
    }
    thead th {
      position: sticky;
      top: 0;
      background: var(--_bg);
      z-index: 1;
    }
    tbody tr {
      height: ${rowHeight}px;
    }
    table.plain tbody th,
    table.plain tbody td {
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
      vertical-align: middle;
    }
    tr.gap td {
      padding: 0;
      border: none;
    }
  `;
}
