// The match and values steps' comboboxes, driven as a user drives them: each opens one shared,
// searchable list; typing narrows it and a click or Enter chooses.
import type { Frame } from 'playwright-core';

/** The combobox of a file column (match step: its header) or of a file value (values step: `Field: value`). */
export const combobox = (frame: Frame, name: string) => frame.getByRole('combobox', { name, exact: true });

/** The value a combobox holds: the field key or option value, `''` for none. */
export async function chosen(frame: Frame, name: string): Promise<string> {
  return (await combobox(frame, name).getAttribute('data-value')) ?? '';
}

/** The option of the open list whose label is exactly `label` (its note, if any, aside). */
export const listOption = (frame: Frame, label: string) =>
  frame
    .getByRole('listbox')
    .getByRole('option')
    .filter({ has: frame.getByText(label, { exact: true }) });

/** Opens the combobox `name`, types `label` to narrow its list, and clicks the option labelled `label`. */
export async function choose(frame: Frame, name: string, label: string): Promise<void> {
  const box = combobox(frame, name);
  await box.click();
  await box.fill(label);
  await listOption(frame, label).click();
}
