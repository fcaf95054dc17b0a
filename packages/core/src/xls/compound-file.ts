import { count } from '../spreadsheet/sheet-grid.ts';
import { WorkbookError } from '../xlsx/xlsx.ts';

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** Sector numbers at or above this are markers (end of chain, free, FAT, DIFAT), not sectors. */
const MAX_REGULAR_SECTOR = 0xfffffffa;
const END_OF_CHAIN = 0xfffffffe;
const FREE_SECTOR = 0xffffffff;
const HEADER_DIFAT_ENTRIES = 109;
const DIRECTORY_ENTRY_BYTES = 128;

const damaged = (why: string) =>
  new WorkbookError('corrupt', `The workbook is damaged and cannot be read (${why}).`);

/** One stream or storage of the compound file's directory. */
interface DirectoryEntry {
  readonly name: string;
  /** 1 storage, 2 stream, 5 root. */
  readonly type: number;
  readonly start: number;
  readonly size: number;
}

/**
 * A Compound File Binary (OLE2, [MS-CFB]) container, the envelope of `.xls` files: the streams
 * it holds, read by following sector chains through the allocation tables. Nothing in it is
 * trusted: every sector number is checked against the file's length, every chain is followed at
 * most once per sector (a chain that loops or points outside the file is refused), the
 * directory's entries are bounded, and a stream's declared size must fit the chain that holds it.
 * The directory is scanned as a list; its red-black tree links are never followed.
 */
export class CompoundFile {
  readonly #bytes: Uint8Array;
  readonly #view: DataView;
  readonly #sectorSize: number;
  readonly #sectorCount: number;
  readonly #fat: Uint32Array;
  readonly #entries: readonly DirectoryEntry[];
  readonly #miniCutoff: number;
  readonly #miniSectorSize: number;
  readonly #miniFatStart: number;
  readonly #miniFatSectors: number;

  constructor(bytes: Uint8Array, maxEntries: number) {
    if (bytes.length < 512 || !SIGNATURE.every((b, i) => bytes[i] === b))
      throw new WorkbookError('not_xlsx', 'The file is not an Excel 97-2003 workbook.');
    this.#bytes = bytes;
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const shift = this.#u16(0x1e);
    const miniShift = this.#u16(0x20);
    if ((shift !== 9 && shift !== 12) || miniShift !== 6)
      throw damaged(`a sector size of 2^${shift} bytes, which no compound file has`);
    this.#sectorSize = 1 << shift;
    this.#miniSectorSize = 1 << miniShift;
    // A last sector cut short still counts; reads past the end are refused where they happen.
    this.#sectorCount = Math.ceil((bytes.length - this.#sectorSize) / this.#sectorSize);
    this.#miniCutoff = this.#u32(0x38);
    this.#miniFatStart = this.#u32(0x3c);
    this.#miniFatSectors = this.#u32(0x40);
    this.#fat = this.#readFat(this.#u32(0x2c), this.#u32(0x44), this.#u32(0x48));
    this.#entries = this.#readDirectory(this.#u32(0x30), maxEntries);
  }

