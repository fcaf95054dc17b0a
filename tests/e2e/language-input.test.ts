import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { importButton, loadAndReview } from './importer-flow.ts';
import { cell, editCell, openImporter, showRow } from './importer-helpers.ts';

// Words and input: the trigger in the page's language, encodings by readable names, the specific
// message for a dropped .xls, the keyboard on Choose a file and after Undo, values that keep
// their own direction in a right-to-left importer, and steps with nothing to decide passed by.

const e2e = useBrowserAndServers();

/** The importer open on the element page in `locale`, without adding that locale's catalog. */
const open = (page: Page, columns: readonly object[], locale = 'en'): Promise<Frame> =>
  openImporter(page, e2e.host.url, { columns, locale, catalog: false, hostPage: 'element.html' });

/** The focused element inside the frame, through shadow roots. */
const deepFocus = (frame: Frame) =>
  frame.evaluate(() => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active
      ? `${active.tagName.toLowerCase()} ${active.getAttribute('aria-keyshortcuts') ?? active.getAttribute('role') ?? ''}`.trim()
      : 'none';
  });

describe('language', () => {
  test('the default trigger and the frame are named in the element locale', async () => {
    const page = await e2e.browser.newPage();
    await page.goto(`${e2e.host.url}/element.html`);
    const trigger = page.locator('csv-importer >> button[part=trigger]');
    assert.equal(await trigger.textContent(), 'Import a file');
    await page.evaluate(() => {
      document.querySelector('csv-importer')!.locale = 'de-AT';
    });
    await page.waitForFunction(
      () =>
        document.querySelector('csv-importer')!.shadowRoot!.querySelector('button')!.textContent ===
        'Datei importieren',
    );
    await page.evaluate(() => {
      const importer = document.querySelector('csv-importer')!;
      importer.locale = 'ar';
      importer.display = 'modal';
      importer.columns = [{ key: 'a', label: 'A' }] as never;
    });
    await page.waitForFunction(
      () =>
        document.querySelector('csv-importer')!.shadowRoot!.querySelector('button')!.textContent ===
        'استيراد ملف',
    );
    await trigger.click();
    assert.equal(await page.locator('csv-importer >> iframe').getAttribute('title'), 'استيراد جدول بيانات');
    await page.close();
  });

  test('the reading options list encodings by readable names', async () => {
    const page = await e2e.browser.newPage();
    const frame = await open(page, CONTACT_COLUMNS);
    await frame.setInputFiles('input[type=file]', join(FIXTURES, 'inventory-bom-preamble.csv'));
    const select = frame.getByRole('combobox', { name: 'Encoding' });
    await select.waitFor();
    const options = await select.locator('option').allInnerTexts();
    assert.ok(options.includes('Cyrillic (KOI8-R)'), options.join(' | '));
    assert.ok(options.includes('Unicode (UTF-8)'));
    assert.ok(options.includes('Japanese (Shift_JIS)'));
    assert.ok(!options.some((o) => /^[a-z0-9_-]+$/.test(o)), 'no bare encoding labels');
    // The value is still the label the reader takes.
    await select.selectOption('windows-1252');
    await page.close();
  });

  test('values keep their own direction in an Arabic importer: each is isolated', async () => {
    const page = await e2e.browser.newPage();
    const frame = await open(page, CONTACT_COLUMNS, 'ar');
    await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
    const samples = frame.locator('csv-match-step td.samples bdi');
    await samples.first().waitFor();
    assert.ok((await samples.count()) > 10);
    await frame.locator('csv-match-step button.primary').click();
    await frame.locator('[role=grid]').waitFor();
    await showRow(frame, 0);
    for (const key of ['email', 'phone', 'dateOfBirth', 'firstName']) {
      const value = cell(frame, 0, key).locator('bdi');
      assert.equal(await value.count(), 1, `${key} is in a bdi`);
      // <bdi> is dir=auto and unicode-bidi: isolate: the value is laid out by its own characters,
      // whatever the direction around it, so no screenshot is needed to know "+44 20 …" stays whole.
      const style = await value.evaluate((el) => ({
        bidi: getComputedStyle(el).unicodeBidi,
        dir: (el as HTMLElement).dir,
        tag: el.tagName,
      }));
      assert.deepEqual(style, { bidi: 'isolate', dir: '', tag: 'BDI' });
    }
    assert.equal(await cell(frame, 0, 'phone').textContent(), '+44 20 7946 0958');
    await page.close();
  });
});

