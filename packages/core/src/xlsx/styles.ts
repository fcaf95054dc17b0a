import { type DateKind, formatDateKind } from '../spreadsheet/number-format.ts';
import { attributes } from './xml-text.ts';
import { localName, type XmlHandler } from './xml-tokenizer.ts';

/**
 * Reads `xl/styles.xml` token by token into the style indexes whose number format shows a date
 * or time: the `<xf>` entries of `<cellXfs>` (not of `<cellStyleXfs>`), in order, and the custom
 * `<numFmt>` codes they name.
 */
export class StylesReader implements XmlHandler {
  readonly #custom = new Map<number, string>();
  readonly #formats: number[] = [];
  #inCellXfs = false;

  open(name: string, text: string, selfClosing: boolean): void {
    const local = localName(name);
    if (local === 'numFmt') {
      const a = attributes(text);
      if (a.numFmtId && a.formatCode) this.#custom.set(Number(a.numFmtId), a.formatCode);
    } else if (local === 'cellXfs') {
      this.#inCellXfs = !selfClosing;
    } else if (local === 'xf' && this.#inCellXfs) {
      this.#formats.push(Number(attributes(text).numFmtId ?? 0));
    }
  }

  close(name: string): void {
    if (localName(name) === 'cellXfs') this.#inCellXfs = false;
  }

  text(): void {}

  /** Style index to the kind of date its number format shows, for the styles that show one. */
  dateStyles(): Map<number, DateKind> {
    const out = new Map<number, DateKind>();
    this.#formats.forEach((id, index) => {
      const kind = formatDateKind(id, this.#custom);
      if (kind) out.set(index, kind);
    });
    return out;
  }
}

export type { DateKind };
