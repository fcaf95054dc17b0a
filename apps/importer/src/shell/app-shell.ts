import { css, html, nothing } from 'lit';
import { STEP_TITLES, STEPS, type State, stepIndex } from '../flow/flow-state.ts';
import { i18n } from '../i18n/i18n.ts';
import { icon } from '../icons/icons.ts';

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
    gap: var(--_space-2) var(--_space-5);
    padding: var(--_space-3) var(--_space-5);
    border-bottom: 1px solid var(--_border);
    flex: none;
  }
  h1 {
    font-size: var(--_text-lg);
    line-height: var(--_leading-tight);
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
    overflow: hidden;
  }
  ol.steps {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space-1) var(--_space-2);
    list-style: none;
    padding: 0;
    margin: 0;
    color: var(--_muted);
    font-size: var(--_text-sm);
  }
  ol.steps li {
    display: inline-flex;
    align-items: center;
    gap: var(--_space-2);
    white-space: nowrap;
  }
  /* A short rule between two steps. */
  ol.steps li + li::before {
    content: '';
    width: var(--_space-4);
    height: 1px;
    background: var(--_border);
  }
  ol.steps li[aria-current='step'] {
    color: var(--_text);
    font-weight: 600;
    min-width: 0;
  }
  ol.steps li[aria-current='step'] .label {
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .mark {
    display: inline-grid;
    place-items: center;
    width: 1.75em;
    height: 1.75em;
    border-radius: 50%;
    border: 1px solid var(--_border);
    font-size: var(--_text-xs);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    background: var(--_bg);
  }
  li[aria-current='step'] .mark {
    background: var(--_primary);
    border-color: var(--_primary);
    color: var(--_on-primary);
  }
  li.done .mark {
    background: var(--_primary-bg);
    border-color: transparent;
    color: var(--_primary);
  }
  li.done .mark .icon {
    width: 1.1em;
    height: 1.1em;
  }
  button.close {
    flex: none;
    width: 36px;
    height: 36px;
    min-height: 0;
    padding: 0;
    border-color: transparent;
    background: transparent;
    color: var(--_muted);
    border-radius: 50%;
  }
  button.close:hover {
    color: var(--_text);
  }
  main {
    flex: 1;
    min-height: 0;
    overflow: auto;
    display: flex;
    flex-direction: column;
    padding: var(--_space-5) var(--_space-5) 0;
  }
  /* The step fills the main area, so a step that has a grid can give it the height left. */
  main > .step {
    flex: 1 0 auto;
    padding-bottom: var(--_space-2);
  }
  .busy {
    display: flex;
    align-items: center;
    gap: var(--_space-3);
    padding: var(--_space-2) var(--_space-5);
    border-bottom: 1px solid var(--_border);
    background: var(--_surface);
  }
  .busy progress {
    flex: 1;
    max-width: 240px;
  }
  details.skipped {
    margin: 0 0 var(--_space-3);
    color: var(--_muted);
  }
  details.skipped summary {
    cursor: pointer;
  }
  details.skipped ul {
    margin: var(--_space-1) 0 0;
    padding-inline-start: var(--_space-5);
  }
  /* Narrower: the other steps show their mark only (their names stay for screen readers). */
  @media (max-width: 1000px) {
    ol.steps li:not([aria-current='step']) .label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
  }
  @media (max-width: 640px) {
    ol.steps li:not([aria-current='step']) {
      display: none;
    }
    ol.steps li + li::before {
      display: none;
    }
  }
  @media (max-width: 480px) {
    header.bar {
      padding: var(--_space-2) var(--_space-3);
      gap: var(--_space-1) var(--_space-3);
    }
    main {
      padding: var(--_space-3) var(--_space-3) 0;
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
            html`<li aria-current=${i === current ? 'step' : nothing} class=${i < current ? 'done' : ''}>
              <span class="mark">${i < current ? icon('check') : ''}<span class=${i < current ? 'sr-only' : ''}>${i18n.number(i + 1)}</span></span><span class="label">${i18n.t(STEP_TITLES[s])}</span>
            </li>`,
        )}
      </ol>
    </nav>
    ${
      onClose
        ? html`<button class="close" type="button" aria-label=${i18n.t('app.close')} title=${i18n.t('app.close')} @click=${onClose}>
            ${icon('close')}
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
