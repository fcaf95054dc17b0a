import { css } from 'lit';

/**
 * Design tokens and the controls every step shares. The host's theme arrives as `--ci-*` custom
 * properties on the document root; each has a light default here and a dark one when the root
 * carries `data-color-scheme="dark"` (reflected onto the app as `scheme="dark"`). Components use
 * only the private `--_*` names below, so a token is resolved in one place.
 *
 * The type scale is derived from the host's `fontSize` (`--_text-md`), the spacing scale from
 * its `density` (`--_space-1` … `--_space-6`, 4 to 32 px at the default density), corner radii
 * from its `radius`: a host that sets those three sets every size inside the frame.
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
    --_success-bg: color-mix(in srgb, var(--_success) 12%, var(--_bg));
    --_primary-bg: color-mix(in srgb, var(--_primary) 10%, var(--_bg));
    --_hover: color-mix(in srgb, var(--_text) 6%, var(--_surface));
    --_radius: var(--ci-radius, 6px);
    --_radius-lg: calc(var(--_radius) * 2);
    --_font: var(--ci-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_size: var(--ci-font-size, 14px);
    /* Type scale: steps of the host's font size. */
    --_text-xs: calc(var(--_size) * 0.8125);
    --_text-sm: calc(var(--_size) * 0.9286);
    --_text-md: var(--_size);
    --_text-lg: calc(var(--_size) * 1.1429);
    --_text-xl: calc(var(--_size) * 1.4286);
    --_text-2xl: calc(var(--_size) * 1.7143);
    --_leading: 1.5;
    --_leading-tight: 1.25;
    /* Spacing scale: a 4 px grid times the host's density. */
    --_density: var(--ci-density-scale, 1);
    --_space-1: calc(4px * var(--_density));
    --_space-2: calc(8px * var(--_density));
    --_space-3: calc(12px * var(--_density));
    --_space-4: calc(16px * var(--_density));
    --_space-5: calc(24px * var(--_density));
    --_space-6: calc(32px * var(--_density));
    --_control-height: calc(34px * var(--_density));
    --_shadow: 0 1px 2px rgb(0 0 0 / 0.06), 0 4px 16px rgb(0 0 0 / 0.08);
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
    --_shadow: 0 1px 2px rgb(0 0 0 / 0.3), 0 4px 16px rgb(0 0 0 / 0.4);
    color-scheme: dark;
  }
