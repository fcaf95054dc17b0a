// `<csv-importer>` in Vue 3 templates, for vue-tsc: `import type {} from
// '@csv-importer/element/vue'` once (or `import '@csv-importer/element/vue'`). Vue reads a
// component's props from `$props` and its events from `$emit`; for a custom element, those
// describe the element's properties and events.
import type { AllowedComponentProps, ComponentCustomProps, EmitFn, HTMLAttributes, VNodeProps } from 'vue';
import type {
  CsvImporter,
  CsvImporterAttributes,
  CsvImporterProperties,
  CsvImporterTemplateEvents,
} from './csv-importer.js';

type CsvImporterEmits = {
  [K in keyof CsvImporterTemplateEvents]: (event: CsvImporterTemplateEvents[K]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'csv-importer': new () => CsvImporter & {
      /** @deprecated For template type-checking only; not a property of the element. */
      $props: HTMLAttributes &
        CsvImporterProperties &
        CsvImporterAttributes &
        AllowedComponentProps &
        VNodeProps &
        ComponentCustomProps;
      /** @deprecated For template type-checking only; not a method of the element. */
      $emit: EmitFn<CsvImporterEmits>;
    };
  }
}
