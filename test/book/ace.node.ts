// DAISY Ace, the accessibility checker of the EPUB world (npm @daisy/ace), on books a test wrote:
// all in this one Node process, through Ace's Puppeteer runner in Debian's Chromium (its default
// Electron runner would download a browser). Ace starts Chromium once per book, a second or two.
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CHROMIUM } from '../../tools/browsers.ts';

/** One failed check of a book, as Ace's report gives it. */
export interface AceViolation {
  rule: string;
  impact: string;
  where: string;
  description: string;
}

interface AceAssertion {
  'earl:test': { 'dct:title': string; 'earl:impact': string };
  'earl:result': { 'earl:outcome': 'pass' | 'fail'; 'dct:description'?: string; 'earl:pointer'?: { css?: string[] } };
}

interface AceReport {
  'earl:result': { 'earl:outcome': 'pass' | 'fail' };
  assertions: { 'earl:testSubject': { url: string }; assertions: AceAssertion[] }[];
}

type Ace = (
  book: string,
  options: { cwd: string; outdir: string; tmpdir: string; initLogger: boolean; silent: boolean },
  runner: unknown,
) => Promise<[string, AceReport]>;

/** Each book's violations, by its path. */
export async function aceCheck(books: string[]): Promise<Map<string, AceViolation[]>> {
  const dir = await mkdtemp(path.join(tmpdir(), 'reader-edition-ace-'));
  // Read when Ace and Puppeteer load: Debian's Chromium, and Ace's settings and logs in the test's
  // folder rather than the user's.
  process.env.PUPPETEER_EXECUTABLE_PATH = CHROMIUM;
  process.env.XDG_CONFIG_HOME = path.join(dir, 'config');
  process.env.XDG_DATA_HOME = path.join(dir, 'data');
  process.env.XDG_STATE_HOME = path.join(dir, 'state');
  const require = createRequire(import.meta.url);
  const ace = require('@daisy/ace-core') as Ace;
  const runner: unknown = require('@daisy/ace-axe-runner-puppeteer');
  const results = new Map<string, AceViolation[]>();
  try {
    for (const [index, book] of books.entries()) {
      const outdir = path.join(dir, `report-${index}`);
      const [, report] = await ace(
        book,
        { cwd: process.cwd(), outdir, tmpdir: path.join(dir, `book-${index}`), initLogger: true, silent: true },
        runner,
      );
      results.set(
        book,
        report.assertions.flatMap(({ 'earl:testSubject': subject, assertions }) =>
          assertions
            .filter((assertion) => assertion['earl:result']['earl:outcome'] === 'fail')
            .map((assertion) => ({
              rule: assertion['earl:test']['dct:title'],
              impact: assertion['earl:test']['earl:impact'],
              where: `${path.basename(subject.url)} ${assertion['earl:result']['earl:pointer']?.css?.join(', ') ?? ''}`,
              description: assertion['earl:result']['dct:description'] ?? '',
            })),
        ),
      );
      // A failing book with no failed assertion listed would otherwise pass unseen.
      if (report['earl:result']['earl:outcome'] !== 'pass' && results.get(book)?.length === 0)
        results.set(book, [{ rule: 'earl:result', impact: '', where: book, description: 'Ace reports a failure' }]);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return results;
}
