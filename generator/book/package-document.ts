// The book's package document: what the book is (title, authors, language, dates, publisher,
// a stable identifier), what it holds, in what order it is read, and what it offers readers who
// do not see, do not hear or use other means (EPUB Accessibility 1.1's metadata, which libraries
// for blind and print-disabled readers search by). Everything here comes from the article and
// the site's settings, never from the clock, so two builds write the same package.
import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';
import { dateInstant } from '../article/dates.ts';
import { escapeXml } from '../escape.ts';
import type { SiteConfig } from '../site-config.ts';
import { clockValue, MEDIA_OVERLAY, NARRATION_DIR, narrationSeconds, type Narration } from './media-overlay.ts';
import { ACTIVE_CLASS, CONTENT_DOCUMENT, STYLESHEET, type ContentDocument } from './content-document.ts';
import { NAVIGATION_DOCUMENT } from './navigation-document.ts';
import type { Lexicon } from '../lexicon/lexicon.ts';
import { editionLanguage, wordsFor } from '../../src/words/tables.ts';

/** The package document's path in the container, which META-INF/container.xml names. */
export const PACKAGE_DOCUMENT = 'EPUB/package.opf';

/** `dcterms:modified` of an undated article: the package needs one, and the clock would make every build differ. */
export const UNDATED_MODIFIED = '1970-01-01T00:00:00Z';

/** The media type of each picture format the book carries (EPUB's core media types). */
const PICTURE_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  svg: 'image/svg+xml',
};

export interface PackageContext {
  site: SiteConfig;
  /** The article's page, e.g. "borrowing-in-rust.html": with the site, what makes the identifier. */
  page: string;
  /** The article's audio edition, where it has one: the book is narrated. */
  narration?: Narration;
  /** The lexicon of the article's language: the entries the book holds go with it. */
  pronunciations?: Lexicon | null;
  /** The lexicons of the other languages its passages are marked in: the entries those passages hold go with it. */
  passagePronunciations?: Lexicon[];
}

/**
 * The book's identifier: a name-based UUID (version 5's layout) of the site (its address, or its
 * title where it has none) and the page. The same article keeps it at every build; another
 * article, or the same one on another site, gets another.
 */
