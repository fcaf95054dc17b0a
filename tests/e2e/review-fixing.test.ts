import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { useBrowserAndServers } from '../support/e2e.ts';
import { toReview } from './importer-flow.ts';
import { axe, cell, openImporter, setColorScheme, summary, withPage } from './importer-helpers.ts';

/** An application's fields of every kind the review step edits by type. */
const COLUMNS = [
  { key: 'name', label: 'Name', required: true },
  { key: 'email', label: 'E-mail', type: 'email', unique: true },
  {
    key: 'plan',
    label: 'Plan',
    type: 'select',
    options: ['Free', 'Starter', 'Pro', 'Team', 'Business', 'Enterprise', 'Education'],
  },
  { key: 'active', label: 'Active', type: 'boolean' },
  { key: 'born', label: 'Date of birth', type: 'date' },
];

// Row 2's plan and row 4's are not options ("Gold", and "GOLD" in row 5); row 2 was born on a
// date written for people; row 3 repeats row 1's e-mail and is neither yes nor no; row 5's date
// is not one; row 6's date reads either way.
const CSV = [
  'Name,E-mail,Plan,Active,Date of birth',
  'Ada,ada@example.com,Pro,yes,1815-12-10',
  'Margaret,margaret@example.com,Gold,true,17 Aug 1936',
  'Linus,ada@example.com,Pro,maybe,1969-12-28',
  'Ken,ken@example.com,Gold,no,1943-02-04',
  'Tim,tim@example.com,GOLD,1,not a date',
  'Zoe,zoe@example.com,Free,0,04/03/2024',
].join('\n');

/** Continue in the languages the tests use besides English. */
const CONTINUE: Record<string, string> = { ar: 'متابعة' };

const e2e = useBrowserAndServers();

async function inReview(page: Page, locale?: string): Promise<Frame> {
  const frame = await openImporter(page, e2e.host.url, { columns: COLUMNS, locale });
  await frame.setInputFiles('input[type=file]', {
    name: 'people.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(CSV),
  });
  if (locale === undefined || locale === 'en') await toReview(frame);
  else {
    // The shared walk knows the English buttons; in another language Continue has its own name.
    const invalid = frame.locator('[role=gridcell][aria-invalid=true]').first();
    const next = frame.getByRole('button', { name: CONTINUE[locale] });
    for (let step = 0; step < 6 && !(await invalid.isVisible()); step++) {
      await next.or(invalid).first().waitFor();
      await next.click({ timeout: 2_000 }).catch(() => {});
    }
  }
  await frame.locator('[role=gridcell][aria-invalid=true]').first().waitFor();
  return frame;
}

interface DomNode {
  backendNodeId: number;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: DomNode[];
  contentDocument?: DomNode;
}

/**
 * The accessible description Chromium computes for the element with `id` in the frame (what a
 * screen reader reads after the name), through the DevTools accessibility tree.
 */
async function accessibleDescription(frame: Frame, id: string): Promise<string> {
  const page = frame.page();
  // The sandboxed frame may run in a process of its own, with a DevTools target of its own.
  const cdp = await page
    .context()
    .newCDPSession(frame)
    .catch(() => page.context().newCDPSession(page));
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const find = (node: DomNode): DomNode | undefined => {
      const attributes = node.attributes ?? [];
      for (let i = 0; i < attributes.length; i += 2)
        if (attributes[i] === 'id' && attributes[i + 1] === id) return node;
      const inner = [...(node.children ?? []), ...(node.shadowRoots ?? [])];
      if (node.contentDocument) inner.push(node.contentDocument);
      for (const child of inner) {
        const found = find(child);
        if (found) return found;
      }
      return undefined;
    };
    const node = find(root);
    assert.ok(node, `an element with id ${id}`);
    const { nodes } = (await cdp.send('Accessibility.getPartialAXTree', {
      backendNodeId: node.backendNodeId,
      fetchRelatives: false,
    })) as { nodes: { description?: { value?: string } }[] };
    return nodes[0]?.description?.value ?? '';
  } finally {
    await cdp.detach();
  }
}

