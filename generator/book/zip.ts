// The book's container: a ZIP as the EPUB Open Container Format asks for it, the `mimetype`
// file first, stored and without extra fields, then the rest in the order given. Every entry is
// dated 1980-01-01 00:00 (the format's first day), so the same files make the same bytes at every
// build. The one place the book is zipped: written with Node's zlib alone until a maintained zip
// library is chosen (docs/book.md), a change inside this file only.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** Inside the container, with "/" between folders. */
  path: string;
  body: Buffer;
  /** Stored as it is: the `mimetype` file, and files that are compressed already (pictures). */
  stored?: boolean;
}

/** The DOS date of 1980-01-01 (the time is 00:00, 0). */
const FIRST_DAY = (1 << 5) | 1;
/** The names are UTF-8 (general purpose flag bit 11). */
const UTF8_NAMES = 0x0800;
const VERSION = 20;

export function zip(entries: ZipEntry[]): Buffer {
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.path, 'utf8');
    const data = entry.stored ? entry.body : deflateRawSync(entry.body, { level: 9 });
    const method = entry.stored ? 0 : 8;
    const crc = crc32(entry.body);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(FIRST_DAY, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(entry.body.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION, 4);
    central.writeUInt16LE(VERSION, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(FIRST_DAY, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(entry.body.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    parts.push(local, name, data);
    offset += local.length + name.length + data.length;
  }
  const size = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}
