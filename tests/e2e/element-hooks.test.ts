import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { chosen, combobox } from './choosers.ts';
import { importerFrame, loadAndReview, received, submit, waitForEvent } from './importer-flow.ts';
import { openElement } from './importer-helpers.ts';

const e2e = useBrowserAndServers();

const CONTACTS = join(FIXTURES, 'contacts.csv');

async function hostPage(): Promise<Page> {
  // Wide enough that the virtualized grid renders every column of contacts.csv.
  const page = await e2e.browser.newPage({ viewport: { width: 2400, height: 1400 } });
  await page.goto(`${e2e.host.url}/element.html`);
  // Tall enough that the virtualized grid renders all eleven rows of contacts.csv.
  await page.evaluate(() =>
    document.querySelector('csv-importer')!.style.setProperty('--csv-importer-height', '1300px'),
  );
  return page;
}

describe('<csv-importer> hooks in srcdoc mode', () => {
  test('an async validate hook and a column validator reject rows: the user sees it, and excluded rows are not delivered', async () => {
    const page = await hostPage();
    await page.evaluate(
      (columns) => {
        const importer = document.querySelector('csv-importer')!;
        importer.columns = columns.map((c) =>
          c.key === 'seats'
            ? { ...c, validate: (value: unknown) => (Number(value) < 0 ? 'Seats cannot be negative.' : null) }
            : c,
        ) as never;
        importer.setAttribute('invalid-rows', 'exclude');
        importer.hooks = {
          // Asynchronous, as a hook that asks the application's server would be.
          validate: async (rows) => {
            await new Promise((resolve) => setTimeout(resolve, 20));
            return {
              issues: rows
                .filter(({ record }) => record.country === 'US')
                .map(({ row }) => ({
                  row,
                  column: 'country',
                  message: 'US customers are imported elsewhere.',
                })),
              values: rows
                .filter(({ record }) => record.country === 'DE')
                .map(({ row }) => ({ row, column: 'country', value: 'Germany' })),
            };
          },
          transform: (rows) => rows.map((row) => ({ ...row, source: 'upload' })),
        };
        importer.metadata = { batch: 'nightly', attempt: 2 };
        importer.open();
      },
      CONTACT_COLUMNS as unknown as { key: string }[],
    );
    const frame = await importerFrame(page);
    await loadAndReview(frame, CONTACTS);

    // Engine: rows 2 (e-mail) and 7 (first name); column validator: row 4; host: the five US rows.
    await frame.getByText('11 rows, 8 with errors (8 errors).').waitFor();
    const invalid = await frame
      .locator('[role=gridcell][aria-invalid=true]')
      .evaluateAll((cells) =>
        cells.map(
          (c) => `${c.closest('[role=row]')!.getAttribute('data-row')}:${c.getAttribute('data-key')}`,
        ),
      );
    assert.deepEqual(invalid, [
      '1:country',
      '2:email',
      '3:country',
      '4:seats',
      '6:country',
      '7:firstName',
      '9:country',
      '10:country',
    ]);
    assert.equal(
      await frame.locator('[role=row][data-row="1"] [role=gridcell][data-key=country]').getAttribute('title'),
      'US customers are imported elsewhere.',
    );
    assert.equal(
      await frame.locator('[role=row][data-row="4"] [role=gridcell][data-key=seats]').getAttribute('title'),
      'Seats cannot be negative.',
    );

    await submit(frame);
    const [complete] = await waitForEvent(page, 'csv-importer-complete');
    assert.deepEqual(
      complete!.rows!.map((r) => [r.firstName, r.country, r.source]),
      [
        ['Ada', 'GB', 'upload'],
        ['Zoë', 'Germany', 'upload'],
        ['Ada', 'GB', 'upload'],
      ],
    );
    assert.deepEqual(complete!.issues, []);
    const meta = complete!.meta!;
    assert.deepEqual(
      [meta.rowCount, meta.validRowCount, meta.invalidRowCount, meta.excludedRowCount],
      [3, 3, 0, 8],
    );
    assert.deepEqual(meta.metadata, { batch: 'nightly', attempt: 2 });
    await page.close();
  });

  test('a validate hook that throws, or never answers, marks the rows it was asked about instead of hanging', async () => {
    for (const behaviour of ['throws', 'hangs'] as const) {
      const page = await hostPage();
      await page.evaluate(
        ({ columns, behaviour }) => {
          const importer = document.querySelector('csv-importer')!;
          importer.columns = columns as never;
          importer.hookTimeoutMs = 300;
          importer.hooks = {
            validate: () =>
              behaviour === 'throws'
                ? Promise.reject(new Error('the CRM is down'))
                : new Promise<undefined>(() => {}),
          };
          importer.open();
        },
        { columns: CONTACT_COLUMNS as unknown, behaviour },
      );
      const frame = await importerFrame(page);
      await loadAndReview(frame, CONTACTS);
      // Every row carries the hook's failure; the count of errors depends on how cells already in error are counted.
      await frame.getByText(/^11 rows, 11 with errors/).waitFor();
      const title = await frame
        .locator('[role=row][data-row="0"] [role=gridcell][data-key=firstName]')
        .getAttribute('title');
      assert.match(
        title!,
        behaviour === 'throws' ? /the CRM is down/ : /did not answer validate-request within 300 ms/,
      );

      await submit(frame);
      const events = await waitForEvent(page, 'csv-importer-complete');
      const complete = events.find((e) => e.type === 'csv-importer-complete')!;
      assert.equal(complete.rows!.length, 11);
      // Every row is delivered as unchecked: it carries the hook's failure, or (row 7, whose
      // first name is already missing) the engine's own error for that cell.
      const flagged = new Set(complete.issues!.filter((i) => i.level === 'error').map((i) => i.row));
      assert.equal(flagged.size, 11);
      assert.ok(complete.issues!.filter((i) => i.code === 'hook_failed').length >= 10);
      if (behaviour === 'throws') {
        const error = events.find((e) => e.type === 'csv-importer-error')!;
        assert.equal(error.code, 'hook_failed');
        assert.match(error.message!, /the CRM is down/);
      }
      await page.close();
    }
  });

  test('a mapping hook chooses the columns the user starts from', async () => {
    const page = await hostPage();
    await page.evaluate((columns) => {
      const importer = document.querySelector('csv-importer')!;
      importer.columns = columns as never;
      importer.hooks = {
        mapping: async ({ headers, suggested }) => {
          await new Promise((resolve) => setTimeout(resolve, 10));
          return headers.includes('Notes') ? { ...suggested, plan: 'Notes', notes: null } : undefined;
        },
      };
      importer.open();
    }, CONTACT_COLUMNS as unknown);
    const frame = await importerFrame(page);
    await frame.setInputFiles('input[type=file]', CONTACTS);
    // One select per file column: the hook put the file's Notes column on the Plan field and
    // left the file's Plan column unmatched.
    await combobox(frame, 'Notes').waitFor();
    assert.equal(await chosen(frame, 'Notes'), 'plan');
    assert.equal(await chosen(frame, 'Plan'), '');
    await frame.getByRole('button', { name: 'Continue' }).click();
    await submit(frame);
    const [complete] = await waitForEvent(page, 'csv-importer-complete');
    assert.equal(complete!.rows![1]!.plan, 'Said "ship it", then shipped it');
    assert.equal(complete!.rows![1]!.notes, null);
    await page.close();
  });
});

