import { css } from 'lit';

/**
 * Design tokens and the controls every step shares. The host's theme arrives as `--ci-*` custom
 * properties on the document root; each has a light default here and a dark one when the root
 * carries `data-color-scheme="dark"` (reflected onto the app as `scheme="dark"`). Components use
 * only the private `--_*` names below, so a token is resolved in one place.
 */
export const tokens = css`
  :host {
    --_primary: var(--ci-color-primary, #0969da);
    --_on-primary: #ffffff;
    --_bg: var(--ci-color-background, #ffffff);
    --_surface: var(--ci-color-surface, #f6f8fa);
    --_text: var(--ci-color-text, #1f2328);
    --_muted: var(--ci-color-muted, #59636e);
    --_border: var(--ci-color-border, #d1d9e0);
    --_error: var(--ci-color-error, #cf222e);
    --_error-bg: color-mix(in srgb, var(--_error) 12%, var(--_bg));
    --_warning: var(--ci-color-warning, #9a6700);
    --_warning-bg: color-mix(in srgb, var(--_warning) 14%, var(--_bg));
    --_success: var(--ci-color-success, #1a7f37);
    --_radius: var(--ci-radius, 6px);
    --_font: var(--ci-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_size: var(--ci-font-size, 14px);
    --_density: var(--ci-density, 1);
    --_focus: 0 0 0 2px var(--_bg), 0 0 0 4px var(--_primary);
    color-scheme: light;
  }
  :host([scheme='dark']) {
    --_primary: var(--ci-color-primary, #4493f8);
    --_on-primary: #0d1117;
    --_bg: var(--ci-color-background, #0d1117);
    --_surface: var(--ci-color-surface, #161b22);
    --_text: var(--ci-color-text, #e6edf3);
    --_muted: var(--ci-color-muted, #9198a1);
    --_border: var(--ci-color-border, #3d444d);
    --_error: var(--ci-color-error, #ff7b72);
    --_warning: var(--ci-color-warning, #d29922);
    --_success: var(--ci-color-success, #3fb950);
    color-scheme: dark;
  }
`;

export const controls = css`
  :host {
    display: block;
    font-family: var(--_font);
    font-size: var(--_size);
    line-height: 1.45;
    color: var(--_text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2 {
    font-size: 1.3em;
    margin: 0 0 calc(12px * var(--_density));
  }
  h2:focus {
    outline: none;
  }
  h3 {
    font-size: 1.05em;
    margin: 0 0 8px;
  }
  p {
    margin: 0 0 calc(8px * var(--_density));
  }
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: calc(6px * var(--_density)) calc(12px * var(--_density));
    min-height: 32px;
    cursor: pointer;
  }
  button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button:disabled {
    opacity: 0.55;
    cursor: not-allowed;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  textarea:focus-visible,
  a:focus-visible,
  [tabindex]:focus-visible {
    outline: none;
    box-shadow: var(--_focus);
  }
  select,
  input[type='text'],
  input[type='search'],
  textarea {
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(5px * var(--_density)) 8px;
    min-height: 32px;
    max-width: 100%;
  }
  a {
    color: var(--_primary);
  }
  .error {
    color: var(--_error);
  }
  .muted {
    color: var(--_muted);
  }
  /* A step's footer (Back, Continue): it stays in view at the bottom of the frame's scrolling
     main area while the step's content scrolls under it. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    align-items: center;
    margin-top: calc(12px * var(--_density));
    position: sticky;
    bottom: 0;
    z-index: 2;
    background: var(--_bg);
    border-top: 1px solid var(--_border);
    padding: calc(8px * var(--_density)) 0;
  }
  .actions .spacer {
    flex: 1;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  table.plain {
    border-collapse: collapse;
    width: 100%;
  }
  table.plain th,
  table.plain td {
    border-bottom: 1px solid var(--_border);
    padding: calc(6px * var(--_density)) 8px;
    text-align: start;
    vertical-align: top;
  }
  progress {
    width: 100%;
    accent-color: var(--_primary);
  }
  .scroll-x {
    overflow-x: auto;
    max-width: 100%;
  }
`;
