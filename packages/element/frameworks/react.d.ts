// `<csv-importer>` in React 19 JSX: `import type {} from '@csv-importer/element/react'` once (or
// `import '@csv-importer/element/react'`). React 19 sets a prop the element defines as that
// property and adds `on` + an exact event name as a listener; these types say which.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type {
  CsvImporter,
  CsvImporterAttributes,
  CsvImporterEventProps,
  CsvImporterProperties,
} from './csv-importer.js';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'csv-importer': DetailedHTMLProps<HTMLAttributes<CsvImporter>, CsvImporter> &
        CsvImporterProperties &
        CsvImporterAttributes &
        CsvImporterEventProps;
    }
  }
}
