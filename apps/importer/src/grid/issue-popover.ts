import { HEADER_HEIGHT } from './grid-types.ts';

/**
 * Shows `pop` (a `popover="manual"` element, in the top layer so no scroll box clips it) just
 * below `cell`, or above it near the bottom of the frame, aligned with the cell's start edge;
 * hides it when `show` is false or the cell is not in the viewport's visible part.
 */
export function placeIssue(
  pop: HTMLElement,
  cell: HTMLElement | null,
  viewport: HTMLElement,
  show: boolean,
  rtl: boolean,
): void {
  const view = viewport.getBoundingClientRect();
  const box = cell?.getBoundingClientRect();
  const inView =
    box !== undefined &&
    box.bottom > view.top + HEADER_HEIGHT &&
    box.top < view.bottom &&
    box.right > view.left &&
    box.left < view.right;
  if (!show || !inView) {
    if (pop.matches(':popover-open')) pop.hidePopover();
    return;
  }
  if (!pop.matches(':popover-open')) pop.showPopover();
  const below = box.bottom + pop.offsetHeight + 4 <= window.innerHeight || box.top < pop.offsetHeight + 4;
  pop.style.top = `${below ? box.bottom + 2 : box.top - pop.offsetHeight - 2}px`;
  if (rtl) {
    pop.style.left = 'auto';
    pop.style.right = `${Math.max(0, window.innerWidth - box.right)}px`;
  } else {
    pop.style.left = `${Math.max(0, box.left)}px`;
  }
}
