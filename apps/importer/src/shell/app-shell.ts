import { css, html, nothing } from 'lit';
import { STEP_TITLES, STEPS, type State, stepIndex } from '../flow/flow-state.ts';
import { i18n } from '../i18n/i18n.ts';

/**
 * The importer's frame around every step: a header bar (title, where the user is, a close button),
 * the step in a scrolling main area that takes the frame's height, and a live region. Steps keep
 * their Back/Continue row (`.actions`) in view with `position: sticky` (shared-styles.ts), so the
 * footer stays reachable on a short frame and at 360 px.
 */
export const shellStyles = css`
  :host {
    background: var(--_bg);
    display: flex;
    flex-direction: column;
    height: 100vh;
    height: 100dvh;
    min-width: 0;
    overflow: hidden;
  }
  header.bar {
    display: flex;
    align-items: center;
    gap: 8px 20px;
    padding: calc(10px * var(--_density)) calc(16px * var(--_density));
    border-bottom: 1px solid var(--_border);
    flex: none;
  }
  h1 {
    font-size: 1.1em;
    margin: 0;
    font-weight: 650;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
    min-width: 0;
  }
  nav {
    flex: 1;
    min-width: 0;
  }
  ol.steps {
    display: flex;
    flex-wrap: wrap;
    gap: 4px 16px;
    list-style: none;
    padding: 0;
    margin: 0;
    color: var(--_muted);
    font-size: 0.9em;
  }
  ol.steps li[aria-current='step'] {
    color: var(--_text);
    font-weight: 600;
  }
  ol.steps li span {
    display: inline-block;
    min-width: 1.6em;
    text-align: center;
    border-radius: 999px;
    border: 1px solid currentColor;
    margin-inline-end: 4px;
  }
  button.close {
    flex: none;
    display: inline-grid;
    place-items: center;
    width: 36px;
    height: 36px;
    min-height: 0;
    padding: 0;
    border-color: transparent;
    background: transparent;
    color: var(--_muted);
  }
  /* Icons are drawn with CSS: the frame holds no SVG or image markup at all (the hostile-input
     tests look for any). */
  .icon-close {
    position: relative;
    width: 16px;
    height: 16px;
  }
  .icon-close::before,
  .icon-close::after {
    content: '';
    position: absolute;
    inset-inline-start: 7px;
    top: 0;
    width: 2px;
    height: 16px;
    border-radius: 1px;
    background: currentColor;
    transform: rotate(45deg);
  }
  .icon-close::after {
    transform: rotate(-45deg);
  }
  button.close:hover {
    background: var(--_surface);
    color: var(--_text);
  }
  main {
    flex: 1;
    min-height: 0;
    overflow: auto;
    padding: calc(16px * var(--_density)) calc(16px * var(--_density)) 0;
  }
  main > .step {
    padding-bottom: calc(16px * var(--_density));
  }
  .busy {
    display: flex;
    align-items: center;
    gap: 12px;
    padding: 8px calc(16px * var(--_density));
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .busy progress {
    flex: 1;
    max-width: 240px;
  }
  details.skipped {
    margin: 0 0 12px;
    color: var(--_muted);
  }
  details.skipped summary {
    cursor: pointer;
  }
  details.skipped ul {
    margin: 4px 0 0;
    padding-inline-start: 20px;
  }
  @media (max-width: 480px) {
    header.bar {
      padding: 8px 10px;
      gap: 4px 10px;
    }
    main {
      padding: 10px 10px 0;
    }
    ol.steps li:not([aria-current='step']) {
      display: none;
    }
  }
`;

/** The header bar: the title, the steps with the current one marked, and the close button. */
export function renderHeaderBar(state: State, onClose: (() => void) | undefined) {
  const current = stepIndex(state);
  return html`<header class="bar">
    <h1>${i18n.t('app.title')}</h1>
    <nav aria-label=${i18n.t('app.step', { step: current + 1, steps: STEPS.length })}>
      <ol class="steps">
        ${STEPS.map(
          (s, i) =>
            html`<li aria-current=${i === current ? 'step' : nothing}>
              <span>${i18n.number(i + 1)}</span>${i18n.t(STEP_TITLES[s])}
            </li>`,
        )}
      </ol>
    </nav>
    ${
      onClose
        ? html`<button class="close" type="button" aria-label=${i18n.t('app.close')} title=${i18n.t('app.close')} @click=${onClose}>
            <span class="icon-close" aria-hidden="true"></span>
          </button>`
        : nothing
    }
  </header>`;
}

/** A wait the user sees: a status line with an indeterminate progress bar. */
export function renderBusy(message: string | undefined) {
  if (message === undefined) return nothing;
  return html`<div class="busy" role="status">
    <span>${message}</span><progress aria-label=${message}></progress>
  </div>`;
}
