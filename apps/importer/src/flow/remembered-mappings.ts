import type { ColumnSpec } from '@csv-importer/core';
import type { SavedMappings } from '@csv-importer/protocol';
import { applySavedColumns, mergeSaved, savedMappings } from '../steps/match/saved-mappings.ts';
import type { LoadSummary, Mapping, ValueMapping } from '../worker/session-types.ts';

/**
 * The column and value choices a file's matching starts from: the host's remembered mappings
 * (`init.options.mappings`), then the choices the user made for an earlier file of this session
 * (kept when they go back to upload, in the frame's memory only, never in storage). Each applies
 * where the file has the same header or value; the fields they gave a column are marked.
 */
export class RememberedMappings {
  readonly #fromHost: () => SavedMappings | undefined;
  /** The user's column and value choices, kept when they go back to upload, for the next file. */
  #session: SavedMappings | undefined;
  /** The remembered mappings this file starts from: the host's, then this session's. */
  #saved: SavedMappings | undefined;
  /** Fields whose column came from remembered mappings, this file. */
  fields: ReadonlySet<string> = new Set();

  constructor(fromHost: () => SavedMappings | undefined) {
    this.#fromHost = fromHost;
  }

  /** The remembered value mappings, per field, for this file. */
  get values(): Readonly<Record<string, Readonly<Record<string, string>>>> {
    return this.#saved?.values ?? {};
  }

  /** The engine's suggestion for the file, remembered columns applied over it. */
  suggest(
    summary: LoadSummary,
    columns: readonly ColumnSpec[],
  ): { mapping: Record<string, number | null>; remembered: Set<string> } {
    const mapping: Record<string, number | null> = {};
    for (const column of columns) mapping[column.key] = null;
    for (const match of summary.suggestions) mapping[match.key] = match.fileColumn;
    this.#saved = mergeSaved(this.#fromHost(), this.#session);
    return applySavedColumns(summary.headers, columns, mapping, this.#saved);
  }

  /** The mapping the flow goes on with (after the host's hook): remembered fields it kept stay marked. */
  settle(applied: { mapping: Mapping; remembered: ReadonlySet<string> }, mapping: Mapping): void {
    this.fields = new Set([...applied.remembered].filter((k) => mapping[k] === applied.mapping[k]));
  }

  /** The user went back to upload: another file starts from what they chose for this one. */
  keep(headers: readonly string[], mapping: Mapping, values: ValueMapping): void {
    this.#session = mergeSaved(this.#session, savedMappings(headers, mapping, values));
  }
}
