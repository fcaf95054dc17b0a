// The first statements of the frame's script, evaluated before any module of the app or its
// dependencies. They take away, from whatever runs after them (a compromised dependency, code
// injected through a bug), the channels out of the frame that no CSP directive covers in Chromium:
//
// - WebRTC: an `RTCPeerConnection` with a STUN or TURN server sends UDP wherever it is told.
//   Deleting the interface objects leaves nothing to construct, and no object of those kinds
//   exists yet from which a prototype could be reached.
// - Connection hints: `<link rel=preconnect>` and `<link rel=dns-prefetch>` open connections and
//   look up names although `default-src 'none'` is in force.
// - Child frames: a child document is a fresh realm with the WebRTC constructors (same-origin,
//   and so reachable, in hosted mode), and its own parser would make `<link>` hints from markup.
//
// - Navigation: a document may set its own `location` to a URL that carries data, and no CSP
//   directive stops it (`navigate-to` was dropped). The app never navigates, so every navigation
//   this frame starts, other than to a fragment of the same document, is cancelled through the
//   Navigation API's `navigate` event (where the browser has it); the host also removes a frame
//   whose document was replaced anyway (packages/element/src/frame-connection.ts).
//
// The app makes none of those elements, so inserting one anywhere is refused: every DOM method
// that puts a node into a tree checks the node and its descendants first. Markup cannot bring
// one in either: the CSP requires Trusted Types, so a string reaches the parser only through
// Lit's template policy, whose templates are parsed into an inert `<template>` and then cloned
// and inserted with the methods guarded here. (The hash-pinned script is the only one that runs,
// and the guard is part of it, so no document can run the app without it.)

const BANNED = 'link,meta,base,script,iframe,frame,frameset,object,embed,portal,fencedframe';

for (const name of Object.getOwnPropertyNames(globalThis)) {
  if (/^(webkit)?RTC/.test(name)) delete (globalThis as Record<string, unknown>)[name];
}

const preventDefault = Event.prototype.preventDefault;
const hashChange = Object.getOwnPropertyDescriptor(
  (globalThis as { NavigateEvent?: { prototype: object } }).NavigateEvent?.prototype ?? {},
  'hashChange',
)?.get;
(globalThis as { navigation?: EventTarget }).navigation?.addEventListener('navigate', (event) => {
  if (!hashChange?.call(event)) preventDefault.call(event);
});

const matches = Element.prototype.matches;
const querySelector = Element.prototype.querySelector;
const fragmentQuery = DocumentFragment.prototype.querySelector;
const nodeType = Object.getOwnPropertyDescriptor(Node.prototype, 'nodeType')!.get!;

/** The node's type, or 0 for what is no node (strings, which `append` also takes). */
function typeOf(value: unknown): number {
  try {
    return nodeType.call(value) as number;
  } catch {
    return 0;
  }
}

function check(node: unknown): void {
  const type = typeOf(node);
  if (type === 1) {
    if (matches.call(node, BANNED) || querySelector.call(node, BANNED)) refuse(node as Node);
  } else if (type === 11 && fragmentQuery.call(node, BANNED)) refuse(node as Node);
}

function refuse(node: Node): never {
  throw new DOMException(
    `csv-importer: refused to insert ${node.nodeName.toLowerCase()} content`,
    'NotAllowedError',
  );
}

/** Wraps `prototype[name]` so that each node among its arguments is checked first. */
function guard(prototype: object | undefined, name: string): void {
  const original = prototype && (Object.getOwnPropertyDescriptor(prototype, name)?.value as unknown);
  if (typeof original !== 'function') return;
  Object.defineProperty(prototype, name, {
    value: function (this: unknown, ...args: unknown[]) {
      for (const arg of args) check(arg);
      return original.apply(this, args);
    },
    writable: false,
    configurable: false,
  });
}

for (const name of ['appendChild', 'insertBefore', 'replaceChild']) guard(Node.prototype, name);
for (const prototype of [Element.prototype, Document.prototype, DocumentFragment.prototype]) {
  for (const name of ['append', 'prepend', 'replaceChildren', 'moveBefore']) guard(prototype, name);
}
for (const prototype of [Element.prototype, CharacterData.prototype, DocumentType.prototype]) {
  for (const name of ['before', 'after', 'replaceWith']) guard(prototype, name);
}
guard(Element.prototype, 'insertAdjacentElement');
guard(Range.prototype, 'insertNode');
guard(Range.prototype, 'surroundContents');
// Markup parsed outside Trusted Types' reach (the Sanitizer API's safe defaults still allow
// some of these elements): the app uses neither method.
for (const name of ['setHTML', 'setHTMLUnsafe']) {
  for (const prototype of [Element.prototype, ShadowRoot.prototype]) {
    if (name in prototype)
      Object.defineProperty(prototype, name, {
        value: () => {
          throw new DOMException(`csv-importer: ${name} is not available in the importer`, 'NotAllowedError');
        },
        writable: false,
        configurable: false,
      });
  }
}
const body = Object.getOwnPropertyDescriptor(Document.prototype, 'body');
if (body?.set) {
  const set = body.set;
  Object.defineProperty(Document.prototype, 'body', {
    ...body,
    set(this: Document, value: HTMLElement) {
      check(value);
      set.call(this, value);
    },
    configurable: false,
  });
}
