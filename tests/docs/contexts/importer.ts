// Snippet context: a `<csv-importer>` already on the page.
import type { CsvImporter } from '@csv-importer/element';

export declare const importer: CsvImporter;
