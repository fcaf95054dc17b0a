/**
 * Rows by column, the way a `rows` batch carries them when the host asks for
 * `rowEncoding: 'columns'` or `'packed'`: `values[f]` holds field `fields[f]` of every row of the
 * batch. With `'packed'`, a column of text or of numbers travels as one string or one typed array
 * instead of thousands of values: a structured clone copies it in one piece, a typed array's
 * buffer is transferred, and checking it is a loop over integers.
 */

/** A delivered cell: text, number, boolean, null or a multi-select list (see `CellValueSchema`). */
type Cell = string | number | boolean | null | string[];

/**
 * A text column: cell `i` is `text.slice(ends[i - 1] ?? 0, ends[i])` (UTF-16 offsets), or `null`
 * where `nulls[i]` is 1.
 */
export interface PackedText {
  readonly kind: 'text';
  readonly text: string;
  readonly ends: Uint32Array;
  readonly nulls?: Uint8Array;
}

/**
 * A column of few distinct values (text or null), as a dictionary: cell `i` is
 * `words[codes[i]]`. The page gets one string per distinct value, not one per cell.
 */
export interface PackedWords {
  readonly kind: 'words';
  readonly words: (string | null)[];
  readonly codes: Uint8Array;
}

/** A number column: `values[i]`, with `NaN` standing for `null`. */
export interface PackedNumbers {
  readonly kind: 'number';
  readonly values: Float64Array;
}

export type PackedColumn = PackedText | PackedWords | PackedNumbers;

/** Most distinct values a `PackedWords` column holds: its codes are bytes. */
const MAX_WORDS = 256;
const BUCKETS = 1024;

/** `values[f][i]` is the value of field `fields[f]` in the batch's row `i`. */
export interface RowColumns {
  readonly fields: string[];
  readonly values: (Cell[] | PackedColumn)[];
}

const MAX_FIELDS = 1000;

function isCell(value: unknown): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object':
      return value === null || (Array.isArray(value) && value.every((item) => typeof item === 'string'));
    default:
      return false;
  }
}

function hasKeys(value: object, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((key) => own.includes(key));
}

/** The number of cells in a column when it is well formed, else -1. */
function columnLength(column: unknown): number {
  if (Array.isArray(column)) {
    for (const cell of column) if (!isCell(cell)) return -1;
    return column.length;
  }
  if (typeof column !== 'object' || column === null) return -1;
  const packed = column as {
    kind?: unknown;
    values?: unknown;
    words?: unknown;
    codes?: unknown;
    text?: unknown;
    ends?: unknown;
    nulls?: unknown;
  };
  if (packed.kind === 'number') {
    if (!hasKeys(packed, ['kind', 'values']) || !(packed.values instanceof Float64Array)) return -1;
    for (const value of packed.values) if (!Number.isFinite(value) && !Number.isNaN(value)) return -1;
    return packed.values.length;
  }
  if (packed.kind === 'words') {
    const { words, codes } = packed;
    if (
      !hasKeys(packed, ['kind', 'words', 'codes']) ||
      !Array.isArray(words) ||
      !(codes instanceof Uint8Array)
    )
      return -1;
    if (words.length > MAX_WORDS || !words.every((word) => word === null || typeof word === 'string'))
      return -1;
    for (const code of codes) if (code >= words.length) return -1;
    return codes.length;
  }
  if (packed.kind === 'text') {
    const { text, ends, nulls } = packed;
    const keys = nulls === undefined ? ['kind', 'text', 'ends'] : ['kind', 'text', 'ends', 'nulls'];
    if (!hasKeys(packed, keys) || typeof text !== 'string' || !(ends instanceof Uint32Array)) return -1;
    if (nulls !== undefined && (!(nulls instanceof Uint8Array) || nulls.length !== ends.length)) return -1;
    let at = 0;
    for (const end of ends) {
      if (end < at) return -1;
      at = end;
    }
    return at <= text.length ? ends.length : -1;
  }
  return -1;
}

/** Whether `value` is a well-formed `RowColumns`: unique field names, columns of equal length. */
export function isRowColumns(value: unknown): value is RowColumns {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (!hasKeys(value, ['fields', 'values'])) return false;
  const { fields, values } = value as { fields: unknown; values: unknown };
  if (!Array.isArray(fields) || !Array.isArray(values) || fields.length > MAX_FIELDS) return false;
  if (values.length !== fields.length || new Set(fields).size !== fields.length) return false;
  // The records are rebuilt by assignment, which treats this key specially; RecordSchema drops
  // it from records likewise.
  if (!fields.every((f) => typeof f === 'string' && f !== '__proto__')) return false;
  const length = values.length > 0 ? columnLength(values[0]) : 0;
  return length >= 0 && values.every((column) => columnLength(column) === length);
}

