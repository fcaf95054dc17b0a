// Snippet context: a client-side database with a bulk insert (e.g. Dexie over IndexedDB).
import type { ImportedRow } from '@csv-importer/element';

export declare const db: { bulkAdd(rows: readonly ImportedRow[]): Promise<unknown> };
