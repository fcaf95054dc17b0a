import { html, nothing } from 'lit';
import { i18n } from '../i18n/i18n.ts';
import type { Skipped, State } from './flow-state.ts';

/**
 * The steps passed through, on the steps after them (the match step shows the header row's;
 * review shows all): what was decided, and a button back to the step, which `open` takes the
 * user to (the state of that step for this file).
 */
export function renderSkipped(
  state: State,
  skipped: readonly Skipped[],
  open: (skipped: Skipped, step: State) => void,
) {
  if (state.step !== 'match' && state.step !== 'review') return nothing;
  const shown = state.step === 'match' ? skipped.filter((s) => s.step === 'header') : skipped;
  if (shown.length === 0) return nothing;
  const stepOf = (s: Skipped): State =>
    s.step === 'header'
      ? { step: 'header', summary: state.summary }
      : { step: 'values', summary: state.summary, mapping: state.mapping, manual: new Set() };
  return html`<details class="skipped">
    <summary>${i18n.t('skipped.summary', { count: shown.length })}</summary>
    <ul>
      ${shown.map(
        (s) => html`<li>
          ${s.note}
          <button type="button" @click=${() => open(s, stepOf(s))}>
            ${i18n.t(s.step === 'header' ? 'skipped.openHeader' : 'skipped.open')}
          </button>
        </li>`,
      )}
    </ul>
  </details>`;
}
