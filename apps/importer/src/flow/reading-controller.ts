import type { HostConnection } from '../host-connection.ts';
import { i18n } from '../i18n/i18n.ts';
import { LatestCall } from '../latest-call.ts';
import { DisconnectedError, type Remote } from '../worker/session-rpc.ts';
import type {
  ImportSessionApi,
  LoadProgress,
  LoadResult,
  LoadSummary,
  ReadOptions,
} from '../worker/session-types.ts';
import type { Skipped, State } from './flow-state.ts';

/** What the reading controller needs of the app: its state, its worker session and its host. */
export interface ReadingHost {
  state(): State;
  go(state: State): void;
  session(): Pick<Remote<ImportSessionApi>, 'load' | 'reread' | 'cancel' | 'setHeaderRow'> | undefined;
  /** The host's row limit (`maxRows`), for the message that refuses a longer file. */
  maxRows(): number | undefined;
  send(message: Parameters<HostConnection['send']>[0]): void;
  /** A new file was read: what the user chose about the last one no longer applies. */
  newFile(): void;
  /** The header step held no decision: on to matching, with the note that says what was decided. */
  toMatch(summary: LoadSummary, skipped: Skipped): void;
}

/**
 * Reading a file into the worker, for the upload and header steps: the read with its progress
 * on the upload step, Cancel, reading again with other options (encoding, delimiter, sheet) and
 * another header row. A newer read or Cancel supersedes the one in progress, so only the latest
 * moves the flow on. A file read goes to the header step when there is something to check in it
 * (a header row core is not certain of, several sheets, an unsure encoding, rows that could not be
 * read cleanly), else on to matching with the header step passed through; a file that cannot be
 * read goes back to upload with the reason in the user's words.
 */
export class ReadingController {
  readonly #host: ReadingHost;
  /** The file read in progress: a newer read or Cancel supersedes it, so only the latest moves on. */
  readonly #reads = new LatestCall();

  constructor(host: ReadingHost) {
    this.#host = host;
  }

  /** Whether a file is being read (the upload step shows its progress). */
  get reading(): boolean {
    const state = this.#host.state();
    return state.step === 'upload' && state.reading !== undefined;
  }

  async load(file: File): Promise<void> {
    const host = this.#host;
    host.go({ step: 'upload', reading: { fileName: file.name, rows: 0, fraction: 0 } });
    try {
      const result = await this.#reads.run<LoadResult>(() =>
        host.session()!.load(file, this.#progress(file.name)),
      );
      if (result.current) this.#loaded(result.value);
    } catch (error) {
      // The worker failed: the frame has told the user, and is back at upload with a new one.
      if (error instanceof DisconnectedError) return;
      console.warn('csv-importer: reading the file failed', error);
      host.go({ step: 'upload', error: i18n.t('error.internal', { message: (error as Error).message }) });
    }
  }

  cancel(): void {
    this.#reads.cancel();
    void this.#host.session()?.cancel();
    // The user's own choice: said plainly, not as an error.
    this.#host.go({ step: 'upload', notice: i18n.t('upload.cancelled') });
    this.#host.send({ type: 'cancelled', phase: 'reading' });
  }

  /** Reads the file again with `options`; the header step shows how it reads now. */
  async reread(options: ReadOptions): Promise<void> {
    const read = await this.#reads.run<LoadResult>(() => this.#host.session()!.reread(options));
    if (!read.current) return;
    const result = read.value;
    if (result.ok) this.#host.go({ step: 'header', summary: result.summary });
    else this.#loaded(result);
  }

  async setHeaderRow(row: number): Promise<void> {
    this.#host.go({ step: 'header', summary: await this.#host.session()!.setHeaderRow(row) });
  }

  #progress(fileName: string) {
    return (progress: LoadProgress) => {
      if (this.reading)
        this.#host.go({
          step: 'upload',
          reading: { fileName, rows: progress.rows, fraction: progress.fraction },
        });
    };
  }

  #loaded(result: LoadResult): void {
    const host = this.#host;
    if (!result.ok) {
      const key = `error.${result.code}`;
      const error =
        result.code === 'too_many_rows'
          ? i18n.t('error.too_many_rows', { maxRows: host.maxRows() ?? 0 })
          : result.code === 'too_large'
            ? i18n.t('error.workbook_too_large')
            : i18n.has(key)
              ? i18n.t(key)
              : result.message;
      host.go({ step: 'upload', error });
      // The application set this limit; it hears about the refusal too.
      if (result.code === 'too_many_rows')
        host.send({ type: 'error', code: 'too_many_rows', message: error });
      return;
    }
    const { summary } = result;
    host.newFile();
    const toCheck =
      summary.encodingDoubt !== undefined ||
      (summary.readingFindings ?? []).some((f) => f.code !== 'ragged_row');
    if (!summary.headerCertain || (summary.sheets?.length ?? 0) > 1 || toCheck) {
      host.go({ step: 'header', summary });
      return;
    }
    const names = summary.headers.slice(0, 3).join(', ') + (summary.headers.length > 3 ? ', …' : '');
    host.toMatch(summary, {
      step: 'header',
      note: i18n.t('skipped.header', { row: summary.headerRow + 1, names }),
    });
  }
}
