import type {
  CsvImporter,
  CsvImporterCloseEvent,
  CsvImporterCompleteEvent,
  CsvImporterDownloadEvent,
  CsvImporterErrorEvent,
  CsvImporterProgressEvent,
  CsvImporterRowsEvent,
} from '@csv-importer/element';
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

// React 19 passes a custom element's props through as they are: a prop the element defines as a
// property is set as that property, and `on` + an exact event name adds a listener for that event.
declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'csv-importer': DetailedHTMLProps<HTMLAttributes<CsvImporter>, CsvImporter> & {
        columns?: CsvImporter['columns'];
        locale?: string;
        'oncsv-importer-complete'?: (event: CsvImporterCompleteEvent) => void;
        'oncsv-importer-error'?: (event: CsvImporterErrorEvent) => void;
        'oncsv-importer-close'?: (event: CsvImporterCloseEvent) => void;
        'oncsv-importer-rows'?: (event: CsvImporterRowsEvent) => void;
        'oncsv-importer-progress'?: (event: CsvImporterProgressEvent) => void;
        'oncsv-importer-download'?: (event: CsvImporterDownloadEvent) => void;
      };
    }
  }
}
