// Finds every article source and decides which page each becomes. Adding an article means
// adding a Markdown file (or a folder with an index.md and its pictures) to the articles
// folder, nothing else. One article is the site's home page; several get an index page.
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderArticle, isDraft, type Article } from './article/article.ts';
import { ArticleSourceError, BuildError, type Diagnostic } from './diagnostics.ts';
import { browserLexicon, loadLexicon } from './lexicon/lexicon.ts';
import type { PageContext } from './page/page.ts';
import { loadSiteConfig, type SiteConfig } from './site-config.ts';

export const ARTICLES_DIR = 'assets/articles';

/** The page offline readers get for an article never kept; NOT_KEPT_PAGE in src/service-worker/kept-caches.ts (a build test keeps them equal). */
export const NOT_KEPT_PAGE = 'offline.html';

/** A Hugo section's list page, which is not an article. */
const SECTION_PAGE = '_index.md';

export interface SitePage {
  /** The source file, relative to the project. */
  file: string;
  /** The output file name, e.g. "index.html". */
  page: string;
  article: Article;
  /** The pronunciation lexicon for the article's language, as the page carries it (JSON text; see generator/lexicon/lexicon.ts). */
  lexicon: string | null;
  /** The article listed before this one on the index (newer). */
  previous?: SitePage;
  /** The article listed after this one (older). */
  next?: SitePage;
}

/** A source marked draft, not published. */
export interface Draft {
  file: string;
  title: string;
}

export interface Site {
  config: SiteConfig;
  /** Every article, newest first. */
  pages: SitePage[];
  /** Whether index.html lists the articles (more than one) rather than being the one article. */
  hasIndex: boolean;
  drafts: Draft[];
  /** What the sources had that the pages do not use. */
  warnings: Diagnostic[];
}

/** An article source found in the articles folder, and the page name it gets by default. */
interface Source {
  file: string;
  name: string;
}

/**
 * Renders every article. The only article is the site's index.html; with several, each is at
 * `<slug>.html` and index.html lists them.
 */
export async function loadSite(dir: string = ARTICLES_DIR): Promise<Site> {
  const warnings: Diagnostic[] = [];
  const config = await loadSiteConfig(dir, (warning) => warnings.push(warning));
  const sources = await findSources(dir, warnings);
  if (sources.length === 0)
    throw new BuildError(`${dir}: no article sources found (*.md files, or folders with an index.md)`, 'no-articles');

  const pages: SitePage[] = [];
  const drafts: Draft[] = [];
  const lexicons = new Map<string, Promise<string | null>>();
  for (const { file, name } of sources) {
    const source = await readFile(file, 'utf8');
    if (isDraft(source)) {
      drafts.push({ file, title: /^title\s*[:=]\s*["']?(.*?)["']?\s*$/m.exec(source)?.[1] ?? name });
      continue;
    }
    const article = await renderArticle(source, file, { site: config, root: dir });
    warnings.push(...article.warnings);
    const lang = article.meta.lang.split('-')[0].toLowerCase();
    let lexicon = lexicons.get(lang);
    if (!lexicon) {
      lexicon = loadLexicon(lang).then((loaded) => loaded && JSON.stringify(browserLexicon(loaded)));
      lexicons.set(lang, lexicon);
    }
    pages.push({ file, page: `${article.meta.slug ?? name}.html`, article, lexicon: await lexicon });
  }
  if (pages.length === 0)
    throw new BuildError(
      `${dir}: every article is a draft (${drafts.map((d) => d.file).join(', ')}); nothing to publish`,
      'all-drafts',
    );

  pages.sort(newestFirst);
  const hasIndex = pages.length > 1;
  const taken = new Map<string, string>();
  for (const page of pages) {
    if (!hasIndex) page.page = 'index.html';
    const other = taken.get(page.page);
    if (other || (hasIndex && page.page === 'index.html')) {
      const why = other ? `${other} is published as ${page.page} too` : 'index.html is the list of articles';
      throw new ArticleSourceError(
        page.file,
        1,
        'page-name',
        `${why}: give this article another "slug" in its front matter`,
      );
    }
    taken.set(page.page, page.file);
  }
  pages.forEach((page, i) => {
    if (i > 0) page.previous = pages[i - 1];
    if (i < pages.length - 1) page.next = pages[i + 1];
  });
  return { config, pages, hasIndex, drafts, warnings };
}

/**
 * Article sources under a folder: `name.md`, or `name/index.md` with its pictures beside
 * it (a page bundle). Other folders are looked through.
 */
async function findSources(dir: string, warnings: Diagnostic[]): Promise<Source[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const found: Source[] = [];
  for (const entry of entries) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const bundle = path.join(file, 'index.md');
      if (
        await access(bundle).then(
          () => true,
          () => false,
        )
      )
        found.push({ file: bundle, name: entry.name });
      else found.push(...(await findSources(file, warnings)));
    } else if (entry.name === SECTION_PAGE) {
      warnings.push({
        file,
        line: 1,
        severity: 'warning',
        rule: 'section-page',
        message: 'a section list page (_index.md) is not an article; the index page lists the articles itself. Skipped',
      });
    } else if (entry.name.endsWith('.md')) {
      found.push({ file, name: path.basename(entry.name, '.md') });
    }
  }
  return found;
}

/** Dated articles newest first, then undated ones by title. */
function newestFirst(a: SitePage, b: SitePage): number {
  const [da, db] = [a.article.meta.date, b.article.meta.date];
  if (da && db && da !== db) return da < db ? 1 : -1;
  if (Boolean(da) !== Boolean(db)) return da ? -1 : 1;
  return a.article.meta.title.localeCompare(b.article.meta.title);
}

/**
 * The article shown at index.html when the site has one article; undefined when index.html
 * lists several.
 */
export const homePage = (site: Site): SitePage | undefined => site.pages.find((p) => p.page === 'index.html');

/**
 * Where an article's page stands in its site: the settings, and with several articles, links
 * to the index and the articles either side.
 */
export function pageContext(site: Site, page: SitePage): PageContext {
  const link = (to: SitePage | undefined) =>
    to && { page: to.page, title: to.article.meta.title, lang: to.article.meta.lang };
  return {
    site: site.config,
    page: page.page,
    nav: site.hasIndex ? { index: './', previous: link(page.previous), next: link(page.next) } : undefined,
  };
}
