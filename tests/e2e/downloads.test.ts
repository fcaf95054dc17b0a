import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { encodeEmbedConfig } from '@csv-importer/protocol';
import Papa from 'papaparse';
import type { Download, Frame, Page } from 'playwright-core';
import type { CsvImporterDownloadEvent } from '../../packages/element/src/events.ts';
import { CONTACT_COLUMNS } from '../support/contacts.ts';
import { useBrowserAndServers } from '../support/e2e.ts';
import { FIXTURES } from '../support/servers.ts';
import { loadAndReview } from './importer-flow.ts';
import { openImporter, summary } from './importer-helpers.ts';

// The sandboxed frame may not download (no `allow-downloads`): the files the user asks for travel
// to the host page in a `save-file` message, and the page saves them. These tests catch the
// browser's real download in the host page and read the saved file.

const e2e = useBrowserAndServers({ hosted: true });

const CONTACTS = join(FIXTURES, 'contacts.csv');
const TEMPLATE = 'Download a template with the expected columns';
const EXPORT = 'Download rows with errors (CSV)';

async function elementPage(columns: readonly object[]): Promise<{ page: Page; frame: Frame }> {
  const page = await e2e.browser.newPage({ acceptDownloads: true });
  return { page, frame: await openImporter(page, e2e.host.url, { columns, hostPage: 'element.html' }) };
}

/** Clicks `button` in the frame and resolves with the download the host page started. */
async function download(page: Page, frame: Frame, button: string): Promise<Download> {
  const started = page.waitForEvent('download');
  await frame.getByRole('button', { name: button }).click();
  return started;
}

async function text(download: Download): Promise<string> {
  return readFile((await download.path())!, 'utf8');
}

