// The hosted-mode loader: `<csv-importer src="https://importer.example/">` without the embedded
// importer document, for pages that load the importer from its own origin. Same API as index.ts.
import { CsvImporter } from './csv-importer.component.ts';
import type { CsvImporterEventMap } from './events.ts';

if (!customElements.get('csv-importer')) customElements.define('csv-importer', CsvImporter);

export {
  CsvImporter,
  hostThemeProperty,
  type ImporterColumn,
  type ImporterMetadata,
} from './csv-importer.component.ts';
export * from './events.ts';
export type * from './hooks.ts';
export type * from './template-types.ts';

declare global {
  interface HTMLElementTagNameMap {
    'csv-importer': CsvImporter;
  }
  interface HTMLElementEventMap extends CsvImporterEventMap {}
}
