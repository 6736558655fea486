// The book's one content document: the article as the page holds it, parsed into a tree and
// written as XHTML. What is the page's and not the book's goes: the edition's hooks for read
// aloud and its scrolling code blocks, responsive image sources (the book carries one file per
// picture, in a format every reading system shows), links to the site's other pages where the
// book cannot reach them. Footnotes become EPUB notes, which reading systems open in place.
import { defaultTreeAdapter as tree, html, parseFragment, type DefaultTreeAdapterTypes } from 'parse5';
import { leadsIntoSite, type Article } from '../article/article.ts';
import { escapeXml } from '../escape.ts';
import type { WrittenRange } from '../audio/spoken-script.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { visuallyHidden } from '../../src/styles/visually-hidden.ts';
import { passageLexiconFile, pronunciationLexicon, type PronunciationLexicon } from './pronunciation.ts';
import { markSentences } from './sentences.ts';
import { isElement, xmlOf } from './xhtml.ts';

type Element = DefaultTreeAdapterTypes.Element;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** The content document's name in the book, beside the package document. */
export const CONTENT_DOCUMENT = 'article.xhtml';
/** The book's stylesheet, beside it. */
export const STYLESHEET = 'book.css';
/** Where pictures go, beside it. */
export const PICTURES_DIR = 'images';

/** The class reading systems give the sentence the narration is reading; the book's stylesheet marks it. */
export const ACTIVE_CLASS = '-epub-media-overlay-active';

/** A file of the book, under its EPUB folder. */
export interface BookFile {
  path: string;
  body: Buffer;
}

export interface ContentDocument {
  xhtml: string;
  /** The pictures it shows, in the order first shown. */
  pictures: BookFile[];
  /** Where the article is narrated: the id of each sentence's element, cue by cue. */
  sentenceIds?: string[];
  /** Where the article is narrated: the table or note each sentence is in, if any, for the overlay to group (escapable, skippable). */
  sentenceGroups?: (SentenceGroup | undefined)[];
  /** Whether a picture says something (has alt text): the book's access modes then include the visual. */
  informativePictures: boolean;
  /**
   * The hard words it holds, with how they sound, which it links to (pronunciation.ts): its
   * language's first, then each passage language's; none where it holds none.
   */
  pronunciations: PronunciationLexicon[];
}

/** A table or a note, whose sentences reading systems let the listener skip or escape. */
export interface SentenceGroup {
  type: 'table' | 'footnote';
  /** The table's or the note's id. */
  id: string;
}

export interface ContentOptions {
  /** The page's address where the site has one: links to the site's other pages and files lead there. */
  pageUrl?: URL;
  /** Where the article is narrated: each spoken sentence's written range, marked as an element (sentences.ts). */
  sentences?: WrittenRange[];
  /** The lexicon of the article's language, whose words the book holds travel with it. */
  pronunciations?: Lexicon | null;
  /** The lexicons of the other languages its passages are marked in: the words those passages hold travel with it. */
  passagePronunciations?: Lexicon[];
}

/** Attributes that serve the page's own script or the browser's loading, never the book. */
const PAGE_ONLY_ATTRIBUTES = new Set(['tabindex', 'loading', 'decoding', 'srcset', 'sizes']);

