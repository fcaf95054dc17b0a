import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { repeatedDeflate, zip } from '../../../../tests/support/zip.ts';
import { WorkbookError } from './workbook-limits.ts';
import { ZipArchive } from './zip-archive.ts';

const KIB = 1024;
const MIB = 1024 * KIB;
/** The compressed bytes `inflate` writes at a time (zip-archive.ts). */
const PUSH = 16 * KIB;
const LIMIT = { maxBytes: 256 * MIB, maxRatio: 1000, what: 'sheet' };

/** What the platform's inflater was given and gave back, counted around the real one. */
const seen = { written: 0, inflated: 0, aborted: signal() };

/** A promise with its resolve function. */
function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve = () => {};
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
const Platform = globalThis.DecompressionStream;

class CountingDecompressionStream {
  readonly writable: WritableStream<BufferSource>;
  readonly readable: ReadableStream<Uint8Array>;
  constructor(format: CompressionFormat) {
    const inner = new Platform(format);
    const writer = inner.writable.getWriter();
    this.writable = new WritableStream<BufferSource>({
      write(chunk) {
        seen.written += chunk.byteLength;
        return writer.write(chunk);
      },
      close: () => writer.close(),
      abort: (reason) => {
        seen.aborted.resolve();
        return writer.abort(reason);
      },
    });
    this.readable = inner.readable.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          seen.inflated += chunk.length;
          controller.enqueue(chunk);
        },
      }),
    );
  }
}

const refused = (code: string, message: RegExp) => (e: unknown) => {
  assert.ok(e instanceof WorkbookError, `not a WorkbookError: ${e}`);
  assert.equal(e.code, code, e.message);
  assert.match(e.message, message);
  return true;
};

/** Inflates the archive's one entry to its end, returning the bytes the sink received. */
async function inflateAll(bytes: Uint8Array, name = 'part.xml'): Promise<number> {
  const archive = new ZipArchive(bytes, 10);
  let received = 0;
  for await (const _ of archive.inflate(archive.entry(name)!, LIMIT, (b) => (received += b.length)));
  return received;
}

describe('ZipArchive.inflate on the platform inflater', () => {
  beforeEach(() => {
    seen.written = 0;
    seen.inflated = 0;
    seen.aborted = signal();
    globalThis.DecompressionStream = CountingDecompressionStream as unknown as typeof DecompressionStream;
  });
  afterEach(() => {
    globalThis.DecompressionStream = Platform;
  });

  test('a part inflates whole, in pushes of 16 KiB, each followed by a step for the caller', async () => {
    const data = Buffer.from(
      Array.from({ length: 40_000 }, (_, i) => `<c r="A${i}"><v>${i * 7}</v></c>`).join(''),
    );
    const archive = new ZipArchive(zip([{ name: 'part.xml', data }]), 10);
    const entry = archive.entry('part.xml')!;
    const pieces: Buffer[] = [];
    const steps: number[] = [];
    for await (const at of archive.inflate(entry, LIMIT, (b) => pieces.push(Buffer.from(b)))) steps.push(at);
    assert.ok(Buffer.concat(pieces).equals(data));
    assert.equal(steps.length, Math.ceil(entry.compressedSize / PUSH));
    assert.equal(steps.at(-1), entry.compressedSize);
  });

  test('an archive that lies about its size is refused after one push: no more is written to the inflater', async () => {
    // 1 GiB of zeros in about 1 MiB of deflate data, declared as 1,000 bytes.
    const deflated = repeatedDeflate(Buffer.alloc(MIB), 1024);
    const bytes = zip([{ name: 'part.xml', data: Buffer.alloc(0), deflated, declaredSize: 1000 }]);
    await assert.rejects(inflateAll(bytes), refused('corrupt', /expands beyond the 1,000 bytes it declares/));
    assert.ok(seen.written <= 2 * PUSH, `${seen.written} compressed bytes written after the refusal`);
    assert.ok(seen.inflated < 64 * MIB, `${seen.inflated} bytes inflated`);
    // The inflater's stream is aborted (the test's timeout bounds the wait).
    await seen.aborted.promise;
  });

  test('past the part limit the refusal is too_large, with the bytes counted so far', async () => {
    const deflated = repeatedDeflate(Buffer.alloc(MIB), 1024);
    const bytes = zip([{ name: 'part.xml', data: Buffer.alloc(0), deflated, declaredSize: 8 * MIB }]);
    const archive = new ZipArchive(bytes, 10);
    const limited = archive.inflate(archive.entry('part.xml')!, { ...LIMIT, maxBytes: 8 * MIB }, () => {});
    await assert.rejects(
      (async () => {
        for await (const _ of limited);
      })(),
      refused(
        'too_large',
        /sheet \(part\.xml\) would expand to [\d,]+ bytes; the importer reads at most 8,388,608/,
      ),
    );
    assert.ok(seen.written <= 2 * PUSH, `${seen.written} compressed bytes written`);
  });

  test('a read left early writes nothing more to the inflater', async () => {
    const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => `${i * 7919},`).join(''));
    const archive = new ZipArchive(zip([{ name: 'part.xml', data }]), 10);
    const entry = archive.entry('part.xml')!;
    assert.ok(entry.compressedSize > 4 * PUSH, 'the part takes several pushes');
    for await (const _ of archive.inflate(entry, LIMIT, () => {})) break;
    const written = seen.written;
    assert.ok(written <= PUSH, `${written} bytes written before leaving`);
    await seen.aborted.promise;
    assert.equal(seen.written, written, 'nothing written after leaving');
  });

  test('a sink that throws stops the inflating with its own error', async () => {
    const data = Buffer.from(Array.from({ length: 200_000 }, (_, i) => `${i * 7919},`).join(''));
    const archive = new ZipArchive(zip([{ name: 'part.xml', data }]), 10);
    const stopHere = new Error('enough');
    await assert.rejects(
      (async () => {
        for await (const _ of archive.inflate(archive.entry('part.xml')!, LIMIT, () => {
          throw stopHere;
        }));
      })(),
      (e) => e === stopHere,
    );
    assert.ok(seen.written <= PUSH, `${seen.written} compressed bytes written`);
  });

  test('deflate data that is damaged or cut short is a clear "damaged" error naming the part', async () => {
    const garbage = Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x01, 0x02, 0x03]);
    await assert.rejects(
      inflateAll(zip([{ name: 'part.xml', data: Buffer.alloc(0), deflated: garbage, declaredSize: 100 }])),
      refused('corrupt', /^The workbook is damaged and cannot be read \(part\.xml: /),
    );
    const whole = repeatedDeflate(Buffer.from('abc'.repeat(1000)), 20);
    const cut = whole.subarray(0, whole.length - 8);
    await assert.rejects(
      inflateAll(zip([{ name: 'part.xml', data: Buffer.alloc(0), deflated: cut, declaredSize: 60_000 }])),
      refused('corrupt', /^The workbook is damaged and cannot be read \(part\.xml/),
    );
    const short = repeatedDeflate(Buffer.from('abc'), 1);
    await assert.rejects(
      inflateAll(zip([{ name: 'part.xml', data: Buffer.alloc(0), deflated: short, declaredSize: 10 }])),
      refused('corrupt', /part\.xml ends before its declared size/),
    );
  });
});
