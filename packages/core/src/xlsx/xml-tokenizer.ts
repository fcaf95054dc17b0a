/**
 * A push tokenizer for the XML of spreadsheet parts, linear in its input however the input is
 * broken: text arrives in pieces (as a part is inflated), each `<` and `>` is looked for once,
 * and an unfinished tag or text waits with the position its scan had reached, so a tag or text
 * that never ends costs one pass, not one pass per piece. Tags and texts longer than the limits
 * are refused as soon as they pass them, before they are held whole. No DTD is read and no
 * entity defined by the document is expanded. Shared by the spreadsheet readers (XLSX, ODS).
 */

export interface XmlHandler {
  /** A start tag: `name` with any namespace prefix, `attributes` its raw text after the name. */
  open(name: string, attributes: string, selfClosing: boolean): void;
  close(name: string): void;
  /** The raw text between two tags (entities not resolved); CDATA arrives already literal, with `cdata` true. */
  text(raw: string, cdata: boolean): void;
}

export interface XmlTokenizerLimits {
  /** Longest tag, comment or processing instruction, in characters. */
  readonly maxTagLength: number;
  /** Longest text between two tags, in characters. */
  readonly maxTextLength: number;
}

/** A tag or text passed the tokenizer's limits; the reader turns it into a message naming the cell. */
export class XmlLimitError extends Error {
  override readonly name = 'XmlLimitError';
  constructor(
    readonly kind: 'tag' | 'text',
    readonly length: number,
  ) {
    super(`an XML ${kind} longer than ${length} characters`);
  }
}

/** The XML is not well formed where the tokenizer can tell (an unfinished tag at the end). */
export class XmlSyntaxError extends Error {
  override readonly name = 'XmlSyntaxError';
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;

/** The element name of `open`/`close` without its namespace prefix: `x:row` is `row`. */
export function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

/** What an unfinished token at the end of a piece is, so the next piece is searched only for its end. */
type Pending =
  | { readonly kind: 'text' }
  | { readonly kind: 'tag'; quote: number }
  | { readonly kind: 'special'; readonly terminator: string; readonly cdata: boolean }
  | { readonly kind: 'short' };

export class XmlTokenizer {
  readonly #handler: XmlHandler;
  readonly #limits: XmlTokenizerLimits;
  /** The pieces of an unfinished token, joined once when its end arrives (never re-scanned per piece). */
  #pieces: string[] = [];
  #pendingLength = 0;
  #pending: Pending | null = null;
  /** The last two characters of the unfinished token: where a `-->` or `]]>` may have begun. */
  #tail = '';

  constructor(handler: XmlHandler, limits: XmlTokenizerLimits) {
    this.#handler = handler;
    this.#limits = limits;
  }

  /** Tokenizes `chunk` after whatever an earlier chunk left unfinished. */
  push(chunk: string): void {
    if (chunk.length === 0) return;
    const pending = this.#pending;
    if (pending === null) {
      this.#scan(chunk);
      return;
    }
    if (!this.#endsIn(pending, chunk)) {
      this.#tail = (this.#tail + chunk).slice(-2);
      this.#pieces.push(chunk);
      this.#pendingLength += chunk.length;
      this.#checkPending(pending);
      return;
    }
    const input = this.#pieces.join('') + chunk;
    this.#pieces = [];
    this.#pendingLength = 0;
    this.#pending = null;
    this.#scan(input);
  }

  /** The input has ended: what is left must be text outside any tag. */
  end(): void {
    const pending = this.#pending;
    const rest = this.#pieces.join('');
    this.#pieces = [];
    this.#pendingLength = 0;
    this.#pending = null;
    if (pending === null || rest.length === 0) return;
    if (pending.kind !== 'text') throw new XmlSyntaxError('the XML ends inside a tag');
    this.#handler.text(rest, false);
  }

