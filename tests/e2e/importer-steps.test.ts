import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { generateCsv } from '../bench/generate.ts';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { choose, chosen, combobox } from './choosers.ts';
import {
  activeCell,
  axe,
  cell,
  editCell,
  openImporter,
  paste,
  received,
  setColorScheme,
  showRow,
  summary,
  withPage,
} from './importer-helpers.ts';

/** The fields of a sales application, labelled in English, with the German headers as synonyms. */
const SALES_COLUMNS = [
  { key: 'firstName', label: 'First name', synonyms: ['Vorname'], required: true },
  { key: 'lastName', label: 'Last name', synonyms: ['Nachname'] },
  { key: 'email', label: 'E-mail', type: 'email', required: true },
  { key: 'revenue', label: 'Revenue', synonyms: ['Umsatz'] },
  { key: 'date', label: 'Date', synonyms: ['Datum'] },
  { key: 'city', label: 'City', synonyms: ['Stadt'] },
];

const e2e = useBrowserAndServers();

/** Uploads contacts.csv and continues to the review grid. */
async function contactsInReview(page: Page): Promise<Frame> {
  const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS });
  await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
  await frame.getByRole('button', { name: 'Continue' }).click();
  await summary(frame, '11 rows, 2 with errors (2 errors).');
  return frame;
}

describe('upload step', () => {
  test('states the accepted types and expected columns, refuses a wrong type, and reads a pasted range', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS });
      await frame.getByText('Accepted: .csv, .tsv, .txt').waitFor();
      await frame.getByText('Expected columns: First name, Last name, E-mail').waitFor();
      // The host page saves the template (tests/e2e/downloads.test.ts reads it).
      await frame.getByRole('button', { name: 'Download a template with the expected columns' }).waitFor();

      await frame.setInputFiles('input[type=file]', {
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: Buffer.from('89504e47', 'hex'),
      });
      await frame.getByRole('alert').getByText('Files of this type cannot be imported here').waitFor();

      // A range copied from a spreadsheet: tab-separated, one record a line.
      await paste(
        frame,
        'First Name\tLast Name\tE-mail\nAda\tLovelace\tada@example.com\nAlan\tTuring\tnot-an-email\n',
      );
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      await frame.getByRole('button', { name: 'Continue' }).click();
      await summary(frame, '2 rows, 1 with errors (1 errors).');
      assert.equal(await cell(frame, 1, 'email').getAttribute('aria-invalid'), 'true');
    });
  });
});

describe('header row, encoding and delimiter', () => {
  test('inventory-bom-preamble.csv opens with the header on row 3 chosen; another row can be picked', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await openImporter(page, e2e.host.url, {
        columns: [
          { key: 'sku', label: 'SKU', required: true },
          { key: 'price', label: 'Price' },
        ],
      });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'inventory-bom-preamble.csv'));
      await frame.getByRole('heading', { name: 'Check how the file is read' }).waitFor();
      assert.ok(await frame.getByRole('radio', { name: 'Row 3' }).isChecked());
      assert.ok(
        await frame.getByText('Export generated 2024-05-01', { exact: true }).isVisible(),
        'no BOM shown',
      );
      await frame.getByRole('radio', { name: 'Row 4' }).check();
      await frame.getByRole('radio', { name: 'Row 4' }).isChecked();
      await frame.getByRole('radio', { name: 'Row 3' }).check();
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      assert.equal(await chosen(frame, 'sku'), 'sku');
      await frame.getByRole('button', { name: 'Continue' }).click();
      await summary(frame, '3 rows');
      assert.equal(await cell(frame, 2, 'price').textContent(), 'abc');
    });
  });

  test('sales-de-windows1252.csv decodes as windows-1252 with ";"; a wrong encoding shows in the preview and is undone', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await openImporter(page, e2e.host.url, { columns: SALES_COLUMNS });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'sales-de-windows1252.csv'));
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      await frame.getByText('Jürgen, Zoë, François').waitFor();
      await frame.getByRole('button', { name: 'Header row, encoding and delimiter' }).click();
      const encoding = frame.getByRole('combobox', { name: 'Encoding' });
      assert.equal(await encoding.inputValue(), 'windows-1252');
      assert.equal(await frame.getByRole('combobox', { name: 'Delimiter' }).inputValue(), ';');
      await encoding.selectOption('utf-8');
      await frame.getByText('J\uFFFDrgen', { exact: true }).waitFor();
      await encoding.selectOption('windows-1252');
      await frame.getByText('Jürgen', { exact: true }).waitFor();
    });
  });
});

