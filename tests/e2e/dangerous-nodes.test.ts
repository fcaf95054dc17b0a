import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Frame } from 'playwright-core';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { dangerousNodes } from './hostile-corpus-run.ts';
import { loadAndReview } from './importer-flow.ts';
import { openImporter } from './importer-helpers.ts';

// The hostile-input tests' check for markup that became elements: the frame's own icons pass it,
// and the things it is there to catch do not, also when they look like one of the icons.

const e2e = useBrowserAndServers();

/** Runs `change` on the frame's DOM (every shadow root searched), checks, then undoes it. */
async function findsAfter(frame: Frame, change: string): Promise<string[]> {
  await frame.evaluate((change) => {
    const all = (root: Document | ShadowRoot): Element[] =>
      [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    const elements = all(document);
    const icon = elements.find((el) => el.tagName.toLowerCase() === 'svg')!;
    const cell = elements.find((el) => el.getAttribute('role') === 'gridcell')!;
    const added: Element[] = [];
    const add = (parent: Element, child: Element) => {
      parent.append(child);
      added.push(child);
    };
    (window as unknown as { undo: () => void }).undo = () => {
      for (const el of added) el.remove();
    };
    new Function('icon', 'cell', 'add', change)(icon, cell, add);
  }, change);
  const found = await dangerousNodes(frame);
  await frame.evaluate(() => (window as unknown as { undo: () => void }).undo());
  return found;
}

test("the dangerous-node check passes the frame's icons and catches markup from a file, even shaped like an icon", async () => {
  const page = await e2e.browser.newPage();
  const frame = await openImporter(page, e2e.host.url, {
    columns: CONTACT_COLUMNS,
    hostPage: 'element.html',
  });
  await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
  const icons = await frame.locator('svg.icon').count();
  assert.ok(icons > 3, `the review step shows its icons (${icons})`);
  assert.deepEqual(await dangerousNodes(frame), []);

  // A hostile cell's <svg onload> rendered as markup.
  const svgOnload = `const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.toggleAttribute('onload'); add(cell, svg);`;
  assert.deepEqual(await findsAfter(frame, svgOnload), ['svg in user content', 'svg[onload]']);
  // An exact copy of one of our icons, inside a cell: the file's text never holds elements.
  assert.deepEqual(await findsAfter(frame, 'add(cell, icon.cloneNode(true));'), ['svg in user content']);
  // Outside the cells, an icon with an attribute of its own, or with a path the icons do not draw.
  assert.deepEqual(
    await findsAfter(
      frame,
      `const copy = icon.cloneNode(true); copy.setAttribute('style', 'x'); add(icon.parentElement, copy);`,
    ),
    ['svg'],
  );
  assert.deepEqual(
    await findsAfter(
      frame,
      `const copy = icon.cloneNode(true); copy.firstElementChild.setAttribute('d', 'M0 0L24 24'); add(icon.parentElement, copy);`,
    ),
    ['svg'],
  );
  assert.deepEqual(
    await findsAfter(
      frame,
      `const copy = icon.cloneNode(true); copy.append(document.createElementNS('http://www.w3.org/2000/svg', 'foreignObject')); add(icon.parentElement, copy);`,
    ),
    ['svg'],
  );
  await page.close();
});
