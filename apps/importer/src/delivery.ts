import type { Complete } from '@csv-importer/protocol';
import type * as Comlink from 'comlink';
import type { HostConnection } from './host-connection.ts';
import type { ImportSession } from './worker/import-session.ts';

/**
 * Hands the validated rows to the host. The UI calls only this; how rows travel (one message
 * today, acknowledged batches later) stays behind it.
 */
export async function deliverRows(
  host: HostConnection,
  session: Comlink.Remote<ImportSession>,
  meta: Omit<Complete['meta'], 'rowCount'>,
): Promise<{ rowCount: number }> {
  const { rows, issues } = await session.result();
  host.send({ type: 'complete', rows, issues, meta: { ...meta, rowCount: rows.length } });
  return { rowCount: rows.length };
}