describe('input', () => {
  test('a dropped .xls in the default build gets the message that names the full build', async () => {
    const page = await e2e.browser.newPage();
    const frame = await open(page, CONTACT_COLUMNS);
    await frame.evaluate(() => {
      // The first bytes of an Excel 97-2003 workbook (an OLE compound file).
      const bytes = new Uint8Array([
        0xd0,
        0xcf,
        0x11,
        0xe0,
        0xa1,
        0xb1,
        0x1a,
        0xe1,
        ...new Array(504).fill(0),
      ]);
      const data = new DataTransfer();
      data.items.add(new File([bytes], 'old-report.xls', { type: 'application/vnd.ms-excel' }));
      const step = document.querySelector('csv-importer-app')!.shadowRoot!.querySelector('csv-upload-step')!;
      const zone = step.shadowRoot!.querySelector('.drop')!;
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    const alert = frame.getByRole('alert');
    await alert.waitFor();
    assert.match((await alert.textContent()) ?? '', /can be read only by the importer's full build/);
    await page.close();
  });

  for (const key of ['Enter', ' ']) {
    test(`${key === ' ' ? 'Space' : key} on Choose a file opens the file picker`, async () => {
      const page = await e2e.browser.newPage();
      const frame = await open(page, CONTACT_COLUMNS);
      // Listening turns on Playwright's file-chooser interception in every frame's session; the
      // frame runs in a process of its own, so it is turned on here, well before the key, and not
      // in a race with it (a key that wins opens the real dialog and no event comes).
      const chooserOpened = page.waitForEvent('filechooser');
      await frame.locator('input[type=file]').focus();
      // The key goes where the focus is: wait until the input has it.
      await frame.waitForFunction(() => {
        let active = document.activeElement;
        while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
        return active?.matches('input[type=file]') ?? false;
      });
      await page.keyboard.press(key);
      const chooser = await chooserOpened;
      await chooser.setFiles(join(FIXTURES, 'contacts.csv'));
      await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
      await page.close();
    });
  }

  test('after Undo disables itself the focus stays in the review, and the shortcuts keep working', async () => {
    const page = await e2e.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const frame = await open(page, CONTACT_COLUMNS);
    await loadAndReview(frame, join(FIXTURES, 'contacts.csv'));
    await editCell(frame, 0, 'firstName', 'Augusta');
    await frame.getByRole('button', { name: 'Undo' }).click();
    await frame.waitForFunction(() => true);
    await showRow(frame, 0);
    await frame.locator('[role=row][data-row="0"] [data-key=firstName]', { hasText: /^Ada$/ }).waitFor();
    assert.equal(await frame.getByRole('button', { name: 'Undo' }).isDisabled(), true);
    assert.equal(await deepFocus(frame), 'div grid', 'the focus went to the grid, not the body');
    await page.keyboard.press('Control+y');
    await frame.locator('[role=row][data-row="0"] [data-key=firstName]', { hasText: 'Augusta' }).waitFor();
    await page.keyboard.press('Control+z');
    await frame.locator('[role=row][data-row="0"] [data-key=firstName]', { hasText: /^Ada$/ }).waitFor();
    await page.close();
  });
});

/** Records every step heading the frame shows from now on (read them with `seenHeadings`). */
async function watchHeadings(frame: Frame): Promise<void> {
  await frame.evaluate(() => {
    const seen = window as unknown as { headings: string[] };
    seen.headings = [];
    const root = document.querySelector('csv-importer-app')!.shadowRoot!;
    new MutationObserver(() => {
      const h = root.querySelector('.step')?.shadowRoot?.querySelector('h2')?.textContent?.trim();
      if (h && seen.headings.at(-1) !== h) seen.headings.push(h);
    }).observe(root, { childList: true, subtree: true });
  });
}

const seenHeadings = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as { headings: string[] }).headings);

describe('no step without a decision', () => {
  const columns = [
    { key: 'name', label: 'Name', required: true },
    { key: 'email', label: 'E-mail', type: 'email' },
    { key: 'plan', label: 'Plan', type: 'select', options: ['free', 'pro', 'enterprise'] },
  ];

  test('a clean file goes upload, match, review; the skipped values step is a note the user can open', async () => {
    const page = await e2e.browser.newPage();
    const frame = await open(page, columns);
    const headings: string[] = [];
    await watchHeadings(frame);
    await frame.setInputFiles('input[type=file]', {
      name: 'clean.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Name,E-mail,Plan\nAda,ada@example.com,pro\nAlan,alan@example.com,free\nGrace,,enterprise\n',
      ),
    });
    await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
    await frame.getByRole('button', { name: 'Continue' }).click();
    await importButton(frame).waitFor();
    headings.push(...(await seenHeadings(frame)));
    assert.ok(!headings.includes('Match values'), headings.join(' > '));
    assert.ok(!headings.includes('Check how the file is read'), headings.join(' > '));
    await frame.getByText('Skipped steps (2)').click();
    await frame.getByText('Every value of Plan is already one of the allowed options').waitFor();
    await frame.getByRole('button', { name: 'Map values anyway' }).click();
    await frame.getByRole('heading', { name: 'Match values' }).waitFor();
    await frame.getByRole('button', { name: 'Continue' }).click();
    await importButton(frame).waitFor();
    await page.close();
  });

  test('a value that is not an option exactly still gets the values step', async () => {
    const page = await e2e.browser.newPage();
    const frame = await open(page, columns);
    await frame.setInputFiles('input[type=file]', {
      name: 'mixed.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Name,E-mail,Plan\nAda,ada@example.com,Pro\nAlan,alan@example.com,free\n'),
    });
    await frame.getByRole('button', { name: 'Continue' }).click();
    await frame.getByRole('heading', { name: 'Match values' }).waitFor();
    // Back from the values step leads to the matching, as before.
    await frame.getByRole('button', { name: 'Back' }).click();
    await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
    await page.close();
  });

  test('a clean file passes the header step: the match step says which row holds the names, and the note opens the step', async () => {
    const page = await e2e.browser.newPage();
    const frame = await open(page, CONTACT_COLUMNS);
    await watchHeadings(frame);
    await frame.setInputFiles('input[type=file]', join(FIXTURES, 'contacts.csv'));
    await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
    assert.deepEqual(await seenHeadings(frame), ['Match columns']);
    await frame.getByText('Skipped steps (1)').click();
    await frame
      .getByText('The column names are in row 1 of the file (First Name, Last Name, E-mail, …)')
      .waitFor();
    await frame.getByRole('button', { name: 'Check the header row' }).click();
    await frame.getByRole('heading', { name: 'Check how the file is read' }).waitFor();
    assert.ok(await frame.getByRole('radio', { name: 'Row 1', exact: true }).isChecked());
    await frame.getByRole('button', { name: 'Continue' }).click();
    await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
    // The user has seen the step: it is no longer reported as passed through.
    assert.equal(await frame.getByText(/^Skipped steps/).count(), 0);
    await page.close();
  });

  test('a preamble, blank lines above the header, or no header at all: the header step is shown', async () => {
    const page = await e2e.browser.newPage();
    const frame = await open(page, columns);
    const clean = 'Name,E-mail,Plan\nAda,ada@example.com,pro\nAlan,alan@example.com,free\n';
    const files = [
      {
        name: 'inventory-bom-preamble.csv',
        row: 'Row 3',
        file: join(FIXTURES, 'inventory-bom-preamble.csv'),
      },
      { name: 'blank-lines.csv', row: 'Row 1', text: `\n\n${clean}` },
      {
        name: 'no-header.csv',
        row: 'Row 1',
        text: 'Ada,Lovelace,London\nAlan,Turing,Wilmslow\nGrace,Hopper,Arlington\n',
      },
    ];
    for (const { name, row, file, text } of files) {
      await frame.setInputFiles(
        'input[type=file]',
        file ?? { name, mimeType: 'text/csv', buffer: Buffer.from(text ?? '') },
      );
      await frame.getByRole('heading', { name: 'Check how the file is read' }).waitFor();
      assert.ok(await frame.getByRole('radio', { name: row, exact: true }).isChecked(), name);
      await frame.getByRole('button', { name: 'Back' }).click();
      await frame.locator('input[type=file]').waitFor({ state: 'attached' });
    }
    // The same rows without the blank lines pass the step.
    await frame.setInputFiles('input[type=file]', {
      name: 'clean.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(clean),
    });
    await frame.getByRole('heading', { name: 'Match columns' }).waitFor();
    await page.close();
  });
});
