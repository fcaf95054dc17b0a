import { count, WorkbookError } from './workbook-limits.ts';
import { InvalidCharacterError, unescapeXml } from './xml-text.ts';
import { localName, type XmlHandler } from './xml-tokenizer.ts';

/** A shared string longer than the importer reads: only its length is kept, for the message of the cell that uses it. */
export class LongString {
  constructor(readonly length: number) {}
}

export type SharedString = string | LongString;

/**
 * Reads `xl/sharedStrings.xml` token by token into the workbook's string table: each `<si>`'s
 * `<t>` runs joined, phonetic guides (`<rPh>`) left out. A string past `maxCellLength` is not
 * kept, only its length (it is an error only if a cell uses it). Unclosed or nested `<si>` tags
 * are refused as damage rather than read as one giant string.
 */
export class SharedStringsReader implements XmlHandler {
  readonly strings: SharedString[] = [];
  readonly #maxLength: number;
  #inItem = false;
  #inText = false;
  #phonetic = 0;
  #pieces: string[] = [];
  #length = 0;

  constructor(maxCellLength: number) {
    this.#maxLength = maxCellLength;
  }

  open(name: string, _attributes: string, selfClosing: boolean): void {
    const local = localName(name);
    if (local === 'si') {
      if (selfClosing) {
        if (!this.#inItem) this.strings.push('');
        return;
      }
      if (this.#inItem)
        throw new WorkbookError(
          'corrupt',
          `The workbook's shared strings are damaged: string ${count(this.strings.length + 1)} is never closed.`,
        );
      this.#inItem = true;
      this.#pieces = [];
      this.#length = 0;
    } else if (local === 'rPh') {
      if (!selfClosing) this.#phonetic++;
    } else if (local === 't' && !selfClosing && this.#inItem && this.#phonetic === 0) {
      this.#inText = true;
    }
  }

  close(name: string): void {
    const local = localName(name);
    if (local === 't') this.#inText = false;
    else if (local === 'rPh') this.#phonetic = Math.max(0, this.#phonetic - 1);
    else if (local === 'si' && this.#inItem) {
      this.#inItem = false;
      this.strings.push(
        this.#length > this.#maxLength ? new LongString(this.#length) : this.#pieces.join(''),
      );
      this.#pieces = [];
    }
  }

  text(raw: string, cdata: boolean): void {
    if (!this.#inText) return;
    let text: string;
    try {
      text = cdata ? raw : unescapeXml(raw);
    } catch (error) {
      if (!(error instanceof InvalidCharacterError)) throw error;
      throw new WorkbookError(
        'invalid_character',
        `The workbook's shared string ${count(this.strings.length + 1)} has the character reference ${error.reference}, which is no Unicode character; the file is damaged.`,
      );
    }
    this.#length += text.length;
    if (this.#length <= this.#maxLength) this.#pieces.push(text);
    else this.#pieces = [];
  }

  /** The tokenizer met a text past its limit: the string it was in is far too long. */
  limitError(): WorkbookError {
    return new WorkbookError(
      'cell_too_long',
      `The workbook's shared string ${count(this.strings.length + 1)} has more than ${count(this.#maxLength)} characters; the importer accepts at most ${count(this.#maxLength)}.`,
    );
  }

  /** The part has ended; a string still open means it was cut off or damaged. */
  end(): SharedString[] {
    if (this.#inItem)
      throw new WorkbookError(
        'corrupt',
        `The workbook's shared strings are damaged: string ${count(this.strings.length + 1)} is never closed.`,
      );
    return this.strings;
  }
}
