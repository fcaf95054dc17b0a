import { type Catalog, en } from './catalogs/en.ts';

// The catalogs the default srcdoc frame is built with: English only, so that the script-tag
// bundle stays small; a host adds another language's catalog, which arrives in `init`. The
// hosted site and the full variant are built with all-catalogs.ts in this module's place
// (scripts/frame-build.mjs, `withAllCatalogs`).

/** The catalogs compiled into this frame, by language. */
export const BUILT_IN_CATALOGS: Readonly<Record<string, Catalog>> = { en };
