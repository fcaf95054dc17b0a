/**
 * The modal around the importer's frame: a `<dialog>` shown with `showModal()`, so the page
 * behind is inert and the focus stays inside. The user's ways out of it, Escape in the page and
 * a click on the backdrop, do not close it here: they go to `dismiss`, which asks the frame
 * first when the user has work to lose (see `close-request` in docs/protocol.md). Should the
 * browser close the dialog anyway (Chromium lets a second Escape through without a user
 * activation in between), it is shown again and `dismiss` decides.
 */
export function modalShell(
  frame: HTMLIFrameElement,
  label: string,
  handlers: { dismiss(): void; stillOpen(): boolean },
): HTMLDialogElement {
  const dialog = document.createElement('dialog');
  dialog.part.add('dialog');
  dialog.setAttribute('aria-label', label);
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault();
    handlers.dismiss();
  });
  dialog.addEventListener('close', () => {
    if (!handlers.stillOpen() || !dialog.isConnected) return;
    dialog.showModal();
    handlers.dismiss();
  });
  dialog.addEventListener('click', (event) => {
    // The frame fills the dialog, so a click whose target is the dialog itself landed on the
    // backdrop (clicks on the frame go to the frame's document).
    if (event.target !== dialog) return;
    const box = dialog.getBoundingClientRect();
    const inside =
      event.clientX >= box.left &&
      event.clientX <= box.right &&
      event.clientY >= box.top &&
      event.clientY <= box.bottom;
    if (!inside) handlers.dismiss();
  });
  dialog.append(frame);
  return dialog;
}
