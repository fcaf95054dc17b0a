import { count } from '../spreadsheet/sheet-grid.ts';
import { WorkbookError } from '../xlsx/xlsx.ts';

const damaged = (why: string) =>
  new WorkbookError('corrupt', `The workbook is damaged and cannot be read (${why}).`);

/** One record of an XLSB part ([MS-XLSB] 2.1.4): its type and where its data lies. */
export interface XlsbRecord {
  readonly type: number;
  readonly start: number;
  readonly end: number;
}

/**
 * The records of a binary part: a type of one or two 7-bit groups, a size of up to four, each
 * record checked to end inside the part before it is handed out.
 */
export function* xlsbRecords(part: Uint8Array): Generator<XlsbRecord> {
  let pos = 0;
  const length = part.length;
  while (pos < length) {
    let type = part[pos++]!;
    if (type & 0x80) {
      if (pos >= length) throw damaged('a record type is cut off');
      type = (type & 0x7f) | ((part[pos++]! & 0x7f) << 7);
    }
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      if (shift > 21 || pos >= length) throw damaged('a record size is cut off or longer than four bytes');
      const b = part[pos++]!;
      size |= (b & 0x7f) << shift;
      if (!(b & 0x80)) break;
    }
    const end = pos + size;
    if (end > length)
      throw damaged(`a record of ${count(size)} bytes at offset ${count(pos)} runs past the end of its part`);
    yield { type, start: pos, end };
    pos = end;
  }
}

/** Reads the fields of one record's data, each read checked against the record's end. */
export class RecordData {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #end: number;
  #pos: number;

  constructor(bytes: Uint8Array, record: XlsbRecord) {
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.#pos = record.start;
    this.#end = record.end;
  }

  #take(n: number): number {
    const at = this.#pos;
    if (at + n > this.#end) throw damaged('a record is shorter than its fields');
    this.#pos += n;
    return at;
  }

  u8(): number {
    return this.#bytes[this.#take(1)]!;
  }

  u16(): number {
    return this.#view.getUint16(this.#take(2), true);
  }

  u32(): number {
    return this.#view.getUint32(this.#take(4), true);
  }

  f64(): number {
    return this.#view.getFloat64(this.#take(8), true);
  }

  /** An XLWideString (or, with `nullable`, XLNullableWideString): a 32-bit count, then UTF-16LE. */
  wideString(nullable = false): string {
    const cch = this.u32();
    if (nullable && cch === 0xffffffff) return '';
    if (cch * 2 > this.#end - this.#pos)
      throw damaged(`a string of ${count(cch)} characters is longer than its record`);
    const at = this.#take(cch * 2);
    return utf16.decode(this.#bytes.subarray(at, at + cch * 2));
  }
}

const utf16 = /* @__PURE__ */ new TextDecoder('utf-16le');
