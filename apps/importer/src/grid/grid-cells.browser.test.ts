import type { ColumnSpec } from '@csv-importer/core';
import { expect } from 'chai';
import { render } from 'lit';
import type { GridRow } from '../worker/session-types.ts';
import type { CellEditor } from './cell-editor.ts';
import { type BodyView, renderBodyRow } from './grid-cells.ts';
import type { EditorCommitDetail } from './grid-types.ts';

// The grid's body rows rendered on their own in the page: what each cell says about its issue,
// which cell is active or edited, and what a click, a double-click and the editor call back.

const FIELDS: ColumnSpec[] = [
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'E-mail', type: 'email' },
  { key: 'phone', label: 'Phone', type: 'phone' },
];

const ROW: GridRow = {
  position: 4,
  index: 7,
  cells: [
    { text: 'Ada' },
    { text: 'ada(at)example', issue: { code: 'invalid_email', level: 'error' } },
    {
      text: '+44 20 7946 0958',
      issue: { code: 'custom', level: 'warning', params: { message: 'Looks short' } },
    },
  ],
};

let host: HTMLElement | undefined;
afterEach(() => host?.remove());

/**
 * Renders `row` (null: one still being fetched) at position 4 with the view's defaults
 * overridden, and records the callbacks.
 */
async function show(overrides: Partial<BodyView> = {}, row: GridRow | null = ROW) {
  const calls: unknown[][] = [];
  const view: BodyView = {
    fields: FIELDS,
    fieldStart: 0,
    fieldRange: [0, 1, 2],
    shift: 'translateX(0px)',
    active: { position: 0, field: 0 },
    editing: null,
    selected: new Set(),
    described: false,
    focus: (...args) => calls.push(['focus', ...args]),
    toggle: (...args) => calls.push(['toggle', ...args]),
    edit: (...args) => calls.push(['edit', ...args]),
    commit: (event) => calls.push(['commit', event.detail]),
    cancel: () => calls.push(['cancel']),
    ...overrides,
  };
  host = document.createElement('div');
  document.body.append(host);
  render(renderBodyRow(view, 4, row ?? undefined, 76), host);
  const cell = (key: string) => host!.querySelector<HTMLElement>(`[role=gridcell][data-key="${key}"]`)!;
  return { calls, cell, row: host.querySelector<HTMLElement>('[role=row]')! };
}

describe('grid body rows', () => {
  it('a cell says its issue: an error marks it invalid, a warning marks it, the message is its tooltip', async () => {
    const { cell, row } = await show();
    expect(row.getAttribute('aria-rowindex')).to.equal('6', 'after the head row, from 1');
    expect(row.dataset.row).to.equal('7');
    expect(row.style.top).to.equal('76px');
    expect(cell('name').className.split(/\s+/).filter(Boolean)).to.deep.equal(['cell']);
    expect(cell('name').getAttribute('aria-invalid')).to.equal('false');
    expect(cell('name').hasAttribute('title')).to.equal(false);
    expect(cell('email').classList.contains('invalid')).to.equal(true);
    expect(cell('email').getAttribute('aria-invalid')).to.equal('true');
    expect(cell('email').title).to.equal('This is not a valid e-mail address.');
    expect(cell('phone').classList.contains('warn')).to.equal(true);
    expect(cell('phone').getAttribute('aria-invalid')).to.equal('false', 'a warning is no error');
    expect(cell('phone').title).to.equal('Looks short');
    expect(cell('phone').id).to.equal('cell-4-2');
    expect(cell('phone').getAttribute('aria-colindex')).to.equal('4');
    // Each value keeps its own direction in a right-to-left grid.
    expect(cell('phone').querySelector('bdi')?.textContent).to.equal('+44 20 7946 0958');
  });

  it('only the active cell names the issue shown beside it as its description, and only while it is shown', async () => {
    let { cell } = await show({ active: { position: 4, field: 1 }, described: true });
    expect(cell('email').classList.contains('active')).to.equal(true);
    expect(cell('email').getAttribute('aria-describedby')).to.equal('cell-issue');
    expect(cell('phone').hasAttribute('aria-describedby')).to.equal(false);
    host!.remove();
    ({ cell } = await show({ active: { position: 4, field: 1 }, described: false }));
    expect(cell('email').hasAttribute('aria-describedby')).to.equal(false);
    host!.remove();
    ({ cell } = await show({ active: { position: 5, field: 1 }, described: true }));
    expect(cell('email').classList.contains('active')).to.equal(false, 'the same field on another row');
  });

  it('a click focuses the cell, a double-click opens its editor with its text, the row header selects the row', async () => {
    const { calls, cell, row } = await show({ selected: new Set([7]) });
    cell('email').click();
    cell('email').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    row.querySelector<HTMLInputElement>('[role=rowheader] input')!.click();
    expect(calls).to.deep.equal([
      ['focus', 4, 1],
      ['edit', 4, 1, 'ada(at)example'],
      ['toggle', 7],
    ]);
    expect(row.getAttribute('aria-selected')).to.equal('true');
  });

  it('a row still being fetched keeps its place, empty, and a double-click edits nothing', async () => {
    const { calls, cell, row } = await show({}, null);
    expect(row.dataset.row).to.equal('');
    expect(cell('email').textContent).to.equal('');
    cell('email').dispatchEvent(new MouseEvent('dblclick', { bubbles: true }));
    expect(calls).to.deep.equal([]);
  });

  it('the edited cell holds the editor for its field, and the editor commits and cancels through the view', async () => {
    const { calls, cell } = await show({
      editing: { position: 4, field: 1, value: 'ada@', typed: true },
      fieldStart: 0,
    });
    expect(cell('email').classList.contains('editing')).to.equal(true);
    const editor = cell('email').querySelector('csv-cell-editor') as CellEditor;
    expect(editor.value).to.equal('ada@');
    expect(editor.typed).to.equal(true);
    expect(editor.label).to.equal('Edit E-mail');
    expect(editor.field).to.equal(FIELDS[1]);
    expect(cell('name').querySelector('csv-cell-editor')).to.equal(null);
    const detail: EditorCommitDetail = { value: 'ada@example.org', move: 'down' };
    editor.dispatchEvent(new CustomEvent('editor-commit', { detail }));
    editor.dispatchEvent(new CustomEvent('editor-cancel'));
    expect(calls).to.deep.equal([['commit', detail], ['cancel']]);
  });

  it('cells read from the window by field: a window starting at field 1 fills the fields in view', async () => {
    const { cell } = await show({ fieldStart: 1, fieldRange: [1, 2] }, { ...ROW, cells: ROW.cells.slice(1) });
    expect(cell('name')).to.equal(null);
    expect(cell('email').textContent).to.equal('ada(at)example');
    expect(cell('phone').textContent).to.equal('+44 20 7946 0958');
  });
});
