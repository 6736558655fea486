// One article as an EPUB 3 book, the file readers take into their own reading apps (with their
// own voices, braille displays and settings, offline). Built from the article the page is built
// from, so the book and the page never say different things; narrated where the article has an
// audio edition. docs/book.md says what the book holds, what it claims, and what is to come.
import type { Article } from '../article/article.ts';
import { BOOK_CSS, contentDocument, STYLESHEET, CONTENT_DOCUMENT } from './content-document.ts';
import { NAVIGATION_DOCUMENT, navigationDocument } from './navigation-document.ts';
import { MEDIA_OVERLAY, mediaOverlay, NARRATION_DIR } from './media-overlay.ts';
import { PACKAGE_DOCUMENT, packageDocument, type PackageContext } from './package-document.ts';
import { zip, type ZipEntry } from './zip.ts';

const CONTAINER = `<?xml version="1.0" encoding="UTF-8"?>
<container xmlns="urn:oasis:names:tc:opendocument:xmlns:container" version="1.0">
<rootfiles>
<rootfile full-path="${PACKAGE_DOCUMENT}" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`;

/** @param context the site, and the article's page (for its address and the book's identifier) */
export function makeBook(article: Article, context: PackageContext): Buffer {
  const pageUrl = context.site.baseUrl ? new URL(context.page, context.site.baseUrl) : undefined;
  const { narration } = context;
  const content = contentDocument(article, {
    pageUrl,
    sentences: narration?.ranges,
    pronunciations: context.pronunciations,
    passagePronunciations: context.passagePronunciations,
  });
  const folder = PACKAGE_DOCUMENT.slice(0, PACKAGE_DOCUMENT.lastIndexOf('/') + 1);
  const text = (path: string, body: string): ZipEntry => ({ path, body: Buffer.from(body, 'utf8') });
  return zip([
    { path: 'mimetype', body: Buffer.from('application/epub+zip', 'ascii'), stored: true },
    text('META-INF/container.xml', CONTAINER),
    text(PACKAGE_DOCUMENT, packageDocument(article, content, context)),
    text(folder + NAVIGATION_DOCUMENT, navigationDocument(article)),
    text(folder + CONTENT_DOCUMENT, content.xhtml),
    text(folder + STYLESHEET, BOOK_CSS),
    ...content.pronunciations.map((p) => text(folder + p.file, p.pls)),
    ...content.pictures.map((picture) => ({ path: folder + picture.path, body: picture.body, stored: true })),
    ...(narration
      ? [
          text(
            folder + MEDIA_OVERLAY,
            mediaOverlay(
              narration.cues,
              content.sentenceIds ?? [],
              content.sentenceGroups ?? [],
              `${NARRATION_DIR}/${narration.mp3.name}`,
            ),
          ),
          { path: `${folder}${NARRATION_DIR}/${narration.mp3.name}`, body: narration.mp3.body, stored: true },
        ]
      : []),
  ]);
}

/** A book as the build writes it: narrated where it could be, and why not where it could not. */
export interface MadeBook {
  book: Buffer;
  narrated: boolean;
  /** Why a narration given could not be used. */
  unnarrated?: string;
}

/**
 * The book, narrated where the article has an audio edition. The narration points at sentences
 * found again in the book's own parse of the article: should one not be found (an article unlike
 * any the edition was tried with), the book is made text only, with the reason, rather than the
 * whole site failing for one book's narration.
 */
export function makeNarratedBook(article: Article, context: PackageContext): MadeBook {
  if (!context.narration) return { book: makeBook(article, context), narrated: false };
  try {
    return { book: makeBook(article, context), narrated: true };
  } catch (error) {
    const { narration: _, ...textOnly } = context;
    const unnarrated = error instanceof Error ? error.message : String(error);
    return { book: makeBook(article, textOnly), narrated: false, unnarrated };
  }
}
