// The playground lets a visitor switch between every language, so it adds every catalog, as a
// host would with `registerLocale` and the element's locale modules (here from their sources).
import { registerLocale } from '@csv-importer/element';
import { ALL_CATALOGS } from '../../importer/src/i18n/all-catalogs.ts';

for (const [language, messages] of Object.entries(ALL_CATALOGS)) {
  if (language !== 'en') registerLocale({ language, messages });
}
