import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyseName, conceptRelation } from './concepts.ts';
import { CONCEPT_LINES, CONCEPT_PARENTS, RELATED_CONCEPTS } from './concepts-data.ts';
import { normalizeHeader } from './normalize.ts';

describe('the concept dictionary', () => {
  test('every name belongs to one concept; parents and relations name known concepts', () => {
    const ids = new Set(CONCEPT_LINES.map((line) => line.slice(0, line.indexOf(':'))));
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const line of CONCEPT_LINES) {
      const id = line.slice(0, line.indexOf(':'));
      for (const raw of line.slice(line.indexOf(':') + 1).split('|')) {
        const key = normalizeHeader(raw.replace('~', ''));
        const other = owner.get(key);
        if (other !== undefined && other !== id) clashes.push(`${raw} in ${other} and ${id}`);
        owner.set(key, id);
      }
    }
    assert.deepEqual(clashes, []);
    for (const [child, parent] of Object.entries(CONCEPT_PARENTS)) {
      assert.ok(ids.has(child) && ids.has(parent), `${child} > ${parent}`);
    }
    for (const pair of RELATED_CONCEPTS)
      assert.ok(
        pair.every((c) => ids.has(c)),
        pair.join(' ~ '),
      );
  });

  test('a name is read into its head concept and qualifiers, in several languages', () => {
    const read = (name: string) => {
      const a = analyseName(name);
      return [a.concept, ...a.mods];
    };
    assert.deepEqual(read('Secondary Email'), ['email', 'instance']);
    assert.deepEqual(read('Plan Price'), ['price', 'concept:plan']);
    assert.deepEqual(read('Country Code'), ['country', 'form']);
    assert.deepEqual(read('Billing Address'), ['address', 'role:billing']);
    assert.deepEqual(read('Mobile #'), ['mobile']);
    assert.deepEqual(read('No. of licences'), ['seats']);
    assert.deepEqual(read('Lieferland'), ['country', 'role:shipping']);
    assert.deepEqual(read('Paese di spedizione'), ['country', 'role:shipping']);
    assert.deepEqual(read('Email cliente'), ['email']);
    assert.deepEqual(read('Nom du destinataire'), ['recipient']);
    assert.deepEqual(read('TaxTotal'), ['tax']);
    assert.deepEqual(read('Address 2'), ['address', 'instance']);
    assert.deepEqual(read('Address 1'), ['address']);
    assert.equal(analyseName('Cntry').concept, 'country');
    assert.equal(analyseName('Cntry').approx, true);
    assert.equal(analyseName('Nombre').weak, true);
    assert.equal(analyseName('Record ID').concept, 'id');
    assert.equal(analyseName('Monthly spend').concept, null);
  });

  test('relations: narrower, wider, related, none', () => {
    assert.equal(conceptRelation('mobile', 'phone'), 'narrower');
    assert.equal(conceptRelation('id', 'employeeId'), 'wider');
    assert.equal(conceptRelation('description', 'notes'), 'related');
    assert.equal(conceptRelation('price', 'plan'), null);
  });
});
