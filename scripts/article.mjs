// Turns one article source (Markdown with YAML front matter) into the edition's
// semantic HTML. Runs at build time and in the dev server, never in the browser,
// so the article is complete in the served HTML before any script runs.
import matter from 'gray-matter';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';
import attrs from 'markdown-it-attrs';
import { editionStructure } from './edition-structure.mjs';

/** Words per minute used for the reading-time estimate (adult silent reading of non-fiction). */
export const WORDS_PER_MINUTE = 230;

const REQUIRED_META = /** @type {const} */ (['title', 'author', 'lang', 'description']);

/** A problem in an article source, reported as `file:line: message`. */
export class ArticleSourceError extends Error {
  /**
   * @param {string} file
   * @param {number} line 1-based line in the source file
   * @param {string} message
   */
  constructor(file, line, message) {
    super(`${file}:${line}: ${message}`);
    this.name = 'ArticleSourceError';
    this.file = file;
    this.line = line;
  }
}

/**
 * @typedef {object} ArticleMeta
 * @property {string} title
 * @property {string} author
 * @property {string} lang BCP 47 language tag
 * @property {string} description
 * @property {string} [slug] output file name without `.html`; defaults to the source file's stem
 * @property {boolean} [home] this article is the site's index.html
 *
 * @typedef {object} Article
 * @property {ArticleMeta} meta
 * @property {string} html the article body, from the first paragraph to the author note
 * @property {{ id: string, text: string }[]} sections one entry per h2, in order
 * @property {number} wordCount words in the title and body
 * @property {number} readingMinutes
 */

/**
 * @param {string} source the file's text
 * @param {string} file the file's path, used in error messages
 * @returns {Article}
 */
export function renderArticle(source, file) {
  let parsed;
  try {
    parsed = matter(source);
  } catch (error) {
    const mark = /** @type {{ mark?: { line: number }, reason?: string }} */ (error);
    // js-yaml counts lines from 0, starting at the rest of the opening `---` line.
    const line = mark.mark ? mark.mark.line + 1 : 1;
    throw new ArticleSourceError(file, line, `front matter is not valid YAML: ${mark.reason ?? String(error)}`);
  }
  if (!source.startsWith('---')) {
    throw new ArticleSourceError(file, 1, 'the file must start with front matter (---) giving title, author, lang and description');
  }
  const meta = validateMeta(parsed.data, source, file);
  const bodyOffset = source.split('\n').length - parsed.content.split('\n').length;

  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
  md.use(attrs, { allowedAttributes: ['class'] });
  md.use(anchor, { slugify });
  md.use(editionStructure, {
    fail: (/** @type {number} */ bodyLine, /** @type {string} */ message) => {
      throw new ArticleSourceError(file, bodyOffset + bodyLine + 1, message);
    },
  });

  /** @type {{ sections?: { id: string, text: string }[], words?: number }} */
  const env = {};
  const html = md.render(parsed.content, env);
  const wordCount = countWords(meta.title) + (env.words ?? 0);
  return {
    meta,
    html,
    sections: env.sections ?? [],
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
  };
}

/** @param {string} text */
export function countWords(text) {
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

/** @param {string} text */
export function slugify(text) {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
}

/**
 * @param {Record<string, unknown>} data
 * @param {string} source
 * @param {string} file
 * @returns {ArticleMeta}
 */
function validateMeta(data, source, file) {
  for (const key of REQUIRED_META) {
    const value = data[key];
    if (typeof value !== 'string' || value.trim() === '') {
      const at = source.split('\n').findIndex((line) => line.startsWith(`${key}:`));
      throw new ArticleSourceError(file, at >= 0 ? at + 1 : 1, `front matter needs "${key}" as non-empty text`);
    }
  }
  if (!/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(/** @type {string} */ (data.lang))) {
    const at = source.split('\n').findIndex((line) => line.startsWith('lang:'));
    throw new ArticleSourceError(file, at + 1, `"lang" must be a BCP 47 language tag such as "en" or "en-GB", not "${data.lang}"`);
  }
  return /** @type {ArticleMeta} */ (data);
}