describe('files the user asks for are saved by the host page', () => {
  test('the template download has the expected columns as its header row', async () => {
    const { page, frame } = await elementPage(CONTACT_COLUMNS);
    const saved = await download(page, frame, TEMPLATE);
    assert.equal(saved.suggestedFilename(), 'template.csv');
    assert.equal(
      await text(saved),
      'First name,Last name,E-mail,Phone,Date of birth,Country,Plan,Seats,Active,Notes\r\n',
    );
    await page.close();
  });

  test('"rows with errors" of contacts.csv holds exactly its two invalid rows, each with its problems', async () => {
    const { page, frame } = await elementPage(CONTACT_COLUMNS);
    await loadAndReview(frame, CONTACTS);
    await summary(frame, '11 rows, 2 with errors (2 errors).');
    const saved = await download(page, frame, EXPORT);
    assert.equal(saved.suggestedFilename(), 'rows-with-errors.csv');
    assert.equal(
      await text(saved),
      [
        'First name,Last name,E-mail,Phone,Date of birth,Country,Plan,Seats,Active,Notes,Problems',
        // The phone number starts with `+` but is data, not a formula: written as it is.
        'Linus,Torvalds,linus@,+358 9 1234567,1969-12-28,FI,free,1,no,missing domain in e-mail,E-mail: This is not a valid e-mail address.',
        ',Anonymous,anon@example.com,,,,free,,,no first name,First name: This field is required.',
        '',
      ].join('\r\n'),
    );
    await page.close();
  });

  test('each problem in "rows with errors" is the message the grid shows, its parameters filled in', async () => {
    const columns = CONTACT_COLUMNS.map((c) => (c.key === 'seats' ? { ...c, type: 'number', min: 0 } : c));
    const { page, frame } = await elementPage(columns);
    await loadAndReview(frame, CONTACTS);
    await summary(frame, '11 rows, 3 with errors (3 errors).');
    const lines = (await text(await download(page, frame, EXPORT))).split('\r\n');
    assert.equal(lines.length, 5, 'header, three rows, final line end');
    // Tim Berners-Lee's -3 seats (a signed number, not guarded) is under the column's minimum.
    assert.equal(
      lines[2],
      'Tim,Berners-Lee,tim@example.com,+44 20 7946 0000,not a date,GB,pro,-3,yes,negative seats,Seats: This value is too small (at least 0).',
    );
    await page.close();
  });

  test('cells that would start a formula are guarded in the saved file (CSV injection)', async () => {
    const payloads = [
      '=HYPERLINK("http://evil.example","click")',
      '+1',
      '-1',
      '@SUM(A1:A9)',
      '\tTAB first',
      '\rCR first',
      '=1+1',
      '-2+3',
      '\n=1+1',
      '  =SUM(A1)',
      ' \n@SUM(A1)',
    ];
    // Every row has an invalid address, so every row is in the export.
    const file = [
      'Name,E-mail,Note',
      ...payloads.map((payload, i) => Papa.unparse([[payload, `bad-${i}`, payloads.at(-1 - i)!]])),
    ].join('\r\n');
    const { page, frame } = await elementPage([
      { key: 'name', label: 'Name' },
      { key: 'email', label: 'E-mail', type: 'email', required: true },
      { key: 'note', label: 'Note' },
    ]);
    await loadAndReview(frame, { name: 'payloads.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await summary(
      frame,
      `${payloads.length} rows, ${payloads.length} with errors (${payloads.length} errors).`,
    );
    const saved = await text(await download(page, frame, EXPORT));

    const rows = Papa.parse<string[]>(saved, { skipEmptyLines: true }).data;
    assert.deepEqual(rows[0], ['Name', 'E-mail', 'Note', 'Problems']);
    assert.equal(rows.length, payloads.length + 1);
    // The parser reads every line end as LF, a lone CR too: a cell that started with CR in the
    // file starts with LF in the importer, which is guarded too.
    const imported = (payload: string) => payload.replace(/^\r/, '\n');
    // Signed numbers are data, not formulas: written as they are, so the file reads back unchanged.
    const data = new Set(['+1', '-1']);
    const guarded = (payload: string) => (data.has(payload) ? payload : `'${imported(payload)}`);
    for (const [i, payload] of payloads.entries()) {
      const [name, , note] = rows[i + 1]!;
      // The user's text, behind a quote that keeps a spreadsheet from evaluating it.
      assert.equal(name, guarded(payload));
      assert.equal(note, guarded(payloads.at(-1 - i)!));
    }
    for (const cell of rows.flat().filter((cell) => !data.has(cell)))
      assert.doesNotMatch(cell, /^(?:\n|[ \n]*[=+\-@\t\r])/);
    await page.close();
  });

  test('a listener that calls preventDefault gets the file and the element saves nothing', async () => {
    const { page, frame } = await elementPage(CONTACT_COLUMNS);
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    await page.evaluate(() => {
      const taken: unknown[] = [];
      (window as unknown as { taken: unknown[] }).taken = taken;
      // On the document: the event bubbles out of the element.
      document.addEventListener('csv-importer-download', (event) => {
        const { fileName, mimeType, text, cancelable, composed } = event as CsvImporterDownloadEvent;
        taken.push({ fileName, mimeType, text, cancelable, composed });
        if (fileName === 'template.csv') event.preventDefault();
      });
    });
    await frame.getByRole('button', { name: TEMPLATE }).click();
    await page.waitForFunction(() => (window as unknown as { taken: unknown[] }).taken.length === 1);

    // A second file, not prevented, is saved; it is the first download the browser saw.
    await loadAndReview(frame, CONTACTS);
    const saved = await download(page, frame, EXPORT);
    assert.deepEqual(downloads, ['rows-with-errors.csv']);
    const taken = await page.evaluate(() => (window as unknown as { taken: { text: string }[] }).taken);
    assert.deepEqual(taken[0], {
      fileName: 'template.csv',
      mimeType: 'text/csv',
      text: 'First name,Last name,E-mail,Phone,Date of birth,Country,Plan,Seats,Active,Notes\r\n',
      cancelable: true,
      composed: true,
    });
    assert.equal(taken[1]!.text, await text(saved));
    await page.close();
  });

  test('embed URL mode: the frame posts csv-importer:save-file to the parent origin, which saves it', async () => {
    const page = await e2e.browser.newPage({ acceptDownloads: true });
    await page.goto(`${e2e.host.url}/embed.html`);
    const url = `${e2e.hosted.url}/#config=${encodeEmbedConfig({
      version: 1,
      parentOrigin: e2e.host.url,
      columns: CONTACT_COLUMNS as never,
    })}`;
    await page.evaluate((importer) => {
      // What docs/protocol.md tells a host without our script to do.
      addEventListener('message', (event) => {
        if (event.origin !== new URL(importer).origin) return;
        const { type, fileName, mimeType, text } = event.data ?? {};
        if (type !== 'csv-importer:save-file') return;
        const href = URL.createObjectURL(new Blob([text], { type: mimeType }));
        const link = Object.assign(document.createElement('a'), { href, download: fileName });
        link.click();
        setTimeout(() => URL.revokeObjectURL(href), 0);
      });
      (window as unknown as { embed(u: string): void }).embed(importer);
    }, url);
    const frame = (await (await page.waitForSelector('#importer')).contentFrame())!;
    await frame.waitForSelector('input[type=file]');
    const saved = await download(page, frame, TEMPLATE);
    assert.equal(saved.suggestedFilename(), 'template.csv');
    assert.equal(
      await text(saved),
      'First name,Last name,E-mail,Phone,Date of birth,Country,Plan,Seats,Active,Notes\r\n',
    );
    await page.close();
  });
});
