// `<csv-importer>` in Svelte 5 templates, for svelte-check: `import type {} from
// '@csv-importer/element/svelte'` once (or `import '@csv-importer/element/svelte'`). Svelte sets a
// prop the element defines as that property; `on` + an exact event name adds a listener.
import type { HTMLAttributes } from 'svelte/elements';
import type {
  CsvImporter,
  CsvImporterAttributes,
  CsvImporterEventProps,
  CsvImporterProperties,
} from './csv-importer.js';

declare module 'svelte/elements' {
  export interface SvelteHTMLElements {
    'csv-importer': HTMLAttributes<CsvImporter> &
      CsvImporterProperties &
      CsvImporterAttributes &
      CsvImporterEventProps;
  }
}
