import type { LEGACY_READERS as Readers } from './legacy-readers.ts';

/** Stands in for `legacy-readers.ts` in the default build, which reads CSV, TSV and XLSX only. */
export const LEGACY_READERS: typeof Readers | null = null;
