/**
 * The little XML a spreadsheet reader needs, without a DOM (workers have no DOMParser): entity
 * unescaping and attribute reading over the tag text the tokenizer found (bounded by its limits).
 */

const ENTITY = /&(?:#x([0-9a-fA-F]{1,8})|#(\d{1,10})|(amp|lt|gt|quot|apos));|_x([0-9a-fA-F]{4})_/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** A character reference names no Unicode character (`&#x110000;`, `&#xD800;`). */
export class InvalidCharacterError extends Error {
  override readonly name = 'InvalidCharacterError';
  constructor(readonly reference: string) {
    super(`${reference} is not a Unicode character`);
  }
}

function character(code: number, reference: string): string {
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) throw new InvalidCharacterError(reference);
  return String.fromCodePoint(code);
}

/**
 * Resolves XML entities and Excel's `_xHHHH_` escapes (used for control characters); throws
 * `InvalidCharacterError` for a reference to no Unicode character.
 */
export function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text.replace(ENTITY, (whole, hex?: string, dec?: string, name?: string, excel?: string) => {
    if (hex) return character(Number.parseInt(hex, 16), whole);
    if (dec) return character(Number(dec), whole);
    if (name) return NAMED[name]!;
    if (excel) return String.fromCharCode(Number.parseInt(excel, 16));
    return whole;
  });
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * The attributes of one start tag's text (`r="A1" t="s"`), unescaped, namespace prefixes kept.
 * One pass over the text, without a regular expression that could backtrack over a long tag.
 */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  const length = tag.length;
  let i = 0;
  while (i < length) {
    while (i < length && isSpace(tag.charCodeAt(i))) i++;
    const nameStart = i;
    while (i < length && tag.charCodeAt(i) !== 61 && !isSpace(tag.charCodeAt(i))) i++;
    const name = tag.slice(nameStart, i);
    while (i < length && isSpace(tag.charCodeAt(i))) i++;
    if (tag.charCodeAt(i) !== 61) {
      i++;
      continue;
    }
    i++;
    while (i < length && isSpace(tag.charCodeAt(i))) i++;
    const quote = tag.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    const end = tag.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end === -1) break;
    if (name !== '') out[name] = unescapeXml(tag.slice(i + 1, end));
    i = end + 1;
  }
  return out;
}

/**
 * One attribute's raw value from a start tag's text, without reading the others: the sheet
 * reader's hot path (`r`, `t` and `s` of every cell).
 */
export function attribute(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at === -1) return undefined;
    from = at + name.length;
    const before = at === 0 ? 32 : tag.charCodeAt(at - 1);
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let i = from;
    while (tag.charCodeAt(i) === 32) i++;
    if (tag.charCodeAt(i) !== 61) continue; // =
    i++;
    while (tag.charCodeAt(i) === 32) i++;
    const quote = tag.charCodeAt(i);
    if (quote !== 34 && quote !== 39) continue;
    const end = tag.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end === -1) return undefined;
    return tag.slice(i + 1, end);
  }
}