describe('<csv-importer> delivery options', () => {
  test('invalid-rows="block" refuses rows with errors; include-unmatched delivers the other file columns', async () => {
    let page = await hostPage();
    await page.evaluate((columns) => {
      const importer = document.querySelector('csv-importer')!;
      importer.columns = columns as never;
      importer.setAttribute('invalid-rows', 'block');
      importer.open();
    }, CONTACT_COLUMNS as unknown);
    let frame = await importerFrame(page);
    await loadAndReview(frame, CONTACTS);
    // Under `block` the import cannot start while rows have errors, and the frame says why.
    assert.equal(await frame.getByRole('button', { name: 'Import 11 rows' }).isDisabled(), true);
    await frame.getByText('before importing').first().waitFor();
    assert.deepEqual(await received(page), []);
    await page.close();

    page = await hostPage();
    await page.evaluate(() => {
      const importer = document.querySelector('csv-importer')!;
      importer.columns = [
        { key: 'email', label: 'E-mail' },
        { key: 'plan', label: 'Plan' },
      ];
      importer.toggleAttribute('include-unmatched', true);
      importer.open();
    });
    frame = await importerFrame(page);
    await loadAndReview(frame, CONTACTS);
    await submit(frame);
    const [complete] = await waitForEvent(page, 'csv-importer-complete');
    assert.deepEqual(complete!.rows![0], { email: 'ada@example.com', plan: 'pro' });
    const unmatched = (complete as unknown as { unmatched: Record<string, string>[] }).unmatched;
    assert.equal(unmatched.length, 11);
    assert.deepEqual(Object.keys(unmatched[0]!), [
      'First Name',
      'Last Name',
      'Phone',
      'Date of Birth',
      'Country',
      'Seats',
      'Active',
      'Notes',
    ]);
    assert.equal(unmatched[1]!.Notes, 'Said "ship it", then shipped it');
    await page.close();
  });

  test('a transform hook that throws stops delivery with a hook_failed error in the page; the frame tells the user in their words', async () => {
    const page = await hostPage();
    await page.evaluate((columns) => {
      const importer = document.querySelector('csv-importer')!;
      importer.columns = columns as never;
      importer.hooks = {
        transform: () => {
          throw new Error('no room left');
        },
      };
      importer.open();
    }, CONTACT_COLUMNS as unknown);
    const frame = await importerFrame(page);
    await loadAndReview(frame, CONTACTS);
    await frame.getByRole('button', { name: 'Import 11 rows' }).click();
    await frame
      .getByRole('alert')
      .getByText('The application could not save the rows. Nothing was lost')
      .waitFor();
    const events = await received(page);
    assert.deepEqual(
      events.map((e) => [e.type, e.code, e.message]),
      [['csv-importer-error', 'hook_failed', 'The transform hook failed: no room left']],
    );
    await page.close();
  });
});

