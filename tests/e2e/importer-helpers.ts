import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Frame, Page } from 'playwright-core';
import { importerFrame } from './importer-flow.ts';

export { type Received, received } from './importer-flow.ts';

/**
 * Runs `run` on a new page of `browser` and closes the page after; fails when the page or the
 * importer's frame threw an uncaught error meanwhile.
 */
export async function withPage(browser: Browser, run: (page: Page) => Promise<void>): Promise<void> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await run(page);
    assert.deepEqual(errors, [], 'no uncaught error in the page or the frame');
  } finally {
    await page.close();
  }
}

/** What the host page sets on its `<csv-importer>` before opening it. */
export interface ElementOptions {
  readonly columns: readonly object[];
  readonly locale?: string;
  readonly display?: 'inline' | 'modal';
  /** Hosted mode: the URL of the importer's own origin (`src`). */
  readonly src?: string;
}

export interface OpenOptions extends ElementOptions {
  /**
   * Whether the page adds the locale's catalog as a user does, with its companion script tag
   * (`locales/<language>.iife.js`); yes unless false. English needs none.
   */
  readonly catalog?: boolean;
  /**
   * The test page of tests/e2e/pages to open, `host.html` unless given: `element.html` also
   * records rows events and themes the element from the page's CSS, `loader.html` is the
   * hosted-mode loader (the element without the embedded importer).
   */
  readonly hostPage?: string;
}

/**
 * Sets the options on the `<csv-importer>` of a page (or of a frame in it) that is loaded
 * already, and opens it; does not wait for the importer's frame (see `importerFrame`).
 */
export async function openElement(page: Page | Frame, options: ElementOptions): Promise<void> {
  const { columns, locale, display, src } = options;
  await page.evaluate(
    (o) => {
      const importer = document.querySelector('csv-importer')!;
      importer.columns = o.columns as never;
      if (o.locale) importer.locale = o.locale;
      if (o.display) importer.display = o.display;
      if (o.src) importer.src = o.src;
      importer.open();
    },
    { columns, locale, display, src },
  );
}

/** Opens a test host page with the importer open, and resolves with the importer's frame at its upload step. */
export async function openImporter(page: Page, hostUrl: string, options: OpenOptions): Promise<Frame> {
  await page.goto(`${hostUrl}/${options.hostPage ?? 'host.html'}`);
  const language = options.locale?.toLowerCase().split(/[-_]/)[0];
  if (language && language !== 'en' && options.catalog !== false) {
    await page.addScriptTag({ url: `/element/locales/${language}.iife.js` });
  }
  await openElement(page, options);
  return importerFrame(page);
}

/**
 * Sets the color scheme through the host page's theme API (`importer.theme`), and waits until
 * the frame applied it (an attribute on its document root).
 */
export async function setColorScheme(frame: Frame, scheme: 'light' | 'dark'): Promise<void> {
  await frame.page().evaluate((s) => {
    document.querySelector('csv-importer')!.theme = { colorScheme: s };
  }, scheme);
  await frame.waitForFunction((s) => document.documentElement.dataset.colorScheme === s, scheme);
}

/** Pastes text into the upload step as a copied spreadsheet range arrives: a paste event. */
export function paste(frame: Frame, text: string): Promise<void> {
  return frame.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const app = document.querySelector('csv-importer-app')!;
    const area = app.shadowRoot!.querySelector('csv-upload-step')!.shadowRoot!.querySelector('textarea')!;
    area.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, composed: true }));
  }, text);
}

/** A grid cell by data row index (0-based, in file order) and field key. */
export function cell(frame: Frame, row: number, key: string) {
  return frame.locator(`[role=row][data-row="${row}"] [role=gridcell][data-key="${key}"]`);
}

/** Waits until the review step's summary line reads `text`. */
export function summary(frame: Frame, text: string): Promise<void> {
  return frame.locator('csv-review-step p[role=status]', { hasText: text }).waitFor();
}

/** Waits until the grid's active cell is `id` (`cell-<position>-<field>`). */
export function activeCell(frame: Frame, id: string): Promise<void> {
  return frame.locator(`[role=grid][aria-activedescendant="${id}"]`).waitFor();
}

/** Scrolls the grid (unfiltered, fewer rows than its scroll cap) so that data row `row` is rendered. */
export async function showRow(frame: Frame, row: number): Promise<void> {
  await frame.locator('[role=grid]').evaluate((grid, r) => {
    grid.scrollTop = Math.max(0, r * 32 - 64);
  }, row);
  await frame.locator(`[role=row][data-row="${row}"]`).waitFor();
}

/** Edits a cell the way a user does: double-click opens the editor, Enter commits. */
export async function editCell(frame: Frame, row: number, key: string, value: string): Promise<void> {
  await showRow(frame, row);
  await cell(frame, row, key).dblclick();
  const input = cell(frame, row, key).locator('input');
  // Seen in CI (1 run in 3) before the review step's fix-all offer moved below the grid: the
  // offer appeared above it after the previous edit and pushed the rows down between the clicks
  // (grid-double-click.test.ts now shows the grid stays put). Kept as a guard that says so in the
  // console if a double-click ever misses again.
  if (
    !(await input.waitFor({ timeout: 5_000 }).then(
      () => true,
      () => false,
    ))
  ) {
    console.warn(`editCell: no editor after a double-click on row ${row}, ${key}; double-clicking again`);
    await cell(frame, row, key).dblclick();
  }
  await input.fill(value);
  await input.press('Enter');
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core in the frame (WCAG 2.x A and AA rules and best practices) and returns the
 * violations. The script is evaluated through the DevTools protocol, which the frame's CSP does
 * not govern, so nothing is added to the page the user gets.
 */
export async function axe(frame: Frame): Promise<AxeViolation[]> {
  await frame.evaluate(axeSource);
  return frame.evaluate(async () => {
    const run = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe.run;
    const result = (await run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    })) as {
      violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => JSON.stringify(n.target)),
    }));
  });
}
