import type { CellValue } from '../columns/column-spec.ts';
import type { IssueCode } from '../issues/issue.ts';
import type { CellNote } from '../types/parsed.ts';
import type { CellResult } from './validate.ts';

// What a cell's value is, in the low four bits of its kind byte.
const UNCHECKED = 0;
/** The value is the cell's text, as it was checked. */
const TEXT = 1;
const NULL = 2;
const TRUE = 3;
const FALSE = 4;
/** A number, in `#numbers`. */
const NUMBER = 5;
/** An E.164 phone number, `+` and the digits held as a number in `#numbers`. */
const E164 = 6;
/** An ISO date (`YYYY-MM-DD`), as days since 1970-01-01 in `#days`. */
const DAYS = 7;
/** Any other value, in `#others`. */
const OTHER = 8;
/** The cell is invalid: its value is its text (`null` when empty), its error in the caller's table. */
const INVALID = 9;
/** An E.164 phone number that is `+` and the digits of the cell's text, in order: nothing kept. */
const PLUS_DIGITS = 10;
const KIND = 15;
/** The cell has one info note whose only param is `original`, the cell's text: its code in `#noteCodes`. */
const ORIGINAL_NOTE = 16;
/** The cell has other notes, in `#notes`. */
const OTHER_NOTES = 32;

const PHONE = /^\+[1-9]\d{5,14}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The checked cells of one column, kept compactly: each cell's typed value and notes as
 * `CompiledColumn.check` gave them, so that whoever reads many rows after checking them (the
 * worker's delivery, its unique index) gets every value without checking its cell again.
 *
 * A cell costs a byte while its value is its own text, `null` or a boolean, or an E.164 phone
 * number made of `+` and the digits of its text (`+44 20 7946 0958`); a number 2, 4 or 8 bytes
 * more (one typed array for the column, as wide as its widest value needs: a column of small
 * integers stays 16-bit), another E.164 number 8, an ISO date 4 (days since 1970 in an
 * `Int32Array`); any other value (a normalized text, a list) is kept as it is. The note most
 * cells with a note have, one info note whose only param is `original` (the cell's text), costs
 * a byte (its code); other notes are kept as they are. A column never `put` holds nothing. The
 * text is the caller's to keep (the worker's cell store): `value` and `notes` take it back where
 * they need it (`readsText`), so it is not held twice. At a million rows of the bench's ten
 * columns this is about 12 MB, where 8 bytes for every number and phone made it 27 MB.
 *
 * `put` records a check, `forget` drops one (an edited cell), `has` says whether a cell is kept.
 */
export class TypedCells {
  /** Allocated by the first `put`: a column the worker never checks (any text) holds nothing. */
  #kinds: Uint8Array | undefined;
  #numbers: Int16Array | Int32Array | Float64Array | undefined;
  #days: Int32Array | undefined;
  readonly #others = new Map<number, CellValue>();
  #noteCodes: Uint8Array | undefined;
  readonly #noteTable: IssueCode[] = [];
  readonly #notes = new Map<number, readonly CellNote[]>();

  /** Cells `0` to `length - 1`, none kept yet. */
  constructor(readonly length: number) {}

  /** Keeps the check of cell `row`, whose text was `text`, in place of what it held. */
  put(row: number, text: string, result: CellResult): void {
    this.forget(row);
    let kind: number;
    if (!result.ok) {
      if (result.value !== text) throw new RangeError('TypedCells.put: the result is not of this text');
      kind = INVALID;
    } else kind = this.#encode(row, text, result.value);
    const notes = result.notes;
    if (notes !== undefined && notes.length > 0) kind |= this.#putNotes(row, text, notes);
    this.#kinds ??= new Uint8Array(this.length);
    this.#kinds[row] = kind;
  }

  /** Drops what cell `row` held: it is not kept until the next `put`. */
  forget(row: number): void {
    const kinds = this.#kinds;
    const kind = kinds === undefined ? UNCHECKED : kinds[row]!;
    if (kind === UNCHECKED) return;
    if ((kind & KIND) === OTHER) this.#others.delete(row);
    if (kind & OTHER_NOTES) this.#notes.delete(row);
    kinds![row] = UNCHECKED;
  }

  /** Whether cell `row` is kept. */
  has(row: number): boolean {
    const kinds = this.#kinds;
    return kinds !== undefined && kinds[row] !== UNCHECKED;
  }

  /** Whether cell `row` (kept) failed its check. */
  isInvalid(row: number): boolean {
    return (this.#kind(row) & KIND) === INVALID;
  }

  /** Whether `value` or `notes` of cell `row` need its text; other cells may pass any. */
  readsText(row: number): boolean {
    const kind = this.#kind(row);
    const value = kind & KIND;
    return value === TEXT || value === INVALID || value === PLUS_DIGITS || (kind & ORIGINAL_NOTE) !== 0;
  }

  #kind(row: number): number {
    const kinds = this.#kinds;
    return kinds === undefined ? UNCHECKED : kinds[row]!;
  }

  /**
   * The typed value of cell `row` (kept), as its check gave it; an invalid cell's is its text,
   * `null` when empty. `text` is the cell's text where `readsText`.
   */
  value(row: number, text: string): CellValue {
    switch (this.#kind(row) & KIND) {
      case TEXT:
        return text;
      case NULL:
        return null;
      case TRUE:
        return true;
      case FALSE:
        return false;
      case NUMBER:
        return this.#numbers![row]!;
      case E164:
        return `+${this.#numbers![row]!}`;
      case PLUS_DIGITS:
        return plusDigits(text);
      case DAYS:
        return isoDate(this.#days![row]!);
      case OTHER:
        return this.#others.get(row)!;
      case INVALID:
        return text === '' ? null : text;
      default:
        throw new RangeError(`TypedCells: cell ${row} is not kept`);
    }
  }

  /**
   * The code of cell `row`'s one info note whose only param is `original`, the cell's text
   * (`phone_normalized`, `trimmed`, `date_normalized`...), or `undefined`. Such a note is not
   * among `otherNotes`.
   */
  originalNote(row: number): IssueCode | undefined {
    return this.#kind(row) & ORIGINAL_NOTE ? this.#noteTable[this.#noteCodes![row]!] : undefined;
  }

  /** Cell `row`'s notes other than its `originalNote`, as its check gave them. */
  otherNotes(row: number): readonly CellNote[] | undefined {
    return this.#kind(row) & OTHER_NOTES ? this.#notes.get(row) : undefined;
  }

  /** Every note of cell `row` (kept) as its check gave them; `text` is the cell's text. */
  notes(row: number, text: string): readonly CellNote[] | undefined {
    const code = this.originalNote(row);
    if (code === undefined) return this.otherNotes(row);
    return [{ code, level: 'info', params: { original: text } }];
  }

  #encode(row: number, text: string, value: CellValue): number {
    if (value === text) return TEXT;
    if (value === null) return NULL;
    if (value === true) return TRUE;
    if (value === false) return FALSE;
    if (typeof value === 'number') {
      this.#numbersFor(value)[row] = value;
      return NUMBER;
    }
    if (typeof value === 'string') {
      if (value.charCodeAt(0) === 43 && PHONE.test(value)) {
        if (isPlusDigitsOf(value, text)) return PLUS_DIGITS;
        const number = Number(value.slice(1));
        this.#numbersFor(number)[row] = number;
        return E164;
      }
      if (value.length === 10 && ISO_DATE.test(value)) {
        const days = daysOf(value);
        if (isoDate(days) === value) {
          this.#days ??= new Int32Array(this.length);
          this.#days[row] = days;
          return DAYS;
        }
      }
    }
    this.#others.set(row, value);
    return OTHER;
  }

  /** The column's numbers, widened (copied once into a wider array) where `value` needs it. */
  #numbersFor(value: number): Int16Array | Int32Array | Float64Array {
    const numbers = this.#numbers;
    const width = widthOf(value);
    const held = numbers === undefined ? 0 : numbers.BYTES_PER_ELEMENT * 8;
    if (numbers !== undefined && width <= held) return numbers;
    const bits = Math.max(width, held);
    const wider =
      bits === 16
        ? new Int16Array(this.length)
        : bits === 32
          ? numbers === undefined
            ? new Int32Array(this.length)
            : Int32Array.from(numbers)
          : numbers === undefined
            ? new Float64Array(this.length)
            : Float64Array.from(numbers);
    this.#numbers = wider;
    return wider;
  }

  #putNotes(row: number, text: string, notes: readonly CellNote[]): number {
    const [note] = notes;
    if (notes.length === 1 && isOriginalNote(note!, text)) {
      let code = this.#noteTable.indexOf(note!.code);
      if (code < 0 && this.#noteTable.length < 256) code = this.#noteTable.push(note!.code) - 1;
      if (code >= 0) {
        this.#noteCodes ??= new Uint8Array(this.length);
        this.#noteCodes[row] = code;
        return ORIGINAL_NOTE;
      }
    }
    this.#notes.set(row, notes);
    return OTHER_NOTES;
  }
}

