import type { CellChange, GridRow } from '../worker/session-types.ts';

/** `rows` with the changed cells replaced (those of rows and fields held; the others are not). */
export function patchRows(
  rows: readonly GridRow[],
  changes: readonly CellChange[],
  fieldStart: number,
): GridRow[] {
  const byRow = new Map<number, CellChange[]>();
  for (const change of changes) {
    const list = byRow.get(change.row);
    if (list) list.push(change);
    else byRow.set(change.row, [change]);
  }
  return rows.map((row) => {
    const mine = byRow.get(row.index);
    if (!mine) return row;
    const cells = [...row.cells];
    for (const { field, cell } of mine) {
      const at = field - fieldStart;
      if (at >= 0 && at < cells.length) cells[at] = cell;
    }
    return { ...row, cells };
  });
}
