import { attributes } from './xml-text.ts';
import { localName, type XmlHandler } from './xml-tokenizer.ts';

export type DateKind = 'date' | 'datetime' | 'time';

// Number formats Excel builds in that show dates or times (ECMA-376 18.8.30).
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);
// A custom format shows a date when, outside quotes, brackets and escapes, it has d, m, y, h or s.
const FORMAT_NOISE = /"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g;
const DATE_TOKENS = /[dmyhs]/i;
const DATE_PART = /[dy]/i;
/** Excel allows format codes of 255 characters; a longer one is no date format. */
const MAX_FORMAT_LENGTH = 255;

function dateKind(formatCode: string): DateKind | null {
  if (formatCode.length > MAX_FORMAT_LENGTH) return null;
  const bare = formatCode.replace(FORMAT_NOISE, '');
  if (!DATE_TOKENS.test(bare)) return null;
  const hasTime = /[hs]/i.test(bare);
  if (!DATE_PART.test(bare)) return hasTime ? 'time' : 'date';
  return hasTime ? 'datetime' : 'date';
}

function builtinKind(id: number): DateKind {
  if (id === 22) return 'datetime';
  if ((id >= 18 && id <= 21) || id === 45 || id === 46 || id === 47) return 'time';
  return 'date';
}

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
      const code = this.#custom.get(id);
      const kind =
        code !== undefined ? dateKind(code) : BUILTIN_DATE_FORMATS.has(id) ? builtinKind(id) : null;
      if (kind) out.set(index, kind);
    });
    return out;
  }
}
