import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { ColumnSpec } from '@csv-importer/core';
import { ImportSession } from '../../apps/importer/src/worker/import-session.ts';
import type { Mapping, SessionOptions } from '../../apps/importer/src/worker/session-types.ts';
import { CONTACT_COLUMNS } from './contacts.ts';

/** A Blob whose stream hands out 64 KiB pieces, as a browser's File does, and counts them. */
export class CountingBlob extends Blob {
  pulled = 0;
  override stream(): ReadableStream<Uint8Array<ArrayBuffer>> {
    let offset = 0;
    return new ReadableStream({
      pull: async (controller) => {
        if (offset >= this.size) return controller.close();
        const piece = new Uint8Array(await this.slice(offset, offset + 64 * 1024).arrayBuffer());
        offset += piece.byteLength;
        this.pulled += piece.byteLength;
        controller.enqueue(piece);
      },
    });
  }
}

/** A file of `tests/fixtures` as the browser would hand it over. */
export async function fixture(name: string): Promise<File> {
  return new File([await readFile(`tests/fixtures/${name}`)], name);
}

/** A session with contacts.csv loaded and validated with the suggested mapping. */
export async function contacts(
  options: SessionOptions = {},
  columns: readonly ColumnSpec[] = CONTACT_COLUMNS,
) {
  const session = new ImportSession();
  session.configure(columns, options);
  const result = await session.load(await fixture('contacts.csv'));
  assert.ok(result.ok);
  const mapping: Record<string, number | null> = {};
  for (const c of columns) mapping[c.key] = null;
  for (const s of result.summary.suggestions) mapping[s.key] = s.fileColumn;
  const summary = session.validate(mapping);
  return { session, summary, mapping: mapping as Mapping, load: result.summary };
}

/** A session with `csv` loaded and every field read from the file column of its position. */
export async function sessionOf(csv: string, columns: readonly ColumnSpec[], options: SessionOptions = {}) {
  const session = new ImportSession();
  session.configure(columns, options);
  const loaded = await session.load(new File([csv], 'test.csv'));
  assert.ok(loaded.ok, loaded.ok ? '' : loaded.message);
  const summary = session.validate(Object.fromEntries(columns.map((c, i) => [c.key, i])));
  return { session, summary, load: loaded.summary };
}

/** The text of a cell in the grid's view. */
export const text = (session: ImportSession, position: number, field: number) =>
  session.window(position, 1).rows[0]!.cells[field]!.text;

/** Every delivered row as records, with its issues (numbered among delivered rows). */
export function delivered(session: ImportSession, start = 0, count = 1_000_000) {
  const batch = session.deliveryBatch(start, count, { encoding: 'records' });
  return { rows: batch.rows as Record<string, unknown>[], issues: batch.issues };
}
