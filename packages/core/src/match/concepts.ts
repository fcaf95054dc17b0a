import { conceptIndex, type ConceptEntry as Entry } from './concept-index.ts';
import { CONCEPT_LINES, CONCEPT_PARENTS, MONEY_CONCEPTS, RELATED_CONCEPTS } from './concepts-data.ts';
import { normalizeHeader } from './normalize.ts';

/**
 * What a header or a field name is about: its head concept (`email` for `Secondary Email`), and
 * what qualifies it (`secondary`). Matching compares these instead of raw strings, so `Mobile #`
 * meets Phone while `Plan Price` does not meet Plan.
 */
export interface NameAnalysis {
  /** The head concept's id, or null when the name holds no known concept. */
  readonly concept: string | null;
  /** The concept came from an ambiguous name (`Nom`, `Nombre`): likely at best. */
  readonly weak: boolean;
  /** The concept was read through a typo or an abbreviation (`Cntry`, `Date of Brith`). */
  readonly approx: boolean;
  /** Qualifiers, as keys: `role:billing`, `instance`, `form`, `concept:plan`, `word:annual`. */
  readonly mods: readonly string[];
  /** `mods` as a set, and whether one of them is a role. */
  readonly modSet: ReadonlySet<string>;
  readonly hasRole: boolean;
  /** Every concept named anywhere in the name. */
  readonly concepts: ReadonlySet<string>;
  /** The name normalized (`normalizeHeader`), for fuzzy comparison. */
  readonly normalized: string;
}

/** Names longer than this are analysed from their start only (headers come from files). */
export const MAX_ANALYSED_LENGTH = 120;
/** At most this many words of a name are read. */
const MAX_WORDS = 12;
/** A phrase in the dictionary has at most this many words. */
const MAX_PHRASE_WORDS = 5;

const INDEX = conceptIndex(CONCEPT_LINES);
/** Dictionary keys by first character, for typo and abbreviation look-ups. */
const BY_FIRST = new Map<string, string[]>();
for (const key of INDEX.keys()) {
  const list = BY_FIRST.get(key[0]!) ?? [];
  list.push(key);
  BY_FIRST.set(key[0]!, list);
}

const RELATED = new Set(RELATED_CONCEPTS.flatMap(([a, b]) => [`${a}>${b}`, `${b}>${a}`]));

const words = (list: string) => new Set(list.split(' ').map(normalizeHeader));
/** Words that say nothing about which field a column is. */
const NEUTRAL = words(
  'the a an of for on at in by to per your my our and or de du des del della di da do dos das la le les el los il lo van der die das den det af av för for och og et y e und en ja customer client contact user member subscriber person people lead account primary main default principal standard haupt legal kunde kunden cliente clienti klant kund kunde asiakas profile item unit each is has 1 kg g lb lbs oz cm mm eur usd gbp chf sek nok dkk yyyy dd mm aaaa jj pct percent no nr num number nro count',
);
/** Words that name another instance of the same kind: a second e-mail is not the e-mail. */
const INSTANCE = words(
  'secondary second alternate alternative alt other additional another backup old previous former emergency parent guardian partner spouse referrer referred referral cc bcc owner assistant zweite zweit weitere andere alte notfall secondaire autre ancien ancienne deuxième secundario otro otra alternativo anterior secondario altro precedente secundário outro tweede oude vorige sekundär annan andra tidigare sekundær anden andet annen tidligere toissijainen muu vanha الثاني',
);
/** Words that name a form of the thing rather than the thing: a country code is not a country. */
const FORM = words('code iso abbreviation abbr short kürzel kuerzel código codice kod koodi type kind art');
/** Roles, grouped: a billing and a shipping address are two fields. */
const ROLE_LINES = [
  'work: work business office arbeit büro dienstlich geschäftlich beruflich travail professionnel professionnelle pro trabajo laboral lavoro ufficio trabalho profissional werk zakelijk arbete jobb arbejde jobb työ',
  'home: home private personal privat privé privée personnel personnelle casa privado personale privato pessoal prive thuis persoonlijk hem hjem koti',
  'billing: billing bill invoice invoicing rechnung rechnungs facturation facturación fatturazione faturação factuur faktura fakturerings lasku laskutus',
  'shipping: shipping ship delivery deliver liefer lieferung versand livraison expédition envío entrega spedizione consegna verzend levering leverans leverings toimitus',
  'mailing: mailing postal post',
];
const ROLE = new Map<string, string>();
for (const line of ROLE_LINES) {
  const [group, list] = line.split(': ') as [string, string];
  for (const w of words(list)) ROLE.set(w, group);
}
/** Head words that only say "the amount of" or "the name of" when a more telling concept is near. */
const TRANSPARENT = new Set(['fullName', 'id', 'customer']);
/** Prepositions after which Romance languages put the qualifier: `Date de naissance`. */
const ROMANCE_OF = words('de du des del della dello di da do dos das');

