import type { Catalog } from '@csv-importer/protocol';

// The catalogs a host added, shared by every copy of the element on the page (the script-tag
// build, an ESM import) and by the locale companion scripts, which register themselves without
// loading the element: a property of the global object, in whichever order the scripts ran.

/** A locale's messages, as a locale companion file exports it. */
export type LocaleCatalog = Catalog;

const REGISTRY = 'CsvImporterLocales';
type Registry = Record<string, LocaleCatalog>;

function registry(): Registry {
  const global = globalThis as unknown as Record<string, Registry | undefined>;
  global[REGISTRY] ??= Object.create(null) as Registry;
  return global[REGISTRY];
}

/**
 * Adds a locale's messages for every `<csv-importer>` on the page: the importer shows them when
 * its `locale` is in that language. `import de from '@csv-importer/element/locales/de'`, then
 * `registerLocale(de)`; a script-tag page loads `locales/de.iife.js` instead, which registers
 * itself. The catalog crosses into the frame as data and is checked there.
 */
export function registerLocale(catalog: LocaleCatalog): void {
  if (typeof catalog?.language !== 'string' || typeof catalog.messages !== 'object' || !catalog.messages)
    throw new TypeError('registerLocale: expected { language, messages }, as a locale file exports it');
  if (!/^[a-z]{2,8}$/.test(catalog.language))
    throw new TypeError(
      `registerLocale: "${catalog.language}" is not a language subtag such as "de" (lower case, no region)`,
    );
  registry()[catalog.language] = catalog;
}

/** The catalog a host added for `language`, if any. */
export function registeredLocale(language: string): LocaleCatalog | undefined {
  return registry()[language];
}
