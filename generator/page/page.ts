// The HTML page around a rendered article. Shared by the dev server and the build,
// so what a developer sees is what ships.
import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';
import { audioLinks, audioObject, type PageAudio } from '../audio/page-audio.ts';
import { bookLink, type PageBook } from '../book/page-book.ts';
import { calendarDay } from '../article/dates.ts';
import { escapeHtml } from '../escape.ts';
import { DEFAULT_CONFIG, type SiteConfig } from '../site-config.ts';
import { IN_PAGE_WORDS_ID } from '../../src/words/in-page.ts';
import { editionLanguage, inPageWordsFor, wordsFor, type EditionLanguage } from '../../src/words/tables.ts';
import type { BuildWords } from '../../src/words/build-words.ts';

export interface PageAssets {
  /** URL of the module that enhances the page. */
  script: string;
  /** URLs of the chunks that module imports statically, fetched beside it rather than after it. */
  modulePreloads?: string[];
  /** URL of the edition's stylesheet (the dev server links it). */
  stylesheet?: string;
  /** The stylesheet itself (the build inlines it, so no request blocks the first paint). */
  inlineStylesheet?: string;
  /** Inline script run in <head> before first paint (src/head-snippet.ts). */
  headSnippet: string;
  /**
   * URL of the offline worker; only the build sets it, so the dev server never registers a
   * caching worker and development is never served stale.
   */
  serviceWorker?: string;
  /** The article's audio edition, where the build rendered one. */
  audio?: PageAudio;
  /** URL of the site's podcast feed, where the build wrote one. */
  feed?: string;
  /** The article's accessible book, where the build wrote one (generator/book/). */
  book?: PageBook;
}

/** The settings of a site that has no settings file (see generator/site-config.ts). */
const DEFAULT_SITE: SiteConfig = DEFAULT_CONFIG;

export const SITE_NAME = DEFAULT_CONFIG.title;

/**
 * The ids the article's page gives its own elements, and the notes' heading (generator/article/
 * code-blocks.ts): an article's heading never takes one (generator/article/article.ts).
 */
export const PAGE_IDS: readonly string[] = [
  'article',
  'toc-details',
  'toc-label',
  'install-links',
  'pronunciation-lexicon',
  'audio-edition',
  IN_PAGE_WORDS_ID,
  'footnotes',
];

/**
 * What the page puts inside the article's <article> that is not the article's own markup
 * (`Article.html`): the header with the title and byline, a "Listen from here" after each heading
 * (withListenButtons), the audio links and the book's. The accessible book finds each spoken sentence in the
 * article's markup by leaving these out (generator/audio/spoken-script.ts).
 */
export const PAGE_PARTS_IN_ARTICLE = '.article-header, listen-here, .audio-links, .book-link';

/** The light and dark themes' backgrounds (--light-bg, --dark-bg) in src/styles/edition/tokens.css (a build test keeps them equal). */
export const THEME_COLORS = { light: '#fbfaf7', dark: '#15161a' };

/**
 * On a phone the contents collapse before first paint, so the article starts on the first
 * screen; without JavaScript they stay open. Inline so it runs as the parser reaches it.
 */
const COLLAPSE_TOC_ON_PHONES =
  "if(matchMedia('(max-width: 63.99rem)').matches)document.getElementById('toc-details').open=false";

/**
 * Starts the page's script once the whole page has been painted: a module script runs when the
 * document has been parsed; this one then waits for the browser to report the first contentful
 * paint and lets two more frames render before it imports the entry. So nothing but the HTML
 * comes before the first paint, even where a deferred module would arrive in time to run first,
 * or where the browser paints the top of a long page before parsing the rest. The page is whole
 * without the script, and the components' places are kept until they render. A page that is not
 * being painted (a background tab) starts it after a few seconds all the same. The manifest and
 * Apple's icon come then too: the <noscript> that links them for a page without script is
 * replaced by its links. Fetched while the page parsed, they shared its first moments for nothing
 * the first paint shows (Lighthouse counted them into the largest paint: 905 ms, against 741–802
 * now). The tab's icon stays in the head: linked late, browsers ask for /favicon.ico first.
 */
