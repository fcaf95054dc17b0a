import { css } from 'lit';
import { LIST_ROW_HEIGHT, rowWindowTableStyles } from '../../chooser/row-window-styles.ts';

/**
 * The match step's style sheet: the list of file columns (about twelve rows in view, its header
 * kept at the top, see `rowWindowTableStyles`) at every width, down to a phone where the sample
 * values give way; the pills that say how sure a match is; and the status line of a move.
 */
export const matchStepStyles = [
  rowWindowTableStyles(LIST_ROW_HEIGHT, 12),
  css`
    table.plain {
      min-width: 300px;
    }
    th.column {
      width: 28%;
    }
    .samples {
      color: var(--_muted);
      width: 26%;
    }
    th.field {
      width: 28%;
    }
    /* How sure a match is, as a small pill. */
    .pill {
      display: inline-flex;
      align-items: center;
      gap: var(--_space-1);
      max-width: 100%;
      padding: 0 var(--_space-2);
      border-radius: 999px;
      font-size: var(--_text-sm);
      font-weight: 600;
      background: var(--_surface);
      color: var(--_muted);
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .pill .icon {
      width: 1.1em;
      height: 1.1em;
    }
    /* The pill's text is its color moved toward the text color: darker on light, lighter on
       dark, so it keeps its contrast on the tinted ground. */
    .sure {
      color: color-mix(in srgb, var(--_success) 70%, var(--_text));
      background: var(--_success-bg);
    }
    .likely {
      color: color-mix(in srgb, var(--_warning) 70%, var(--_text));
      background: var(--_warning-bg);
    }
    .lost {
      color: var(--_warning);
      font-weight: 600;
    }
    .moved {
      display: flex;
      flex-wrap: wrap;
      gap: 4px 12px;
      align-items: center;
      margin: 0 0 8px;
    }
    .moved:empty {
      display: none;
    }
    @media (max-width: 520px) {
      .samples {
        display: none;
      }
      th.column {
        width: 36%;
      }
      th.field {
        width: 40%;
      }
    }
  `,
];
