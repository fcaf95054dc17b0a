// Snippet context: the application's own function that stores imported rows.
import type { ImportedRow } from '@csv-importer/element';

export declare function save(rows: readonly ImportedRow[]): void;