describe('match step', () => {
  test('shows samples and confidence; an unmatched required field blocks the next step, naming it', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
      await frame.getByText('Ada, Grace, Linus').waitFor();
      assert.ok((await frame.getByText('Sure').count()) >= 10);
      const continueButton = frame.getByRole('button', { name: 'Continue' });
      await choose(frame, 'E-mail', '(not imported)');
      await frame.getByRole('alert').getByText('Choose a column for every required field: E-mail.').waitFor();
      assert.ok(await continueButton.isDisabled());
      await frame.getByText('Columns of your file that are not imported: E-mail').waitFor();
      // One column per field: choosing E-mail for the Notes column takes it from nowhere else.
      await choose(frame, 'Notes', 'E-mail');
      assert.ok(await continueButton.isEnabled());
      await frame.getByText('Chosen by you').waitFor();
      assert.equal(await chosen(frame, 'Notes'), 'email');
      await continueButton.click();
      await summary(frame, '11 rows, 11 with errors (12 errors).');
    });
  });
});

describe('map values step', () => {
  test('each distinct value of a select column beside its option, preselected; the choice is applied', async () => {
    await withPage(e2e.browser, async (page) => {
      const columns = CONTACT_COLUMNS.map((c) =>
        c.key === 'plan'
          ? { ...c, type: 'select', options: ['free', 'starter', { value: 'pro', label: 'Professional' }] }
          : c,
      );
      const frame = await openImporter(page, e2e.host.url, { columns });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByRole('heading', { name: 'Match values' }).waitFor();
      const option = (value: string) => chosen(frame, `Plan: ${value}`);
      assert.equal(await option('pro'), 'pro');
      assert.equal(await option('Pro'), 'pro', 'case folded');
      assert.equal(await combobox(frame, 'Plan: Pro').inputValue(), 'Professional', 'shown by its label');
      assert.equal(await option('enterprise'), '', 'no option: left as it is');
      const proRow = frame
        .locator('csv-values-step tbody tr')
        .filter({ has: frame.getByRole('rowheader', { name: 'pro', exact: true }) });
      assert.equal(await proRow.locator('td.count').textContent(), '4', 'with its row count');
      await choose(frame, 'Plan: enterprise', 'Professional');
      await frame.getByRole('button', { name: 'Continue' }).click();
      await summary(frame, '11 rows, 2 with errors (2 errors).');
      await frame.getByRole('button', { name: 'Import 11 rows' }).click();
      await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
      const [complete] = await received(page);
      assert.deepEqual(
        complete!.rows!.map((r) => r.plan),
        ['pro', 'pro', 'free', 'pro', 'pro', 'starter', 'pro', 'free', 'pro', 'free', 'free'],
      );
    });
  });
});