/** Words of a name: camelCase and letter/digit runs split, `#` read as "number", case and accents folded. */
export function nameWords(name: string): string[] {
  const text = name
    .slice(0, MAX_ANALYSED_LENGTH)
    .replace(/#/g, ' no ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .replace(/(\p{L})(\p{N})/gu, '$1 $2')
    .replace(/(\p{N})(\p{L})/gu, '$1 $2');
  return text
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .map(normalizeHeader)
    .filter((w) => w !== '')
    .slice(0, MAX_WORDS);
}

/** Levenshtein distance of two short strings, stopping early once it exceeds `limit`. */
function withinDistance(a: string, b: string, limit: number): boolean {
  if (Math.abs(a.length - b.length) > limit) return false;
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const value = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      next.push(value);
      if (value < best) best = value;
    }
    if (best > limit) return false;
    row = next;
  }
  return row[b.length]! <= limit;
}

function isSubsequence(short: string, long: string): boolean {
  let i = 0;
  for (const ch of long) if (ch === short[i]) i++;
  return i === short.length;
}

/**
 * A dictionary key near `word`: one or two typing errors (`brith`, `adress`), or an abbreviation
 * made by leaving letters out (`cntry`, `qty`). Only a single concept may answer.
 */
function approximate(word: string): Entry | undefined {
  if (word.length < 3) return undefined;
  const candidates = BY_FIRST.get(word[0]!) ?? [];
  const found = new Set<string>();
  let entry: Entry | undefined;
  for (const key of candidates) {
    const typo = word.length >= 6 && key.length >= 6 && withinDistance(word, key, word.length >= 9 ? 2 : 1);
    const abbreviation =
      word.length <= 5 &&
      key.length >= word.length + 2 &&
      /^[^aeiou]*$/.test(word.slice(1)) &&
      isSubsequence(word, key);
    if (typo || abbreviation) {
      const e = INDEX.get(key)!;
      found.add(e.concept);
      entry = e;
    }
  }
  return found.size === 1 ? entry : undefined;
}

interface Piece {
  readonly entry?: Entry;
  readonly word?: string;
  readonly approx?: boolean;
  /** A bare "name" or "number" word: `Nom du destinataire` is about the recipient. */
  readonly generic?: boolean;
}

/** Words that, beside a more telling concept, only say "the name of" or "the number of". */
const GENERIC_WORDS = words('name nom nombre nome naam namn navn nimi الاسم');

/** Splits an unknown compound (`Lieferland`, `Kundennummer`) into a known ending and its qualifier. */
function compound(word: string): Piece[] | undefined {
  for (let cut = 3; cut <= word.length - 4; cut++) {
    const entry = INDEX.get(word.slice(cut));
    if (!entry) continue;
    const prefix = word.slice(0, cut);
    const stem = prefix.endsWith('s') ? prefix.slice(0, -1) : prefix;
    const head = INDEX.get(prefix) ?? INDEX.get(stem);
    const role = ROLE.get(prefix) ?? ROLE.get(stem);
    // An unknown qualifier (`Kostenstelle`) may change the meaning: never more than likely.
    return [
      role || !head ? { word: role ? prefix : stem } : { entry: head },
      { entry, approx: !role && !head },
    ];
  }
  return undefined;
}

function pieces(list: readonly string[]): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < list.length; ) {
    let taken = 0;
    for (let n = Math.min(MAX_PHRASE_WORDS, list.length - i); n >= 1 && taken === 0; n--) {
      const entry = INDEX.get(list.slice(i, i + n).join(''));
      if (entry) {
        out.push(n === 1 && GENERIC_WORDS.has(list[i]!) ? { entry, generic: true } : { entry });
        taken = n;
      }
    }
    if (taken > 0) {
      i += taken;
      continue;
    }
    const word = list[i]!;
    const known =
      NEUTRAL.has(word) || INSTANCE.has(word) || FORM.has(word) || ROLE.has(word) || /^\d+$/.test(word);
    const split = known || word.length < 7 ? undefined : compound(word);
    const near = known || split ? undefined : approximate(word);
    if (split) out.push(...split);
    else if (near) out.push({ entry: near, approx: true });
    else out.push({ word });
    i++;
  }
  return out;
}

function modifier(word: string): string | null {
  if (NEUTRAL.has(word)) return null;
  if (/^\d+$/.test(word)) return Number(word) >= 2 ? 'instance' : null;
  if (INSTANCE.has(word)) return 'instance';
  if (FORM.has(word)) return 'form';
  const role = ROLE.get(word);
  if (role) return `role:${role}`;
  return `word:${word}`;
}

