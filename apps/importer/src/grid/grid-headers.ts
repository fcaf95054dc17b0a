import type { ColumnSpec } from '@csv-importer/core';
import { html, nothing } from 'lit';
import { i18n } from '../i18n/i18n.ts';
import type { GridRow, ValidationSummary } from '../worker/session-types.ts';
import { cellId, ROW_HEADER } from './grid-types.ts';

/**
 * The grid's head row: the row numbers' header, then the column headers in view (`range`),
 * moved by `shift` (a CSS transform) as the cells below are.
 */
export function renderHeadRow(
  fields: readonly ColumnSpec[],
  range: readonly number[],
  summary: ValidationSummary | undefined,
  shift: string,
) {
  return html`<div class="row head" role="row" aria-rowindex="1">
    <div class="rowheader" role="columnheader" aria-colindex="1">${i18n.t('review.rowNumber')}</div>
    <div class="cells" style="transform:${shift}">
      ${renderColumnHeaders(fields, range, summary)}
    </div>
  </div>`;
}

/** The column headers in view: each field's label (`*` when required) and its error and warning counts. */
function renderColumnHeaders(
  fields: readonly ColumnSpec[],
  range: readonly number[],
  summary: ValidationSummary | undefined,
) {
  const errors = summary?.errorsByColumn ?? {};
  const warnings = summary?.warningsByColumn ?? {};
  return range.map((f) => {
    const field = fields[f]!;
    const e = errors[field.key] ?? 0;
    const w = warnings[field.key] ?? 0;
    return html`<div class="cell" role="columnheader" aria-colindex=${f + 2} data-key=${field.key}>
      <span>${field.label}${field.required ? ' *' : ''}</span>
      ${e ? html`<span class="badge">${i18n.t('review.errors', { count: e })}</span>` : nothing}
      ${w ? html`<span class="badge warn">${i18n.t('review.warnings', { count: w })}</span>` : nothing}
    </div>`;
  });
}

/**
 * A row's header cell: its number in the file and the checkbox that selects it (out of the tab
 * order: Space on the row header selects, as the grid's keyboard model says).
 */
export function renderRowHeader(
  position: number,
  row: GridRow | undefined,
  selected: boolean,
  active: boolean,
  on: { readonly focus: () => void; readonly toggle: (row: number) => void },
) {
  const number = row ? i18n.number(row.number ?? row.index + 1) : '';
  return html`<div
    class="rowheader ${active ? 'active' : ''}"
    role="rowheader"
    aria-colindex="1"
    id=${cellId(position, ROW_HEADER)}
    @click=${on.focus}
  >
    <input
      type="checkbox"
      tabindex="-1"
      aria-label=${i18n.t('review.selectRow', { row: number })}
      .checked=${selected}
      ?disabled=${!row}
      @click=${(e: Event) => {
        e.stopPropagation();
        if (row) on.toggle(row.index);
      }}
    />${number}
  </div>`;
}
