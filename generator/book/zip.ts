// The book's container: a ZIP as the EPUB Open Container Format asks for it, the `mimetype`
// file first, stored and without extra fields, then the rest in the order given. The one place the
// book is zipped. fflate deflates in JavaScript, so the bytes do not depend on the zlib Node was
// built with: the same files make the same book on every machine.
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
  /** Inside the container, with "/" between folders. */
  path: string;
  body: Buffer;
  /** Stored as it is: the `mimetype` file, and files that are compressed already (pictures). */
  stored?: boolean;
}

export function zip(entries: ZipEntry[]): Buffer {
  // Every entry's date: 1980-01-01 00:00, the format's first day, so no build takes the clock's.
  // fflate writes the DOS date in local time, so a local date, made in the zone of this call,
  // keeps it the same in every time zone.
  const firstDay = new Date(1980, 0, 1);
  const files: Zippable = {};
  // fflate writes the entries in the object's key order, which is insertion order for paths (never
  // integer-like keys, which JavaScript would put first).
  for (const entry of entries) files[entry.path] = [entry.body, { level: entry.stored ? 0 : 9, mtime: firstDay }];
  const bytes = zipSync(files);
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