describe('review step', () => {
  test('an edit re-validates at once; undo and redo restore it; the counts per column follow', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await contactsInReview(page);
      const emailHeader = frame.locator('[role=columnheader][data-key=email]');
      assert.match((await emailHeader.textContent())!, /1 error\b/);
      await editCell(frame, 2, 'email', 'linus@example.org');
      await summary(frame, '11 rows, 1 with errors (1 errors).');
      assert.equal(await cell(frame, 2, 'email').getAttribute('aria-invalid'), 'false');
      assert.doesNotMatch((await emailHeader.textContent())!, /error/);
      await frame.getByRole('button', { name: 'Undo' }).click();
      await summary(frame, '11 rows, 2 with errors (2 errors).');
      assert.equal(await cell(frame, 2, 'email').textContent(), 'linus@');
      await frame.getByRole('grid').press('Control+y');
      await summary(frame, '11 rows, 1 with errors (1 errors).');
    });
  });

  test('an edit in a unique field repaints the cell it collided with at once', async () => {
    await withPage(e2e.browser, async (page) => {
      const columns = CONTACT_COLUMNS.map((c) => (c.key === 'email' ? { ...c, unique: true } : c));
      const frame = await openImporter(page, e2e.host.url, { columns });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
      await frame.getByRole('button', { name: 'Continue' }).click();
      // Rows 0 and 8 hold the same e-mail: row 0 is first, row 8 repeats it.
      await summary(frame, '11 rows, 3 with errors (3 errors).');
      const email = (row: number, invalid: boolean) =>
        frame
          .locator(`[role=row][data-row="${row}"] [role=gridcell][data-key=email][aria-invalid=${invalid}]`)
          .waitFor();
      await email(1, false);
      // Row 0 takes row 1's e-mail: row 0 comes first, so the cell of row 1, in view and not
      // edited, turns invalid, and row 8 holds its e-mail alone now.
      await editCell(frame, 0, 'email', 'grace.hopper@example.org');
      await email(1, true);
      await email(0, false);
      assert.equal(
        await cell(frame, 1, 'email').getAttribute('title'),
        'This value appears in another row too; it must be unique.',
      );
      await editCell(frame, 0, 'email', 'ada.lovelace@example.com');
      await email(1, false);
      await email(0, false);
      await summary(frame, '11 rows, 2 with errors (2 errors).');
      await showRow(frame, 8);
      await email(8, false);
    });
  });

  test('the grid is keyboard operable: arrows move, Enter edits, Escape cancels, F8 jumps to the next error', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await contactsInReview(page);
      const grid = frame.getByRole('grid');
      await grid.focus();
      const active = () => grid.getAttribute('aria-activedescendant');
      assert.equal(await active(), 'cell-0-0');
      await grid.press('ArrowDown');
      await grid.press('ArrowRight');
      assert.equal(await active(), 'cell-1-1');
      await grid.press('F8');
      await frame
        .locator('.sr-only[role=status]')
        .getByText('Row 3, E-mail: This is not a valid e-mail address.')
        .waitFor();
      assert.equal(await active(), 'cell-2-2');
      await grid.press('F8');
      assert.equal(await active(), 'cell-7-0');
      await grid.press('Enter');
      const input = cell(frame, 7, 'firstName').locator('input');
      await input.fill('Nobody');
      await input.press('Escape');
      assert.equal(await cell(frame, 7, 'firstName').textContent(), '');
      await grid.press('N');
      await input.fill('Nina');
      await input.press('Enter');
      await summary(frame, '11 rows, 1 with errors (1 errors).');
      await activeCell(frame, 'cell-8-0'); // Enter commits and moves down
      await grid.press('Control+Home');
      await activeCell(frame, 'cell-0-0');
      await grid.press('Home');
      await grid.press(' ');
      await frame.getByRole('button', { name: 'Delete selected rows (1)' }).waitFor();
    });
  });

  test('filters to rows with errors, in any or one column', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await contactsInReview(page);
      await frame.getByRole('tab', { name: /^With errors/ }).click();
      await frame.locator('[role=grid][aria-rowcount="3"]').waitFor();
      await frame.getByRole('combobox', { name: 'In column' }).selectOption('firstName');
      await frame.locator('[role=grid][aria-rowcount="2"]').waitFor();
      assert.equal(await frame.locator('[role=row][data-row]').getAttribute('data-row'), '7');
    });
  });

  test('find and replace previews the count, replaces in one column, and is one undo step', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await contactsInReview(page);
      await frame.getByRole('button', { name: 'Find and replace' }).click();
      const search = frame.getByRole('search');
      await search.getByRole('textbox', { name: 'Find' }).fill('example.com');
      await search.getByText('8 cells match').waitFor();
      await search.getByRole('combobox', { name: 'In column' }).selectOption('notes');
      await search.getByText('0 cells match').waitFor();
      await search.getByRole('combobox', { name: 'In column' }).selectOption('email');
      await search.getByRole('textbox', { name: 'Replace with' }).fill('example.net');
      await search.getByRole('button', { name: 'Replace all' }).click();
      await search.getByText('0 cells match').waitFor();
      assert.equal(await cell(frame, 0, 'email').textContent(), 'ada@example.net');
      await frame.getByRole('button', { name: 'Undo' }).click();
      await frame.locator('[role=gridcell]', { hasText: 'ada@example.com' }).first().waitFor();
    });
  });

  test('a fix offers to change every cell that held the same value', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await contactsInReview(page);
      await editCell(frame, 7, 'firstName', 'Anon');
      await summary(frame, '11 rows, 1 with errors (1 errors).');
      // No other empty first name: no offer. An invalid e-mail shared by several rows gets one.
      assert.equal(await frame.getByRole('button', { name: 'Apply' }).count(), 0);
      await frame.getByRole('button', { name: 'Find and replace' }).click();
      const search = frame.getByRole('search');
      await search.getByRole('combobox', { name: 'In column' }).selectOption('email');
      await search.getByRole('textbox', { name: 'Find' }).fill('inj@example.com');
      await search.getByRole('checkbox', { name: 'Whole cell' }).check();
      await search.getByRole('textbox', { name: 'Replace with' }).fill('linus@');
      await search.getByRole('button', { name: 'Replace all' }).click();
      await summary(frame, '11 rows, 2 with errors (2 errors).');
      await editCell(frame, 2, 'email', 'linus@example.org');
      await frame
        .getByText('Also change the other cell of E-mail that contains “linus@” to “linus@example.org”?')
        .waitFor();
      await frame.getByRole('button', { name: 'Apply' }).click();
      await summary(frame, 'All 11 rows are valid.');
    });
  });

  test('deletes selected rows and all rows with errors; the submit summary says what is left out', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await contactsInReview(page);
      await showRow(frame, 0);
      await frame.getByRole('checkbox', { name: 'Select row 1', exact: true }).click();
      await frame.getByRole('checkbox', { name: 'Select row 2' }).click();
      await frame.getByRole('button', { name: 'Delete selected rows (2)' }).click();
      await summary(frame, '9 rows, 2 with errors (2 errors).');
      await frame.getByText('2 rows you deleted will be left out.').waitFor();
      await frame.getByRole('button', { name: 'Delete all rows with errors' }).click();
      await summary(frame, 'All 7 rows are valid.');
      await frame.getByText('4 rows you deleted will be left out.').waitFor();
      await frame.getByRole('button', { name: 'Undo' }).click();
      await summary(frame, '9 rows, 2 with errors (2 errors).');
      await frame.getByRole('button', { name: 'Import 9 rows' }).click();
      await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
      const [complete] = await received(page);
      assert.equal(complete!.rows!.length, 9);
      assert.equal(complete!.rows![0]!.firstName, 'Linus');
      assert.deepEqual(
        complete!.issues!.map((i) => `${i.row}:${i.column}`),
        ['0:email', '5:firstName'],
      );
    });
  });
});

