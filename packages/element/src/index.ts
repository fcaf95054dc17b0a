import './csv-importer.ts';

export { CsvImporter, type ImporterColumn } from './csv-importer.component.ts';
export {
  CsvImporterCloseEvent,
  CsvImporterCompleteEvent,
  CsvImporterErrorEvent,
  type CsvImporterEventMap,
  type ImportedRow,
  type ImportIssue,
  type ImportMeta,
} from './events.ts';
