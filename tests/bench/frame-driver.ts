import type { Frame, Page } from 'playwright-core';

/**
 * What the bench does inside the pages: install long-task observers, click through the importer's
 * steps from inside the frame the moment each appears (so no driver polling delay is billed to
 * the importer), and time edits. Times are wall-clock milliseconds with sub-millisecond precision
 * (`performance.timeOrigin + performance.now()`), taken in the document where the event happens,
 * so host and frame times compare directly.
 */

/** Starts recording long tasks in the frame (the host page records them from its first script). */
export async function observeFrameLongTasks(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const w = window as unknown as { longTasks: number[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
}

export const longTasks = (context: Page | Frame) =>
  context.evaluate(() => [...(window as unknown as { longTasks: number[] }).longTasks]);

/** How many long tasks the host page and the frame have reported so far: a phase boundary. */
export async function taskMark(page: Page, frame: Frame): Promise<[number, number]> {
  const count = (context: Page | Frame) =>
    context.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.length);
  return [await count(page), await count(frame)];
}

export interface StepMarks {
  /** The file input's `change` event in the frame. */
  readonly chosen: number;
  /** The review step's Import button first seen. */
  readonly grid: number;
  /** Import clicked (only when the autopilot was told to submit). */
  readonly submitted?: number;
}

/**
 * Arms the frame: records the file input's `change`, then on every animation frame clicks the
 * step's Continue button as soon as it is there and enabled (once per button), until the review
 * step's Import button shows; with `submit`, clicks that too. `benchMarks` collects the times.
 */
export async function armAutopilot(frame: Frame, submit: boolean): Promise<void> {
  await frame.evaluate((submit) => {
    const epoch = () => performance.timeOrigin + performance.now();
    const w = window as unknown as { benchMarks: Record<string, number> };
    w.benchMarks = {};
    const all = (root: Document | ShadowRoot, selector: string, out: Element[] = []): Element[] => {
      out.push(...root.querySelectorAll(selector));
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) all(el.shadowRoot, selector, out);
      return out;
    };
    const input = all(document, 'input[type=file]')[0]!;
    input.addEventListener('change', () => {
      w.benchMarks.chosen = epoch();
    });
    const clicked = new WeakSet<Element>();
    const tick = () => {
      const buttons = all(document, 'button') as HTMLButtonElement[];
      const importButton = buttons.find((b) => /^Import /.test(b.textContent?.trim() ?? '') && !b.disabled);
      if (importButton && w.benchMarks.chosen) {
        w.benchMarks.grid = epoch();
        if (submit) {
          w.benchMarks.submitted = epoch();
          importButton.click();
        }
        return;
      }
      const next = buttons.find(
        (b) => b.textContent?.trim() === 'Continue' && !b.disabled && b.offsetParent !== null,
      );
      if (next && w.benchMarks.chosen && !clicked.has(next)) {
        clicked.add(next);
        next.click();
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, submit);
}

/** Waits for the autopilot to reach the grid (and to submit, when armed so), and reads its marks. */
export async function stepMarks(frame: Frame): Promise<StepMarks> {
  await frame.waitForFunction(
    () => (window as unknown as { benchMarks: { grid?: number } }).benchMarks.grid,
    undefined,
    {
      timeout: 600_000,
      polling: 100,
    },
  );
  return frame.evaluate(() => (window as unknown as { benchMarks: StepMarks }).benchMarks);
}

/** Edits timed per size: e-mails made invalid and valid again, and one made a duplicate and unique. */
const EDITS: readonly { row: number; key: string; value: string; invalid: boolean }[] = [
  { row: 0, key: 'email', value: 'not-an-email', invalid: true },
  { row: 0, key: 'email', value: 'fixed.0@example.com', invalid: false },
  // The e-mail field is unique: the second holder of a value is the duplicate.
  { row: 1, key: 'email', value: 'fixed.0@example.com', invalid: true },
  { row: 1, key: 'email', value: 'fixed.1@example.com', invalid: false },
  { row: 2, key: 'email', value: 'still-not-an-email', invalid: true },
  { row: 2, key: 'email', value: 'fixed.2@example.com', invalid: false },
];

/**
 * Times each of `EDITS` in the frame: from the Enter that commits it to the animation frame after
 * the cell shows the new text and validity (the next paint), watched with a MutationObserver.
 */
export async function timeEdits(frame: Frame): Promise<number[]> {
  const times: number[] = [];
  for (const edit of EDITS) {
    const selector = `[role=row][data-row="${edit.row}"] [role=gridcell][data-key="${edit.key}"]`;
    const cell = frame.locator(selector);
    await cell.dblclick();
    await cell.locator('input').fill(edit.value);
    await frame.evaluate(
      ({ selector, value, invalid }) => {
        const w = window as unknown as { editShown: Promise<number> };
        const find = (root: Document | ShadowRoot): Element | null => {
          const hit = root.querySelector(selector);
          if (hit) return hit;
          for (const el of root.querySelectorAll('*')) {
            const inner = el.shadowRoot ? find(el.shadowRoot) : null;
            if (inner) return inner;
          }
          return null;
        };
        const grid = find(document)!.closest('[role=grid]')!;
        w.editShown = new Promise((resolve, reject) => {
          setTimeout(() => reject(new Error(`the edit of ${selector} did not show within 30 s`)), 30_000);
          let pressed = 0;
          window.addEventListener(
            'keydown',
            (event) => {
              if (event.key === 'Enter') pressed = performance.now();
            },
            { capture: true, once: true },
          );
          const observer = new MutationObserver(() => {
            const cell = find(document);
            if (
              !pressed ||
              cell?.textContent !== value ||
              cell.getAttribute('aria-invalid') !== String(invalid)
            )
              return;
            observer.disconnect();
            requestAnimationFrame(() => resolve(performance.now() - pressed));
          });
          observer.observe(grid, { subtree: true, childList: true, attributes: true, characterData: true });
        });
      },
      { selector, value: edit.value, invalid: edit.invalid },
    );
    await cell.locator('input').press('Enter');
    times.push(await frame.evaluate(() => (window as unknown as { editShown: Promise<number> }).editShown));
  }
  return times;
}
