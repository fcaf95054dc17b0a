import type { ColumnSpec } from '@csv-importer/core';
import { html, nothing } from 'lit';
import { i18n } from '../i18n/i18n.ts';
import type { CellIssue, GridRow } from '../worker/session-types.ts';
import './cell-editor.ts';
import { renderRowHeader } from './grid-headers.ts';
import {
  type ActiveCell,
  cellId,
  type EditingCell,
  type EditorCommitDetail,
  ROW_HEADER,
} from './grid-types.ts';

/** What the grid's body rows read of the grid's state, and what their cells call back. */
export interface BodyView {
  readonly fields: readonly ColumnSpec[];
  /** The field index of each fetched row's first cell. */
  readonly fieldStart: number;
  /** The field indices in view, in order. */
  readonly fieldRange: readonly number[];
  /** The cells' horizontal scroll, as a CSS transform. */
  readonly shift: string;
  readonly active: ActiveCell;
  readonly editing: EditingCell | null;
  /** Data row indices of the selected rows. */
  readonly selected: ReadonlySet<number>;
  /** The active cell's issue is shown beside it (`#cell-issue`): the cell names it as its description. */
  readonly described: boolean;
  readonly focus: (position: number, field: number) => void;
  readonly toggle: (row: number) => void;
  /** Opens the editor on a cell with its text (a double-click). */
  readonly edit: (position: number, field: number, text: string) => void;
  readonly commit: (event: CustomEvent<EditorCommitDetail>) => void;
  readonly cancel: () => void;
}

/** The class a cell's issue gives it: `invalid` for an error, `warn` for a warning, none for info. */
export function issueClass(issue: CellIssue | undefined): '' | 'invalid' | 'warn' {
  return issue?.level === 'error' ? 'invalid' : issue?.level === 'warning' ? 'warn' : '';
}

/**
 * One row of the grid's body at `top` pixels: its row header and the cells in view (`row` is
 * undefined while its window is being fetched: the row keeps its place, empty). Each cell says
 * its issue (class, `aria-invalid`, tooltip), is the active or edited one, and holds the editor
 * while it is edited; a value is isolated as `<bdi>`, so it keeps its own direction in a
 * right-to-left grid (a phone, an e-mail).
 */
export function renderBodyRow(view: BodyView, position: number, row: GridRow | undefined, top: number) {
  const selected = row ? view.selected.has(row.index) : false;
  const { active } = view;
  const headerActive = active.position === position && active.field === ROW_HEADER;
  return html`<div
    class="row"
    role="row"
    style="top:${top}px"
    aria-rowindex=${position + 2}
    aria-selected=${selected ? 'true' : 'false'}
    data-row=${row?.index ?? ''}
  >
    ${renderRowHeader(position, row, selected, headerActive, {
      focus: () => view.focus(position, ROW_HEADER),
      toggle: view.toggle,
    })}
    <div class="cells" style="transform:${view.shift}">
      ${view.fieldRange.map((f) => renderCell(view, position, f, row))}
    </div>
  </div>`;
}

function renderCell(view: BodyView, position: number, f: number, row: GridRow | undefined) {
  const cell = row?.cells[f - view.fieldStart];
  const field = view.fields[f];
  const isActive = view.active.position === position && view.active.field === f;
  const issue = cell?.issue;
  const message = issue ? i18n.issue(issue.code, issue.params) : '';
  const editing = view.editing?.position === position && view.editing.field === f ? view.editing : null;
  return html`<div
    class="cell ${issueClass(issue)} ${isActive ? 'active' : ''} ${editing ? 'editing' : ''}"
    role="gridcell"
    id=${cellId(position, f)}
    aria-colindex=${f + 2}
    aria-invalid=${issue?.level === 'error' ? 'true' : 'false'}
    aria-describedby=${isActive && view.described ? 'cell-issue' : nothing}
    title=${message || nothing}
    data-key=${field?.key ?? ''}
    @click=${() => view.focus(position, f)}
    @dblclick=${() => cell && view.edit(position, f, cell.text)}
  >${
    editing
      ? html`<csv-cell-editor
          .field=${field}
          .value=${editing.value}
          ?typed=${editing.typed}
          label=${`${i18n.t('review.edit')} ${field?.label ?? ''}`}
          @editor-commit=${view.commit}
          @editor-cancel=${view.cancel}
        ></csv-cell-editor>`
      : cell?.text
        ? html`<bdi>${cell.text}</bdi>`
        : ''
  }</div>`;
}
