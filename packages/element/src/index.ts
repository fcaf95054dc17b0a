import './csv-importer.ts';

export {
  CsvImporter,
  hostThemeProperty,
  type ImporterColumn,
  type ImporterMetadata,
} from './csv-importer.component.ts';
export {
  CsvImporterCancelEvent,
  CsvImporterCloseEvent,
  CsvImporterCompleteEvent,
  CsvImporterDownloadEvent,
  CsvImporterErrorEvent,
  type CsvImporterEventMap,
  CsvImporterMessageEvent,
  CsvImporterProgressEvent,
  CsvImporterRowsEvent,
  type ImportedColumns,
  type ImportedRow,
  type ImporterErrorCode,
  type ImportIssue,
  type ImportMeta,
} from './events.ts';
export type { ColumnValidator, HookFinding, HookResult, HookRow, ImporterHooks } from './hooks.ts';
export { type LocaleCatalog, registerLocale } from './locales.ts';
export type {
  CsvImporterAttributes,
  CsvImporterEventProps,
  CsvImporterProperties,
  CsvImporterTemplateEvents,
} from './template-types.ts';
