import { type NoteColumn, noteIssues } from '@csv-importer/protocol';
import type { ImportIssue } from './events.ts';

/** The packed notes of one delivered batch whose first row is `start` (see `NoteColumn`). */
export interface PackedNotes {
  readonly start: number;
  readonly notes: readonly NoteColumn[];
}

/**
 * Every issue of delivered batches as one list ordered by row: `issues` (the batches' `issues`,
 * in order) with the issues their packed notes stand for, a row's own issues before its notes.
 * The element builds this only when a listener reads `event.issues`, so a host that never does
 * pays nothing for a million notes.
 */
export function mergeIssues(issues: readonly ImportIssue[], packed: readonly PackedNotes[]): ImportIssue[] {
  if (packed.length === 0) return issues as ImportIssue[];
  const notes: ImportIssue[] = [];
  for (const { start, notes: columns } of packed)
    for (const note of noteIssues(columns, start)) notes.push(note);
  const merged: ImportIssue[] = new Array(issues.length + notes.length);
  let i = 0;
  let n = 0;
  for (let m = 0; m < merged.length; m++) {
    merged[m] =
      n >= notes.length || (i < issues.length && issues[i]!.row <= notes[n]!.row)
        ? issues[i++]!
        : notes[n++]!;
  }
  return merged;
}
