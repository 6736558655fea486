// What the page says about the article's accessible book: a plain link that downloads it, on the
// article beside the audio download and on the index under the article's entry, its name saying
// what it is, whether it is narrated, and its size, so a reader on a metered connection knows what
// they are about to fetch (as the audio download's does), in the edition's words for the language.
import { escapeHtml } from '../escape.ts';
import { fileSize } from '../../src/file-size.ts';
import { editionLanguage, wordsFor } from '../../src/words/tables.ts';

export const BOOK_TYPE = 'application/epub+zip';

/** The book as the pages offer it. */
export interface PageBook {
  /** Its URL, relative to the page. */
  href: string;
  /** The file name a download is saved under: the article's slug. */
  download: string;
  bytes: number;
  /** Carries the audio edition, synchronized with the text. */
  narrated: boolean;
}

/**
 * "Download as an e-book (EPUB with narration, 3.4 MB)"; "(EPUB, 40 KB)" without narration.
 * @param lang the language of the words (the article's on its page, the list's on the index)
 * @param describedBy the id of what the link is the book of, where its name alone does not say (the index)
 */
export function bookLink(book: PageBook, lang: string, describedBy?: string): string {
  const { build, firstUse } = wordsFor(lang);
  const size = fileSize(book.bytes, firstUse.offline, editionLanguage(lang).locale);
  const described = describedBy ? ` aria-describedby="${escapeHtml(describedBy)}"` : '';
  // Its size for the offline details, which offer to keep it (src/components/offline-status/offline-keeping.ts).
  return `<a href="${escapeHtml(book.href)}" download="${escapeHtml(book.download)}" type="${BOOK_TYPE}" data-bytes="${book.bytes}"${described}>${escapeHtml(build.downloadBook(size, book.narrated))}</a>`;
}
