// Snippet context: what every framework example declares around its `<csv-importer>`
// (examples/*/src): the columns and the state kept after an import.
import type { ImportedRow, ImporterColumn } from '@csv-importer/element';

export type { CsvImporterCompleteEvent } from '@csv-importer/element';
export interface Imported {
  rows: readonly ImportedRow[];
  issueCount: number;
  fileName: string;
}
export declare const columns: ImporterColumn[];
