import type { ColumnSpec } from '@csv-importer/core';
import { expect } from 'chai';
import './cell-editor.ts';
import type { CellEditor } from './cell-editor.ts';
import type { EditorCommitDetail } from './grid-types.ts';

// The cell editor on its own in the page, driven by the keys and input events a user makes:
// what each kind of field edits with, and what it commits.

let editor: CellEditor | undefined;
afterEach(() => editor?.remove());

async function open(field: ColumnSpec, value: string, typed = false) {
  editor = document.createElement('csv-cell-editor');
  editor.field = field;
  editor.value = value;
  editor.typed = typed;
  editor.label = `Edit ${field.label}`;
  const outcome = new Promise<EditorCommitDetail | 'cancel'>((resolve) => {
    editor!.addEventListener('editor-commit', (e) => resolve((e as CustomEvent<EditorCommitDetail>).detail));
    editor!.addEventListener('editor-cancel', () => resolve('cancel'));
  });
  document.body.append(editor);
  await editor.updateComplete;
  await editor.updateComplete;
  editor.focus();
  return { root: editor.shadowRoot!, outcome };
}

const press = async (target: Element, key: string, init: KeyboardEventInit = {}) => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, ...init }));
  await editor!.updateComplete;
};

const type = async (input: HTMLInputElement, text: string) => {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await editor!.updateComplete;
};

const listed = (root: ShadowRoot) =>
  [...root.querySelectorAll('[role=option]:not([aria-disabled])')].map((o) => o.textContent?.trim());

describe('csv-cell-editor', () => {
  it('select: the list narrows to what is typed, alternate spellings included, and Enter takes the highlighted option', async () => {
    const field: ColumnSpec = {
      key: 'country',
      label: 'Country',
      type: 'select',
      options: [
        { value: 'DE', label: 'Germany', alternates: ['Deutschland'] },
        { value: 'FR', label: 'France' },
        { value: 'FI', label: 'Finland' },
      ],
    };
    const { root, outcome } = await open(field, 'Deutsch?');
    expect(listed(root)).to.deep.equal(['Germany', 'France', 'Finland'], 'opened with Enter: every option');
    const input = root.querySelector('input')!;
    expect(input.getAttribute('role')).to.equal('combobox');
    await type(input, 'deut');
    expect(listed(root)).to.deep.equal(['Germany']);
    expect(input.getAttribute('aria-activedescendant')).to.equal('option-0');
    await press(input, 'Enter');
    expect(await outcome).to.deep.equal({ value: 'DE', move: 'down' });
  });

  it('multi-select: Enter adds the highlighted option to the cell, and Enter with none highlighted commits', async () => {
    const field: ColumnSpec = {
      key: 'tags',
      label: 'Tags',
      type: 'select',
      multiple: true,
      options: ['red', 'green', 'blue'],
    };
    const { root, outcome } = await open(field, 'red');
    expect(root.querySelector('[role=listbox]')!.getAttribute('aria-multiselectable')).to.equal('true');
    const input = root.querySelector('input')!;
    await type(input, 'red, gr');
    expect(listed(root)).to.deep.equal(['green']);
    await press(input, 'Enter');
    expect(input.value).to.equal('red, green, ');
    const chosen = [...root.querySelectorAll('[role=option][aria-selected=true]')].map((o) =>
      o.textContent?.trim(),
    );
    expect(chosen).to.deep.equal(['red', 'green']);
    await press(input, 'Enter');
    expect(await outcome).to.deep.equal({ value: 'red, green', move: 'down' });
  });

  it('boolean: a Yes/No toggle the arrows switch; Escape leaves the cell as it was', async () => {
    const field: ColumnSpec = { key: 'active', label: 'Active', type: 'boolean' };
    let { root, outcome } = await open(field, 'maybe');
    const radios = () => [...root.querySelectorAll('[role=radio]')];
    expect(radios().map((r) => r.getAttribute('aria-checked'))).to.deep.equal(['false', 'false']);
    await press(radios()[0]!, 'ArrowRight');
    expect(radios().map((r) => r.getAttribute('aria-checked'))).to.deep.equal(['true', 'false']);
    await press(radios()[0]!, 'Tab');
    expect(await outcome).to.deep.equal({ value: 'true', move: 'next' });
    editor!.remove();
    ({ root, outcome } = await open(field, 'maybe'));
    await press(radios()[0]!, 'Escape');
    expect(await outcome).to.equal('cancel');
    editor!.remove();
    // Opened by typing N, the toggle starts on No.
    ({ root, outcome } = await open(field, 'n', true));
    expect(radios().map((r) => r.getAttribute('aria-checked'))).to.deep.equal(['false', 'true']);
    expect(root.activeElement).to.equal(radios()[1]);
    await press(radios()[1]!, 'Enter');
    expect(await outcome).to.deep.equal({ value: 'false', move: 'down' });
  });

  it('date: the expected format beside the box, from the field’s formats', async () => {
    const field = { key: 'born', label: 'Born', type: 'date', formats: ['DD.MM.YYYY'] } as ColumnSpec;
    const { root, outcome } = await open(field, '');
    const hint = root.querySelector('#format')!;
    expect(hint.textContent?.trim()).to.equal('Expected format: DD.MM.YYYY');
    expect(hint.matches(':popover-open')).to.equal(true);
    const input = root.querySelector('input')!;
    expect(input.getAttribute('aria-describedby')).to.equal('format');
    await type(input, '17.08.1936');
    await press(input, 'Tab', { shiftKey: true });
    expect(await outcome).to.deep.equal({ value: '17.08.1936', move: 'previous' });
  });
});
