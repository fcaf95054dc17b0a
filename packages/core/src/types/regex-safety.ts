/**
 * Finds the shapes of regular expression that make a backtracking engine (every browser's) take
 * exponential or high polynomial time on some inputs, so a column spec can refuse them when it is
 * defined instead of freezing the worker on a hostile cell:
 *
 * - a repeated group whose body can be matched entirely by a repetition inside it: `(a+)+`,
 *   `(\w+\s?)+`, `(\d+(\.\d+)?)*` (but not `([a-z]+-)+`, where each round must end in a `-` the
 *   inner repetition cannot take);
 * - a repeated alternation whose branches can match the same single character: `(\w|\d)+`;
 * - three or more repetitions in a row over overlapping characters with only optional parts
 *   between them: `\d+\d*\d+x` (cubic and worse; two in a row are quadratic, which the input
 *   length cap of regex columns keeps small).
 *
 * The check is conservative, not a proof: which characters overlap is decided on a sample
 * alphabet (the pattern's own characters and one of each common class), with the pattern's own
 * flags. Regex columns also test at most `MAX_REGEX_INPUT` characters of a value.
 */

type Node =
  | { readonly kind: 'atom'; readonly source: string }
  | { readonly kind: 'seq'; readonly items: readonly Node[] }
  | { readonly kind: 'alt'; readonly branches: readonly Node[] }
  | {
      readonly kind: 'repeat';
      readonly node: Node;
      readonly min: number;
      readonly max: number;
      readonly text: string;
    }
  | { readonly kind: 'empty' };

/** Why a pattern is refused: the part of it that repeats badly, and how. */
export interface UnsafePattern {
  readonly part: string;
  readonly reason: string;
}

const SAMPLE = [
  'a',
  'z',
  'A',
  'Z',
  '0',
  '9',
  '_',
  ' ',
  '\t',
  '\n',
  '-',
  '.',
  ',',
  '@',
  '/',
  'é',
  '€',
  '中',
  '😀',
];

/** The first reason `pattern` (which compiles with `flags`) can take super-linear time, if any. */
export function unsafePattern(pattern: string, flags: string): UnsafePattern | undefined {
  let tree: Node;
  try {
    tree = new Parser(pattern).parse();
  } catch {
    return undefined; // A syntax this parser does not follow: left to the input length cap.
  }
  const alphabet = [...new Set([...SAMPLE, ...pattern])];
  const clean = flags.replace(/[gy]/g, '');
  const sets = new Map<string, ReadonlySet<string>>();
  const charsOf = (source: string): ReadonlySet<string> => {
    let set = sets.get(source);
    if (!set) {
      let regex: RegExp;
      try {
        regex = new RegExp(`^(?:${source})$`, clean);
      } catch {
        regex = /^[\s\S]$/u; // a back reference or the like: assume it matches anything
      }
      set = new Set(alphabet.filter((c) => regex.test(c)));
      sets.set(source, set);
    }
    return set;
  };
  const overlaps = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].some((c) => b.has(c));
  /** Every character the node can consume. */
  const chars = (node: Node): Set<string> => {
    switch (node.kind) {
      case 'atom':
        return new Set(charsOf(node.source));
      case 'seq':
        return new Set(node.items.flatMap((n) => [...chars(n)]));
      case 'alt':
        return new Set(node.branches.flatMap((n) => [...chars(n)]));
      case 'repeat':
        return chars(node.node);
      case 'empty':
        return new Set();
    }
  };
  /** Whether the node can match a string made only of characters in `set` (the empty one counts). */
  const within = (node: Node, set: ReadonlySet<string>): boolean => {
    switch (node.kind) {
      case 'atom':
        return overlaps(charsOf(node.source), set);
      case 'seq':
        return node.items.every((n) => within(n, set));
      case 'alt':
        return node.branches.some((n) => within(n, set));
      case 'repeat':
        return node.min === 0 || within(node.node, set);
      case 'empty':
        return true;
    }
  };
  const canBeEmpty = (node: Node): boolean => within(node, new Set());
  /** Characters of the one-character strings the node can match. */
  const singles = (node: Node): Set<string> => {
    if (node.kind === 'atom') return new Set(charsOf(node.source));
    if (node.kind === 'alt') return new Set(node.branches.flatMap((n) => [...singles(n)]));
    if (node.kind === 'seq') {
      const solid = node.items.filter((n) => !canBeEmpty(n));
      return solid.length === 1 ? singles(solid[0]!) : new Set();
    }
    if (node.kind === 'repeat' && node.min <= 1) return singles(node.node);
    return new Set();
  };
  const unbounded = (node: Node, out: Extract<Node, { kind: 'repeat' }>[] = []) => {
    if (node.kind === 'repeat') {
      if (node.max === Number.POSITIVE_INFINITY) out.push(node);
      unbounded(node.node, out);
    } else if (node.kind === 'seq') for (const n of node.items) unbounded(n, out);
    else if (node.kind === 'alt') for (const n of node.branches) unbounded(n, out);
    return out;
  };
  const visit = (node: Node): UnsafePattern | undefined => {
    if (node.kind === 'repeat' && node.max > 1) {
      for (const inner of unbounded(node.node)) {
        if (within(node.node, chars(inner.node)))
          return {
            part: node.text,
            reason: 'it repeats a group that can be matched entirely by a repetition inside it',
          };
      }
      const body = node.node.kind === 'seq' && node.node.items.length === 1 ? node.node.items[0]! : node.node;
      if (body.kind === 'alt') {
        const branchSets = body.branches.map(singles);
        for (let i = 0; i < branchSets.length; i++)
          for (let j = i + 1; j < branchSets.length; j++)
            if (overlaps(branchSets[i]!, branchSets[j]!))
              return { part: node.text, reason: 'it repeats alternatives that can match the same character' };
      }
    }
    if (node.kind === 'seq') {
      // Chains of unbounded repetitions over overlapping characters, optional parts between them.
      let chain: ReadonlySet<string> | null = null;
      let length = 0;
      let first = '';
      for (const item of node.items) {
        if (item.kind === 'repeat' && item.max === Number.POSITIVE_INFINITY) {
          const set = chars(item.node);
          if (chain && overlaps(chain, set)) {
            length++;
            const shared: ReadonlySet<string> = chain;
            chain = new Set([...shared].filter((c) => set.has(c)));
          } else {
            chain = set;
            length = 1;
            first = item.text;
          }
          if (length >= 3)
            return {
              part: `${first}…${item.text}`,
              reason: 'it has three or more repetitions in a row over the same characters',
            };
        } else if (!canBeEmpty(item)) chain = null;
      }
    }
    const children =
      node.kind === 'seq'
        ? node.items
        : node.kind === 'alt'
          ? node.branches
          : node.kind === 'repeat'
            ? [node.node]
            : [];
    for (const child of children) {
      const found = visit(child);
      if (found) return found;
    }
    return undefined;
  };
  return visit(tree);
}