describe('submit step', () => {
  test('hands the rows over, shows the count, and Close closes the importer', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await contactsInReview(page);
      await frame.getByText('11 rows will be imported.').waitFor();
      await frame.getByText('2 rows still have errors and will be imported as they are.').waitFor();
      await frame.getByRole('button', { name: 'Import 11 rows' }).click();
      await frame.getByText('11 rows were handed to the application.').waitFor();
      // The click removes the frame it happens in, so it is made after the call returns: a
      // Playwright click would wait on a frame that is gone.
      await frame.getByRole('button', { name: 'Close', exact: true }).evaluate((button: HTMLElement) => {
        setTimeout(() => button.click(), 0);
      });
      await page.waitForFunction(() =>
        (window as unknown as { received: { type: string }[] }).received.some(
          (e) => e.type === 'csv-importer-close',
        ),
      );
      assert.equal(await page.locator('csv-importer iframe').count(), 0);
    });
  });
});

/** The fields of a customer application, typed, for customers-two-sheets.xlsx. */
const CUSTOMER_COLUMNS = [
  { key: 'id', label: 'Customer ID', type: 'integer', required: true, unique: true },
  { key: 'company', label: 'Company', required: true },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'signedUp', label: 'Signed up', type: 'date' },
  { key: 'spend', label: 'Monthly spend', type: 'number' },
  { key: 'vip', label: 'VIP', type: 'boolean' },
];

