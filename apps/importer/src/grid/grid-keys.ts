import { type ActiveCell, ROW_HEADER } from './grid-types.ts';

/** What a key's move needs to know about the grid. */
export interface MoveContext {
  readonly rtl: boolean;
  /** Rows one Page Up/Down moves. */
  readonly page: number;
  readonly total: number;
  readonly fields: number;
}

/**
 * The cell a navigation key moves to, by the ARIA grid pattern: arrows (mirrored right to left),
 * Page Up/Down, Home/End along the row (Home to the row header), Ctrl+Home/End to the first or
 * last row. `null` for any other key. The result is not clamped; `focusCell` clamps it.
 */
export function keyMove(event: KeyboardEvent, active: ActiveCell, context: MoveContext): ActiveCell | null {
  const { position, field } = active;
  const mod = event.ctrlKey || event.metaKey;
  const forward = context.rtl ? -1 : 1;
  switch (event.key) {
    case 'ArrowDown':
      return { position: position + 1, field };
    case 'ArrowUp':
      return { position: position - 1, field };
    case 'ArrowRight':
      return { position, field: field + forward };
    case 'ArrowLeft':
      return { position, field: field - forward };
    case 'PageDown':
      return { position: position + context.page, field };
    case 'PageUp':
      return { position: position - context.page, field };
    case 'Home':
      return mod ? { position: 0, field } : { position, field: ROW_HEADER };
    case 'End':
      return mod ? { position: context.total - 1, field } : { position, field: context.fields - 1 };
    default:
      return null;
  }
}

/** What a key that is no move does on a cell (not the row header). */
export type CellKey = 'edit' | 'clear' | 'type';

/**
 * Enter or F2 edits the cell's text, Delete clears the cell, and a printable character (without
 * Ctrl, Cmd or Alt, which are shortcuts) starts an edit with that character; `null` for any other
 * key.
 */
export function cellKey(event: KeyboardEvent): CellKey | null {
  if (event.key === 'Enter' || event.key === 'F2') return 'edit';
  if (event.key === 'Delete') return 'clear';
  if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey) return 'type';
  return null;
}
