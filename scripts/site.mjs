// Finds every article source and decides which page each becomes. Adding an article
// means adding a Markdown file under assets/articles/, nothing else.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderArticle, ArticleSourceError } from './article.mjs';
import { browserLexicon, loadLexicon } from './lexicon.mjs';

export const ARTICLES_DIR = 'assets/articles';

/**
 * @typedef {object} SitePage
 * @property {string} file the source file, relative to the project
 * @property {string} page the output file name, e.g. "index.html"
 * @property {import('./article.mjs').Article} article
 * @property {string | null} lexicon the pronunciation lexicon for the article's language, as the
 *   page carries it (JSON text; see lexicon.mjs)
 */

/**
 * Renders every article. The only article, or the one whose front matter says `home: true`,
 * is the site's index.html; every other article is at `<slug>.html`.
 * @param {string} [dir]
 * @returns {Promise<SitePage[]>}
 */
export async function loadSite(dir = ARTICLES_DIR) {
  const files = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  if (files.length === 0) throw new Error(`${dir}: no article sources (*.md) found`);
  /** @type {SitePage[]} */
  const pages = [];
  for (const name of files) {
    const file = path.join(dir, name);
    const article = renderArticle(await readFile(file, 'utf8'), file);
    const slug = article.meta.slug ?? path.basename(name, '.md');
    const lexicon = await loadLexicon(article.meta.lang);
    pages.push({ file, page: `${slug}.html`, article, lexicon: lexicon && JSON.stringify(browserLexicon(lexicon)) });
  }
  const homes = pages.filter((p) => p.article.meta.home === true);
  if (pages.length > 1 && homes.length !== 1) {
    const file = (homes[1] ?? pages[0]).file;
    throw new ArticleSourceError(file, 1, `with ${pages.length} articles, exactly one needs "home: true" in its front matter (found ${homes.length})`);
  }
  const home = homes[0] ?? pages[0];
  return pages.map((p) => (p === home ? { ...p, page: 'index.html' } : p));
}

/**
 * The site's index.html, whose article names the installed edition.
 * @param {SitePage[]} site from loadSite, which always chooses one
 */
export const homePage = (site) => /** @type {SitePage} */ (site.find((p) => p.page === 'index.html'));
