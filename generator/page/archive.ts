// The archive of a site with more articles than its home page lists: a page of years, then a
// page per year with its articles under a heading per month (the articles without a date on a
// page of their own, last). Plain pages that work without script, linked to the years either
// side (rel prev and next, newest first as the home page), and never precached: a reader's
// browser keeps each as it is opened, like an article, so a first visit costs the same however
// many articles the site has.
import { escapeHtml } from '../escape.ts';
import type { SiteConfig } from '../site-config.ts';
import { ARCHIVE_PAGE, archiveYearPage } from '../site.ts';
import { editionLanguage, wordsFor } from '../../src/words/tables.ts';
import { documentHead, indexEntry, markOf, siteFooter, siteHeader, type IndexEntry, type PageAssets } from './page.ts';

/** One page the archive writes. */
export interface ArchivePage {
  page: string;
  html: string;
}

/** The articles of one year ("2024"), or those without a date (year undefined), newest first. */
interface Year {
  year?: string;
  page: string;
  entries: IndexEntry[];
}

/**
 * The archive's pages: the page of years (ARCHIVE_PAGE), then one per year.
 * @param entries every article, newest first (dated ones before those without a date)
 */
export function renderArchive(site: SiteConfig, entries: IndexEntry[], assets: PageAssets): ArchivePage[] {
  const years: Year[] = [];
  for (const entry of entries) {
    const year = entry.article.meta.date?.slice(0, 4);
    let last = years.at(-1);
    if (!last || last.year !== year) years.push((last = { year, page: archiveYearPage(year), entries: [] }));
    last.entries.push(entry);
  }
  return [
    { page: ARCHIVE_PAGE, html: yearsPage(site, years, entries.length, assets) },
    ...years.map((year, i) => ({ page: year.page, html: yearPage(site, years, i, assets) })),
  ];
}

/** The page of years: each a link to its page, with how many articles it has. */
function yearsPage(site: SiteConfig, years: Year[], count: number, assets: PageAssets): string {
  const words = wordsFor(site.language).build.archive;
  const mark = markOf(editionLanguage(site.language));
  const items = years.map(
    ({ year, page, entries }) =>
      `<li>${words.year(`<a href="./${escapeHtml(page)}">${escapeHtml(year ?? words.undated)}</a>`, entries.length)}</li>`,
  );
  return archiveDocument(site, assets, {
    title: words.title,
    description: words.description(count, site.title),
    body: `<ol class="archive-years"${mark}>\n${items.join('\n')}\n</ol>`,
    nav: '',
  });
}

/** A year's page: its articles under a heading per month (none for those without a date), and the years either side. */
function yearPage(site: SiteConfig, years: Year[], at: number, assets: PageAssets): string {
  const words = wordsFor(site.language).build.archive;
  const mark = markOf(editionLanguage(site.language));
  const { year, entries } = years[at];
  const list = (items: IndexEntry[], level: 2 | 3) =>
    `<ol class="article-list">\n${items.map((entry) => indexEntry(entry, site.language, level)).join('\n')}\n</ol>`;
  let body: string;
  if (year === undefined) body = list(entries, 2);
  else {
    const months = new Map<string, IndexEntry[]>();
    for (const entry of entries) {
      const month = entry.article.meta.date!.slice(0, 7); // a year is one of dated articles
      months.set(month, [...(months.get(month) ?? []), entry]);
    }
    body = [...months]
      .map(
        ([month, items]) => `<h2 id="month-${month}"${mark}>${monthName(month, site.language)}</h2>\n${list(items, 3)}`,
      )
      .join('\n');
  }
  const label = (y: Year) => escapeHtml(y.year ?? words.undated);
  const link = (to: Year | undefined, rel: 'prev' | 'next', name: (label: string) => string) =>
    to ? `<li><a href="./${escapeHtml(to.page)}" rel="${rel}">${name(label(to))}</a></li>\n` : '';
  const nav = `<nav class="article-nav" aria-label="${escapeHtml(words.byYear)}"${mark}>
<ul>
<li><a href="./${ARCHIVE_PAGE}">${words.title}</a></li>
${link(years[at - 1], 'prev', words.newer)}${link(years[at + 1], 'next', words.older)}</ul>
</nav>
`;
  const title = year === undefined ? words.undated : words.articlesOf(year);
  return archiveDocument(site, assets, { title, description: title, body, nav });
}

interface ArchiveContent {
  title: string;
  description: string;
  /** HTML after the page's heading. */
  body: string;
  /** HTML at the end of <main>. */
  nav: string;
}

/**
 * An archive page: the index's shell (its head, toolbar, landmarks and footer) around a heading
 * and a list. The edition's words are marked where they are (markOf), not <main>, which holds
 * the articles' titles in the site's language.
 */
function archiveDocument(site: SiteConfig, assets: PageAssets, { title, description, body, nav }: ArchiveContent) {
  const words = wordsFor(site.language).build;
  const mark = markOf(editionLanguage(site.language));
  return `<!doctype html>
<html lang="${escapeHtml(site.language)}" dir="auto">
${documentHead({ title: `${title}, ${site.title}`, description, lang: site.language, assets, inlineScripts: [] })}
</head>
<body>
<a class="skip-link" href="#main"${mark}>${words.skipToList}</a>
${siteHeader(site, { player: false, home: './', mark })}
<main id="main" class="site-index" tabindex="-1">
<h1${mark}>${escapeHtml(title)}</h1>
${body}
${nav}</main>
${siteFooter(`${escapeHtml(site.title)}.`, words, mark)}
<line-focus></line-focus>
</body>
</html>
`;
}

/** "May 2024" in the site's language ("Mai 2024"), its first letter a capital as a heading's. */
function monthName(month: string, language: string): string {
  const [year, number] = month.split('-').map(Number);
  const name = new Intl.DateTimeFormat(editionLanguage(language).locale, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, number - 1, 1)));
  return escapeHtml(name.charAt(0).toLocaleUpperCase(language) + name.slice(1));
}