export function ancestors(concept: string): string[] {
  const out: string[] = [];
  for (let c = CONCEPT_PARENTS[concept]; c !== undefined && out.length < 4; c = CONCEPT_PARENTS[c])
    out.push(c);
  return out;
}

const cache = new Map<string, NameAnalysis>();

/** Reads a header or field name into its head concept and qualifiers (memoized, bounded). */
export function analyseName(full: string): NameAnalysis {
  const name = full.slice(0, MAX_ANALYSED_LENGTH);
  const known = cache.get(name);
  if (known) return known;
  const normalized = normalizeHeader(name);
  const list = nameWords(name);
  const whole = INDEX.get(normalized) ?? INDEX.get(list.join(''));
  let result: NameAnalysis;
  if (whole) {
    result = withSets({
      concept: whole.concept,
      weak: whole.weak,
      approx: false,
      mods: [],
      concepts: new Set([whole.concept]),
      normalized,
    });
  } else {
    const parts = pieces(list);
    // A typo in a whole phrase (`Date of Brith`) is found on the joined words.
    const found = parts.filter((p) => p.entry);
    if (
      found.length === 0 ||
      found.every((p) => p.approx) ||
      parts.some((p) => p.word && modifier(p.word)?.startsWith('word:'))
    ) {
      const joined = list.join('');
      const near = joined.length >= 6 && list.length > 1 ? approximate(joined) : undefined;
      if (near) parts.splice(0, parts.length, { entry: near, approx: true });
    }
    result = withSets(fromPieces(parts, normalized));
  }
  if (cache.size > 5000) cache.clear();
  cache.set(name, result);
  return result;
}

function withSets(a: Omit<NameAnalysis, 'modSet' | 'hasRole'>): NameAnalysis {
  return { ...a, modSet: new Set(a.mods), hasRole: a.mods.some((m) => m.startsWith('role:')) };
}

function fromPieces(parts: readonly Piece[], normalized: string): Omit<NameAnalysis, 'modSet' | 'hasRole'> {
  const withConcept = parts.map((p, i) => ({ p, i })).filter(({ p }) => p.entry);
  const concepts = new Set(withConcept.map(({ p }) => p.entry!.concept));
  if (withConcept.length === 0) {
    const mods = parts.map((p) => modifier(p.word!)).filter((m): m is string => m !== null);
    return { concept: null, weak: false, approx: false, mods, concepts, normalized };
  }
  // `amount` and `total` beside a money concept only say "the sum of it" (`Tax total`, `Montant HT`).
  const money = (c: string) => MONEY_CONCEPTS.has(c) && c !== 'total';
  const hasMoney = withConcept.some(({ p }) => money(p.entry!.concept));
  const transparent = (c: string) => TRANSPARENT.has(c) || (hasMoney && (c === 'amount' || c === 'total'));
  const exact = withConcept.filter(({ p }) => !p.approx);
  const telling = (exact.length > 0 ? exact : withConcept).filter(
    ({ p }) => !p.generic && !transparent(p.entry!.concept),
  );
  const heads = telling.length > 0 ? telling : withConcept;
  // English and the Germanic languages end on the head (`Shipping Country`); Romance languages
  // start with it when a preposition follows (`Paese di spedizione`).
  const first = heads[0]!;
  const romance = parts.some((p, i) => i > first.i && p.word !== undefined && ROMANCE_OF.has(p.word));
  const head = romance ? first : heads[heads.length - 1]!;
  const concept = head.p.entry!.concept;
  const above = new Set(ancestors(concept));
  const mods: string[] = [];
  parts.forEach((p, i) => {
    if (i === head.i) return;
    if (p.entry) {
      const c = p.entry.concept;
      if (p.approx && p.word === undefined) mods.push('word:~');
      else if (c !== concept && !above.has(c) && !transparent(c) && !p.generic) mods.push(`concept:${c}`);
    } else {
      const m = modifier(p.word!);
      if (m) mods.push(m);
    }
  });
  return {
    concept,
    weak: head.p.entry!.weak,
    approx: head.p.approx === true,
    mods,
    concepts,
    normalized,
  };
}

/** How two concepts relate: the same, the header's a narrower kind, a wider kind, related, or not. */
export function conceptRelation(
  header: string,
  field: string,
): 'same' | 'narrower' | 'wider' | 'related' | null {
  if (header === field) return 'same';
  if (ancestors(header).includes(field)) return 'narrower';
  if (ancestors(field).includes(header)) return 'wider';
  if (RELATED.has(`${header}>${field}`)) return 'related';
  return null;
}

/** The dictionary's concepts with every normalized name, for tests and docs. */
export function conceptNames(): ReadonlyMap<string, string> {
  return new Map([...INDEX].map(([key, e]) => [key, e.concept]));
}
