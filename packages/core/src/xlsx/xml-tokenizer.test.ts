import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { attribute, attributes, InvalidCharacterError, unescapeXml } from './xml-text.ts';
import { XmlLimitError, XmlSyntaxError, XmlTokenizer } from './xml-tokenizer.ts';

/** The events of `pieces`, pushed one after another, as readable strings. */
function events(pieces: readonly string[], limits = { maxTagLength: 1000, maxTextLength: 1000 }): string[] {
  const out: string[] = [];
  const tokenizer = new XmlTokenizer(
    {
      open: (name, attrs, selfClosing) => out.push(`<${name}|${attrs}${selfClosing ? '/' : ''}>`),
      close: (name) => out.push(`</${name}>`),
      text: (raw, cdata) => {
        // Text may arrive split around a CDATA section; join neighbours for comparison.
        const last = out.at(-1);
        if (last?.startsWith('"')) out[out.length - 1] = `${last}${cdata ? `[${raw}]` : raw}`;
        else out.push(`"${cdata ? `[${raw}]` : raw}`);
      },
    },
    limits,
  );
  for (const piece of pieces) tokenizer.push(piece);
  tokenizer.end();
  return out;
}

const SAMPLE =
  '<?xml version="1.0"?><!DOCTYPE x><!-- a <comment> --><x:row r="1" a=\'q>"\' b="x>y"><c r="A1"/>t&amp;<![CDATA[<not a tag>]]>u</x:row >';

describe('XmlTokenizer', () => {
  test('tags, self-closing tags, attributes with > inside quotes, comments, CDATA, declarations', () => {
    assert.deepEqual(events([SAMPLE]), [
      `<x:row|r="1" a='q>"' b="x>y">`,
      '<c|r="A1"/>',
      '"t&amp;[<not a tag>]u',
      '</x:row>',
    ]);
  });

  test('the same events whatever the pieces the input arrives in', () => {
    const whole = events([SAMPLE]);
    for (let i = 0; i <= SAMPLE.length; i++)
      for (let j = i; j <= SAMPLE.length; j += 7)
        assert.deepEqual(
          events([SAMPLE.slice(0, i), SAMPLE.slice(i, j), SAMPLE.slice(j)]),
          whole,
          `split at ${i}, ${j}`,
        );
  });

  test('a tag or text past the limits is refused while it arrives, not after it is held whole', () => {
    const tokenizer = new XmlTokenizer(
      { open() {}, close() {}, text() {} },
      { maxTagLength: 100, maxTextLength: 100 },
    );
    tokenizer.push('<a>');
    assert.throws(
      () => {
        for (let i = 0; i < 1000; i++) tokenizer.push('x'.repeat(10));
      },
      (e: unknown) => e instanceof XmlLimitError && e.kind === 'text',
    );
    const tags = new XmlTokenizer(
      { open() {}, close() {}, text() {} },
      { maxTagLength: 100, maxTextLength: 100 },
    );
    assert.throws(
      () => {
        for (let i = 0; i < 1000; i++) tags.push(i === 0 ? '<a b="' : 'x'.repeat(10));
      },
      (e: unknown) => e instanceof XmlLimitError && e.kind === 'tag',
    );
  });

  test('an input that ends inside a tag is an error', () => {
    assert.throws(() => events(['<a><b c="1"']), XmlSyntaxError);
  });

  test('a long unfinished text in many pieces is scanned once (linear, not quadratic)', () => {
    // 20,000 pieces of 50 characters: a rescan per piece would read 10^10 characters.
    const pieces = Array.from({ length: 20_000 }, () => 'y'.repeat(50));
    const out = events(['<a>', ...pieces, '</a>'], { maxTagLength: 100, maxTextLength: 2_000_000 });
    assert.equal(out[1]!.length, 1 + 1_000_000);
  });
});

describe('XML text', () => {
  test('entities, Excel escapes and character references; a reference to no character throws', () => {
    assert.equal(unescapeXml('&lt;a&gt; &amp; &quot;&apos; &#233;&#x1F600; _x000D_'), '<a> & "\' é😀 \r');
    assert.equal(unescapeXml('&unknown; &#xZZ;'), '&unknown; &#xZZ;');
    for (const bad of ['&#x110000;', '&#xD800;', '&#1114112;', '&#xFFFFFFFF;'])
      assert.throws(
        () => unescapeXml(`a${bad}`),
        (e: unknown) => e instanceof InvalidCharacterError && e.reference === bad,
      );
  });

  test('attributes are read in one pass; a key like __proto__ is an ordinary key', () => {
    assert.deepEqual(Object.entries(attributes(` r="A1" t='s' x:y = "a&amp;b" __proto__="p" bare`)), [
      ['r', 'A1'],
      ['t', 's'],
      ['x:y', 'a&b'],
      ['__proto__', 'p'],
    ]);
    assert.equal(Object.getPrototypeOf(attributes('__proto__="p"')), null);
    assert.equal(attribute('s="1" r="B2" t="str"', 'r'), 'B2');
    assert.equal(attribute('xr:r="no" r="B2"', 'r'), 'B2');
    assert.equal(attribute('t="str"', 'r'), undefined);
  });
});