describe('every step, end to end', () => {
  test('customers-two-sheets.xlsx: pick the sheet, match, fix the invalid cells, submit typed rows', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await openImporter(page, e2e.host.url, { columns: CUSTOMER_COLUMNS });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'customers-two-sheets.xlsx'));
      await frame.getByRole('heading', { name: 'Check how the file is read' }).waitFor();
      const sheet = frame.getByRole('combobox', { name: 'Sheet' });
      assert.equal(await sheet.inputValue(), 'Customers', 'the notes sheet is passed over');
      await sheet.selectOption('Read me');
      await frame.getByText('This workbook has the data on the second sheet.').waitFor();
      await frame.getByRole('combobox', { name: 'Sheet' }).selectOption('Customers');
      await frame.getByText('Acme GmbH').waitFor();
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      await frame.getByRole('status').getByText('6 of 6 columns matched').waitFor();
      assert.equal(await chosen(frame, 'Contact e-mail'), 'email');
      // Read as an e-mail qualified by "contact": sure, like the summary line says.
      await frame
        .locator('tr', { has: combobox(frame, 'Contact e-mail') })
        .getByText('Sure')
        .waitFor();
      await frame.getByRole('button', { name: 'Continue' }).click();
      await frame.locator('[role=gridcell][aria-invalid=true]').first().waitFor();
      const invalid = await frame
        .locator('[role=gridcell][aria-invalid=true]')
        .evaluateAll((cells) =>
          cells.map(
            (c) => `${c.closest('[role=row]')!.getAttribute('data-row')}:${c.getAttribute('data-key')}`,
          ),
        );
      assert.deepEqual(invalid, ['2:email', '3:signedUp', '3:spend']);
      assert.equal(
        await cell(frame, 3, 'spend').getAttribute('title'),
        'This is not a number.',
        'the message shows on hover',
      );
      await editCell(frame, 2, 'email', 'it@initech.example');
      await editCell(frame, 3, 'signedUp', '2024-12-01');
      await editCell(frame, 3, 'spend', '0');
      await frame
        .locator('csv-review-step p[role=status]', { hasText: /^All \d+ rows are valid\.$/ })
        .waitFor();
      await frame.getByRole('button', { name: /^Import \d+ rows$/ }).click();
      await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
      const [complete] = await received(page);
      const [acme] = complete!.rows!;
      assert.deepEqual(acme, {
        id: 1001,
        company: 'Acme GmbH',
        email: 'ops@acme.example',
        signedUp: '2023-01-15',
        spend: 1234.5,
        vip: true,
      });
      assert.equal(complete!.rows![3]!.signedUp, '2024-12-01');
      assert.deepEqual(complete!.issues, []);
    });
  });

  test('sales-de-windows1252.csv: upload, match by German headers, fix an e-mail, submit', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await openImporter(page, e2e.host.url, { columns: SALES_COLUMNS });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'sales-de-windows1252.csv'));
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      for (const [header, key] of [
        ['Vorname', 'firstName'],
        ['E-Mail', 'email'],
        ['Stadt', 'city'],
      ]) {
        assert.equal(await chosen(frame, header!), key);
      }
      await frame.getByRole('button', { name: 'Continue' }).click();
      await summary(frame, 'All 4 rows are valid.');
      await editCell(frame, 3, 'email', 'ole@');
      await summary(frame, '4 rows, 1 with errors (1 errors).');
      await editCell(frame, 3, 'email', 'ole@example.no');
      await summary(frame, 'All 4 rows are valid.');
      await frame.getByRole('button', { name: 'Import 4 rows' }).click();
      await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
      const [complete] = await received(page);
      assert.deepEqual(
        complete!.rows!.map((r) => `${r.firstName} ${r.lastName}, ${r.city}`),
        ['Jürgen Groß, Köln', 'Zoë Ångström, Malmö', 'François Çelik, Besançon', 'Ole Øberg, Tromsø'],
      );
      assert.equal(complete!.meta!.encoding, 'windows-1252');
      assert.equal(complete!.meta!.delimiter, ';');
    });
  });
});

