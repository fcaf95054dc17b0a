import type { SaveFile } from '@csv-importer/protocol';
import { CsvImporterDownloadEvent, CsvImporterErrorEvent } from './events.ts';

/**
 * Hands a file from the frame to the page, and saves it here unless the page took it. Only
 * while the page has a user's activation (a click in the frame gives it one), and one file a
 * second at most: code in the frame cannot fill the downloads folder.
 */
export class FileSaver {
  #last = -Infinity;

  /** `dispatch` returns false when a listener called `preventDefault()`. */
  constructor(private readonly dispatch: (event: Event) => boolean) {}

  save(message: SaveFile): void {
    const active = (navigator as { userActivation?: { isActive: boolean } }).userActivation?.isActive;
    if (active === false) {
      this.#refuse(message.fileName);
      return;
    }
    const event = new CsvImporterDownloadEvent(message.fileName, message.mimeType, message.text);
    if (!this.dispatch(event)) return;
    if (performance.now() - this.#last < 1000) {
      this.#refuse(message.fileName);
      return;
    }
    this.#last = performance.now();
    const url = URL.createObjectURL(new Blob([message.text], { type: message.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = message.fileName;
    link.click();
    // The download has started from the URL by the next task; the Blob need not outlive it.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  #refuse(fileName: string): void {
    const text = `${fileName} was not saved: no click just before it, or another file within a second.`;
    this.dispatch(new CsvImporterErrorEvent('download_refused', text));
  }
}