/** A small recursive-descent reader of JavaScript regular expression syntax, enough for `unsafePattern`. */
class Parser {
  #at = 0;
  constructor(readonly source: string) {}

  parse(): Node {
    const node = this.#alternation();
    if (this.#at < this.source.length) throw new SyntaxError('unbalanced )');
    return node;
  }

  #alternation(): Node {
    const branches = [this.#sequence()];
    while (this.source[this.#at] === '|') {
      this.#at++;
      branches.push(this.#sequence());
    }
    return branches.length === 1 ? branches[0]! : { kind: 'alt', branches };
  }

  #sequence(): Node {
    const items: Node[] = [];
    while (this.#at < this.source.length && this.source[this.#at] !== '|' && this.source[this.#at] !== ')') {
      const start = this.#at;
      const atom = this.#atom();
      items.push(this.#quantified(atom, start));
    }
    return { kind: 'seq', items };
  }

  #quantified(node: Node, start: number): Node {
    const s = this.source;
    let min: number;
    let max: number;
    const c = s[this.#at];
    if (c === '*' || c === '+' || c === '?') {
      this.#at++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(s.slice(this.#at, this.#at + 24));
      if (!m) return node;
      this.#at += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return node;
    if (s[this.#at] === '?') this.#at++; // lazy: the same worst case
    return this.#quantified({ kind: 'repeat', node, min, max, text: s.slice(start, this.#at) }, start);
  }

  #atom(): Node {
    const s = this.source;
    const start = this.#at;
    const c = s[this.#at]!;
    if (c === '(') {
      this.#at++;
      let lookaround = false;
      if (s[this.#at] === '?') {
        const rest = s.slice(this.#at, this.#at + 4);
        if (rest.startsWith('?:')) this.#at += 2;
        else if (/^\?<?[=!]/.test(rest)) {
          lookaround = true;
          this.#at += rest[1] === '<' ? 3 : 2;
        } else if (rest.startsWith('?<')) this.#at = s.indexOf('>', this.#at) + 1;
        else throw new SyntaxError('unknown group');
      }
      const inner = this.#alternation();
      if (s[this.#at] !== ')') throw new SyntaxError('unclosed group');
      this.#at++;
      // A lookaround consumes nothing; its own repetitions are still checked.
      return lookaround ? { kind: 'seq', items: [inner, { kind: 'empty' }] } : inner;
    }
    if (c === '[') {
      this.#at++;
      while (this.#at < s.length && s[this.#at] !== ']') this.#at += s[this.#at] === '\\' ? 2 : 1;
      this.#at++;
      return { kind: 'atom', source: s.slice(start, this.#at) };
    }
    if (c === '^' || c === '$') {
      this.#at++;
      return { kind: 'empty' };
    }
    if (c === '\\') {
      const next = s[this.#at + 1];
      if (next === 'b' || next === 'B') {
        this.#at += 2;
        return { kind: 'empty' };
      }
      const m =
        /^\\(?:[pP]\{[^}]*\}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|c[a-zA-Z]|k<[^>]*>|\d+|[\s\S])/.exec(
          s.slice(this.#at, this.#at + 64),
        );
      this.#at += m ? m[0].length : 2;
      return { kind: 'atom', source: s.slice(start, this.#at) };
    }
    // One code point (a surrogate pair stays whole).
    this.#at += (s.codePointAt(this.#at) ?? 0) > 0xffff ? 2 : 1;
    return { kind: 'atom', source: s.slice(start, this.#at) };
  }
}
