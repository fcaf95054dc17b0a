import type { AnyRow, CsvImporter } from './csv-importer.component.ts';
import type { CsvImporterCompleteEvent, CsvImporterEventMap, CsvImporterRowsEvent } from './events.ts';

/**
 * The properties a framework's template sets on `<csv-importer>` (Vue `.columns`, Angular
 * `[columns]`, Svelte and React 19 `columns={…}`): the element's own, so a wrong value (`columns={42}`)
 * is a type error in each framework's checker. The template typings of the package
 * (`@csv-importer/element/vue`, `/svelte`, `/react`) are built from these.
 */
export type CsvImporterProperties = Partial<
  Pick<
    CsvImporter,
    | 'columns'
    | 'hooks'
    | 'theme'
    | 'metadata'
    | 'messages'
    | 'locale'
    | 'display'
    | 'maxRows'
    | 'maxFileSize'
    | 'accept'
    | 'src'
    | 'invalidRows'
    | 'includeUnmatched'
    | 'largeFile'
    | 'streamRows'
    | 'batchSize'
    | 'debug'
    | 'hookTimeoutMs'
    | 'ackTimeoutMs'
    | 'startTimeoutMs'
  >
>;

/** The element's attributes, as markup writes them. */
export interface CsvImporterAttributes {
  open?: boolean;
  'max-rows'?: number | string;
  'max-file-size'?: number | string;
  'invalid-rows'?: CsvImporter['invalidRows'];
  'include-unmatched'?: boolean;
  'large-file'?: boolean;
  'stream-rows'?: boolean;
  'batch-size'?: number | string;
}

/**
 * Every event by name, with what its handler receives; the complete and rows events carry rows of
 * any type, so a handler declared for the application's rows (`CsvImporterCompleteEvent<Contact>`)
 * is accepted, and one for another event is not.
 */
export type CsvImporterTemplateEvents = Omit<
  CsvImporterEventMap,
  'csv-importer-complete' | 'csv-importer-rows'
> & {
  'csv-importer-complete': CsvImporterCompleteEvent<AnyRow>;
  'csv-importer-rows': CsvImporterRowsEvent<AnyRow>;
};

/** Handlers as React 19 and Svelte 5 take them: `on` + the event's exact name. */
export type CsvImporterEventProps = {
  [K in keyof CsvImporterTemplateEvents as `on${K}`]?: (event: CsvImporterTemplateEvents[K]) => void;
};