/** One (checked) column's cells as an array: a packed column unpacked, an array as it is. */
export function columnCells(column: Cell[] | PackedColumn): Cell[] {
  if (Array.isArray(column)) return column;
  if (column.kind === 'words') {
    const { words, codes } = column;
    const cells: Cell[] = new Array(codes.length);
    for (let i = 0; i < codes.length; i++) cells[i] = words[codes[i]!]!;
    return cells;
  }
  if (column.kind === 'number') {
    const cells: Cell[] = new Array(column.values.length);
    column.values.forEach((value, i) => {
      cells[i] = Number.isNaN(value) ? null : value;
    });
    return cells;
  }
  const { text, ends, nulls } = column;
  const cells: Cell[] = new Array(ends.length);
  let start = 0;
  for (let i = 0; i < ends.length; i++) {
    const end = ends[i]!;
    cells[i] = nulls?.[i] ? null : text.slice(start, end);
    start = end;
  }
  return cells;
}

/** The records a (checked) `RowColumns` stands for. */
export function rowColumnsToRecords({ fields, values }: RowColumns): Record<string, Cell>[] {
  const columns = values.map(columnCells);
  const count = columns[0]?.length ?? 0;
  const records: Record<string, Cell>[] = new Array(count);
  // Copies of an object that `JSON.parse` made hold every field inside the object, where `{}`
  // keeps four and puts the rest in a second array: 8 bytes less per record kept in V8.
  const shape: Record<string, Cell> = JSON.parse(
    JSON.stringify(Object.fromEntries(fields.map((f) => [f, null]))),
  );
  for (let i = 0; i < count; i++) {
    const record: Record<string, Cell> = { ...shape };
    for (let f = 0; f < fields.length; f++) record[fields[f]!] = columns[f]![i]!;
    records[i] = record;
  }
  return records;
}

/**
 * Packs one column of cells: text (or null) of at most 256 distinct values becomes
 * `PackedWords`, other text `PackedText`, all numbers (or null) `PackedNumbers`; anything else
 * stays an array.
 */
export function packColumn(cells: readonly Cell[]): Cell[] | PackedColumn {
  let text = true;
  let numbers = true;
  let nulls = 0;
  for (const cell of cells) {
    if (cell === null) nulls++;
    else if (typeof cell === 'string') numbers = false;
    else if (typeof cell === 'number') text = false;
    else return cells as Cell[];
    if (!text && !numbers) return cells as Cell[];
  }
  if (numbers && nulls < cells.length) {
    const values = new Float64Array(cells.length);
    cells.forEach((cell, i) => {
      values[i] = cell === null ? Number.NaN : (cell as number);
    });
    return { kind: 'number', values };
  }
  return asWords(cells as (string | null)[]) ?? asText(cells as (string | null)[], nulls);
}

/** Text cells as a dictionary, or `undefined` once they turn out to have too many values. */
function asWords(cells: readonly (string | null)[]): PackedWords | undefined {
  // Words are found by a hash of their length and end characters and compared with `===`: no
  // Map or object index, whose string hashing in Chromium contends with the page's thread.
  const buckets = new Int16Array(BUCKETS * 4).fill(-1);
  const words: (string | null)[] = [];
  const codes = new Uint8Array(cells.length);
  let nullCode = -1;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i]!;
    let code = -1;
    if (cell === null) code = nullCode;
    else {
      const n = cell.length;
      const slot =
        n === 0 ? 0 : ((n * 31 + cell.charCodeAt(0) * 7 + cell.charCodeAt(n - 1)) & (BUCKETS - 1)) * 4;
      for (let k = slot; k < slot + 4; k++) {
        const at = buckets[k]!;
        if (at < 0) break;
        if (words[at] === cell) {
          code = at;
          break;
        }
      }
      if (code < 0) {
        let free = slot;
        while (free < slot + 4 && buckets[free]! >= 0) free++;
        // A full bucket means values too alike for this cheap index: not a dictionary column.
        if (free === slot + 4 || words.length === MAX_WORDS) return undefined;
        code = words.length;
        words.push(cell);
        buckets[free] = code;
      }
    }
    if (code < 0) {
      if (words.length === MAX_WORDS) return undefined;
      code = nullCode = words.length;
      words.push(null);
    }
    codes[i] = code;
  }
  return { kind: 'words', words, codes };
}

