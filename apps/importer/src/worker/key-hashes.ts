/**
 * A set of strings kept as 52-bit hashes in one open-addressed `Float64Array`: 11 to 21 bytes a
 * key and no object per key, where a `Set` of ten million e-mail addresses holds about 700 MB of
 * strings and entries that every major collection walks. `add` may say a key was there when only
 * another key of the same hash was (for n keys, about n² / 2^53 times: 0.01 at ten million); it
 * never misses one that was. Large-file mode uses it to find repeated unique values, where a
 * false repeat only keeps a valid row for review.
 */
export class KeyHashes {
  #table = new Float64Array(1 << 12);
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Adds `key`; whether it (or a key of the same hash) was there already. */
  add(key: string): boolean {
    return this.#insert(hashOf(key));
  }

  /** Whether `key` (or a key of the same hash) was added. */
  has(key: string): boolean {
    const table = this.#table;
    const mask = table.length - 1;
    const hash = hashOf(key);
    for (let slot = hash % table.length; ; slot = (slot + 1) & mask) {
      const held = table[slot]!;
      if (held === 0) return false;
      if (held === hash) return true;
    }
  }

  #insert(hash: number): boolean {
    let table = this.#table;
    // At three quarters full, twice the room: probes stay short (a few on average), and ten
    // million keys fit in 2^24 slots (128 MiB) rather than 2^25.
    if (this.#size * 4 >= table.length * 3) {
      const old = table;
      table = this.#table = new Float64Array(old.length * 2);
      const mask = table.length - 1;
      for (const held of old) {
        if (held === 0) continue;
        let slot = held % table.length;
        while (table[slot] !== 0) slot = (slot + 1) & mask;
        table[slot] = held;
      }
    }
    const mask = table.length - 1;
    for (let slot = hash % table.length; ; slot = (slot + 1) & mask) {
      const held = table[slot]!;
      if (held === hash) return true;
      if (held === 0) {
        table[slot] = hash;
        this.#size++;
        return false;
      }
    }
  }
}

/** Two 32-bit multiplicative hashes of the UTF-16 code units, as one number from 1 to 2^52. */
function hashOf(key: string): number {
  let a = 0x811c9dc5;
  let b = 0x9747b28c ^ key.length;
  for (let i = 0; i < key.length; i++) {
    const unit = key.charCodeAt(i);
    a = Math.imul(a ^ unit, 0x01000193);
    b = Math.imul(b ^ unit, 0x5bd1e995);
    b ^= b >>> 15;
  }
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  a = Math.imul(a, 0xc2b2ae35);
  a ^= a >>> 16;
  b ^= b >>> 13;
  b = Math.imul(b, 0x27d4eb2f);
  b ^= b >>> 16;
  // The low bits (which pick the slot) from `a`, the high ones from `b`; 0 marks an empty slot.
  return (b >>> 12) * 2 ** 32 + (a >>> 0) + 1;
}