`;

export const controls = css`
  :host {
    display: block;
    font-family: var(--_font);
    font-size: var(--_text-md);
    line-height: var(--_leading);
    color: var(--_text);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h2 {
    font-size: var(--_text-xl);
    line-height: var(--_leading-tight);
    font-weight: 650;
    letter-spacing: -0.01em;
    margin: 0 0 var(--_space-3);
  }
  h2:focus {
    outline: none;
  }
  h3 {
    font-size: var(--_text-lg);
    line-height: var(--_leading-tight);
    font-weight: 600;
    margin: 0 0 var(--_space-2);
  }
  p {
    margin: 0 0 var(--_space-2);
  }
  button,
  select,
  input,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: var(--_space-2);
    border: 1px solid var(--_border);
    background: var(--_surface);
    border-radius: var(--_radius);
    padding: var(--_space-1) var(--_space-3);
    min-height: var(--_control-height);
    font-weight: 500;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--_hover);
  }
  button.primary {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
    padding-inline: var(--_space-4);
  }
  button.primary:hover:not(:disabled) {
    background: color-mix(in srgb, var(--_primary) 88%, var(--_text));
  }
  button.quiet {
    border-color: transparent;
    background: transparent;
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
  /* An inline icon (icons/icons.ts): the text's color, a little larger than its letters. */
  .icon {
    flex: none;
    width: 1.25em;
    height: 1.25em;
    vertical-align: -0.25em;
  }
  :host(:dir(rtl)) .icon.mirrored {
    transform: scaleX(-1);
  }
  select,
  input[type='text'],
  input[type='search'],
  textarea {
    background-color: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space-1) var(--_space-2);
    min-height: var(--_control-height);
    max-width: 100%;
  }
  /* Selects drawn like the other controls, with a chevron of two gradients (no image). */
  select {
    appearance: none;
    padding-inline-end: calc(var(--_space-2) + 20px);
    background-image:
      linear-gradient(45deg, transparent 50%, var(--_muted) 50%),
      linear-gradient(135deg, var(--_muted) 50%, transparent 50%);
    background-size: 5px 5px;
    background-repeat: no-repeat;
    background-position:
      calc(100% - 15px) 55%,
      calc(100% - 10px) 55%;
  }
  :host(:dir(rtl)) select {
    background-position:
      10px 55%,
      15px 55%;
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
  /* A message with its icon: an error, a warning, a success or a neutral word. */
  .callout {
    display: flex;
    gap: var(--_space-2);
    align-items: flex-start;
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_muted);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: var(--_space-2) var(--_space-3);
    margin: var(--_space-3) 0;
    color: var(--_text);
  }
  .callout > .icon {
    margin-top: 0.1em;
  }
  .callout.error {
    border-color: color-mix(in srgb, var(--_error) 40%, var(--_border));
    border-inline-start-color: var(--_error);
    background: var(--_error-bg);
  }
  .callout.error > .icon {
    color: var(--_error);
  }
  .callout.warning {
    border-color: color-mix(in srgb, var(--_warning) 40%, var(--_border));
    border-inline-start-color: var(--_warning);
    background: var(--_warning-bg);
  }
  .callout.warning > .icon {
    color: var(--_warning);
  }
  .callout.success {
    border-inline-start-color: var(--_success);
    background: var(--_success-bg);
  }
  .callout.success > .icon {
    color: var(--_success);
  }
  .callout p {
    margin: 0;
  }
  /* A step's footer (Back, Continue): it stays in view at the bottom of the frame's scrolling
     main area while the step's content scrolls under it. */
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_space-2);
    align-items: center;
    margin-top: var(--_space-4);
    position: sticky;
    bottom: 0;
    z-index: 2;
    background: var(--_bg);
    border-top: 1px solid var(--_border);
    padding: var(--_space-3) 0;
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
    padding: var(--_space-2) var(--_space-3);
    text-align: start;
    vertical-align: top;
  }
  table.plain thead th {
    font-size: var(--_text-sm);
    font-weight: 600;
    color: var(--_muted);
  }
  /* Progress bars in the theme's colors; an indeterminate one sweeps. */
  progress {
    appearance: none;
    display: block;
    width: 100%;
    height: 6px;
    border: 0;
    border-radius: 999px;
    overflow: hidden;
    background: color-mix(in srgb, var(--_primary) 16%, var(--_bg));
    color: var(--_primary);
  }
  progress::-webkit-progress-bar {
    background: transparent;
  }
  progress::-webkit-progress-value {
    background: var(--_primary);
    border-radius: 999px;
    transition: width 0.2s;
  }
  progress::-moz-progress-bar {
    background: var(--_primary);
  }
  progress:indeterminate {
    background-image: linear-gradient(90deg, transparent 0 30%, var(--_primary) 30% 60%, transparent 60%);
    background-size: 250% 100%;
    animation: sweep 1.4s linear infinite;
  }
  @keyframes sweep {
    from {
      background-position: 150% 0;
    }
    to {
      background-position: -100% 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    progress:indeterminate {
      animation: none;
      background-position: 50% 0;
    }
  }
  .scroll-x {
    overflow-x: auto;
    max-width: 100%;
  }
  /* A step's state at a glance (empty, waiting, done, failed): an icon in a tinted disc, a
     heading and what to do next, centred. */
  .state {
    display: flex;
    flex-direction: column;
    align-items: center;
    text-align: center;
    gap: var(--_space-2);
    padding: var(--_space-6) var(--_space-4) var(--_space-4);
  }
  .state h2 {
    margin: 0;
  }
  .state p {
    margin: 0;
    max-width: 52ch;
  }
  .disc {
    display: inline-grid;
    place-items: center;
    width: calc(var(--_text-md) * 3.5);
    height: calc(var(--_text-md) * 3.5);
    border-radius: 50%;
    background: var(--_primary-bg);
    color: var(--_primary);
    margin-bottom: var(--_space-2);
  }
  .disc .icon {
    width: 50%;
    height: 50%;
  }
  .disc.success {
    background: var(--_success-bg);
    color: var(--_success);
  }
  .disc.error {
    background: var(--_error-bg);
    color: var(--_error);
  }
`;