/** @param article the article as rendered for its page */
export function contentDocument(
  article: Article,
  { pageUrl, sentences, pronunciations, passagePronunciations = [] }: ContentOptions = {},
): ContentDocument {
  const { meta } = article;
  const body = parseFragment(article.html);
  // As the spoken script counts them (WrittenRange.element), before anything changes.
  const elements = [...descendants(body)];
  const header = tree.createElement('header', html.NS.HTML, []);
  const title = tree.createElement('h1', html.NS.HTML, []);
  tree.insertText(title, meta.title);
  tree.appendChild(header, title);
  // The author's name alone: the page's "By …" is the edition's word, in another language where the article's has no table.
  if (meta.author) {
    const byline = tree.createElement('p', html.NS.HTML, [{ name: 'class', value: 'byline' }]);
    tree.insertText(byline, meta.author);
    tree.insertText(header, '\n');
    tree.appendChild(header, byline);
  }
  const sentenceIds = sentences ? markSentences(elements, title, sentences) : undefined;
  const first = body.childNodes[0];
  if (first) {
    tree.insertBefore(body, header, first);
    tree.insertTextBefore(body, '\n', first);
  } else tree.appendChild(body, header);
  const files = new Map(article.files.map((file) => [file.path, file]));
  const pictures = new Map<string, BookFile>();
  let informativePictures = false;

  // First the page's wrappers go: the picture's fallback <img> stays, and the code block's <pre> without its scrolling frame.
  for (const element of [...descendants(body)]) {
    if (element.tagName === 'picture') element.childNodes = element.childNodes.filter((c) => c.nodeName === 'img');
    if (element.tagName === 'picture' || hasClass(element, 'code-block')) unwrap(element);
  }
  for (const element of descendants(body)) {
    element.attrs = element.attrs.filter(({ name }) => !PAGE_ONLY_ATTRIBUTES.has(name) && !name.startsWith('data-'));
    const lang = attribute(element, 'lang');
    if (lang !== undefined) setAttribute(element, 'xml:lang', lang);
    if (element.tagName === 'img') {
      const src = (attribute(element, 'src') ?? '').replace(/^\.\//, '');
      const file = files.get(src);
      if (file) {
        const path = `${PICTURES_DIR}/${src.split('/').at(-1)}`;
        pictures.set(path, { path, body: file.body });
        setAttribute(element, 'src', path);
      }
      if ((attribute(element, 'alt') ?? '').trim() !== '') informativePictures = true;
    }
    if (element.tagName === 'a') link(element, pageUrl);
    if (hasClass(element, 'footnotes')) {
      setAttribute(element, 'epub:type', 'endnotes');
      setAttribute(element, 'role', 'doc-endnotes');
    }
  }
  const list = [...descendants(body)].find((element) => hasClass(element, 'footnotes-list'));
  if (list) footnotes(list, body);
  const sentenceGroups = sentenceIds && groupsOf(body, sentenceIds);
  const marked = [...descendants(body)].filter((element) => attribute(element, 'lang') !== undefined);
  const inLanguage = (language: string) =>
    marked
      .filter((element) => primary(attribute(element, 'lang')!) === primary(language))
      .map(spokenText)
      .join('\n');
  const pronunciationLexicons = [
    pronunciations && pronunciationLexicon(pronunciations, spokenText(body)),
    ...passagePronunciations.map((lexicon) =>
      pronunciationLexicon(lexicon, inLanguage(lexicon.language), passageLexiconFile(lexicon.language)),
    ),
  ].filter((lexicon) => lexicon !== undefined && lexicon !== null);

  const lang = escapeXml(meta.lang);
  const xhtml = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="${lang}" xml:lang="${lang}" dir="${meta.dir}">
<head>
<meta charset="utf-8"/>
<title>${escapeXml(meta.title)}</title>
<link rel="stylesheet" type="text/css" href="${STYLESHEET}"/>
${pronunciationLexicons.map((p) => `<link rel="pronunciation" type="application/pls+xml" hreflang="${escapeXml(p.language)}" href="${p.file}"/>\n`).join('')}</head>
<body epub:type="bodymatter">
<article>
${xmlOf(body.childNodes)}
</article>
</body>
</html>
`;
  return {
    xhtml,
    pictures: [...pictures.values()],
    informativePictures,
    ...(sentenceIds && sentenceGroups && { sentenceIds, sentenceGroups }),
    pronunciations: pronunciationLexicons,
  };
}

/** A language tag's primary subtag, lower case. */
const primary = (lang: string) => lang.split('-')[0].toLowerCase();

/** What a reading system's voice may say: the text, then each picture's alt text. */
function spokenText(parent: ParentNode): string {
  const alts: string[] = [];
  const text = (node: ParentNode): string =>
    node.childNodes
      .map((child) => {
        if (child.nodeName === '#text' && 'value' in child) return child.value;
        if (!isElement(child)) return '';
        const alt = attribute(child, 'alt');
        if (alt) alts.push(alt);
        return text(child);
      })
      .join('');
  return [text(parent), ...alts].join('\n');
}

/**
 * The book's stylesheet: the reading system's own styles rule; this only marks the sentence the
 * narration is reading (as the page's reading highlight does) and keeps what the page hides for the eye hidden.
 */
export const BOOK_CSS = `.${ACTIVE_CLASS} {
  background-color: #fff3b0;
  color: #000;
  outline: 2px solid #8a6d00;
}
${visuallyHidden.cssText.trim().replaceAll('\n  ', '\n')}
.note-number {
  font-weight: bold;
}
`;

/**
 * A link inside the page stays; one to the web stays; one to another page or file of the site
 * leads to its address, or, where the site has none, is left as its text (`<a>` without href).
 */
function link(anchor: Element, pageUrl: URL | undefined) {
  const href = attribute(anchor, 'href');
  if (href === undefined || !leadsIntoSite(href)) {
    if (hasClass(anchor, 'footnote-backref')) setAttribute(anchor, 'role', 'doc-backlink');
    return;
  }
  if (pageUrl) setAttribute(anchor, 'href', new URL(href, pageUrl).href);
  else anchor.attrs = anchor.attrs.filter(({ name }) => name !== 'href');
}

/**
 * markdown-it-footnote's list becomes one EPUB note per item (`<aside epub:type="footnote">`),
 * numbered as the list was, and each reference to one a note reference.
 */
function footnotes(list: Element, body: ParentNode) {
  const parent = list.parentNode;
  if (!parent) return;
  for (const [index, item] of list.childNodes.filter(isElement).entries()) {
    const aside = tree.createElement('aside', html.NS.HTML, [
      ...item.attrs.filter(({ name }) => name === 'id'),
      { name: 'epub:type', value: 'footnote' },
      { name: 'role', value: 'doc-footnote' },
    ]);
    for (const child of [...item.childNodes]) {
      tree.detachNode(child);
      tree.appendChild(aside, child);
    }
    const number = tree.createElement('span', html.NS.HTML, [{ name: 'class', value: 'note-number' }]);
    tree.insertText(number, `${index + 1}.`);
    const first = aside.childNodes.find(isElement);
    const into = first?.tagName === 'p' ? first : aside;
    const start = into.childNodes[0];
    if (start) {
      tree.insertBefore(into, number, start);
      tree.insertTextBefore(into, ' ', start);
    } else tree.appendChild(into, number);
    tree.insertBefore(parent, aside, list);
  }
  tree.detachNode(list);
  for (const reference of descendants(body))
    if (reference.tagName === 'a' && /^#fn\d+$/.test(attribute(reference, 'href') ?? '')) {
      setAttribute(reference, 'epub:type', 'noteref');
      setAttribute(reference, 'role', 'doc-noteref');
    }
}

/** The table or note each sentence is in; a table without an id is given one ("_" is never in a heading's). */
function groupsOf(body: ParentNode, sentenceIds: string[]): (SentenceGroup | undefined)[] {
  const byId = new Map<string, Element>();
  let tables = 0;
  for (const element of descendants(body)) {
    if (element.tagName === 'table' && attribute(element, 'id') === undefined)
      setAttribute(element, 'id', `table_${++tables}`);
    const id = attribute(element, 'id');
    if (id !== undefined && !byId.has(id)) byId.set(id, element);
  }
  return sentenceIds.map((id) => {
    for (let node: ParentNode | null = byId.get(id) ?? null; node && isElement(node); node = node.parentNode) {
      if (node.tagName === 'table') return { type: 'table', id: attribute(node, 'id') ?? '' };
      if (attribute(node, 'epub:type') === 'footnote') return { type: 'footnote', id: attribute(node, 'id') ?? '' };
    }
    return undefined;
  });
}

function* descendants(parent: ParentNode): Generator<Element> {
  for (const node of parent.childNodes)
    if (isElement(node)) {
      yield node;
      yield* descendants(node);
    }
}

/** Puts an element's children in its place; its id (a sentence's) goes to the first of them. */
function unwrap(element: Element) {
  const parent = element.parentNode;
  if (!parent) return;
  const id = attribute(element, 'id');
  const first = element.childNodes.find(isElement);
  if (id !== undefined && first && attribute(first, 'id') === undefined) setAttribute(first, 'id', id);
  for (const child of [...element.childNodes]) {
    tree.detachNode(child);
    tree.insertBefore(parent, child, element);
  }
  tree.detachNode(element);
}

const attribute = (element: Element, name: string): string | undefined =>
  element.attrs.find((attr) => attr.name === name)?.value;

function setAttribute(element: Element, name: string, value: string) {
  const existing = element.attrs.find((attr) => attr.name === name);
  if (existing) existing.value = value;
  else element.attrs.push({ name, value });
}

const hasClass = (element: Element, name: string): boolean =>
  (attribute(element, 'class') ?? '').split(/\s+/).includes(name);
