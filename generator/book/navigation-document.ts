// The book's navigation document: its table of contents (the article's title, its sections
// beneath, as the page's contents list them) and its landmarks, which reading systems offer as
// "go to the start" and "go to the contents".
import type { Article } from '../article/article.ts';
import { escapeXml } from '../escape.ts';
import { editionLanguage, wordsFor } from '../../src/words/tables.ts';
import { CONTENT_DOCUMENT } from './content-document.ts';

/** The navigation document's name in the book, beside the package document. */
export const NAVIGATION_DOCUMENT = 'nav.xhtml';

export function navigationDocument(article: Article): string {
  const { meta } = article;
  const edition = editionLanguage(meta.lang);
  // The edition's words in English where the article's language has no table of them (as on the page).
  const mark = edition.marked ? ' lang="en" xml:lang="en" dir="ltr"' : '';
  const words = wordsFor(meta.lang).build;
  const lang = escapeXml(meta.lang);
  const sections = article.sections
    .map(
      (section) =>
        `<li><a href="${CONTENT_DOCUMENT}#${escapeXml(section.id)}"${section.edition ? mark : ''}>${escapeXml(section.text)}</a></li>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}" dir="${meta.dir}">
<head>
<meta charset="utf-8"/>
<title>${escapeXml(meta.title)}</title>
</head>
<body>
<nav epub:type="toc" role="doc-toc" id="toc" aria-labelledby="toc-label">
<h1 id="toc-label"${mark}>${escapeXml(words.contents)}</h1>
<ol>
<li><a href="${CONTENT_DOCUMENT}">${escapeXml(meta.title)}</a>${sections ? `\n<ol>\n${sections}\n</ol>\n` : ''}</li>
</ol>
</nav>
<nav epub:type="landmarks" hidden="hidden">
<ol>
<li><a epub:type="toc" href="${NAVIGATION_DOCUMENT}#toc"${mark}>${escapeXml(words.contents)}</a></li>
<li><a epub:type="bodymatter" href="${CONTENT_DOCUMENT}">${escapeXml(meta.title)}</a></li>
</ol>
</nav>
</body>
</html>
`;
}