/** The bits a typed array needs to hold `value` exactly: 16, 32 or 64 (a fraction, -0, a large number). */
function widthOf(value: number): number {
  if ((value | 0) !== value || (value === 0 && 1 / value < 0)) return 64;
  return value >= -0x8000 && value <= 0x7fff ? 16 : 32;
}

/** Whether `value` (an E.164 number) is `+` and the digits of `text`, in order, and nothing else. */
function isPlusDigitsOf(value: string, text: string): boolean {
  let at = 1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 48 && unit <= 57 && value.charCodeAt(at++) !== unit) return false;
  }
  return at === value.length;
}

/** Char codes of the E.164 number `plusDigits` builds (at most 16: `+` and 15 digits). */
const units: number[] = [];

/** `+` and the digits of `text` (which `isPlusDigitsOf` accepted at `put`). */
function plusDigits(text: string): string {
  let n = 0;
  units[n++] = 43;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 48 && unit <= 57) units[n++] = unit;
  }
  units.length = n;
  // One flat string from one array, as fast as a number's `toString` and nothing kept per cell.
  return String.fromCharCode.apply(null, units);
}

/**
 * Whether a note is an info note that only says what the cell's text was: its params are exactly
 * `{original: text}` (`phone_normalized`, `date_normalized`, `trimmed`...). Such a note can travel
 * as its code alone, its original taken from the text.
 */
export function isOriginalNote(note: CellNote, text: string): boolean {
  const params = note.params;
  // Object.keys, not a for-in loop: V8 answers it from the object's shape, for every phone of a file.
  return (
    note.level === 'info' &&
    params !== undefined &&
    params.original === text &&
    Object.keys(params).length === 1
  );
}

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (proleptic Gregorian calendar). */
function daysOf(iso: string): number {
  const year = Number(iso.slice(0, 4));
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  // Days from civil (H. Hinnant's algorithm): years begin in March, so leap days come last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The ISO date `YYYY-MM-DD` of a day since 1970-01-01 (the inverse of `daysOf`). */
function isoDate(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}