export function bookIdentifier({ site, page }: PackageContext): string {
  const hash = createHash('sha1')
    .update(`reader-edition book\n${site.baseUrl ?? site.title}\n${page}`)
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** `dcterms:modified` (CCYY-MM-DDThh:mm:ssZ) from the article's date: a day is read as its midnight in UTC. */
export function modified(date: string | undefined): string {
  if (!date) return UNDATED_MODIFIED;
  return new Date(dateInstant(date)).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function packageDocument(article: Article, content: ContentDocument, context: PackageContext): string {
  const { meta } = article;
  const { narration } = context;
  const publisher = context.site.podcast?.publisher ?? context.site.title;
  const item = (id: string, href: string, type: string, properties: string[] = [], overlay?: string) =>
    `<item id="${id}" href="${escapeXml(href)}" media-type="${type}"${properties.length ? ` properties="${properties.join(' ')}"` : ''}${overlay ? ` media-overlay="${overlay}"` : ''}/>`;
  const pictures = content.pictures.map((picture, index) =>
    item(`picture-${index + 1}`, picture.path, PICTURE_TYPES[picture.path.split('.').at(-1) ?? ''] ?? ''),
  );
  const lang = escapeXml(meta.lang);
  // The navigation document is in the spine, out of the reading order, so its landmark "Contents" leads somewhere a reading system can show.
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${lang}" dir="${meta.dir}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:identifier id="book-id">${bookIdentifier(context)}</dc:identifier>
<dc:title>${escapeXml(meta.title)}</dc:title>
<dc:language>${lang}</dc:language>
${meta.authors.map((author) => `<dc:creator>${escapeXml(author)}</dc:creator>\n`).join('')}${meta.date ? `<dc:date>${escapeXml(meta.date)}</dc:date>\n` : ''}<dc:publisher>${escapeXml(publisher)}</dc:publisher>
<dc:description>${escapeXml(meta.description)}</dc:description>
<meta property="dcterms:modified">${modified(meta.date)}</meta>
${narration ? narrationMetadata(narration) : ''}${accessibilityMetadata(content, meta.lang, narration !== undefined)}
</metadata>
<manifest>
${[
  item('nav', NAVIGATION_DOCUMENT, 'application/xhtml+xml', ['nav']),
  item('article', CONTENT_DOCUMENT, 'application/xhtml+xml', [], narration && 'overlay'),
  item('style', STYLESHEET, 'text/css'),
  ...content.pronunciations.map((p) => item(p.file.replace(/\.pls$/, ''), p.file, 'application/pls+xml')),
  ...pictures,
  ...(narration
    ? [
        item('overlay', MEDIA_OVERLAY, 'application/smil+xml'),
        item('narration', `${NARRATION_DIR}/${narration.mp3.name}`, 'audio/mpeg'),
      ]
    : []),
].join('\n')}
</manifest>
<spine${meta.dir === 'rtl' ? ' page-progression-direction="rtl"' : ''}>
<itemref idref="article"/>
<itemref idref="nav" linear="no"/>
</spine>
</package>
`;
}

/** The overlay's length (the sum of its clips: docs/book.md), its narrator, and the class that marks the sentence being read. */
function narrationMetadata(narration: Narration): string {
  const duration = clockValue(narrationSeconds(narration.cues));
  return `<meta property="media:duration" refines="#overlay">${duration}</meta>
<meta property="media:duration">${duration}</meta>
<meta property="media:narrator">${escapeXml(narration.narrator)}</meta>
<meta property="media:active-class">${ACTIVE_CLASS}</meta>
`;
}

/**
 * What the book offers, as EPUB Accessibility 1.1 asks it declared, for a book of text alone:
 * read as text (and by sight where a picture says something, which its alt text says too); its
 * structure, contents and order marked; nothing that flashes, moves or sounds. The summary is
 * written for a person choosing the book (src/words/).
 */
function accessibilityMetadata(content: ContentDocument, lang: string, narrated: boolean): string {
  const modes = ['textual', ...(content.informativePictures ? ['visual'] : []), ...(narrated ? ['auditory'] : [])];
  const features = [
    'structuralNavigation',
    'tableOfContents',
    'readingOrder',
    'displayTransformability',
    ...(content.informativePictures ? ['alternativeText'] : []),
    ...(narrated ? ['synchronizedAudioText'] : []),
    // The vocabulary's name for pronunciation hints in SSML or PLS.
    ...(content.pronunciations.length > 0 ? ['ttsMarkup'] : []),
  ];
  const hazards = ['noFlashingHazard', 'noMotionSimulationHazard', 'noSoundHazard'];
  // In the book's language where the edition has its words, else in English, marked so.
  const summary = wordsFor(lang).build.bookSummary(content.informativePictures, narrated);
  const summaryLang = editionLanguage(lang).marked ? ' xml:lang="en"' : '';
  return [
    ...modes.map((mode) => `<meta property="schema:accessMode">${mode}</meta>`),
    // Sound alone is not sufficient: code blocks are announced, not read, and pictures' words are in the text.
    '<meta property="schema:accessModeSufficient">textual</meta>',
    ...features.map((feature) => `<meta property="schema:accessibilityFeature">${feature}</meta>`),
    ...hazards.map((hazard) => `<meta property="schema:accessibilityHazard">${hazard}</meta>`),
    `<meta property="schema:accessibilitySummary"${summaryLang}>${escapeXml(summary)}</meta>`,
    '<meta property="dcterms:conformsTo">EPUB Accessibility 1.1 - WCAG 2.2 Level AA</meta>',
  ].join('\n');
}
