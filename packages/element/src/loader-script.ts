// The hosted-mode loader as one file for a script tag: registers `<csv-importer>` (loader.ts)
// and sets the `CsvImporterElement` global to `{ CsvImporter, hostThemeProperty }`. A plain
// object rather than esbuild's `globalName`, whose getters and interop helpers cost about 270
// bytes gzipped, and without the event classes (60 bytes more), which a page that loads this
// file reads by event name; the ES module (loader.ts) exports them all. Both under the loader's
// 12 KB budget.
import { CsvImporter, hostThemeProperty } from './loader.ts';

(globalThis as { CsvImporterElement?: object }).CsvImporterElement = { CsvImporter, hostThemeProperty };