  /** Whether the unfinished token ends within `chunk`; for a tag, follows its quotes. */
  #endsIn(pending: Pending, chunk: string): boolean {
    switch (pending.kind) {
      case 'text':
        return chunk.includes('<');
      case 'tag': {
        let quote = pending.quote;
        for (let i = 0; i < chunk.length; i++) {
          const c = chunk.charCodeAt(i);
          if (quote === 0) {
            if (c === GT) return true;
            if (c === 34 || c === 39) quote = c;
          } else if (c === quote) quote = 0;
        }
        pending.quote = quote;
        return false;
      }
      case 'special':
        return (this.#tail + chunk).includes(pending.terminator);
      case 'short':
        return true;
    }
  }

  #checkPending(pending: Pending): void {
    const { maxTagLength, maxTextLength } = this.#limits;
    const isText = pending.kind === 'text' || (pending.kind === 'special' && pending.cdata);
    const limit = isText ? maxTextLength : maxTagLength;
    if (this.#pendingLength > limit) throw new XmlLimitError(isText ? 'text' : 'tag', limit);
  }

  #leave(input: string, at: number, pending: Pending): void {
    const rest = input.slice(at);
    this.#pieces = [rest];
    this.#tail = rest.slice(-2);
    this.#pendingLength = rest.length;
    this.#pending = pending;
    this.#checkPending(pending);
  }

  #scan(buffer: string): void {
    const handler = this.#handler;
    const { maxTagLength, maxTextLength } = this.#limits;
    let at = 0;
    const length = buffer.length;
    while (at < length) {
      if (buffer.charCodeAt(at) !== LT) {
        const lt = buffer.indexOf('<', at);
        if (lt === -1) {
          this.#leave(buffer, at, { kind: 'text' });
          return;
        }
        if (lt - at > maxTextLength) throw new XmlLimitError('text', maxTextLength);
        handler.text(buffer.slice(at, lt), false);
        at = lt;
        continue;
      }
      if (at + 1 === length) {
        // A lone `<`: what follows decides between a tag and a comment.
        this.#leave(buffer, at, { kind: 'short' });
        return;
      }
      const second = buffer.charCodeAt(at + 1);
      if (second === BANG || second === QUESTION) {
        // A comment, CDATA section, DOCTYPE or processing instruction: find its own end.
        if (second === BANG && length - at < 9 && !buffer.startsWith('<!--', at)) {
          // Too little yet to tell CDATA from DOCTYPE.
          this.#leave(buffer, at, { kind: 'short' });
          return;
        }
        const cdata = buffer.startsWith('<![CDATA[', at);
        const terminator = buffer.startsWith('<!--', at)
          ? '-->'
          : cdata
            ? ']]>'
            : second === QUESTION
              ? '?>'
              : '>';
        const end = buffer.indexOf(terminator, at + 2);
        if (end === -1) {
          this.#leave(buffer, at, { kind: 'special', terminator, cdata });
          return;
        }
        if (end - at > (cdata ? maxTextLength : maxTagLength))
          throw new XmlLimitError(cdata ? 'text' : 'tag', cdata ? maxTextLength : maxTagLength);
        if (cdata) handler.text(buffer.slice(at + 9, end), true);
        at = end + terminator.length;
        continue;
      }
      // A start or end tag. `>` may stand unescaped inside a quoted attribute value, so the scan
      // follows quotes.
      let quote = 0;
      let end = -1;
      for (let i = at + 1; i < length; i++) {
        const c = buffer.charCodeAt(i);
        if (quote === 0) {
          if (c === GT) {
            end = i;
            break;
          }
          if (c === 34 || c === 39) quote = c;
        } else if (c === quote) quote = 0;
      }
      if (end === -1) {
        this.#leave(buffer, at, { kind: 'tag', quote });
        return;
      }
      if (end - at > maxTagLength) throw new XmlLimitError('tag', maxTagLength);
      if (second === SLASH) {
        handler.close(buffer.slice(at + 2, end).trimEnd());
      } else {
        const selfClosing = buffer.charCodeAt(end - 1) === SLASH;
        const inner = buffer.slice(at + 1, selfClosing ? end - 1 : end);
        const space = firstSpace(inner);
        if (space === -1) handler.open(inner, '', selfClosing);
        else handler.open(inner.slice(0, space), inner.slice(space + 1), selfClosing);
      }
      at = end + 1;
    }
  }
}

function firstSpace(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) return i;
  }
  return -1;
}
