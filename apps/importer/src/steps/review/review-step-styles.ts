import { css } from 'lit';

/** The review step's toolbars, panels, view tabs and the grid's height. */
export const reviewStepStyles = css`
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: 6px 8px;
        align-items: center;
        margin-bottom: 8px;
      }
      .toolbar label {
        display: inline-flex;
        gap: 6px;
        align-items: center;
      }
      .panel {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        padding: 8px 10px;
        margin-bottom: 8px;
        display: flex;
        flex-wrap: wrap;
        gap: 8px 12px;
        align-items: end;
      }
      .tabs {
        display: flex;
        gap: 2px;
        border-bottom: 1px solid var(--_border);
        margin-bottom: 8px;
      }
      .tabs [role='tab'] {
        border: none;
        border-bottom: 3px solid transparent;
        border-radius: var(--_radius) var(--_radius) 0 0;
        background: none;
        color: var(--_text);
        padding: 6px 12px;
      }
      .tabs [role='tab'][aria-selected='true'] {
        border-bottom-color: var(--_primary);
        font-weight: 600;
      }
      .tabs .count {
        color: var(--_muted);
        font-variant-numeric: tabular-nums;
      }
      .message {
        min-height: 1.5em;
        margin: 6px 0 0;
      }
      csv-data-grid {
        --grid-height: clamp(200px, calc(100vh - 330px), 640px);
      }
    `;
