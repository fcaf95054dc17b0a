import { ar } from './catalogs/ar.ts';
import { da } from './catalogs/da.ts';
import { de } from './catalogs/de.ts';
import { type Catalog, en } from './catalogs/en.ts';
import { es } from './catalogs/es.ts';
import { fi } from './catalogs/fi.ts';
import { fr } from './catalogs/fr.ts';
import { it } from './catalogs/it.ts';
import { nb } from './catalogs/nb.ts';
import { nl } from './catalogs/nl.ts';
import { pt } from './catalogs/pt.ts';
import { sv } from './catalogs/sv.ts';

// Every catalog the project ships: what the hosted site and the full variant are built with, in
// place of built-in-catalogs.ts, and what the locale companion files are made of.

/** The languages the project ships, by BCP 47 language subtag. */
export const ALL_CATALOGS: Readonly<Record<string, Catalog>> = {
  en,
  de,
  fr,
  es,
  pt,
  it,
  nl,
  sv,
  da,
  nb,
  fi,
  ar,
};
export { ALL_CATALOGS as BUILT_IN_CATALOGS };