const issuePopover = (frame: Frame) => frame.locator('csv-data-grid #cell-issue');

/** Moves the grid's active cell with the arrow keys from the first cell to `position`, `field`. */
async function arrowTo(frame: Frame, position: number, field: number): Promise<void> {
  const grid = frame.getByRole('grid');
  await grid.focus();
  await grid.press('Control+Home');
  await grid.press('Home');
  await grid.press('ArrowRight');
  for (let i = 0; i < position; i++) await grid.press('ArrowDown');
  for (let i = 0; i < field; i++) await grid.press('ArrowRight');
  await frame.locator(`[role=grid][aria-activedescendant="cell-${position}-${field}"]`).waitFor();
}

describe('fixing cells in the review step', () => {
  test('the focused cell’s issue shows beside it, follows the keyboard and the mouse, and is its description', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await inReview(page);
      await arrowTo(frame, 1, 2); // Margaret's plan, "Gold"
      const popover = issuePopover(frame);
      await popover.waitFor({ state: 'visible' });
      assert.equal(
        (await popover.textContent())?.trim(),
        '“Gold” is not one of the allowed options. Allowed: Free, Starter, Pro, Team, Business, or 2 more.',
      );
      // It is the active cell's description, so a screen reader reads it as the cell is reached.
      assert.equal(await cell(frame, 1, 'plan').getAttribute('aria-describedby'), 'cell-issue');
      assert.equal(
        await accessibleDescription(frame, 'cell-1-2'),
        '“Gold” is not one of the allowed options. Allowed: Free, Starter, Pro, Team, Business, or 2 more.',
      );
      const box = (await cell(frame, 1, 'plan').boundingBox())!;
      const pop = (await popover.boundingBox())!;
      assert.ok(
        Math.abs(pop.y - (box.y + box.height)) <= 4,
        `just below the cell (${pop.y} vs ${box.y + box.height})`,
      );
      assert.ok(Math.abs(pop.x - box.x) <= 4, 'aligned with the cell');
      // Down to Linus's e-mail: the duplicate names the row of the other copy.
      await frame.getByRole('grid').press('ArrowDown');
      await frame.getByRole('grid').press('ArrowLeft');
      await popover.getByText('Same as row 1: this value must be unique.').waitFor();
      // A valid cell has none.
      await frame.getByRole('grid').press('ArrowUp');
      await popover.waitFor({ state: 'detached' });
      // A click selects a cell as the keyboard does.
      await cell(frame, 4, 'born').click();
      await popover
        .getByText('This is not a valid date. Write it as YYYY-MM-DD.')
        .waitFor({ state: 'visible' });
      // A date that reads either way says how it was read, in words.
      await cell(frame, 5, 'born').click();
      await popover
        .getByText(
          'Read 04/03/2024 as April 3, 2024 (month first). If that is wrong, change how dates are read above the grid.',
        )
        .waitFor({ state: 'visible' });
      // Leaving the grid hides it.
      await frame.getByRole('button', { name: 'Find and replace' }).focus();
      await popover.waitFor({ state: 'hidden' });
    });
  });

  test('a date written for people (17 Aug 1936) is a date', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await inReview(page);
      assert.equal(await cell(frame, 1, 'born').getAttribute('aria-invalid'), 'false');
      assert.equal(await cell(frame, 1, 'born').textContent(), '17 Aug 1936');
    });
  });

  test('editors by type: a list of options narrowed by typing, a yes/no toggle, a date with its expected format', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await inReview(page);
      await summary(frame, '6 rows, 4 with errors (6 errors).');
      const grid = frame.getByRole('grid');
      // Select: typing opens the list narrowed to what was typed; Enter takes the highlighted option.
      await arrowTo(frame, 3, 2); // Ken's plan, "Gold"
      await grid.press('e');
      const combo = frame.getByRole('combobox', { name: 'Edit Plan' });
      await combo.waitFor();
      const options = frame.getByRole('listbox', { name: 'Options of Plan' }).getByRole('option');
      await combo.pressSequentially('nt');
      await frame.waitForFunction(() => true);
      assert.deepEqual(await options.allTextContents(), ['Enterprise']);
      await combo.press('Enter');
      await frame.locator('[role=row][data-row="3"] [data-key=plan][aria-invalid=false]').waitFor();
      assert.equal(await cell(frame, 3, 'plan').textContent(), 'Enterprise');
      // The outcome of the edit shows under the grid until the keyboard moves to another cell.
      const message = frame.locator('csv-review-step p.message');
      await message.getByText('Saved.').waitFor();
      await grid.press('ArrowUp');
      assert.equal((await message.textContent())?.trim(), '');
      // Opened with Enter, the list shows every option.
      await arrowTo(frame, 1, 2);
      await grid.press('Enter');
      assert.equal(await options.count(), 7);
      await combo.press('Escape');
      // Boolean: a Yes/No toggle.
      await arrowTo(frame, 2, 3); // Linus, "maybe"
      await grid.press('Enter');
      const toggle = frame.getByRole('radiogroup', { name: 'Edit Active' });
      await toggle.waitFor();
      assert.deepEqual(await toggle.getByRole('radio').allTextContents(), ['Yes', 'No']);
      await toggle.getByRole('radio', { name: 'Yes' }).press('ArrowRight');
      assert.equal(await toggle.getByRole('radio', { name: 'Yes' }).getAttribute('aria-checked'), 'true');
      await toggle.getByRole('radio', { name: 'Yes' }).press('ArrowRight');
      assert.equal(await toggle.getByRole('radio', { name: 'No' }).getAttribute('aria-checked'), 'true');
      await toggle.getByRole('radio', { name: 'No' }).press('Enter');
      await frame.locator('[role=row][data-row="2"] [data-key=active][aria-invalid=false]').waitFor();
      // Date: the expected format beside the box, as its description.
      await arrowTo(frame, 4, 4); // Tim, "not a date"
      await grid.press('F2');
      const date = frame.getByRole('textbox', { name: 'Edit Date of birth' });
      await date.waitFor();
      const hint = frame.locator('csv-cell-editor #format');
      await hint.waitFor({ state: 'visible' });
      assert.equal((await hint.textContent())?.trim(), 'Expected format: YYYY-MM-DD');
      assert.equal(await date.getAttribute('aria-describedby'), 'format');
      await date.fill('3 April 1950');
      await date.press('Enter');
      await frame.locator('[role=row][data-row="4"] [data-key=born][aria-invalid=false]').waitFor();
      await summary(frame, '6 rows, 3 with errors (3 errors).');
    });
  });

  test('fix all like this: one fix offered for the equal and near-equal cells, applied as one undo step', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await inReview(page);
      await arrowTo(frame, 1, 2); // Margaret's plan, "Gold"
      const grid = frame.getByRole('grid');
      await grid.press('Enter');
      const combo = frame.getByRole('combobox', { name: 'Edit Plan' });
      await combo.fill('Business');
      await combo.press('Enter');
      await summary(frame, '6 rows, 3 with errors (5 errors).');
      // Ken's "Gold" and Tim's "GOLD".
      await frame
        .getByText('Also change the 2 other cells of Plan that contain “Gold” to “Business”?')
        .waitFor();
      await frame.getByRole('button', { name: 'Apply' }).click();
      await summary(frame, '6 rows, 2 with errors (3 errors).');
      assert.equal(await cell(frame, 3, 'plan').textContent(), 'Business');
      assert.equal(await cell(frame, 4, 'plan').textContent(), 'Business');
      await frame.locator('csv-review-step p.message', { hasText: 'Replaced 2 cells.' }).waitFor();
      // One undo brings both back; Margaret's own fix stays.
      await frame.getByRole('button', { name: 'Undo' }).click();
      await summary(frame, '6 rows, 3 with errors (5 errors).');
      assert.equal(await cell(frame, 3, 'plan').textContent(), 'Gold');
      assert.equal(await cell(frame, 4, 'plan').textContent(), 'GOLD');
      assert.equal(await cell(frame, 1, 'plan').textContent(), 'Business');
    });
  });

  test('All / Valid / With errors tabs show their counts, follow a fix, and work from the keyboard', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await inReview(page);
      const tabs = frame.getByRole('tablist', { name: 'Rows to show' });
      const tab = (name: RegExp) => tabs.getByRole('tab', { name });
      await tab(/^All 6$/).waitFor();
      await tab(/^Valid 2$/).waitFor();
      await tab(/^With errors 4$/).waitFor();
      assert.equal(await tab(/^All/).getAttribute('aria-selected'), 'true');
      await tab(/^All/).focus();
      await tab(/^All/).press('ArrowRight');
      assert.equal(await tab(/^Valid/).getAttribute('aria-selected'), 'true');
      await frame.locator('[role=grid][aria-rowcount="3"]').waitFor();
      await frame.locator('[role=tabpanel][aria-labelledby=tab-valid]').waitFor();
      await tab(/^Valid/).press('ArrowRight');
      await frame.locator('[role=grid][aria-rowcount="5"]').waitFor();
      assert.equal(
        await tab(/^With errors/).evaluate((e) => e === (e.getRootNode() as ShadowRoot).activeElement),
        true,
      );
      // A fix moves a row from one count to the other (the fixed row stays in view).
      await frame.getByRole('grid').focus();
      await frame.getByRole('grid').press('Control+Home');
      await frame.getByRole('grid').press('Home');
      await frame.getByRole('grid').press('ArrowRight');
      await frame.getByRole('grid').press('ArrowRight');
      await frame.getByRole('grid').press('ArrowRight');
      await frame.getByRole('grid').press('Enter');
      const combo = frame.getByRole('combobox', { name: 'Edit Plan' });
      await combo.fill('Pro');
      await combo.press('Enter');
      await tab(/^Valid 3$/).waitFor();
      await tab(/^With errors 3$/).waitFor();
    });
  });

  test('axe-core finds nothing with the issue beside a cell and with an editor open, in English and Arabic', async () => {
    await withPage(e2e.browser, async (page) => {
      const results: Record<string, string[]> = {};
      for (const locale of ['en', 'ar']) {
        const frame = await inReview(page, locale);
        const scan = async (name: string) => {
          for (const scheme of ['light', 'dark'] as const) {
            await setColorScheme(frame, scheme);
            results[`${locale} ${name} (${scheme})`] = (await axe(frame)).map(
              (v) => `${v.id}: ${v.help} ${v.nodes.join(' ')}`,
            );
          }
        };
        await cell(frame, 1, 'plan').click();
        await issuePopover(frame).waitFor({ state: 'visible' });
        await scan('issue beside the cell');
        await frame.getByRole('grid').press('Enter');
        await frame.locator('csv-cell-editor [role=listbox]').waitFor({ state: 'visible' });
        await scan('option list open');
        await frame.locator('csv-cell-editor input').press('Escape');
        await cell(frame, 2, 'active').click();
        await frame.getByRole('grid').press('Enter');
        await frame.locator('csv-cell-editor [role=radiogroup]').waitFor();
        await scan('yes/no toggle open');
        await frame.locator('csv-cell-editor [role=radio]').first().press('Escape');
        await cell(frame, 4, 'born').click();
        await frame.getByRole('grid').press('Enter');
        await frame.locator('csv-cell-editor #format').waitFor({ state: 'visible' });
        await scan('date editor open');
      }
      console.log(`axe-core results: ${JSON.stringify(results, null, 1)}`);
      assert.deepEqual(
        Object.entries(results).filter(([, v]) => v.length > 0),
        [],
      );
    });
  });
});
