/**
 * The string forms of BIFF records: 8-bit text ("compressed" UTF-16, i.e. Latin-1, in BIFF8; the
 * workbook's code page in BIFF5) and UTF-16LE, and the shared string table whose strings run
 * across CONTINUE records. Every read is bounded by the bytes actually present.
 */

const CHUNK = 8192;

/** Latin-1 bytes (BIFF8's compressed strings) to text. */
export function latin1(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let at = start; at < end; at += CHUNK)
    out += String.fromCharCode.apply(
      null,
      bytes.subarray(at, Math.min(end, at + CHUNK)) as unknown as number[],
    );
  return out;
}

const utf16 = /* @__PURE__ */ new TextDecoder('utf-16le');

/** UTF-16LE bytes to text. */
export function utf16le(bytes: Uint8Array, start: number, end: number): string {
  return utf16.decode(bytes.subarray(start, end));
}

/** Windows code pages a BIFF5 CODEPAGE record names, as `TextDecoder` labels. */
const CODE_PAGES: Readonly<Record<number, string>> = {
  367: 'windows-1252',
  437: 'ibm866',
  874: 'windows-874',
  932: 'shift_jis',
  936: 'gbk',
  949: 'euc-kr',
  950: 'big5',
  1250: 'windows-1250',
  1251: 'windows-1251',
  1252: 'windows-1252',
  1253: 'windows-1253',
  1254: 'windows-1254',
  1255: 'windows-1255',
  1256: 'windows-1256',
  1257: 'windows-1257',
  1258: 'windows-1258',
  10000: 'macintosh',
  32769: 'windows-1252',
};

/** A decoder for 8-bit BIFF5 text in `codePage` (windows-1252 for one the platform lacks). */
export function codePageDecoder(codePage: number): TextDecoder {
  try {
    return new TextDecoder(CODE_PAGES[codePage] ?? 'windows-1252');
  } catch {
    return new TextDecoder('windows-1252');
  }
}

/**
 * Reads the shared string table (SST) from its record's data and those of the CONTINUE records
 * after it. A string's characters may be cut at a record boundary, where the next record starts
 * with a new flags byte saying whether the rest is 8- or 16-bit. Rich-text runs and phonetic
 * data are skipped. The declared count is never used to allocate: reading stops where the data
 * ends, so a table that declares four billion strings costs what its bytes hold.
 */
export function readSharedStrings(segments: readonly Uint8Array[]): string[] {
  const out: string[] = [];
  let seg = 0;
  let pos = 8;
  const first = segments[0];
  if (!first || first.length < 8) return out;
  const unique = new DataView(first.buffer, first.byteOffset, first.byteLength).getUint32(4, true);
  const atEnd = () => {
    while (seg < segments.length && pos >= segments[seg]!.length) {
      seg++;
      pos = 0;
    }
    return seg >= segments.length;
  };
  const byte = () => {
    if (atEnd()) throw new RangeError('the shared string table ends inside a string');
    return segments[seg]![pos++]!;
  };
  const u16 = () => byte() | (byte() << 8);
  const u32 = () => (u16() | (u16() << 16)) >>> 0;
  const skip = (n: number) => {
    let left = n;
    while (left > 0) {
      if (atEnd()) throw new RangeError('the shared string table ends inside a string');
      const take = Math.min(left, segments[seg]!.length - pos);
      pos += take;
      left -= take;
    }
  };
  for (let i = 0; i < unique && !atEnd(); i++) {
    const cch = u16();
    const flags = byte();
    let high = (flags & 1) !== 0;
    const runs = flags & 8 ? u16() : 0;
    const ext = flags & 4 ? u32() : 0;
    let text = '';
    let left = cch;
    while (left > 0) {
      if (pos >= segments[seg]!.length) {
        if (atEnd()) throw new RangeError('the shared string table ends inside a string');
        high = (byte() & 1) !== 0;
        continue;
      }
      const data = segments[seg]!;
      const available = high ? Math.floor((data.length - pos) / 2) : data.length - pos;
      const take = Math.min(left, available);
      if (take === 0) throw new RangeError('a shared string splits a character between records');
      const end = pos + (high ? take * 2 : take);
      text += high ? utf16le(data, pos, end) : latin1(data, pos, end);
      pos = end;
      left -= take;
    }
    skip(runs * 4 + ext);
    out.push(text);
  }
  return out;
}