const loadAfterFirstPaint = ({ script, modulePreloads = [] }: PageAssets): string =>
  `let started=false;const start=()=>{if(started)return;started=true;const links=document.getElementById('install-links');if(links)links.outerHTML=links.textContent;for(const href of ${jsonForHtml(modulePreloads)})document.head.append(Object.assign(document.createElement('link'),{rel:'modulepreload',href}));import(${jsonForHtml(script)})};` +
  'const painted=(then)=>requestAnimationFrame(()=>setTimeout(then));const afterPaint=()=>painted(()=>painted(start));' +
  "if(PerformanceObserver.supportedEntryTypes?.includes('paint'))new PerformanceObserver((list,observer)=>{if(list.getEntriesByName('first-contentful-paint').length>0){observer.disconnect();afterPaint()}}).observe({type:'paint',buffered:true});" +
  'else afterPaint();setTimeout(start,3000)';

/**
 * The Content-Security-Policy: same-origin resources only; inline script and style only for
 * the snippets and stylesheet whose hashes it lists, never 'unsafe-inline' (JSON-LD is data,
 * which CSP does not execute).
 */
export const contentSecurityPolicy = (inlineScripts: string[], inlineStyles: string[] = []): string =>
  [
    "default-src 'self'",
    `script-src 'self' ${inlineScripts.map(hash).join(' ')}`,
    ["style-src 'self'", ...inlineStyles.map(hash)].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "media-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

/**
 * Between the parts of a byline: a dot for the eye, silent for screen readers (which would say
 * "middle dot" at their default punctuation level).
 */
export const SEPARATOR = '<span aria-hidden="true"> · </span>';

/**
 * The document's title: the article's, then the site's, joined by a comma (which no screen
 * reader speaks at its default punctuation level, unlike "·" or "|"), or by nothing more
 * than a space when the title ends in its own punctuation.
 */
export const pageTitle = (title: string, siteName: string): string =>
  `${title}${/[.!?…:]$/.test(title) ? '' : ','} ${siteName}`;

/** An article another links to. */
interface NavLink {
  page: string;
  title: string;
  lang: string;
}

/** Links to the site's index and the articles either side. */
interface ArticleNav {
  index: string;
  previous?: NavLink;
  next?: NavLink;
}

/** Where the page stands in its site. */
export interface PageContext {
  site?: SiteConfig;
  /** This page's file name, for its canonical address. */
  page?: string;
  /** When the site has several articles. */
  nav?: ArticleNav;
}

/**
 * The attributes that mark the edition's words where they are not in the page's language: English
 * (and left to right) where the language has no table of them (src/words/tables.ts), so screen readers
 * switch voices for them; nothing otherwise.
 */
export const markOf = (edition: EditionLanguage) => (edition.marked ? ' lang="en" dir="ltr"' : '');

/** A piece of the article (its title, its author) inside the edition's words: marked with the article's language where they are not in it. */
const inArticleLanguage = (text: string, edition: EditionLanguage, lang: string, dir: string) =>
  edition.marked
    ? `<span lang="${escapeHtml(lang)}" dir="${escapeHtml(dir)}">${escapeHtml(text)}</span>`
    : escapeHtml(text);

/** @param lexicon pronunciation lexicon JSON for read-aloud */
export function renderPage(
  article: Article,
  assets: PageAssets,
  lexicon: string | null = null,
  { site = DEFAULT_SITE, page = 'index.html', nav }: PageContext = {},
): string {
  const { meta } = article;
  // The page is in the article's language; the edition's words are in it too where they have a table.
  const edition = editionLanguage(meta.lang);
  const words = wordsFor(meta.lang).build;
  const mark = markOf(edition);
  const ofArticle = (text: string) => inArticleLanguage(text, edition, meta.lang, meta.dir);
  const url = site.baseUrl ? new URL(page === 'index.html' ? '' : page, site.baseUrl).href : undefined;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Article',
    headline: meta.title,
    description: meta.description,
    inLanguage: meta.lang,
    ...(meta.authors.length > 0 ? { author: people(meta.authors) } : {}),
    ...(meta.date ? { datePublished: meta.date } : {}),
    ...(url ? { url } : {}),
    wordCount: article.wordCount,
    timeRequired: `PT${article.readingMinutes}M`,
    isAccessibleForFree: true,
    accessMode: ['textual'],
    accessibilityFeature: ['tableOfContents', 'structuralNavigation', 'readingOrder', 'displayTransformability'],
    accessibilityHazard: ['noFlashingHazard', 'noMotionSimulationHazard', 'noSoundHazard'],
    ...(assets.audio && { audio: audioObject(assets.audio) }),
  };
  const toc = article.sections
    .map((section) => {
      const lang = section.edition ? mark : '';
      return `<li><a href="#${escapeHtml(section.id)}"${lang}>${escapeHtml(section.text)}</a></li>`;
    })
    .join('\n');
  const byline = [
    meta.author ? words.by(ofArticle(meta.author)) : '',
    meta.date
      ? `<time datetime="${escapeHtml(meta.date)}">${escapeHtml(formatDate(meta.date, edition.locale))}</time>`
      : '',
    `<span>${words.minutesRead(article.readingMinutes)}</span>`,
  ]
    .filter(Boolean)
    .join(SEPARATOR);

  return `<!doctype html>
<html lang="${escapeHtml(meta.lang)}" dir="${meta.dir === 'rtl' ? 'rtl' : 'auto'}">
${documentHead({ title: pageTitle(meta.title, site.title), description: meta.description, author: meta.author, url, lang: meta.lang, assets, inlineScripts: [COLLAPSE_TOC_ON_PHONES] })}
<script type="application/ld+json">${jsonForHtml(jsonLd)}</script>
${lexicon ? `<script type="application/json" id="pronunciation-lexicon">${jsonForHtml(JSON.parse(lexicon))}</script>` : ''}
${assets.audio ? `<script type="application/json" id="audio-edition">${jsonForHtml(assets.audio)}</script>\n` : ''}${assets.feed ? `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(words.podcast(site.title))}" href="${escapeHtml(assets.feed)}">\n` : ''}</head>
<body>
<a class="skip-link" href="#article"${mark}>${words.skipToArticle}</a>
${siteHeader(site, { player: true, home: nav ? nav.index : undefined, offline: nav ? 'article' : 'home-article', mark })}
<div class="layout">
<nav class="toc" aria-labelledby="toc-label">
<details id="toc-details" open>
<summary id="toc-label"${mark}>${words.contents}</summary>
<edition-toc>
<ol>
${toc}
</ol>
</edition-toc>
</details>
</nav>
<script>${COLLAPSE_TOC_ON_PHONES}</script>
<main id="article" tabindex="-1">
<article class="article" lang="${escapeHtml(meta.lang)}" dir="${meta.dir}">
<header class="article-header">
<h1>${escapeHtml(meta.title)}</h1>
<p class="article-meta" data-edition${mark}>${byline}</p>
</header>
${withListenButtons(article.html, mark)}
${assets.audio ? audioLinks(assets.audio, assets.feed, meta.lang, mark) : ''}
${assets.book ? `<p class="book-link" data-edition${mark}>${bookLink(assets.book, meta.lang)}</p>\n` : ''}</article>
${nav ? `${listenNext(page, meta.title, meta.lang)}\n` : ''}<reading-place data-edition hidden${mark}></reading-place>
${nav ? `${articleNav(nav, meta.lang, mark)}<listening-queue></listening-queue>\n` : ''}</main>
</div>
${siteFooter(words.editionOf(escapeHtml(site.title), ofArticle(meta.title), meta.author ? ofArticle(meta.author) : undefined), words, mark)}
<line-focus></line-focus>
</body>
</html>
`;
}

/** One article as the index lists it. */
export interface IndexEntry {
  page: string;
  article: Article;
  /** Its accessible book, offered under its description. */
  book?: PageBook;
}

/** The home page's link to the archive, where the site has more articles than the home page lists. */
export interface ArchiveLink {
  href: string;
  /** Every article the site has. */
  count: number;
}

/**
 * The index of a site with several articles: its title, then each article newest first, with
 * its author, date, reading time and description; then the link to the archive where there is one.
 * @param entries newest first
 */
export function renderIndexPage(
  site: SiteConfig,
  entries: IndexEntry[],
  assets: PageAssets,
  archive?: ArchiveLink,
): string {
  const edition = editionLanguage(site.language);
  const words = wordsFor(site.language).build;
  const mark = markOf(edition);
  const url = site.baseUrl;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'CollectionPage',
    name: site.title,
    inLanguage: site.language,
    ...(site.description ? { description: site.description } : {}),
    ...(url ? { url } : {}),
    hasPart: entries.map(({ page, article: { meta } }) => ({
      '@type': 'Article',
      headline: meta.title,
      inLanguage: meta.lang,
      ...(url ? { url: new URL(page, url).href } : {}),
      ...(meta.date ? { datePublished: meta.date } : {}),
      ...(meta.authors.length > 0 ? { author: people(meta.authors) } : {}),
    })),
  };
  const items = entries.map((entry) => indexEntry(entry, site.language, 2));
  const archiveLink = archive
    ? `<p class="archive-link"${mark}><a href="${escapeHtml(archive.href)}">${wordsFor(site.language).build.archive.allByYear(archive.count)}</a></p>\n`
    : '';
  return `<!doctype html>
