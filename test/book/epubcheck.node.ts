// EPUBCheck, the format's own checker (Debian's `epubcheck` package), on books a test wrote: all
// in one Java process (check-books.java), each book's messages read from its JSON report.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

export const EPUBCHECK_JAR = '/usr/share/java/epubcheck.jar';
const CHECK_BOOKS = fileURLToPath(new URL('check-books.java', import.meta.url));

/** One message of a book's report. */
export interface EpubCheckMessage {
  ID: string;
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO';
  message: string;
  locations: { path: string; line: number; column: number }[];
}

/** Each book's messages, by its path. */
export async function epubcheck(books: string[]): Promise<Map<string, EpubCheckMessage[]>> {
  await promisify(execFile)('java', ['-cp', EPUBCHECK_JAR, CHECK_BOOKS, ...books], { maxBuffer: 16 * 1024 * 1024 });
  const reports = new Map<string, EpubCheckMessage[]>();
  for (const book of books) {
    const report = JSON.parse(await readFile(`${book}.json`, 'utf8')) as { messages: EpubCheckMessage[] };
    reports.set(book, report.messages);
  }
  return reports;
}

/** A message as EPUBCheck's command prints it: `SEVERITY(ID): path(line,column): message`. */
export const printed = ({ severity, ID, message, locations }: EpubCheckMessage): string =>
  `${severity}(${ID}): ${locations.map((l) => `${l.path}(${l.line},${l.column})`).join(' ')}: ${message}`;
