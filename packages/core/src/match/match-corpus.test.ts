import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CORPUS_SPECS,
  type CorpusExport,
  corpusColumns,
  HEADER_CORPUS,
  HELD_OUT_CORPUS,
} from './header-corpus.ts';
import { matchColumns, matchLevel } from './match.ts';

/** The benchmark's targets (issue: matching that understands real headers). */
const MIN_RIGHT = 0.9;

interface Outcome {
  readonly source: string;
  readonly header: string;
  readonly expected: string | null;
  readonly got: string | null;
  readonly confidence: number;
  readonly decoyOf: string | null;
}

function runCorpus(corpus: readonly CorpusExport[]): Outcome[] {
  const out: Outcome[] = [];
  for (const entry of corpus) {
    const columns = corpusColumns(entry);
    const matches = matchColumns(
      columns.map((c) => c.header),
      CORPUS_SPECS[entry.spec],
      { samples: columns.map((c) => c.samples) },
    );
    columns.forEach((c, i) => {
      const m = matches.find((x) => x.fileColumn === i);
      out.push({
        source: entry.source,
        header: c.header,
        expected: c.expected,
        got: m?.key ?? null,
        confidence: m?.confidence ?? 0,
        decoyOf: c.decoyOf,
      });
    });
  }
  return out;
}

const percent = (n: number) => `${(n * 100).toFixed(1)} %`;

/** Right share, precision and recall of one run, as a line. */
function figures(name: string, outcomes: readonly Outcome[]): string {
  const right = outcomes.filter((o) => o.got === o.expected).length;
  const suggested = outcomes.filter((o) => o.got !== null);
  const tp = suggested.filter((o) => o.got === o.expected).length;
  const wanted = outcomes.filter((o) => o.expected !== null).length;
  return `  ${name}: ${outcomes.length} headers, right ${percent(right / outcomes.length)}, precision ${percent(tp / suggested.length)} (${tp}/${suggested.length}), recall ${percent(tp / wanted)} (${tp}/${wanted})`;
}

describe('matching benchmark over real-world header rows', () => {
  const written = runCorpus(HEADER_CORPUS);
  const heldOut = runCorpus(HELD_OUT_CORPUS);
  const outcomes = [...written, ...heldOut];
  const right = outcomes.filter((o) => o.got === o.expected);
  const suggested = outcomes.filter((o) => o.got !== null);
  const wanted = outcomes.filter((o) => o.expected !== null);
  const truePositives = suggested.filter((o) => o.got === o.expected);
  const precision = truePositives.length / suggested.length;
  const recall = truePositives.length / wanted.length;
  const sureWrong = outcomes.filter(
    (o) => o.got !== o.expected && o.got !== null && matchLevel(o.confidence) === 'sure',
  );
  const decoys = outcomes.filter((o) => o.decoyOf !== null);
  const sureDecoys = decoys.filter((o) => o.got === o.decoyOf && matchLevel(o.confidence) === 'sure');

  test('the corpus is broad: 80+ headers, six kinds of export, several languages, decoys', () => {
    assert.ok(outcomes.length >= 80, `${outcomes.length} headers`);
    assert.equal(new Set([...HEADER_CORPUS, ...HELD_OUT_CORPUS].map((e) => e.kind)).size, 6);
    assert.equal(new Set(HELD_OUT_CORPUS.map((e) => e.kind)).size, 6);
    assert.ok(decoys.length >= 15, `${decoys.length} decoys`);
  });

  test(`at least ${percent(MIN_RIGHT)} of headers matched right, no decoy and no wrong match at "sure"`, () => {
    const misses = outcomes
      .filter((o) => o.got !== o.expected)
      .map(
        (o) =>
          `  ${o.source}: "${o.header}" -> ${o.got ?? '-'} (${o.confidence}), expected ${o.expected ?? '-'}`,
      );
    console.log(
      [
        `matching benchmark: ${outcomes.length} headers in ${HEADER_CORPUS.length + HELD_OUT_CORPUS.length} exports`,
        figures('written beside the dictionary', written),
        figures('held out', heldOut),
        `  right ${right.length}/${outcomes.length} = ${percent(right.length / outcomes.length)}`,
        `  precision ${percent(precision)} (${truePositives.length}/${suggested.length} suggestions), recall ${percent(recall)} (${truePositives.length}/${wanted.length} fields)`,
        `  wrong at "sure": ${sureWrong.length}; decoys at "sure": ${sureDecoys.length} of ${decoys.length}`,
        'misses:',
        ...misses,
      ].join('\n'),
    );
    assert.deepEqual(
      sureDecoys.map((o) => `${o.header} -> ${o.got}`),
      [],
      'no decoy reaches the "sure" level',
    );
    assert.deepEqual(
      sureWrong.map((o) => `${o.header} -> ${o.got}`),
      [],
      'no wrong suggestion reaches the "sure" level',
    );
    assert.ok(
      right.length / outcomes.length >= MIN_RIGHT,
      `only ${percent(right.length / outcomes.length)} right`,
    );
  });
});