<html lang="${escapeHtml(site.language)}" dir="auto">
${documentHead({ title: site.title, description: site.description ?? words.articlesFrom(archive?.count ?? entries.length, site.title), url, lang: site.language, assets, inlineScripts: [] })}
<script type="application/ld+json">${jsonForHtml(jsonLd)}</script>
</head>
<body>
<a class="skip-link" href="#main"${mark}>${words.skipToList}</a>
${siteHeader(site, { player: false, mark })}
<main id="main" class="site-index" tabindex="-1">
<h1>${escapeHtml(site.title)}</h1>
${site.description ? `<p class="site-description">${escapeHtml(site.description)}</p>\n` : ''}<ol class="article-list">
${items.join('\n')}
</ol>
<listening-queue offer-all></listening-queue>
${archiveLink}</main>
${siteFooter(`${escapeHtml(site.title)}.`, words, mark)}
<line-focus></line-focus>
</body>
</html>
`;
}

/**
 * One article in a list of them (the index, a year of the archive): its title as a heading of
 * `level` linking to it, its author, date and reading time, whether it is kept, its description,
 * and its book where it has one.
 * @param language the list's: the article's own marks its title and description where it differs
 */
export function indexEntry({ page, article, book }: IndexEntry, language: string, level: 2 | 3): string {
  const { meta } = article;
  const edition = editionLanguage(language);
  const words = wordsFor(language).build;
  const id = `article-${page.replace(/\.html$/, '')}`;
  const details = [
    meta.author ? words.by(`<span lang="${escapeHtml(meta.lang)}">${escapeHtml(meta.author)}</span>`) : '',
    meta.date
      ? `<time datetime="${escapeHtml(meta.date)}">${escapeHtml(formatDate(meta.date, edition.locale))}</time>`
      : '',
    words.minutesRead(article.readingMinutes),
  ]
    .filter(Boolean)
    .join(SEPARATOR);
  // The article's own language for its title and description; the edition's for the rest.
  const lang = meta.lang === language ? '' : ` lang="${escapeHtml(meta.lang)}" dir="${meta.dir}"`;
  return `<li>
