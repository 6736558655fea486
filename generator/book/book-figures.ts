// What a book weighs, for the build report and the bench: the whole file, and what its pictures
// and narration (the site's MP3) take in it, read from the container's own directory. Everything
// else (the text, the navigation, the overlay, the lexicon) is to stay under BOOK_TEXT_BUDGET.
import { PICTURES_DIR } from './content-document.ts';
import { NARRATION_DIR } from './media-overlay.ts';
import { PACKAGE_DOCUMENT } from './package-document.ts';

/** The folder the book's files are in, the package document's. */
const FOLDER = PACKAGE_DOCUMENT.slice(0, PACKAGE_DOCUMENT.lastIndexOf('/') + 1);

/** The budget for all of a book but its pictures and narration (issue 24). */
export const BOOK_TEXT_BUDGET = 300_000;

export interface BookFigures {
  /** The book's file, beside its page. */
  file: string;
  bytes: number;
  /** Its pictures, as stored. */
  pictures: number;
  /** Its MP3, as stored (the site's own). */
  narration: number;
  /** The rest: the text, the navigation, the overlay, the lexicon, the container's own bytes. */
  rest: number;
}

/** Reads the ZIP's end record and central directory (the book's own, written by zip.ts: no archive comment). */
export function bookFigures(file: string, book: Buffer): BookFigures {
  const end = book.length - 22;
  if (book.readUInt32LE(end) !== 0x06054b50) throw new Error(`${file}: not a ZIP without comment`);
  const count = book.readUInt16LE(end + 10);
  let at = book.readUInt32LE(end + 16);
  let pictures = 0;
  let narration = 0;
  for (let entry = 0; entry < count; entry++) {
    const stored = book.readUInt32LE(at + 20);
    const nameLength = book.readUInt16LE(at + 28);
    const name = book.toString('utf8', at + 46, at + 46 + nameLength);
    if (name.startsWith(`${FOLDER}${PICTURES_DIR}/`)) pictures += stored;
    else if (name.startsWith(`${FOLDER}${NARRATION_DIR}/`)) narration += stored;
    at += 46 + nameLength + book.readUInt16LE(at + 30) + book.readUInt16LE(at + 32);
  }
  return { file, bytes: book.length, pictures, narration, rest: book.length - pictures - narration };
}
