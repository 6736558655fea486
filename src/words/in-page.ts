// The components' words where the page's language is not English: the build puts that
// language's table into the page as JSON (#edition-words, generator/page/page.ts), so the script
// carries English only and reads the page's words synchronously, before its first render.
// Where the language has no table the page carries none, and the components speak English,
// marked lang="en" (by the elements around them, or by the component where it stands alone).
import type { FirstUseWords } from './first-use-words.js';
import type { StartupWords } from './startup-words.js';

/** What #edition-words holds. */
export interface InPageWords {
  startup: StartupWords;
  firstUse: FirstUseWords;
}

export const IN_PAGE_WORDS_ID = 'edition-words';

let words: InPageWords | null | undefined;

/** The page's own table; null on an English page, or where the language has none. Read once: the build wrote it. */
export const inPageWords = (): InPageWords | null =>
  words !== undefined
    ? words
    : (words = JSON.parse(document.getElementById(IN_PAGE_WORDS_ID)?.textContent ?? 'null') as InPageWords | null);

/** The components speak English on a page in another language, which has no table: their words must be marked lang="en". */
export const englishMarked = (): boolean => !/^en\b/i.test(document.documentElement.lang) && !inPageWords();