<article class="index-entry" aria-labelledby="${escapeHtml(id)}">
<h${level} id="${escapeHtml(id)}"${lang}><a href="./${escapeHtml(page)}">${escapeHtml(meta.title)}</a></h${level}>
<p class="article-meta"${markOf(edition)}>${details}<kept-mark href="./${escapeHtml(page)}"></kept-mark></p>
<p${lang}>${escapeHtml(meta.description)}</p>
${listenNext(page, meta.title, meta.lang)}
${book ? `<p class="book-link"${markOf(edition)}>${bookLink(book, language, id)}</p>\n` : ''}</article>
</li>`;
}

/**
 * What the offline worker shows, at the article's own address, when a reader offline opens an
 * article that was never kept (sites of several articles): it says so, and lists the articles
 * that are kept (read from the cache by <kept-articles>; without script, the link to the index,
 * which marks them).
 */
export function renderNotKeptPage(site: SiteConfig, assets: PageAssets): string {
  const words = wordsFor(site.language).build;
  const mark = markOf(editionLanguage(site.language));
  return `<!doctype html>
<html lang="${escapeHtml(site.language)}" dir="auto">
${documentHead({ title: `${words.notAvailableOffline}, ${site.title}`, description: words.notKeptDescription, lang: site.language, assets, inlineScripts: [] })}
<meta name="robots" content="noindex">
</head>
<body>
<a class="skip-link" href="#main"${mark}>${words.skipToMessage}</a>
${siteHeader(site, { player: false, home: './', mark })}
<main id="main" class="site-index" tabindex="-1"${mark}>
<h1>${words.notAvailableOffline}</h1>
<p>${words.notKeptMessage}</p>
<kept-articles></kept-articles>
<p><a href="./">${words.allArticles}</a>${words.listSaysWhichAreKept}</p>
</main>
${siteFooter(`${escapeHtml(site.title)}.`, words, mark)}
</body>
</html>
`;
}

interface DocumentHead {
  title: string;
  description: string;
  author?: string;
  url?: string;
  /** The page's language: where it is not English but has a table, the components' words come in the page. */
  lang: string;
  assets: PageAssets;
  inlineScripts: string[];
}

/** Everything in <head> up to the page's own data: policy, names, icons, styles, the script. */
export function documentHead({ title, description, author, url, lang, assets, inlineScripts }: DocumentHead): string {
  const loader = loadAfterFirstPaint(assets);
  // Data, not script: the CSP has nothing to allow. The script carries English only (src/words/in-page.ts).
  const words = inPageWordsFor(lang);
  return `<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy([assets.headSnippet, loader, ...inlineScripts], assets.inlineStylesheet ? [assets.inlineStylesheet] : [])}">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<meta name="description" content="${escapeHtml(description)}">
