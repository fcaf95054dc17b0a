import { css } from 'lit';

/** The cell editor's controls, and its option list and format hint in the top layer. */
export const cellEditorStyles = css`
      :host {
        display: block;
      }
      input {
        width: 100%;
        height: 28px;
        min-height: 0;
        padding: 0 4px;
        border-radius: 2px;
      }
      [popover] {
        inset: auto;
        margin: 0;
        position: fixed;
        padding: 0;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_bg);
        color: var(--_text);
        box-shadow: 0 4px 16px rgb(0 0 0 / 0.18);
      }
      [role='listbox'] {
        list-style: none;
        max-height: 240px;
        overflow-y: auto;
        min-width: 200px;
      }
      [role='option'] {
        padding: 4px 10px;
        cursor: pointer;
        unicode-bidi: plaintext;
      }
      [role='option'][aria-selected='true']::before {
        content: '✓ ';
      }
      [role='option'].highlight {
        background: var(--_primary);
        color: var(--_on-primary);
      }
      .hint {
        padding: 4px 8px;
        font-size: 0.9em;
      }
      .toggle {
        display: flex;
        height: 28px;
      }
      .toggle button {
        flex: 1;
        min-height: 0;
        padding: 0 6px;
        border-radius: 0;
      }
      .toggle button[aria-checked='true'] {
        background: var(--_primary);
        color: var(--_on-primary);
      }
    `;
