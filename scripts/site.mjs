// Finds every article source and decides which page each becomes. Adding an article
// means adding a Markdown file under assets/articles/, nothing else.
import { access, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { renderArticle, ArticleSourceError } from './article.mjs';

export const ARTICLES_DIR = 'assets/articles';
export const LEXICON_DIR = 'assets/lexicon';

/**
 * @typedef {object} SitePage
 * @property {string} file the source file, relative to the project
 * @property {string} page the output file name, e.g. "index.html"
 * @property {import('./article.mjs').Article} article
 * @property {string | null} lexicon the pronunciation lexicon for the article's language, as JSON text
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
    pages.push({ file, page: `${slug}.html`, article, lexicon: await loadLexicon(article.meta.lang) });
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
 * The lexicon for a language ("en-GB" uses en.json), checked to be JSON with an entries
 * list so a broken file fails the build, naming itself, rather than read-aloud.
 * @param {string} lang
 */
async function loadLexicon(lang) {
  const file = path.join(LEXICON_DIR, `${lang.split('-')[0].toLowerCase()}.json`);
  try {
    await access(file);
  } catch {
    return null;
  }
  const text = await readFile(file, 'utf8');
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const position = /position (\d+)/.exec(String(error))?.[1];
    const line = position ? text.slice(0, Number(position)).split('\n').length : 1;
    throw new ArticleSourceError(file, line, `not valid JSON: ${error instanceof Error ? error.message : error}`);
  }
  if (!Array.isArray(json?.entries)) throw new ArticleSourceError(file, 1, 'a lexicon needs an "entries" list of { "written", "spoken" }');
  json.entries.forEach((/** @type {unknown} */ entry, /** @type {number} */ i) => {
    const e = /** @type {{ written?: unknown, spoken?: unknown }} */ (entry);
    if (typeof e?.written !== 'string' || typeof e?.spoken !== 'string' || e.written === '') {
      const line = text.split('\n').findIndex((l) => l.includes(JSON.stringify(e?.written ?? '')));
      throw new ArticleSourceError(file, line >= 0 ? line + 1 : 1, `entry ${i + 1} needs non-empty "written" and "spoken" text`);
    }
  });
  return JSON.stringify(json);
}

/**
 * The site's index.html, whose article names the installed edition.
 * @param {SitePage[]} site from loadSite, which always chooses one
 */
export const homePage = (site) => /** @type {SitePage} */ (site.find((p) => p.page === 'index.html'));