${author ? `<meta name="author" content="${escapeHtml(author)}">\n` : ''}${url ? `<link rel="canonical" href="${escapeHtml(url)}">\n` : ''}<meta name="color-scheme" content="light dark">
<meta name="theme-color" content="${THEME_COLORS.light}" media="(prefers-color-scheme: light)">
<meta name="theme-color" content="${THEME_COLORS.dark}" media="(prefers-color-scheme: dark)">
<link rel="icon" href="./icons/icon.svg" type="image/svg+xml">
<noscript id="install-links"><link rel="manifest" href="./manifest.webmanifest">
<link rel="apple-touch-icon" href="./icons/apple-touch-icon.png"></noscript>
${assets.serviceWorker ? `<meta name="service-worker" content="${escapeHtml(assets.serviceWorker)}">\n` : ''}<script>${assets.headSnippet}</script>
${assets.inlineStylesheet ? `<style>${assets.inlineStylesheet}</style>` : `<link rel="stylesheet" href="${escapeHtml(assets.stylesheet ?? '')}">`}
<script type="module">${loader}</script>${words ? `\n<script type="application/json" id="${IN_PAGE_WORDS_ID}">${jsonForHtml(words)}</script>` : ''}`;
}

interface HeaderOptions {
  player: boolean;
  home?: string;
  /**
   * What the offline details say of this page: an article kept on its own, or the one
   * article, saved as the home page.
   */
  offline?: 'article' | 'home-article';
  /** The attributes that mark the edition's words (see markOf). */
  mark?: string;
}

/**
 * The edition's toolbar. The player is there only where there is an article to read; the
 * site's name links to the index where there is one.
 */
/** The footer of every page: what the page is, then the promise that nothing leaves the device. */
export function siteFooter(about: string, words: Pick<BuildWords, 'privateByDesign'>, mark: string): string {
  return `<footer class="site-footer"${mark}>