function asText(cells: readonly (string | null)[], nulls: number): PackedText {
  const ends = new Uint32Array(cells.length);
  const flags = nulls > 0 ? new Uint8Array(cells.length) : undefined;
  let at = 0;
  cells.forEach((cell, i) => {
    if (cell === null) flags![i] = 1;
    else at += cell.length;
    ends[i] = at;
  });
  // `join` writes null as the empty string, which is what its offsets above assumed.
  return { kind: 'text', text: cells.join(''), ends, ...(flags ? { nulls: flags } : {}) };
}

/**
 * The buffers of a batch's packed columns (and of its packed notes), to transfer rather than copy
 * when it is posted.
 */
export function transferList(rows: unknown, notes?: readonly NoteColumn[]): ArrayBuffer[] {
  const columns = isRowColumnsShape(rows) ? [...rows.values] : [];
  for (const note of notes ?? []) columns.push(note.originals);
  const buffers: ArrayBuffer[] = [];
  for (const column of columns) {
    if (Array.isArray(column)) continue;
    if (column.kind === 'number') buffers.push(column.values.buffer as ArrayBuffer);
    else if (column.kind === 'words') buffers.push(column.codes.buffer as ArrayBuffer);
    else {
      buffers.push(column.ends.buffer as ArrayBuffer);
      if (column.nulls) buffers.push(column.nulls.buffer as ArrayBuffer);
    }
  }
  return buffers;
}

function isRowColumnsShape(rows: unknown): rows is RowColumns {
  return typeof rows === 'object' && rows !== null && Array.isArray((rows as RowColumns).values);
}

/**
 * The info notes of one code about one field's cells in a batch, packed (only for a host that
 * set `packedNotes`): `originals[i]` is the text of row `i`'s cell as the file had it before the
 * importer changed it (a phone number normalized to E.164, spaces trimmed...), or `null` where
 * the cell has no such note. It stands for the issue
 * `{row: start + i, column, code, level: 'info', params: {original: originals[i]}}`.
 */
export interface NoteColumn {
  readonly column: string;
  readonly code: string;
  readonly originals: (string | null)[] | PackedText | PackedWords;
}

/** The issue a packed note stands for. */
export interface OriginalNoteIssue {
  readonly row: number;
  readonly column: string;
  readonly code: string;
  readonly level: 'info';
  readonly params: { readonly original: string };
}

/** Most note columns a batch may carry: a few codes for each of the most fields. */
const MAX_NOTE_COLUMNS = 4 * MAX_FIELDS;

/**
 * Whether `value` is a well-formed list of note columns, each of `count` rows (`count` -1: of
 * one length, any). Only text (or null) is an original.
 */
export function isNoteColumns(value: unknown, count = -1): value is NoteColumn[] {
  if (!Array.isArray(value) || value.length > MAX_NOTE_COLUMNS) return false;
  let length = count;
  for (const note of value) {
    if (typeof note !== 'object' || note === null || !hasKeys(note, ['column', 'code', 'originals']))
      return false;
    const { column, code, originals } = note as { column: unknown; code: unknown; originals: unknown };
    if (typeof column !== 'string' || column.length > 200) return false;
    if (typeof code !== 'string' || code.length === 0 || code.length > 200) return false;
    if (Array.isArray(originals)) {
      if (!originals.every((cell) => cell === null || typeof cell === 'string')) return false;
    } else if ((originals as { kind?: unknown } | null)?.kind === 'number') return false;
    const n = columnLength(originals);
    if (n < 0 || (length >= 0 && n !== length)) return false;
    length = n;
  }
  return true;
}

/** Packs the originals of one field's notes of one code (see `NoteColumn`). */
export function packNotes(column: string, code: string, originals: readonly (string | null)[]): NoteColumn {
  return { column, code, originals: packColumn(originals) as NoteColumn['originals'] };
}

/**
 * The issues checked note columns stand for, the batch's first row being row `start`: by row,
 * and within a row in the order of the columns.
 */
export function noteIssues(notes: readonly NoteColumn[], start: number): OriginalNoteIssue[] {
  const columns = notes.map((note) => columnCells(note.originals) as (string | null)[]);
  const count = columns[0]?.length ?? 0;
  const issues: OriginalNoteIssue[] = [];
  for (let i = 0; i < count; i++) {
    for (let n = 0; n < notes.length; n++) {
      const original = columns[n]![i];
      if (original === null || original === undefined) continue;
      const { column, code } = notes[n]!;
      issues.push({ row: start + i, column, code, level: 'info', params: { original } });
    }
  }
  return issues;
}
