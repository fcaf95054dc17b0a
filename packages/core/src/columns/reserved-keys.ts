/**
 * Column keys refused: they would reach `Object.prototype` instead of a field when rows, mappings
 * or records are plain objects keyed by column key (`row.__proto__ = …` changes the row's
 * prototype), in the importer or in the application's own code. Kept apart so the wire schema
 * can check them without importing the engine.
 */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
