import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { encodeEmbedConfig } from '@csv-importer/protocol';
import type { Frame, Page } from 'playwright-core';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { axe } from './importer-helpers.ts';

// The color scheme set through the theme API (`theme = { colorScheme }`), never by touching the
// frame: in each of the three ways to embed the importer, the colours computed inside the frame
// are the dark ones, `auto` follows the host's `prefers-color-scheme` (emulated through the
// DevTools protocol) and its changes while open, and axe-core finds nothing in dark.

const e2e = useBrowserAndServers({ hosted: true });

type Mode = 'srcdoc' | 'hosted' | 'embed';
type Scheme = 'light' | 'dark' | 'auto';

/** The app's default colours (apps/importer/src/styles/shared-styles.ts), as computed. */
const COLOURS = {
  light: { background: 'rgb(255, 255, 255)', text: 'rgb(31, 35, 40)' },
  dark: { background: 'rgb(13, 17, 23)', text: 'rgb(230, 237, 243)' },
};

/** A page with the importer open in `mode`, themed `{ colorScheme: scheme }`; its frame at upload. */
async function openThemed(page: Page, mode: Mode, scheme: Scheme): Promise<Frame> {
  if (mode === 'embed') {
    await page.goto(`${e2e.host.url}/embed.html`);
    const config = encodeEmbedConfig({
      version: 1,
      parentOrigin: e2e.host.url,
      columns: CONTACT_COLUMNS as never,
      options: { locale: 'en', theme: { colorScheme: scheme } },
    });
    await page.evaluate(
      (url) => (window as unknown as { embed(u: string): void }).embed(url),
      `${e2e.hosted.url}/#config=${config}`,
    );
  } else {
    await page.goto(`${e2e.host.url}/host.html`);
    await page.evaluate(
      ({ columns, src, scheme }) => {
        const importer = document.querySelector('csv-importer')!;
        importer.columns = columns as never;
        if (src) importer.src = src;
        importer.theme = { colorScheme: scheme };
        importer.open();
      },
      {
        columns: CONTACT_COLUMNS as unknown,
        src: mode === 'hosted' ? `${e2e.hosted.url}/` : undefined,
        scheme,
      },
    );
  }
  const handle = await page.waitForSelector(mode === 'embed' ? '#importer' : 'csv-importer >> iframe');
  const frame = (await handle.contentFrame())!;
  await frame.waitForSelector('input[type=file]');
  return frame;
}

/** The colours computed inside the frame: the app's background and text, and a button's. */
function colours(frame: Frame) {
  return frame.evaluate(() => {
    const app = document.querySelector('csv-importer-app')!;
    const style = getComputedStyle(app);
    const upload = app.shadowRoot!.querySelector('csv-upload-step');
    const button = upload?.shadowRoot?.querySelector('button');
    return {
      background: style.backgroundColor,
      text: style.color,
      colorScheme: style.colorScheme,
      button: button ? getComputedStyle(button).backgroundColor : undefined,
    };
  });
}

/** Waits until the frame's app shows `scheme`'s background, then returns what it computes. */
async function schemeShown(frame: Frame, scheme: 'light' | 'dark') {
  await frame
    .waitForFunction(
      (background) =>
        getComputedStyle(document.querySelector('csv-importer-app')!).backgroundColor === background,
      COLOURS[scheme].background,
      { timeout: 5_000 },
    )
    .catch(() => {});
  return colours(frame);
}

/** Emulates the user's `prefers-color-scheme` for the page, as the DevTools protocol does. */
async function prefer(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: scheme });
}

for (const mode of ['srcdoc', 'hosted', 'embed'] as const) {
  describe(`color scheme through the theme API (${mode} mode)`, () => {
    test("colorScheme 'dark' darkens the UI inside the frame, and axe-core finds no violation", async () => {
      const page = await e2e.browser.newPage();
      const frame = await openThemed(page, mode, 'dark');
      const shown = await schemeShown(frame, 'dark');
      assert.equal(shown.background, COLOURS.dark.background);
      assert.equal(shown.text, COLOURS.dark.text);
      assert.equal(shown.colorScheme, 'dark');
      assert.notEqual(shown.button, undefined);
      assert.notEqual(shown.button, 'rgb(246, 248, 250)', "a button keeps the light theme's surface");
      const violations = await axe(frame);
      assert.deepEqual(
        violations.map((v) => `${v.id}: ${v.help} ${v.nodes.join(' ')}`),
        [],
      );
      await page.close();
    });

    test("colorScheme 'auto' follows the host's prefers-color-scheme, also when it changes while open", async () => {
      const page = await e2e.browser.newPage();
      await prefer(page, 'dark');
      const frame = await openThemed(page, mode, 'auto');
      const dark = await schemeShown(frame, 'dark');
      assert.deepEqual(
        [dark.background, dark.text, dark.colorScheme],
        [...Object.values(COLOURS.dark), 'dark'],
      );
      await prefer(page, 'light');
      assert.equal((await schemeShown(frame, 'light')).background, COLOURS.light.background);
      await prefer(page, 'dark');
      assert.equal((await schemeShown(frame, 'dark')).background, COLOURS.dark.background);
      await page.close();
    });
  });
}

describe('color scheme through the theme API, changed while open', () => {
  test("a new theme switches dark to light without reopening; 'light' wins over a dark preference", async () => {
    const page = await e2e.browser.newPage();
    await prefer(page, 'dark');
    const frame = await openThemed(page, 'srcdoc', 'dark');
    assert.equal((await schemeShown(frame, 'dark')).background, COLOURS.dark.background);
    await page.evaluate(() => {
      document.querySelector('csv-importer')!.theme = { colorScheme: 'light' };
    });
    const shown = await schemeShown(frame, 'light');
    assert.equal(shown.background, COLOURS.light.background);
    assert.equal(shown.colorScheme, 'light');
    await page.close();
  });
});
