/** What the grid's owner and its parts share: geometry, the active cell, the edit event. */

export const ROW_HEIGHT = 32;
export const HEADER_HEIGHT = 44;
export const COLUMN_WIDTH = 168;
export const ROW_HEADER_WIDTH = 92;
/** Browsers cap an element's height (Chromium near 33.5 million px); scroll is scaled above this. */
export const MAX_SCROLL_HEIGHT = 8_000_000;
/** The row header column, as a field index. */
export const ROW_HEADER = -1;

/** The cell the keyboard is on: a position in the view and a field index (-1: the row header). */
export interface ActiveCell {
  readonly position: number;
  readonly field: number;
}

export interface GridEditDetail {
  readonly row: number;
  /** The row's number as the grid shows it (its data row in the file, from 1). */
  readonly number: number;
  readonly position: number;
  readonly field: string;
  readonly value: string;
}

/** The cell being edited, the text its editor opened with, and whether it opened by typing. */
export interface EditingCell {
  readonly position: number;
  readonly field: number;
  readonly value: string;
  readonly typed: boolean;
}

/** Where the keyboard goes after an editor commits. */
export type EditorMove = 'down' | 'next' | 'previous' | 'stay';

export interface EditorCommitDetail {
  readonly value: string;
  readonly move: EditorMove;
}

/** The id of a cell's element in the grid's shadow root. */
export function cellId(position: number, field: number): string {
  return `cell-${position}-${field === ROW_HEADER ? 'h' : field}`;
}
