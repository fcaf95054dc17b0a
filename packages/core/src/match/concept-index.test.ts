import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { conceptIndex, packConceptLines } from './concept-index.ts';
import { CONCEPT_LINES } from './concepts-data.ts';

describe('the packed dictionary the worker is built with', () => {
  test('reads into the same index, in the same order, as the dictionary as written', () => {
    const packed = packConceptLines(CONCEPT_LINES);
    assert.deepEqual([...conceptIndex(packed)], [...conceptIndex(CONCEPT_LINES)]);
    assert.ok(packed.join('\n').length < CONCEPT_LINES.join('\n').length);
  });

  test('normalizes names, keeps the ambiguous mark and drops names met before', () => {
    assert.deepEqual(
      packConceptLines(['givenName: First Name|~Prénom|first-name', 'surname: ~nom|first name|Ñame']),
      ['givenName:firstname|~prenom', 'surname:~nom|name'],
    );
  });
});