  /** The named stream's bytes (names compared without case, as Windows does), or undefined. */
  stream(name: string, maxBytes: number): Uint8Array | undefined {
    const wanted = name.toLowerCase();
    const entry = this.#entries.find((e) => e.type === 2 && e.name.toLowerCase() === wanted);
    if (!entry) return undefined;
    if (entry.size > maxBytes)
      throw new WorkbookError(
        'too_large',
        `The workbook stream "${entry.name}" declares ${count(entry.size)} bytes, more than the importer reads.`,
      );
    if (entry.size < this.#miniCutoff) return this.#miniStream(entry);
    return this.#chain(entry.start, entry.size, `stream "${entry.name}"`);
  }

  /** Whether the file has a stream of this name. */
  has(name: string): boolean {
    const wanted = name.toLowerCase();
    return this.#entries.some((e) => e.type === 2 && e.name.toLowerCase() === wanted);
  }

  #u16(at: number): number {
    if (at + 2 > this.#bytes.length) throw damaged('a table runs past the end of the file');
    return this.#view.getUint16(at, true);
  }

  #u32(at: number): number {
    if (at + 4 > this.#bytes.length) throw damaged('a table runs past the end of the file');
    return this.#view.getUint32(at, true);
  }

  #sectorOffset(sector: number, what: string): number {
    if (sector >= this.#sectorCount)
      throw damaged(
        `the ${what} points to sector ${count(sector)}, outside the file's ${count(this.#sectorCount)} sectors`,
      );
    return (sector + 1) * this.#sectorSize;
  }

  /** The file allocation table, gathered from the sectors the header and the DIFAT chain name. */
  #readFat(fatSectors: number, difatStart: number, difatSectors: number): Uint32Array {
    if (fatSectors > this.#sectorCount)
      throw damaged(
        `${count(fatSectors)} allocation sectors declared in a file of ${count(this.#sectorCount)} sectors`,
      );
    const perSector = this.#sectorSize / 4;
    const fatSectorNumbers: number[] = [];
    for (let i = 0; i < HEADER_DIFAT_ENTRIES && fatSectorNumbers.length < fatSectors; i++)
      fatSectorNumbers.push(this.#u32(0x4c + i * 4));
    let difat = difatStart;
    const seen = new Set<number>();
    for (let n = 0; fatSectorNumbers.length < fatSectors; n++) {
      if (n >= difatSectors || difat > MAX_REGULAR_SECTOR)
        throw damaged('the allocation table list ends early');
      if (seen.has(difat)) throw damaged('the allocation table list loops');
      seen.add(difat);
      const at = this.#sectorOffset(difat, 'allocation table list');
      for (let i = 0; i < perSector - 1 && fatSectorNumbers.length < fatSectors; i++)
        fatSectorNumbers.push(this.#u32(at + i * 4));
      difat = this.#u32(at + (perSector - 1) * 4);
    }
    const fat = new Uint32Array(fatSectors * perSector);
    fatSectorNumbers.forEach((sector, i) => {
      const at = this.#sectorOffset(sector, 'allocation table');
      for (let j = 0; j < perSector; j++) fat[i * perSector + j] = this.#u32(at + j * 4);
    });
    return fat;
  }

  /** The sectors of the chain from `start`, each checked and visited at most once. */
  #sectors(start: number, what: string, table: Uint32Array, limit: number): number[] {
    const out: number[] = [];
    const seen = new Uint8Array(limit);
    for (let sector = start; sector !== END_OF_CHAIN; sector = table[sector]!) {
      if (sector === FREE_SECTOR || sector > MAX_REGULAR_SECTOR || sector >= limit || sector >= table.length)
        throw damaged(`the ${what} points to sector ${count(sector)}, outside the file`);
      if (seen[sector]) throw damaged(`the sector chain of the ${what} loops`);
      seen[sector] = 1;
      out.push(sector);
    }
    return out;
  }

  /** `size` bytes of the chain from `start` in the regular sectors. */
  #chain(start: number, size: number, what: string): Uint8Array {
    const sectors = this.#sectors(start, what, this.#fat, this.#sectorCount);
    if (sectors.length * this.#sectorSize < size)
      throw damaged(
        `the ${what} declares ${count(size)} bytes but its sectors hold ${count(sectors.length * this.#sectorSize)}`,
      );
    const out = new Uint8Array(size);
    let written = 0;
    for (const sector of sectors) {
      if (written >= size) break;
      const at = this.#sectorOffset(sector, what);
      const piece = this.#bytes.subarray(at, Math.min(at + this.#sectorSize, at + size - written));
      out.set(piece, written);
      written += piece.length;
    }
    if (written < size) throw damaged(`the ${what} runs past the end of the file`);
    return out;
  }

  #readDirectory(start: number, maxEntries: number): DirectoryEntry[] {
    const sectors = this.#sectors(start, 'directory', this.#fat, this.#sectorCount);
    const perSector = this.#sectorSize / DIRECTORY_ENTRY_BYTES;
    if (sectors.length * perSector > maxEntries + perSector)
      throw new WorkbookError(
        'too_many_parts',
        `The workbook's directory has more than ${count(maxEntries)} entries, more than the importer reads.`,
      );
    const entries: DirectoryEntry[] = [];
    const version4 = this.#sectorSize === 4096;
    for (const sector of sectors) {
      const base = this.#sectorOffset(sector, 'directory');
      for (let i = 0; i < perSector; i++) {
        const at = base + i * DIRECTORY_ENTRY_BYTES;
        const type = this.#bytes[at + 0x42]!;
        if (type === 0) continue;
        const nameBytes = Math.min(64, this.#u16(at + 0x40));
        let name = '';
        for (let c = 0; c + 1 < nameBytes - 1; c += 2) name += String.fromCharCode(this.#u16(at + c));
        const high = this.#u32(at + 0x7c);
        // Version 3 files leave the high half of the size undefined; version 4 may use it.
        const size = this.#u32(at + 0x78) + (version4 ? high * 2 ** 32 : 0);
        entries.push({ name, type, start: this.#u32(at + 0x74), size });
      }
    }
    return entries;
  }

  /** A small stream, kept in the root entry's mini stream and allocated by the mini FAT. */
  #miniStream(entry: DirectoryEntry): Uint8Array {
    const root = this.#entries.find((e) => e.type === 5);
    if (!root) throw damaged('no root entry');
    if (entry.size === 0) return new Uint8Array(0);
    const container = this.#chain(root.start, root.size, 'mini stream');
    const miniFatBytes = this.#chain(
      this.#miniFatStart,
      Math.min(this.#miniFatSectors, this.#sectorCount) * this.#sectorSize,
      'mini allocation table',
    );
    const miniFat = new Uint32Array(miniFatBytes.length / 4);
    const view = new DataView(miniFatBytes.buffer, miniFatBytes.byteOffset, miniFatBytes.byteLength);
    for (let i = 0; i < miniFat.length; i++) miniFat[i] = view.getUint32(i * 4, true);
    const limit = Math.floor(container.length / this.#miniSectorSize);
    const sectors = this.#sectors(entry.start, `stream "${entry.name}"`, miniFat, limit);
    if (sectors.length * this.#miniSectorSize < entry.size)
      throw damaged(`the stream "${entry.name}" declares more bytes than its sectors hold`);
    const out = new Uint8Array(entry.size);
    let written = 0;
    for (const sector of sectors) {
      if (written >= entry.size) break;
      const at = sector * this.#miniSectorSize;
      const piece = container.subarray(at, Math.min(at + this.#miniSectorSize, at + entry.size - written));
      out.set(piece, written);
      written += piece.length;
    }
    return out;
  }
}
