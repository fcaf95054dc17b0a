import { html } from 'lit';
import { i18n } from '../../i18n/i18n.ts';
import type { ValidationSummary } from '../../worker/session-types.ts';

/** Which rows the grid shows. */
export type RowView = 'all' | 'valid' | 'errors';

const VIEWS: readonly RowView[] = ['all', 'valid', 'errors'];
const LABELS = { all: 'review.tabAll', valid: 'review.tabValid', errors: 'review.tabErrors' } as const;

/** How many rows each view shows. */
export function viewCounts(summary: ValidationSummary): Record<RowView, number> {
  return {
    all: summary.rowCount,
    valid: summary.rowCount - summary.invalidRowCount,
    errors: summary.invalidRowCount,
  };
}

/**
 * The All / Valid / With errors tabs above the grid, each with its count, by the ARIA tabs
 * pattern: one tab in the tab order, arrows (mirrored right to left), Home and End move and
 * select, the grid (`panel`, an id in the same shadow root) is the tab panel.
 */
export function renderViewTabs(
  current: RowView,
  summary: ValidationSummary,
  panel: string,
  select: (view: RowView) => void,
) {
  const counts = viewCounts(summary);
  const onKey = (event: KeyboardEvent) => {
    const rtl = getComputedStyle(event.currentTarget as Element).direction === 'rtl';
    const at = VIEWS.indexOf(current);
    const step: Record<string, number> = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1 };
    let next: number | undefined;
    if (event.key in step) next = (at + step[event.key]! + VIEWS.length) % VIEWS.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = VIEWS.length - 1;
    if (next === undefined) return;
    event.preventDefault();
    select(VIEWS[next]!);
    const list = event.currentTarget as HTMLElement;
    queueMicrotask(() => list.querySelector<HTMLElement>(`#tab-${VIEWS[next!]}`)?.focus());
  };
  return html`<div class="tabs" role="tablist" aria-label=${i18n.t('review.tabs')} @keydown=${onKey}>
    ${VIEWS.map(
      (view) => html`<button
        type="button"
        role="tab"
        id=${`tab-${view}`}
        aria-selected=${view === current ? 'true' : 'false'}
        aria-controls=${panel}
        tabindex=${view === current ? '0' : '-1'}
        @click=${() => select(view)}
      >
        ${i18n.t(LABELS[view])} <span class="count">${i18n.number(counts[view])}</span>
      </button>`,
    )}
  </div>`;
}
