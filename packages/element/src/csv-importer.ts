import { CsvImporter } from './csv-importer.component.ts';
import type { CsvImporterEventMap } from './events.ts';
import { FRAME_HTML } from './frame-html.generated.ts';

// The importer document every srcdoc frame shows; the hosted-mode loader registers without it.
CsvImporter.frameHtml ??= FRAME_HTML;

// Guarded so that the script-tag build and an ESM import on the same page never double-define.
if (!customElements.get('csv-importer')) customElements.define('csv-importer', CsvImporter);

declare global {
  interface HTMLElementTagNameMap {
    'csv-importer': CsvImporter;
  }
  interface HTMLElementEventMap extends CsvImporterEventMap {}
}