describe('<csv-importer> theming and display', () => {
  test('theme tokens from the page CSS and the theme property reach the frame; unsafe values do not', async () => {
    const page = await hostPage();
    await page.evaluate((columns) => {
      const importer = document.querySelector('csv-importer')!;
      importer.columns = columns as never;
      importer.theme = {
        colorScheme: 'dark',
        colorText: '#111111',
        fontFamily: '"Inter", system-ui, sans-serif',
        density: 'compact',
        colorBackground: 'red;background:url(https://evil.example/)' as never,
      };
      importer.open();
    }, CONTACT_COLUMNS as unknown);
    const frame = await importerFrame(page);
    const tokens = await frame.evaluate(
      (names) => names.map((n) => getComputedStyle(document.documentElement).getPropertyValue(n)),
      [
        '--ci-color-primary',
        '--ci-radius',
        '--ci-color-text',
        '--ci-font-family',
        '--ci-density',
        '--ci-color-scheme',
        'color-scheme',
        '--ci-color-background',
      ],
    );
    assert.deepEqual(tokens, [
      '#8250df',
      '2px',
      '#111111',
      '"Inter", system-ui, sans-serif',
      'compact',
      'dark',
      'dark',
      '',
    ]);
    const [error] = await received(page);
    assert.equal(error!.code, 'invalid_options');
    assert.match(error!.message!, /^theme\.colorBackground: Expected a CSS color/);

    // A new theme while open replaces the old one inside the frame.
    await page.evaluate(() => {
      document.querySelector('csv-importer')!.theme = { colorPrimary: '#000000' };
    });
    await frame.waitForFunction(
      () => getComputedStyle(document.documentElement).getPropertyValue('--ci-color-primary') === '#000000',
    );
    assert.equal(
      await frame.evaluate(() => document.documentElement.style.getPropertyValue('--ci-color-text')),
      '',
    );
    await page.close();
  });

  test('a page that loads the script twice still has one working element', async () => {
    const page = await hostPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addScriptTag({ url: '/element/csv-importer.iife.js' });
    await openElement(page, { columns: CONTACT_COLUMNS });
    const frame = await importerFrame(page);
    await loadAndReview(frame, CONTACTS);
    await submit(frame);
    const [complete] = await waitForEvent(page, 'csv-importer-complete');
    assert.equal(complete!.rows!.length, 11);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('display="modal" opens a dialog with the frame; Escape closes it and ends the frame; reset() starts over', async () => {
    const page = await hostPage();
    await openElement(page, { columns: CONTACT_COLUMNS, display: 'modal' });
    let frame = await importerFrame(page);
    assert.equal(await page.locator('csv-importer >> dialog[open] iframe').count(), 1);
    await frame.setInputFiles('input[type=file]', CONTACTS);
    await frame.getByRole('button', { name: 'Continue' }).waitFor();

    await page.evaluate(() => document.querySelector('csv-importer')!.reset());
    frame = await importerFrame(page);
    assert.equal(await frame.getByRole('button', { name: 'Continue' }).count(), 0);

    await page.keyboard.press('Escape');
    await waitForEvent(page, 'csv-importer-close');
    assert.equal(await page.locator('csv-importer >> iframe').count(), 0);
    assert.equal(
      await page.evaluate(() => document.querySelector('csv-importer')!.hasAttribute('open')),
      false,
    );
    await page.close();
  });
});