<p>${about} ${words.privateByDesign}</p>
</footer>`;
}

export function siteHeader(site: SiteConfig, { player, home, offline, mark = '' }: HeaderOptions): string {
  const name = home ? `<a href="${escapeHtml(home)}">${escapeHtml(site.title)}</a>` : escapeHtml(site.title);
  return `<header class="site-header"${mark}>
<div class="toolbar">
<p class="site-name">${name}</p>
<offline-status${offline ? ` page="${offline}"` : ''}></offline-status>
${player ? '<read-aloud-player></read-aloud-player>\n' : ''}<reading-settings-panel></reading-settings-panel>
</div>
</header>`;
}

/**
 * Links from an article to the index and the articles either side of it, in the words of the
 * article's language (`lang`); `mark` as markOf.
 */
function articleNav({ index, previous, next }: ArticleNav, lang: string, mark: string): string {
  const words = wordsFor(lang).build;
  const link = (to: NavLink, rel: string, label: (title: string) => string) =>
    `<li><a href="./${escapeHtml(to.page)}" rel="${rel}">${label(`<span lang="${escapeHtml(to.lang)}">${escapeHtml(to.title)}</span>`)}</a></li>\n`;
  return `<nav class="article-nav" aria-label="${escapeHtml(words.moreArticles)}"${mark}>
<ul>
<li><a href="${escapeHtml(index)}">${words.allArticles}</a></li>
${previous ? link(previous, 'prev', words.previous) : ''}${next ? link(next, 'next', words.next) : ''}</ul>
</nav>
`;
}

/**
 * "Listen next" for an article (src/components/listening-queue/listen-next.ts), on sites of several
 * articles: an empty element the script fills with its button.
 */
const listenNext = (page: string, title: string, lang: string) =>
  `<listen-next href="./${escapeHtml(page)}" article-title="${escapeHtml(title)}" article-lang="${escapeHtml(lang)}"></listen-next>`;

/** schema.org authors: one Person, or a list of them. */
export const people = (names: string[]) =>
  names.length === 1 ? { '@type': 'Person', name: names[0] } : names.map((name) => ({ '@type': 'Person', name }));

/**
 * A publication date as readers of the site's language write it ("31 May 2024"): the day as
 * written, whatever the offset written with it or the time zone of the machine that builds.
 * @param date ISO 8601
 */
export function formatDate(date: string, lang: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeZone: 'UTC' };
  const day = calendarDay(date);
  const shown = day ? new Date(`${day}T00:00:00Z`) : new Date(date);
  try {
    return new Intl.DateTimeFormat(lang, options).format(shown);
  } catch {
    return new Intl.DateTimeFormat('en', options).format(shown);
  }
}

/**
 * A "Listen from here" control beside each section heading and FAQ question, right after the
 * heading, naming the heading it starts at. It is the edition's, not the article's
 * (data-edition), and shows only where speech works.
 */
export function withListenButtons(html: string, mark = ''): string {
  return html.replace(
    /<h([23]) id="([^"]+)"[^>]*>[\s\S]*?<\/h\1>/g,
    `$&<listen-here heading="$2" data-edition${mark}></listen-here>`,
  );
}

function hash(script: string): string {
  return `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
}

/** JSON inside <script> must not be able to close the element. */
function jsonForHtml(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}
