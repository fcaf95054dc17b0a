/**
 * The little XML a spreadsheet reader needs, without a DOM (workers have no DOMParser): entity
 * unescaping and attribute reading over the tag text the reader's regular expressions found.
 */

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#(\d+)|(amp|lt|gt|quot|apos));|_x([0-9a-fA-F]{4})_/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Resolves XML entities and Excel's `_xHHHH_` escapes (used for control characters). */
export function unescapeXml(text: string): string {
  if (!text.includes('&') && !text.includes('_x')) return text;
  return text.replace(ENTITY, (whole, hex?: string, dec?: string, name?: string, excel?: string) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number(dec));
    if (name) return NAMED[name]!;
    if (excel) return String.fromCharCode(Number.parseInt(excel, 16));
    return whole;
  });
}

const ATTRIBUTE = /([\w:]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag's text (`r="A1" t="s"`), unescaped, namespace prefixes kept. */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(ATTRIBUTE)) out[m[1]!] = unescapeXml(m[2] ?? m[3] ?? '');
  return out;
}

const TEXT_RUN = /<(?:\w+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:\w+:)?t>|<(?:\w+:)?t(?:\s[^>]*)?\/>/g;
const PHONETIC = /<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g;

/** The text of a shared or inline string: every `<t>` run, phonetic guides (`<rPh>`) left out. */
export function stringItemText(xml: string): string {
  let text = '';
  for (const m of xml.replace(PHONETIC, '').matchAll(TEXT_RUN)) text += m[1] ?? '';
  return unescapeXml(text);
}