describe('languages and accessibility', () => {
  test('Arabic lays the importer out right to left with translated steps and locale digits', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS, locale: 'ar' });
      assert.equal(await frame.evaluate(() => document.documentElement.dir), 'rtl');
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'ar');
      await frame.getByRole('heading', { name: 'رفع ملف' }).waitFor();
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
      await frame.getByRole('button', { name: 'متابعة' }).click();
      await frame.getByRole('heading', { name: 'المراجعة والتصحيح' }).waitFor();
      const grid = frame.getByRole('grid');
      const box = (await grid.boundingBox())!;
      const rowHeader = (await frame.locator('[role=rowheader]').first().boundingBox())!;
      assert.ok(rowHeader.x + rowHeader.width > box.x + box.width - 5, 'row numbers on the right');
      const expected = new Intl.NumberFormat('ar').format(11);
      await frame.getByRole('button', { name: `استيراد ${expected} صف` }).waitFor();
    });
  });

  test('axe-core reports no violations on any step, light and dark, and in Arabic', async () => {
    await withPage(e2e.browser, async (page) => {
      const results: Record<string, string[]> = {};
      const scan = async (frame: Frame, name: string) => {
        for (const scheme of ['light', 'dark'] as const) {
          await setColorScheme(frame, scheme);
          const violations = await axe(frame);
          results[`${name} (${scheme})`] = violations.map((v) => `${v.id}: ${v.help} ${v.nodes.join(' ')}`);
        }
      };
      for (const locale of ['en', 'ar']) {
        const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS, locale });
        await scan(frame, `${locale} upload`);
        await frame.setInputFiles('input[type=file]', join(FIXTURES, 'inventory-bom-preamble.csv'));
        await frame.locator('csv-header-step h2').waitFor();
        await scan(frame, `${locale} header row`);
        await frame.locator('csv-header-step button.primary').click();
        await frame.locator('csv-match-step h2').waitFor();
        await scan(frame, `${locale} match`);
        await frame.locator('csv-match-step button:not(.primary)').first().click();
        await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
        await frame.locator('csv-match-step button.primary').click();
        await frame.locator('[role=gridcell][aria-invalid=true]').first().waitFor();
        await scan(frame, `${locale} review`);
        await frame.locator('csv-review-step button[aria-expanded]').click();
        await scan(frame, `${locale} review with find and replace`);
        await frame.locator('csv-submit-summary button.primary').click();
        await frame.locator('csv-result-step h2.ok').waitFor();
        await scan(frame, `${locale} done`);
      }
      console.log(`axe-core results per step: ${JSON.stringify(results, null, 1)}`);
      const failing = Object.entries(results).filter(([, v]) => v.length > 0);
      assert.deepEqual(failing, []);
    });
  });
});

describe('progress, cancel and small screens', () => {
  test('a big file shows a progress bar with the rows read, and Cancel stops it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'csv-importer-cancel-'));
    try {
      // Big enough that reading it (about a second a million rows) outlasts the click.
      const file = generateCsv(dir, 1_000_000);
      await withPage(e2e.browser, async (page) => {
        const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS });
        await frame.setInputFiles('input[type=file]', file.path);
        await frame.getByRole('progressbar').waitFor();
        await frame.getByText(/^Reading bench-1000000\.csv: [\d,]+ rows$/).waitFor();
        // At once: the bar's text changes every 100 ms, and a click that waits for it to be still
        // can outlast the read.
        await frame.getByRole('button', { name: 'Cancel' }).click({ force: true });
        // The user's own choice is said plainly, not as an error.
        await frame.getByRole('status').getByText('Reading the file was cancelled.').waitFor();
        assert.equal(await frame.getByRole('alert').count(), 0);
        // The cancelled read never moves the flow on, and the next file reads normally.
        await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
        await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('in a 360 px wide frame every step fits the width; only the grid scrolls sideways', async () => {
    await withPage(e2e.browser, async (page) => {
      await page.setViewportSize({ width: 378, height: 720 });
      const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS });
      const fits = () =>
        frame.evaluate(() => ({
          width: window.innerWidth,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        }));
      assert.deepEqual(await fits(), { width: 360, overflow: 0 });
      await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      assert.equal((await fits()).overflow, 0, 'match step');
      await frame.getByRole('button', { name: 'Continue' }).click();
      await summary(frame, '11 rows, 2 with errors (2 errors).');
      assert.equal((await fits()).overflow, 0, 'review step');
      const grid = (await frame.getByRole('grid').boundingBox())!;
      assert.ok(grid.width <= 360 && grid.width > 300, `grid ${grid.width} px wide`);
      await frame.getByRole('button', { name: 'Import 11 rows' }).click();
      await frame.getByRole('heading', { name: 'Import complete' }).waitFor();
    });
  });
});
