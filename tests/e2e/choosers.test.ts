// The match and values steps' comboboxes through the real element, frame and worker: keyboard
// only, a choice is made with Enter or a click and never by arrowing past an option, a field
// held by another column is marked and taking it is a swap the user sees and can undo, and
// axe-core finds nothing with a list open, light and dark.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { chosen, combobox, listOption } from './choosers.ts';
import { axe, openImporter, setColorScheme, withPage } from './importer-helpers.ts';

const e2e = useBrowserAndServers();

/** The match step of contacts.csv: every column matched to its field. */
async function contactsMatch(page: Page): Promise<Frame> {
  const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS });
  await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
  await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
  return frame;
}

/** Whether the last Escape pressed in the frame was used by a widget (and so does not close the importer). */
async function watchEscape(frame: Frame): Promise<() => Promise<boolean | undefined>> {
  await frame.evaluate(() => {
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') (window as unknown as { escapeUsed: boolean }).escapeUsed = e.defaultPrevented;
    });
  });
  return () => frame.evaluate(() => (window as unknown as { escapeUsed?: boolean }).escapeUsed);
}

describe('match step comboboxes', () => {
  test('keyboard only: arrows move a highlight and assign nothing; Escape keeps the old choice; typing filters; Enter chooses', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await contactsMatch(page);
      const escapeUsed = await watchEscape(frame);
      const notes = combobox(frame, 'Notes');
      await notes.focus();
      await notes.press('ArrowDown');
      assert.equal(await notes.getAttribute('aria-expanded'), 'true');
      // Through every option and back: nothing is assigned on the way, no column loses its field.
      for (let i = 0; i < 12; i++) await notes.press('ArrowDown');
      await notes.press('ArrowUp');
      const active = await notes.getAttribute('aria-activedescendant');
      assert.ok(active, 'the highlighted option is the active descendant');
      assert.equal(
        await frame.locator(`[role=option][id="${active}"]`).getAttribute('aria-selected'),
        'true',
      );
      assert.equal(await chosen(frame, 'Notes'), 'notes');
      assert.equal(await chosen(frame, 'E-mail'), 'email');
      assert.equal(await chosen(frame, 'Active'), 'active');
      await notes.press('Escape');
      assert.equal(await notes.getAttribute('aria-expanded'), 'false');
      assert.equal(await escapeUsed(), true, 'the Escape closed the list, not the importer');
      assert.equal(await notes.inputValue(), 'Notes');
      assert.equal(await chosen(frame, 'Notes'), 'notes');
      await frame.getByText('10 of 10 columns matched').waitFor();

      // Typing narrows the list to what matches; the held field says which column holds it.
      await notes.pressSequentially('sea');
      assert.equal(await frame.getByRole('listbox').getByRole('option').count(), 1);
      await frame.getByRole('option', { name: 'Seats held by column “Seats”', exact: true }).waitFor();
      await notes.press('Enter');
      assert.equal(await chosen(frame, 'Notes'), 'seats');
      // A swap: the Seats column took Notes, the field the Notes column had.
      assert.equal(await chosen(frame, 'Seats'), 'notes');
      assert.equal(await notes.getAttribute('aria-expanded'), 'false');
    });
  });

  test('a field held by another column is marked; taking it is a swap that is shown, announced and undone', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await contactsMatch(page);
      // The E-mail column leaves its field; then Notes takes Phone, which the Phone column holds.
      const email = combobox(frame, 'E-mail');
      await email.click();
      await listOption(frame, '(not imported)').click();
      assert.equal(await chosen(frame, 'E-mail'), '');
      const notes = combobox(frame, 'Notes');
      await notes.click();
      const phone = listOption(frame, 'Phone');
      await frame.getByRole('option', { name: 'Phone held by column “Phone”', exact: true }).waitFor();
      await frame.getByRole('option', { name: 'E-mail required', exact: true }).waitFor();
      await phone.click();
      assert.equal(await chosen(frame, 'Notes'), 'phone');
      assert.equal(await chosen(frame, 'Phone'), 'notes');
      const status = frame.locator('csv-match-step .moved[role=status]');
      await status
        .getByText('Phone moved from column “Phone” to column “Notes”; column “Phone” now takes Notes.')
        .waitFor();
      // The column that lost the field says where it went.
      await frame
        .locator('tr', { has: combobox(frame, 'Phone') })
        .getByText('Phone moved to “Notes”')
        .waitFor();
      await status.getByRole('button', { name: 'Undo' }).click();
      assert.equal(await chosen(frame, 'Notes'), 'notes');
      assert.equal(await chosen(frame, 'Phone'), 'phone');
      assert.equal(await chosen(frame, 'E-mail'), '', 'undo takes back the swap only');
      await status.getByText('Undone: the columns are matched as before.').waitFor();
      assert.equal(
        await frame.evaluate(() => {
          let active = document.activeElement;
          while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
          return active?.getAttribute('aria-label');
        }),
        'Notes',
        'the keyboard is back on the column that took the field',
      );
      // Taking a field from a column whose own field is free: the loser is left with none.
      await email.click();
      await email.fill('notes');
      await email.press('Enter');
      assert.equal(await chosen(frame, 'E-mail'), 'notes');
      assert.equal(await chosen(frame, 'Notes'), '');
      await status.getByText('Notes moved from column “Notes” to column “E-mail”.').waitFor();
    });
  });

  test('axe-core finds nothing with the field list open, light and dark, and on the values step', async () => {
    await withPage(e2e.browser, async (page) => {
      const columns = CONTACT_COLUMNS.map((c) =>
        c.key === 'plan'
          ? { ...c, type: 'select', options: ['free', 'starter', { value: 'pro', label: 'Professional' }] }
          : c,
      );
      const frame = await openImporter(page, e2e.host.url, { columns });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      const results: Record<string, string[]> = {};
      const scan = async (name: string) => {
        for (const scheme of ['light', 'dark'] as const) {
          await setColorScheme(frame, scheme);
          results[`${name} (${scheme})`] = (await axe(frame)).map(
            (v) => `${v.id}: ${v.help} ${v.nodes.join(' ')}`,
          );
        }
      };
      await combobox(frame, 'Notes').click();
      await scan('match, list open');
      await combobox(frame, 'Notes').press('Escape');
      await combobox(frame, 'Phone').click();
      await listOption(frame, 'Notes').click();
      await scan('match, after a swap');
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByRole('heading', { name: 'Match values' }).waitFor();
      await scan('values');
      await combobox(frame, 'Plan: enterprise').press('ArrowDown');
      await listOption(frame, 'Professional').waitFor();
      await scan('values, list open');
      // Keyboard only on the values step too: arrows assign nothing, Enter chooses.
      const enterprise = combobox(frame, 'Plan: enterprise');
      await enterprise.press('ArrowDown');
      assert.equal(await chosen(frame, 'Plan: enterprise'), '');
      await enterprise.press('Escape');
      await enterprise.pressSequentially('prof');
      await enterprise.press('Enter');
      assert.equal(await chosen(frame, 'Plan: enterprise'), 'pro');
      assert.equal(await enterprise.inputValue(), 'Professional');
      console.log(`axe-core results: ${JSON.stringify(results, null, 1)}`);
      assert.deepEqual(
        Object.entries(results).filter(([, v]) => v.length > 0),
        [],
      );
    });
  });
});
