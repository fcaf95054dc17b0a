import { css } from 'lit';

/**
 * The playground page's style sheet: the configuration beside the importer (one column below
 * 900 px), the spec editor, the received rows with the cells that have an error tinted, the
 * event log and snippet boxes, the sample links and the embed URL's frame.
 */
export const playgroundStyles = css`
  :host {
    display: grid;
    /* minmax(0, …): a wide table of received rows scrolls in its own box instead of widening the page. */
    grid-template-columns: minmax(280px, 360px) minmax(0, 1fr);
    gap: 24px;
    font: 14px/1.5 system-ui, sans-serif;
    color: #1f2328;
  }
  @media (max-width: 900px) {
    :host {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  fieldset {
    border: 1px solid #d0d7de;
    border-radius: 8px;
    margin: 0 0 12px;
  }
  label {
    display: block;
    margin: 4px 0;
  }
  textarea {
    width: 100%;
    box-sizing: border-box;
    min-height: 280px;
    font: 12px ui-monospace, monospace;
  }
  .error {
    color: #cf222e;
  }
  .ok {
    color: #1a7f37;
  }
  table {
    border-collapse: collapse;
    font-size: 13px;
  }
  th,
  td {
    border: 1px solid #d0d7de;
    padding: 2px 6px;
    text-align: start;
    vertical-align: top;
    white-space: pre-wrap;
  }
  td.invalid {
    background: #ffebe9;
  }
  pre {
    background: #f6f8fa;
    padding: 8px;
    overflow: auto;
    max-height: 18rem;
    font: 12px ui-monospace, monospace;
  }
  .tabs button[aria-selected='true'] {
    font-weight: bold;
  }
  .samples {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .samples button {
    font: inherit;
    color: #0969da;
    background: none;
    border: 0;
    padding: 2px 0;
    text-decoration: underline;
    cursor: pointer;
  }
  iframe.embed {
    width: 100%;
    height: 600px;
    border: 1px solid #d0d7de;
    border-radius: 8px;
  }
`;
