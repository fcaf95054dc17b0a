import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe, test } from 'node:test';
import {
  DecodeError,
  decodeFile,
  detectEncoding,
  LOW_CONFIDENCE,
  plausibility,
  sniffFile,
} from './decode.ts';

const fixture = async (name: string) => new Uint8Array(await readFile(`tests/fixtures/${name}`));
async function readAll(stream: ReadableStream<string>): Promise<string> {
  let out = '';
  for await (const chunk of stream as unknown as AsyncIterable<string>) out += chunk;
  return out;
}
const decodeError = (code: string) => (e: unknown) => e instanceof DecodeError && e.code === code;

describe('decoding', () => {
  test('windows-1252 bytes are detected and decode Jürgen, Ångström, Tromsø', async () => {
    const bytes = await fixture('sales-de-windows1252.csv');
    assert.equal(detectEncoding(bytes).encoding, 'windows-1252');
    const decoded = await decodeFile(new Blob([bytes]));
    const text = await readAll(decoded.text);
    for (const name of ['Jürgen', 'Ångström', 'Tromsø', 'Besançon', 'Groß'])
      assert.ok(text.includes(name), name);
  });

  test('UTF-16 LE with BOM (Excel "Unicode Text") decodes Łukasz and 李雷', async () => {
    const bytes = await fixture('unicode-text-utf16le.txt');
    assert.deepEqual(detectEncoding(bytes), { encoding: 'utf-16le', bom: true, confidence: 100 });
    const text = await readAll((await decodeFile(new Blob([bytes]))).text);
    assert.ok(text.startsWith('Name\tCity'), 'BOM stripped');
    assert.ok(text.includes('Łukasz') && text.includes('李雷'));
  });

  test('UTF-16 BE by BOM, and UTF-16 without BOM by its NUL pattern', async () => {
    const le = new Uint8Array(Buffer.from('Name,City\nZoë,Köln\n', 'utf16le'));
    const be = le.slice();
    for (let i = 0; i < be.length; i += 2) [be[i], be[i + 1]] = [be[i + 1]!, be[i]!];
    assert.equal(detectEncoding(new Uint8Array([0xfe, 0xff, ...be])).encoding, 'utf-16be');
    assert.equal(
      await readAll((await decodeFile(new Blob([new Uint8Array([0xfe, 0xff]), be]))).text),
      'Name,City\nZoë,Köln\n',
    );
    assert.equal(detectEncoding(le).encoding, 'utf-16le');
    assert.equal(detectEncoding(be).encoding, 'utf-16be');
  });

  test('UTF-8 with BOM: the BOM is not part of the text', async () => {
    const decoded = await decodeFile(new Blob([await fixture('inventory-bom-preamble.csv')]));
    assert.equal(decoded.detected.bom, true);
    assert.ok((await readAll(decoded.text)).startsWith('Export generated'));
  });

  test('UTF-8 without BOM, with a multi-byte character cut at the end of the sniffed head', () => {
    const text = `${'a'.repeat(65535)}é`;
    assert.equal(detectEncoding(new TextEncoder().encode(text)).encoding, 'utf-8');
  });

  test('Cyrillic windows-1251 is told apart from windows-1252 (given a few lines of text)', () => {
    const text =
      'Имя;Город;Комментарий\nИван;Москва;Это простой текст на русском языке\nПётр;Санкт-Петербург;который должен быть распознан\nМария;Новосибирск;как кириллица в кодировке windows-1251\n';
    const bytes = new Uint8Array(
      [...text].map((ch) => {
        const code = ch.charCodeAt(0);
        if (code < 128) return code;
        if (ch === 'ё') return 0xb8;
        return code - 0x410 + 0xc0;
      }),
    );
    assert.equal(detectEncoding(bytes).encoding, 'windows-1251');
  });

  test('the caller may override the detected encoding; the detection is still reported', async () => {
    const bytes = await fixture('sales-de-windows1252.csv');
    const decoded = await decodeFile(new Blob([bytes]), 'iso-8859-15');
    assert.equal(decoded.encoding, 'iso-8859-15');
    assert.equal(decoded.detected.encoding, 'windows-1252');
    await assert.rejects(decodeFile(new Blob([bytes]), 'ebcdic' as never), decodeError('unknown_encoding'));
  });

  test('not text: images, PDFs, archives and NUL-ridden bytes get not_text; an empty file empty_file', async () => {
    assert.throws(
      () => detectEncoding(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])),
      decodeError('not_text'),
    );
    assert.throws(() => detectEncoding(new TextEncoder().encode('%PDF-1.7\n')), decodeError('not_text'));
    const xlsx = await fixture('customers-two-sheets.xlsx');
    assert.throws(() => detectEncoding(xlsx), decodeError('not_text'));
    assert.throws(
      () => detectEncoding(new Uint8Array([1, 0, 0, 7, 0, 200, 3, 0, 0, 0, 9])),
      decodeError('not_text'),
    );
    assert.throws(() => detectEncoding(new Uint8Array()), decodeError('empty_file'));
  });

  test('bytes that are no text in the guessed legacy encoding get not_text; real Latin-1 text does not', () => {
    // 16 random bytes without control bytes: the likeliest reading leaves 0x81 undefined.
    const random = Uint8Array.from(Buffer.from('c67edfd69d8656816ca93ddc2bfc28fa', 'hex'));
    assert.throws(() => detectEncoding(random), decodeError('not_text'));
    const latin = Uint8Array.from(Buffer.from('name;city\r\nJürgen;Köln\r\nRené;Zürich\r\n', 'latin1'));
    assert.equal(detectEncoding(latin).encoding, 'windows-1252');
  });

  test('sniffFile tells text, XLSX, XLS and other binaries apart', async () => {
    assert.equal(sniffFile(await fixture('contacts.csv')), 'text');
    assert.equal(sniffFile(await fixture('customers-two-sheets.xlsx')), 'xlsx');
    assert.equal(sniffFile(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), 'xls');
    assert.equal(sniffFile(new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), 'binary');
    assert.equal(sniffFile(new Uint8Array()), 'empty');
  });

  test('a UTF-8 file with one invalid byte stays UTF-8: the byte becomes U+FFFD, the rest reads right', async () => {
    const bytes = await fixture('contacts-utf8-invalid-byte.csv');
    assert.deepEqual(detectEncoding(bytes), { encoding: 'utf-8', bom: false, confidence: 80 });
    const text = await readAll((await decodeFile(new Blob([bytes]))).text);
    assert.ok(text.includes('Jürgen Groß') && text.includes('Tromsø'));
    assert.ok(text.includes('Ren\uFFFD Dupont'));
  });

  test('legacy text with many bytes that are not UTF-8 is not taken for damaged UTF-8', async () => {
    assert.equal(detectEncoding(await fixture('sales-de-windows1252.csv')).encoding, 'windows-1252');
    // One valid UTF-8 pair by chance (Ã© in windows-1252) among the umlauts does not turn it.
    const latin = Uint8Array.from(
      Buffer.from('name;city\r\nJürgen;Köln\r\nRené;Zürich\r\nCafÃ©;Groß\r\n', 'latin1'),
    );
    assert.notEqual(detectEncoding(latin).encoding, 'utf-8');
  });

  test('a short Shift_JIS file is read as Shift_JIS, although chardet takes it for a Latin encoding', async () => {
    const bytes = await fixture('contacts-short-shift-jis.csv');
    const detected = detectEncoding(bytes);
    assert.equal(detected.encoding, 'shift_jis');
    assert.ok(detected.confidence >= LOW_CONFIDENCE, `confidence ${detected.confidence}`);
    const text = await readAll((await decodeFile(new Blob([bytes]))).text);
    assert.ok(text.startsWith('名前,メール') && text.includes('鈴木'));
  });

  test('where two encodings read the bytes as different, equally plausible text, the confidence is low', () => {
    // Turkish in windows-1254: Ayşe, İstanbul; in windows-1252 the same bytes read Ayþe, Ýstanbul.
    const turkish = Uint8Array.from(
      [...'Ad;Şehir\nAyşe;İstanbul\n'].map((c) => ({ Ş: 0xde, ş: 0xfe, İ: 0xdd })[c] ?? c.charCodeAt(0)),
    );
    const detected = detectEncoding(turkish);
    assert.ok(detected.confidence < LOW_CONFIDENCE, `confidence ${detected.confidence}`);
    assert.ok([detected.encoding, ...(detected.alternatives ?? [])].includes('windows-1254'));
  });

  test('plausibility: words in their script count for an encoding, symbol jumbles against it', () => {
    assert.equal(plausibility('Jürgen Groß, Zażółć, Москва, 山田'), 1);
    assert.ok(plausibility('Ž–¼,ƒ[ƒ‹') < 0);
    assert.ok(plausibility('Jьrgen') < 0);
  });

  test('a legacy file whose first 64 KB are plain ASCII is told by its last bytes', async () => {
    const ascii = `name;city\r\n${'Smith;London\r\n'.repeat(6_000)}`;
    const accents = 'Jürgen;Köln\r\nRené;Zürich\r\nFrançois;Besançon\r\n'.repeat(3_000);
    const bytes = Buffer.from(ascii + accents, 'latin1');
    assert.ok(bytes.length > 2 * 64 * 1024);
    const decoded = await decodeFile(new Blob([bytes]));
    assert.equal(decoded.encoding, 'windows-1252');
    const utf8 = Buffer.from(ascii + accents, 'utf8');
    assert.equal((await decodeFile(new Blob([utf8]))).encoding, 'utf-8');
  });
});
