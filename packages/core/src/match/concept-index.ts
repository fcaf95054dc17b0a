import { normalizeHeader } from './normalize.ts';

// How the dictionary's lines become the index headers are looked up in, and the packed form of
// the lines the frame's worker is built with: each name already normalized, names the index
// would skip left out. The two read into the same index, so matching is the same either way.

/** A dictionary name's concept, and whether the name is ambiguous (`~name`). */
export interface ConceptEntry {
  readonly concept: string;
  readonly weak: boolean;
}

/**
 * The dictionary by normalized name, in the lines' order: `concept: name|~name|…`. A name that
 * normalizes to nothing, or to a name met before, is skipped: the first line that has it wins.
 */
export function conceptIndex(lines: readonly string[]): Map<string, ConceptEntry> {
  const index = new Map<string, ConceptEntry>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    const concept = line.slice(0, colon);
    for (const raw of line.slice(colon + 1).split('|')) {
      const weak = raw.trim().startsWith('~');
      const key = normalizeHeader(weak ? raw.trim().slice(1) : raw);
      if (key === '' || index.has(key)) continue;
      index.set(key, { concept, weak });
    }
  }
  return index;
}

/**
 * `lines` as the index reads them, smaller: each name normalized (`Date de naissance` becomes
 * `datedenaissance`: no accents, spaces or capitals to escape and compress), and names the index
 * would skip left out. `conceptIndex` of the result equals `conceptIndex(lines)`.
 */
export function packConceptLines(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  return lines.map((line) => {
    const colon = line.indexOf(':');
    const names: string[] = [];
    for (const raw of line.slice(colon + 1).split('|')) {
      const weak = raw.trim().startsWith('~');
      const key = normalizeHeader(weak ? raw.trim().slice(1) : raw);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      names.push(weak ? `~${key}` : key);
    }
    return `${line.slice(0, colon)}:${names.join('|')}`;
  });
}
