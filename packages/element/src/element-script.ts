// The script-tag bundle's entry (csv-importer.iife.js, and the full variant's): registers
// `<csv-importer>` (index.ts) and sets the `CsvImporterElement` global to a plain object of every
// value index.ts exports, rather than esbuild's `globalName`, whose getters and interop helpers
// cost about 0.3 KB gzip. The ES module (index.ts) exports the same values.
import {
  CsvImporter,
  CsvImporterCancelEvent,
  CsvImporterCloseEvent,
  CsvImporterCompleteEvent,
  CsvImporterDownloadEvent,
  CsvImporterErrorEvent,
  CsvImporterMessageEvent,
  CsvImporterProgressEvent,
  CsvImporterRowsEvent,
  hostThemeProperty,
  registerLocale,
} from './index.ts';

(globalThis as { CsvImporterElement?: object }).CsvImporterElement = {
  CsvImporter,
  CsvImporterCancelEvent,
  CsvImporterCloseEvent,
  CsvImporterCompleteEvent,
  CsvImporterDownloadEvent,
  CsvImporterErrorEvent,
  CsvImporterMessageEvent,
  CsvImporterProgressEvent,
  CsvImporterRowsEvent,
  hostThemeProperty,
  registerLocale,
};
