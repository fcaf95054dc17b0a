// Languages beyond English through the real element, frame and worker: the default script-tag
// bundle has English only; a host adds another language's catalog as a user would (its companion
// script tag, or its ES module and `registerLocale`), and the importer speaks it. Without the
// catalog the host is told, in the console and with an error event, and the importer is English.
// The hosted site has every catalog built in: a loader page needs none.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { openElement, openImporter, received, withPage } from './importer-helpers.ts';

const e2e = useBrowserAndServers({ hosted: true });

describe('locale catalogs', () => {
  test('a page that adds the German companion script gets a German importer', async () => {
    await withPage(e2e.browser, async (page) => {
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning' && message.text().startsWith('<csv-importer>'))
          warnings.push(message.text());
      });
      const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS, locale: 'de-DE' });
      await frame.getByRole('button', { name: 'Datei auswählen' }).waitFor();
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'de-DE');
      assert.equal(await frame.getByText('Upload a file').count(), 0);
      assert.deepEqual(warnings, []);
      assert.deepEqual(
        (await received(page)).filter((r) => r.type === 'csv-importer-error'),
        [],
      );
    });
  });

  test('an application that imports the German module and registers it gets a German importer', async () => {
    await withPage(e2e.browser, async (page) => {
      await page.goto(`${e2e.host.url}/module-locale.html`);
      const handle = await page.waitForSelector('csv-importer >> iframe');
      const frame = (await handle.contentFrame())!;
      await frame.getByRole('button', { name: 'Datei auswählen' }).waitFor();
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'de');
    });
  });

  test('Arabic from its companion script lays the importer out right to left', async () => {
    await withPage(e2e.browser, async (page) => {
      const frame = await openImporter(page, e2e.host.url, { columns: CONTACT_COLUMNS, locale: 'ar' });
      assert.equal(await frame.evaluate(() => document.documentElement.dir), 'rtl');
    });
  });

  test('asking for German without its catalog warns in the console, fires locale_unavailable, and shows English', async () => {
    await withPage(e2e.browser, async (page) => {
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning' && message.text().startsWith('<csv-importer>'))
          warnings.push(message.text());
      });
      const frame = await openImporter(page, e2e.host.url, {
        columns: CONTACT_COLUMNS,
        locale: 'de',
        catalog: false,
      });
      await frame.getByRole('button', { name: 'Choose a file' }).waitFor();
      assert.equal(await frame.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await frame.evaluate(() => document.documentElement.dir), 'ltr');
      await page.waitForFunction(() =>
        (window as unknown as { received: { type: string; code?: string }[] }).received.some(
          (r) => r.code === 'locale_unavailable',
        ),
      );
      const errors = (await received(page)).filter((r) => r.type === 'csv-importer-error') as {
        code?: string;
        message?: string;
      }[];
      assert.equal(errors.length, 1);
      assert.equal(errors[0]!.code, 'locale_unavailable');
      assert.match(errors[0]!.message!, /"de".*locales\/de\.iife\.js.*registerLocale\(de\)/);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0]!, /<csv-importer>: No message catalog for "de"/);
    });
  });

  test('the hosted site has every catalog: a loader page asking for German gets German without adding one', async () => {
    await withPage(e2e.browser, async (page) => {
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning' && message.text().startsWith('<csv-importer>'))
          warnings.push(message.text());
      });
      await page.goto(`${e2e.host.url}/loader.html`);
      // No catalog added: the hosted site has them all.
      await openElement(page, { columns: CONTACT_COLUMNS, locale: 'de', src: `${e2e.hosted.url}/` });
      const handle = await page.waitForSelector('csv-importer >> iframe');
      const frame = (await handle.contentFrame())!;
      await frame.getByRole('button', { name: 'Datei auswählen' }).waitFor();
      assert.deepEqual(warnings, []);
    });
  });
});
