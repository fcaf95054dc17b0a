/**
 * Copies a value a page hands to `<csv-importer>` into plain data that `postMessage` can clone.
 *
 * Frameworks hold state in proxies (Vue `reactive`, Svelte 5 `$state`, MobX observables) and in
 * frozen objects; structured cloning refuses a proxy (`DataCloneError`), nested ones included,
 * so every array and object is rebuilt from its own enumerable string keys, at every depth.
 * What still cannot cross becomes a `PlainDataError` naming its path (`columns[2].options[0].label`):
 * functions, symbols, bigints, class instances (a `Date`, a `Map`, a DOM node) and cycles.
 */
export class PlainDataError extends Error {
  override readonly name = 'PlainDataError';
  constructor(
    /** Where the value sits, from the property's name: `columns[2].options[0].label`. */
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

/** What a value is, for an error message. */
function kind(value: unknown): string {
  if (typeof value === 'function') return 'a function';
  if (typeof value === 'symbol') return 'a symbol';
  if (typeof value === 'bigint') return 'a bigint';
  const name = (Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null)?.constructor
    ?.name;
  return name ? `a ${name}` : 'an object that is not plain data';
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * A plain copy of `value`: `path` names it in errors. `skip(path, key)` leaves a property out
 * (a column's `validate` function, which stays in the page).
 */
export function toPlainData(
  value: unknown,
  path: string,
  skip: (path: string, key: string) => boolean = () => false,
): unknown {
  const seen = new Set<object>();
  const copy = (value: unknown, path: string): unknown => {
    if (value === null || value === undefined) return value;
    const type = typeof value;
    if (type === 'string' || type === 'boolean' || type === 'number') return value;
    if (type !== 'object') throw new PlainDataError(path, `${kind(value)} cannot be sent to the importer`);
    const object = value as object;
    if (seen.has(object))
      throw new PlainDataError(path, 'refers to itself and cannot be sent to the importer');
    seen.add(object);
    let out: unknown;
    if (Array.isArray(object)) {
      out = Array.from(object, (item, index) => copy(item, `${path}[${index}]`));
    } else if (isPlainObject(object)) {
      const record: Record<string, unknown> = {};
      for (const key of Object.keys(object)) {
        if (skip(path, key)) continue;
        record[key] = copy((object as Record<string, unknown>)[key], `${path}.${key}`);
      }
      out = record;
    } else {
      throw new PlainDataError(path, `${kind(value)} cannot be sent to the importer; use plain data`);
    }
    // A value may appear twice (the same options list in two columns); only a cycle is refused.
    seen.delete(object);
    return out;
  };
  return copy(value, path);
}
