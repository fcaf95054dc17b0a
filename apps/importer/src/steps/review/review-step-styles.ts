import { css } from 'lit';
import { HEADER_HEIGHT, ROW_HEIGHT } from '../../grid/grid-types.ts';

/**
 * The review step's toolbars, panels, view tabs and the grid's height: the step fills the frame's
 * main area and the grid takes what the other parts leave (about nine rows at the default
 * height, never less than five: below that the main area scrolls instead), so there is one
 * scrollbar for the rows and the footer stays at the bottom.
 */
export const reviewStepStyles = css`
  :host {
    display: flex;
    flex-direction: column;
  }
  .review {
    flex: 1 0 auto;
    display: flex;
    flex-direction: column;
  }
  .head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-1) var(--_space-4);
    margin-bottom: var(--_space-2);
  }
  .head h2 {
    margin: 0;
  }
  .count {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-1);
    margin: 0;
    color: var(--_muted);
  }
  .count .icon {
    color: var(--_success);
  }
  .count.has-errors .icon {
    color: var(--_warning);
  }
  /* The view tabs and the tools share one line, the tools at its end. */
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-end;
    justify-content: space-between;
    gap: var(--_space-2) var(--_space-4);
    border-bottom: 1px solid var(--_border);
    margin-bottom: var(--_space-3);
  }
  .bar .toolbar {
    margin-bottom: var(--_space-2);
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-1) var(--_space-2);
    align-items: center;
  }
  .toolbar button {
    min-height: calc(var(--_control-height) - 4px);
    padding-inline: var(--_space-2);
    font-size: var(--_text-sm);
    gap: var(--_space-1);
  }
  /* Buttons that belong together (previous and next error, undo and redo) joined in one outline. */
  .group {
    display: inline-flex;
  }
  .group .tool {
    border-radius: 0;
  }
  .group .tool:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .group .tool:last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
    margin-inline-start: -1px;
  }
  .toolbar .tool {
    width: calc(var(--_control-height) - 2px);
    padding: 0;
  }
  .toolbar label {
    display: inline-flex;
    gap: var(--_space-2);
    align-items: center;
    font-size: var(--_text-sm);
  }
  .panel {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space-2) var(--_space-3);
    margin: var(--_space-2) 0;
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2) var(--_space-3);
    align-items: end;
  }
  .tabs {
    display: flex;
    gap: var(--_space-1);
    margin-bottom: -1px;
  }
  .tabs [role='tab'] {
    border: none;
    border-bottom: 2px solid transparent;
    border-radius: var(--_radius) var(--_radius) 0 0;
    background: none;
    color: var(--_muted);
    padding: var(--_space-2) var(--_space-3);
    gap: var(--_space-2);
    font-weight: 500;
    white-space: nowrap;
  }
  @media (max-width: 480px) {
    .tabs [role='tab'] {
      padding-inline: var(--_space-2);
    }
  }
  .tabs [role='tab']:hover {
    color: var(--_text);
  }
  .tabs [role='tab'][aria-selected='true'] {
    border-bottom-color: var(--_primary);
    color: var(--_text);
    font-weight: 600;
  }
  .tabs .count {
    display: inline-block;
    min-width: 1.75em;
    padding: 0 var(--_space-2);
    border-radius: 999px;
    background: var(--_surface);
    border: 1px solid var(--_border);
    color: var(--_muted);
    font-size: var(--_text-xs);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  csv-data-grid {
    flex: 1 1 0;
    min-height: ${HEADER_HEIGHT + ROW_HEIGHT * 5 + 2}px;
    --grid-height: 100%;
  }
  .below {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-3);
    margin-top: var(--_space-2);
  }
  .message {
    flex: 1 1 16em;
    min-height: 1.5em;
    margin: 0;
    font-size: var(--_text-sm);
  }
`;
