/**
 * A linear scan of a whole XML document into start tags, end tags and text, for the ODS reader:
 * each `<` and `>` is looked for once, so a document that is broken or hostile (an unclosed tag,
 * deep nesting) costs one pass and no recursion. No DTD is read and no entity the document
 * defines is expanded. The handler interface is the one the XLSX reader's tokenizer calls.
 */

export interface XmlHandler {
  /** A start tag: `name` with any namespace prefix, `attributes` its raw text after the name. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** The raw text between two tags (entities not resolved). */
  text(raw: string): void;
}

/** The XML ends inside a tag, or a tag is longer than allowed. */
export class XmlScanError extends Error {
  override readonly name = 'XmlScanError';
}

const NAME_END = /[\s/>]/;

export function scanXml(xml: string, handler: XmlHandler, maxTagLength: number): void {
  let at = 0;
  const length = xml.length;
  while (at < length) {
    const lt = xml.indexOf('<', at);
    if (lt === -1) {
      handler.text(xml.slice(at));
      return;
    }
    if (lt > at) handler.text(xml.slice(at, lt));
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end === -1) throw new XmlScanError('a comment is never closed');
      at = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end === -1) throw new XmlScanError('a CDATA section is never closed');
      handler.text(
        xml
          .slice(lt + 9, end)
          .replaceAll('&', '&amp;')
          .replaceAll('<', '&lt;'),
      );
      at = end + 3;
      continue;
    }
    const gt = xml.indexOf('>', lt + 1);
    if (gt === -1) throw new XmlScanError('a tag is never closed');
    if (gt - lt > maxTagLength) throw new XmlScanError(`a tag is longer than ${maxTagLength} characters`);
    at = gt + 1;
    const first = xml.charCodeAt(lt + 1);
    // Processing instructions and declarations (<?xml ?>, <!DOCTYPE>) carry no cells.
    if (first === 63 || first === 33) continue;
    if (first === 47) {
      handler.close(xml.slice(lt + 2, gt).trim());
      continue;
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
    const match = NAME_END.exec(body);
    const nameEnd = match ? match.index : body.length;
    handler.open(body.slice(0, nameEnd), body.slice(nameEnd), selfClosing);
    // A self-closing tag is also closed, so handlers need no second path for it.
    if (selfClosing) handler.close(body.slice(0, nameEnd));
  }
}
