import { css } from 'lit';
import { COLUMN_WIDTH, HEADER_HEIGHT, ROW_HEADER_WIDTH, ROW_HEIGHT } from './grid-types.ts';

/** The grid's layout: sticky header row and row numbers, fixed-size cells, marks for issues. */
export const gridStyles = css`
      .viewport {
        position: relative;
        overflow: auto;
        height: var(--grid-height, 360px);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        overscroll-behavior: contain;
      }
      .viewport:focus-visible {
        outline: none;
        box-shadow: var(--_focus);
      }
      .layer {
        position: sticky;
        top: 0;
        inset-inline-start: 0;
        overflow: hidden;
      }
      .row {
        display: flex;
        position: absolute;
        inset-inline-start: 0;
        height: ${ROW_HEIGHT}px;
        width: 100%;
      }
      .row.head {
        top: 0;
        height: ${HEADER_HEIGHT}px;
        z-index: 2;
        background: var(--_surface);
        border-bottom: 1px solid var(--_border);
        font-weight: 600;
      }
      .row[aria-selected='true'] .cell {
        background: color-mix(in srgb, var(--_primary) 12%, var(--_bg));
      }
      .cells {
        display: flex;
        position: relative;
      }
      .cell {
        flex: none;
        width: ${COLUMN_WIDTH}px;
        padding: 0 8px;
        border-bottom: 1px solid var(--_border);
        border-inline-end: 1px solid var(--_border);
        white-space: nowrap;
        overflow: hidden;
        text-overflow: ellipsis;
        line-height: ${ROW_HEIGHT - 1}px;
        background: var(--_bg);
        /* Each cell takes its direction from its own text, so "linus@" stays "linus@" in Arabic. */
        unicode-bidi: plaintext;
      }
      .head .cell {
        line-height: 1.2;
        display: flex;
        flex-direction: column;
        justify-content: center;
        background: var(--_surface);
        border-bottom: none;
      }
      .badge {
        font-size: 0.8em;
        font-weight: 500;
        color: var(--_error);
      }
      .badge.warn {
        color: var(--_warning);
      }
      .rowheader {
        flex: none;
        position: sticky;
        inset-inline-start: 0;
        z-index: 1;
        width: ${ROW_HEADER_WIDTH}px;
        display: flex;
        gap: 6px;
        align-items: center;
        padding: 0 8px;
        background: var(--_surface);
        border-bottom: 1px solid var(--_border);
        border-inline-end: 1px solid var(--_border);
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
        overflow: hidden;
      }
      .rowheader input {
        margin: 0;
      }
      .cell.invalid {
        background: var(--_error-bg);
        box-shadow: inset 3px 0 0 var(--_error);
      }
      .cell.warn {
        background: var(--_warning-bg);
        box-shadow: inset 3px 0 0 var(--_warning);
      }
      :host(:dir(rtl)) .cell.invalid {
        box-shadow: inset -3px 0 0 var(--_error);
      }
      .active {
        outline: 2px solid var(--_primary);
        outline-offset: -2px;
      }
      .cell.editing {
        overflow: visible;
        padding: 1px 2px;
      }
      .issue {
        inset: auto;
        margin: 0;
        position: fixed;
        max-width: min(360px, 90vw);
        padding: 6px 10px;
        border: 1px solid var(--_border);
        border-inline-start: 4px solid var(--_error);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
        font-size: 0.95em;
        line-height: 1.4;
        /* It tells, it does not take clicks: the cells under it stay reachable with the mouse. */
        pointer-events: none;
      }
      .issue.warn {
        border-inline-start-color: var(--_warning);
      }
      .empty {
        position: absolute;
        top: ${HEADER_HEIGHT + 12}px;
        inset-inline-start: 12px;
        color: var(--_muted);
      }
    `;
